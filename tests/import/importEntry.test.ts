// A Word document with headings, a list, a link, a footnote, an image and a table becomes an entry that
// the build loads and prints, with the table (and the image without a description) reported.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import type { Block } from "../../src/document/model.ts";
import { plainText } from "../../src/document/markdown.ts";
import { importDocxEntry } from "../../src/import/docxEntry.ts";
import { loadForceRegister } from "../../src/load/forceRegister.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { makeDocx } from "../helpers/makeDocx.ts";

async function importInto(blocks: Parameters<typeof makeDocx>[0], name = "submission.docx") {
  const fixture = copyFixtures();
  const docx = path.join(fixture.root, name);
  writeFileSync(docx, await makeDocx(blocks));
  const sink = new DiagnosticSink();
  const register = loadForceRegister(path.join(fixture.dataDir, "forces.csv"), sink)!;
  const entriesDir = path.join(fixture.contentDir, "2024", "good-practice");
  const result = await importDocxEntry({ file: docx, force: register.resolve("Kent Police")!, entriesDir }, sink);
  return { fixture, docx, sink, result, entriesDir };
}

const submission = [
  { heading: 1 as const, text: "Kent Police: walking the streets together" },
  { paragraph: ["Officers and residents walked the town centre after dark to find where people felt unsafe."] },
  { heading: 2 as const, text: "What we did" },
  { paragraph: ["We ran ", { text: "twelve", bold: true }, " walks with ", { text: "local partners", italic: true }, ", guided by ", { text: "the national toolkit", link: "https://example.org/toolkit" }, { text: ".", footnote: "Published by the college in spring." }] },
  { bullets: ["better street lighting", "changed patrol routes"] },
  { image: { alt: "Officers and residents on a walk" } },
  { table: [["Walks", "People"], ["12", "340"]] },
  { heading: 3 as const, text: "What people said" },
  { paragraph: ["It felt like they listened."], style: "Quote" as const },
  { image: {} },
];

describe("import:entry", () => {
  it("writes an entry whose front matter and body carry the document", async () => {
    const { result, entriesDir } = await importInto(submission);
    expect(result!.entryFile).toBe(path.join(entriesDir, "kent.md"));
    const text = readFileSync(result!.entryFile, "utf8");
    // The colon in the title is quoted, so the YAML reads back as the same title.
    expect(text).toContain('title: "Kent Police: walking the streets together"\n');
    expect(text).toContain("lede: Officers and residents walked the town centre after dark to find where people felt unsafe.\n");
    expect(text).toContain("force: kent\n");
    expect(text).toContain("sample: false\n");
    expect(text).toContain("## What we did\n");
    expect(text).toContain("### What people said\n");
    expect(text).toContain("We ran **twelve** walks with *local partners*, guided by [the national toolkit](https://example.org/toolkit).[^1]");
    expect(text).toContain("[^1]: Published by the college in spring.");
    expect(text).toContain("- better street lighting\n- changed patrol routes\n");
    expect(text).toContain("![Officers and residents on a walk](kent-image-1.png)");
    expect(text).toContain("> It felt like they listened.");
    expect(text).not.toContain("Walks");
    expect(existsSync(path.join(entriesDir, "kent-image-1.png"))).toBe(true);
    expect(existsSync(path.join(entriesDir, "kent-image-2.png"))).toBe(true);
  });

  it("reports the table at the entry line where it was left out, and the image without a description", async () => {
    const { sink, result } = await importInto(submission);
    const lines = readFileSync(result!.entryFile, "utf8").split("\n");
    const table = sink.warnings.find((w) => w.rule === "import-table")!;
    expect(table.file).toBe(result!.entryFile);
    expect(table.message).toContain('A table (2 rows, starting "Walks · People · 12 · 340")');
    // The table stood between the picture and the "What people said" heading.
    expect(lines[table.line! - 1]).toBe("### What people said");
    const alt = sink.warnings.find((w) => w.rule === "image-alt")!;
    expect(lines[alt.line! - 1]).toBe("![](kent-image-2.png)");
    expect(sink.errors).toEqual([]);
  });

  it("builds as it is: the entry loads through prepare() with every block in place", async () => {
    const { fixture } = await importInto(submission);
    const { document, sink } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    const kent = document.sections.find((s) => s.kind === "force" && s.slug === "kent");
    if (kent?.kind !== "force") throw new Error("no Kent section");
    expect(kent.entries).toHaveLength(1);
    const [entry] = kent.entries;
    expect(entry.title).toBe("Kent Police: walking the streets together");
    const kinds = entry.body.blocks.map((b: Block) => b.type);
    expect(kinds).toEqual(["heading", "paragraph", "list", "image", "heading", "quote", "image"]);
    expect(entry.body.footnotes).toHaveLength(1);
    const para = entry.body.blocks[1];
    expect(para.type === "paragraph" && plainText(para.children)).toBe("We ran twelve walks with local partners, guided by the national toolkit.");
    expect(sink.warnings.filter((w) => w.file.endsWith("kent.md"))).toEqual([expect.objectContaining({ rule: "image-alt" })]);
  });

  it("never overwrites: a second import becomes kent-2.md", async () => {
    const first = await importInto(submission);
    const sink = new DiagnosticSink();
    const register = loadForceRegister(path.join(first.fixture.dataDir, "forces.csv"), sink)!;
    const before = readFileSync(first.result!.entryFile, "utf8");
    const second = await importDocxEntry({ file: first.docx, force: register.resolve("kent")!, entriesDir: first.entriesDir }, sink);
    expect(second!.entryFile).toBe(path.join(first.entriesDir, "kent-2.md"));
    expect(readFileSync(first.result!.entryFile, "utf8")).toBe(before);
    expect(readFileSync(second!.entryFile, "utf8")).toContain("![Officers and residents on a walk](kent-2-image-1.png)");
  });

  it("lists tracked changes, comments and text boxes with the paragraph they were in", async () => {
    const { sink } = await importInto([
      { paragraph: ["Our year in brief."] },
      { paragraph: ["The scheme ", { text: "now covers every district", inserted: true, comment: "Check with the chief inspector" }] },
      { textBox: "Forty volunteers joined" },
    ], "network_of_women.docx");
    const byRule = Object.fromEntries(sink.warnings.map((w) => [w.rule, w.message]));
    expect(byRule["import-tracked-changes"]).toContain('1 insertion, 0 deletions), the first in the paragraph "The scheme now covers every district"');
    expect(byRule["import-comment"]).toContain('A comment ("Check with the chief inspector") on the paragraph "The scheme now covers every district"');
    expect(byRule["import-text-box"]).toContain('the paragraph "Forty volunteers joined"');
    // No heading: the title comes from the file name, and says so.
    expect(byRule["import-title"]).toContain('"Network of women"');
  });

  it("refuses a file that is not a .docx, writing nothing", async () => {
    const fixture = copyFixtures();
    const file = path.join(fixture.root, "entry.doc");
    writeFileSync(file, "not a zip");
    const sink = new DiagnosticSink();
    const register = loadForceRegister(path.join(fixture.dataDir, "forces.csv"), sink)!;
    const result = await importDocxEntry({ file, force: register.resolve("kent")!, entriesDir: path.join(fixture.contentDir, "2024", "good-practice") }, sink);
    expect(result).toBeNull();
    expect(sink.errors).toEqual([expect.objectContaining({ rule: "not-docx", file })]);
    expect(existsSync(path.join(fixture.contentDir, "2024", "good-practice", "kent.md"))).toBe(false);
  });
});
