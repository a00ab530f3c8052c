// {{ }} figures are bound as a transform over the Markdown tree: parsed first, then each text node's
// expressions evaluated, so a value is never re-read as Markdown and errors point at the right column.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { BindingTable } from "../../src/document/bindings.ts";
import { parseMarkdown } from "../../src/document/markdown.ts";
import type { Block, Inline } from "../../src/document/model.ts";

const roots = { contentDir: "/c", dataDir: "/d" };
const names = {
  year: 2025,
  previousYear: 2024,
  title: "Gender *Equality* in_UK_Policing",
  national: { middleManagement: { womenPct: 27.61 } },
  bandCounts: { seniorLeadership: { "2024": { "men+15": 4 }, "2025": { "men+15": 7 } } },
};

function bind(markdown: string, firstLine = 5) {
  const sink = new DiagnosticSink();
  const bindings = new BindingTable(() => [], roots);
  const text = parseMarkdown({ file: path.join("/c", "2025", "analysis", "x.md"), text: markdown, firstLine }, { names, bindings, roots, idPrefix: "analysis/x" }, sink);
  return { text, sink, bindings: bindings.all };
}

const inlinesOf = (block: Block): Inline[] => (block.type === "paragraph" || block.type === "heading" ? block.children : []);

describe("figures in prose", () => {
  it("prints a value with * and _ as it is, never as emphasis", () => {
    const { text, bindings } = bind("The title is {{ title }}.");
    const inlines = inlinesOf(text.blocks[0]);
    expect(inlines.map((i) => i.type)).toEqual(["text", "figure", "text"]);
    expect(inlines[1]).toMatchObject({ type: "figure", text: "Gender *Equality* in_UK_Policing" });
    expect(Object.values(bindings)).toHaveLength(1);
  });

  it("leaves an expression inside inline code as written", () => {
    const { text, bindings, sink } = bind("Write `{{ year }}` to print {{ year }}.");
    const inlines = inlinesOf(text.blocks[0]);
    expect(inlines.find((i) => i.type === "text" && i.value === "{{ year }}")).toBeDefined();
    expect(inlines.filter((i) => i.type === "figure")).toEqual([expect.objectContaining({ text: "2025" })]);
    expect(Object.keys(bindings)).toEqual(["analysis/x/figure-1"]);
    expect(sink.messages).toEqual([]);
  });

  it("records each figure's expression, file, line and column, value and statistic", () => {
    const { bindings } = bind("First line.\nIn {{ year }} it was {{ national.middleManagement.womenPct | pct1 }}.");
    const [first, second] = Object.values(bindings);
    expect(first).toMatchObject({ expression: "year", text: "2025", value: 2025, source: { file: "content/2025/analysis/x.md", line: 6, column: 4 } });
    expect(second).toMatchObject({
      expression: "national.middleManagement.womenPct | pct1",
      text: "27.6\u00a0%",
      value: 27.61,
      statistics: ["national.middleManagement.womenPct"],
      source: { line: 6, column: 22 },
    });
  });

  it("puts an error's column on the bad name even after an earlier expression on the line", () => {
    const { sink } = bind("In {{ year }} and {{ national.middleManagment.womenPct }}.");
    expect(sink.errors).toHaveLength(1);
    // "{{" of the second expression is at column 19; the name starts 3 further on.
    expect(sink.errors[0]).toMatchObject({ rule: "expression", line: 5, column: 22 });
    expect(sink.errors[0].message).toMatch(/Did you mean "national\.middleManagement\.womenPct"\?/);
  });

  it("keeps columns right after an escaped character earlier on the line", () => {
    const { bindings } = bind("A \\* star, then {{ year }}.");
    expect(Object.values(bindings)[0].source).toMatchObject({ line: 5, column: 17 });
  });

  it("reports an unclosed {{ and a stray }} at their line and column", () => {
    const { sink } = bind("Fine.\n\nThis {{ year is never closed.\n\nAnd this }} closes nothing.");
    expect(sink.errors.map((e) => [e.line, e.column, e.message.slice(0, 20)])).toEqual([
      [7, 6, "This {{ is never clo"],
      [9, 10, "A closing }} has no "],
    ]);
  });

  it("treats formatter and function names as the project's own, never a JavaScript object's", () => {
    const { sink } = bind("{{ year | toString }} {{ constructor(year) }} {{ year.constructor }}");
    expect(sink.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/Unknown formatter "toString"; known: pct0/),
      expect.stringMatching(/Unknown function "constructor"/),
      expect.stringMatching(/"year" is one figure and has no "constructor"/),
    ]);
  });

  it("reaches the edition year and the year before as current and previous", () => {
    const { bindings, sink } = bind("{{ bandCounts.seniorLeadership.current.men+15 }} against {{ bandCounts.seniorLeadership.previous.men+15 }}, as {{ bandCounts.seniorLeadership.2025.men+15 }}");
    expect(sink.messages).toEqual([]);
    expect(Object.values(bindings).map((b) => [b.text, b.statistics[0]])).toEqual([
      ["7", "bandCounts.seniorLeadership.2025.men+15"],
      ["4", "bandCounts.seniorLeadership.2024.men+15"],
      ["7", "bandCounts.seniorLeadership.2025.men+15"],
    ]);
  });

  it("gives every block an id under its section and the line it was written on", () => {
    const { text } = bind("## A heading\n\nA paragraph.\n\n- one\n- two\n\n> Quoted.\n> — Someone");
    expect(text.blocks.map((b) => [b.id, b.type, b.source?.line])).toEqual([
      ["analysis/x/1", "heading", 5],
      ["analysis/x/2", "paragraph", 7],
      ["analysis/x/3", "list", 9],
      ["analysis/x/6", "quote", 12],
    ]);
  });
});
