// verify names the pages that show something different, by what they show: not the cover because a
// date or an ID changed, but the pages where a changed figure prints, by their printed numbers.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { comparePdfPages, describePageDifferences } from "../../src/pdf/comparePages.ts";
import { compareOutputs, type VerifyResult } from "../../src/archive/verify.ts";
import type { Manifest } from "../../src/archive/manifest.ts";
import { build } from "../../src/build/build.ts";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

/** Nine pages labelled i, ii, 1 … 7 (as the PDF's /PageLabels says), each printing `texts[n]`; metadata from `meta`. */
async function labelledPdf(texts: string[], meta: { title: string; date: Date }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of texts) doc.addPage([300, 400]).drawText(text, { x: 40, y: 300, size: 14, font });
  doc.catalog.set(PDFName.of("PageLabels"), doc.context.obj({ Nums: [0, { S: "r" }, 2, { S: "D" }] }));
  doc.setTitle(meta.title);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  return doc.save();
}

const texts = ["Cover", "Contents", "One", "Two", "Three", "Four", "Five", "Six", "Seven"];

describe("comparing two PDFs page by page", () => {
  it("other metadata and dates alone: every page shows the same", async () => {
    const a = await labelledPdf(texts, { title: "First", date: new Date("2024-11-25T00:00:00Z") });
    const b = await labelledPdf(texts, { title: "Second", date: new Date("2025-01-02T00:00:00Z") });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    const c = await comparePdfPages(a, b);
    expect(c).toMatchObject({ differingPages: [], pages: [9, 9], comparedBy: "images" });
    expect(describePageDifferences(c)).toBe("every page shows the same (9 pages archived, 9 rebuilt), so the difference is in document-level data (metadata, outline, file structure)");
  });

  it("names the pages that differ by their printed labels: two of them, then five and a count", async () => {
    const a = await labelledPdf(texts, { title: "T", date: new Date("2024-11-25T00:00:00Z") });
    const two = await labelledPdf(texts.map((t, i) => (i === 1 || i === 5 ? `${t}!` : t)), { title: "T", date: new Date("2024-11-25T00:00:00Z") });
    const c = await comparePdfPages(a, two);
    expect([c.differingPages, c.labels]).toEqual([[2, 6], ["ii", "4"]]);
    expect(describePageDifferences(c)).toBe("pages ii and 4 show something different (9 pages archived, 9 rebuilt)");
    const seven = await labelledPdf(texts.map((t, i) => (i >= 2 ? `${t}?` : t)), { title: "T", date: new Date("2024-11-25T00:00:00Z") });
    expect(describePageDifferences(await comparePdfPages(a, seven))).toBe("pages 1, 2, 3, 4, 5 and 2 more show something different (9 pages archived, 9 rebuilt)");
    // A page only one file has differs too.
    const shorter = await labelledPdf(texts.slice(0, 8), { title: "T", date: new Date("2024-11-25T00:00:00Z") });
    expect(describePageDifferences(await comparePdfPages(a, shorter))).toBe("page 7 shows something different (9 pages archived, 8 rebuilt)");
  });

  it("without pdftoppm, compares each page's text and says so", async () => {
    const a = await labelledPdf(texts, { title: "T", date: new Date("2024-11-25T00:00:00Z") });
    const b = await labelledPdf(texts.map((t, i) => (i === 3 ? "Twice" : t)), { title: "U", date: new Date("2025-11-25T00:00:00Z") });
    const searchPath = process.env.PATH;
    process.env.PATH = "/nonexistent"; // no pdftoppm to be found
    try {
      const c = await comparePdfPages(a, b);
      expect(c).toMatchObject({ comparedBy: "text", differingPages: [4], labels: ["2"] });
      expect(describePageDifferences(c)).toBe("page 2 shows something different (9 pages archived, 9 rebuilt; compared by their text, as pdftoppm is not installed)");
    } finally {
      process.env.PATH = searchPath;
    }
  });

  it("one data row changed: verify names the pages where the changed figures print, not the cover", async () => {
    const fixture = copyFixtures();
    // Final editions, as archived: their font subsets and document ID change with the data, so every
    // page's objects differ (the byte comparison this replaced named the cover, page 1).
    const options = { year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, print: false, final: true };
    const before = await build({ ...options, outDir: path.join(fixture.root, "before") });
    fixture.edit("data/2024/officers.csv", (t) => t.replace("Kent,Female,Sergeant,155", "Kent,Female,Sergeant,175"));
    const after = await build({ ...options, outDir: path.join(fixture.root, "after") });
    const archived = readFileSync(path.join(before.outputDir, "report.pdf"));
    const rebuilt = readFileSync(path.join(after.outputDir, "report.pdf"));
    // What each page says, read independently with poppler's pdftotext: the pages whose words changed.
    const textOf = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f");
    const [t0, t1] = [textOf(path.join(before.outputDir, "report.pdf")), textOf(path.join(after.outputDir, "report.pdf"))];
    const reworded = t0.map((t, i) => (t !== t1[i] ? i + 1 : 0)).filter(Boolean);
    const sections = JSON.parse(readFileSync(path.join(before.outputDir, "build-report.json"), "utf8")).sections as Record<string, number>;
    expect(reworded).toContain(sections["force/kent"]);

    const c = await comparePdfPages(archived, rebuilt);
    expect(c.differingPages).not.toContain(1);
    expect(c.differingPages).toContain(sections["force/kent"]);
    expect(c.differingPages).toContain(sections["analysis/national"]); // the national figures Kent's count is part of
    for (const page of reworded) expect(c.differingPages).toContain(page);
    // Pages that print nothing of Kent's or the national figures are the same.
    for (const id of ["contents", "force/avon-and-somerset", "force/cumbria", "force/guernsey"]) expect(c.differingPages).not.toContain(sections[id]);

    // As verify reports it: the archived output and a rebuild that differs from it.
    const dir = mkdtempSync(path.join(tmpdir(), "report-verify-pages-"));
    mkdirSync(path.join(dir, "outputs"));
    writeFileSync(path.join(dir, "outputs", "report.pdf"), archived);
    const manifest = { files: { "outputs/report.pdf": { sha256: "", bytes: archived.length } } } as unknown as Manifest;
    const sink = new DiagnosticSink();
    const result: VerifyResult = { ok: false, dir, diagnostics: sink.messages, notes: [], checkedFiles: 0, outputs: [] };
    await compareOutputs(dir, manifest, after.outputDir, result, sink);
    const list = c.differingPages.length === 1 ? `page ${c.differingPages[0]} shows` : `pages ${c.differingPages.slice(0, -1).join(", ")} and ${c.differingPages.at(-1)} show`;
    expect(sink.errors.map((e) => e.message)).toEqual([
      `The archived output differs from the rebuild (${archived.length} bytes archived, ${rebuilt.length} rebuilt); ${list} something different (${c.pages[0]} pages archived, ${c.pages[1]} rebuilt).`,
    ]);
  }, 180_000);
});
