// Footnotes are numbered in the order the reader first meets them, by a reference or by the definition
// itself; a reference the report cannot print (inside a table) does not count.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { BindingTable } from "../../src/document/bindings.ts";
import { parseMarkdown, plainText } from "../../src/document/markdown.ts";
import type { Block, Inline } from "../../src/document/model.ts";

const roots = { contentDir: "/c", dataDir: "/d" };

function parse(markdown: string) {
  const sink = new DiagnosticSink();
  const bindings = new BindingTable(() => [], roots);
  const text = parseMarkdown({ file: path.join("/c", "2025", "analysis", "x.md"), text: markdown, firstLine: 1 }, { names: {}, bindings, roots, idPrefix: "analysis/x" }, sink);
  return { text, sink };
}

const refs = (inlines: Inline[]): number[] => inlines.flatMap((i) => (i.type === "footnoteRef" ? [i.number] : "children" in i ? refs(i.children) : []));
const paragraphText = (blocks: Block[]) => blocks.map((b) => (b.type === "paragraph" ? plainText(b.children) : b.type)).join(" ");

describe("footnote numbers", () => {
  const markdown = [
    "Intro[^b] with *stress[^a]* and [a link[^a]](https://example.org).",
    "",
    "| x |",
    "|---|",
    "| y[^t] |",
    "",
    "[^c]: Written first and cites [^d].",
    "",
    "[^a]: Note a.",
    "[^b]: Note b.",
    "[^d]: Note d.",
    "[^t]: Note t.",
  ].join("\n");

  it("follow reading order: references, then definitions met before any reference, nested ones included", () => {
    const { text } = parse(markdown);
    const first = text.blocks[0];
    expect(first.type === "paragraph" && refs(first.children)).toEqual([1, 2, 2]);
    // b 1, a 2 (from the paragraph), c 3 (its definition), d 4 (cited inside c), t 5 (its table is not printed).
    expect(text.footnotes.map((f) => [f.number, paragraphText(f.children)])).toEqual([
      [1, "Note b."],
      [2, "Note a."],
      [3, "Written first and cites ."],
      [4, "Note d."],
      [5, "Note t."],
    ]);
    expect(refs(text.footnotes[2].children.flatMap((b) => (b.type === "paragraph" ? b.children : [])))).toEqual([4]);
  });

  it("the table holding a reference is reported, and nothing else is", () => {
    const { sink } = parse(markdown);
    expect(sink.messages.map((d) => d.rule)).toEqual(["unsupported-markdown"]);
  });
});
