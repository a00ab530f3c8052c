// Issue 28: small hostile files against the importers and `comments`. Each breach of a declared limit
// (src/domain/limits.ts) is a plain error naming the file and the limit, found before the work it guards;
// the Word importer writes nothing the build would refuse and says what it left out.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { readPdf, UnreadablePdf } from "../../src/comments/commentedPdf.ts";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { limits } from "../../src/domain/limits.ts";
import { importDocxEntry } from "../../src/import/docxEntry.ts";
import { readSheet, SpreadsheetError } from "../../src/import/spreadsheet.ts";
import { loadForceRegister } from "../../src/load/forceRegister.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { pngClaiming } from "../helpers/hostile.ts";
import { makeDocx } from "../helpers/makeDocx.ts";

const work = mkdtempSync(path.join(tmpdir(), "import-limits-"));
const file = (name: string, bytes: Uint8Array | string) => {
  const full = path.join(work, name);
  writeFileSync(full, bytes);
  return full;
};

/** The message readSheet refuses a file with; fails when it reads the file. */
function refusal(table: string): string {
  try {
    readSheet(table, "Data");
  } catch (error) {
    if (error instanceof SpreadsheetError) return error.message;
    throw error;
  }
  throw new Error("the table was read");
}

const xlsxParts = (sheetXml: string): Zippable => ({
  "xl/workbook.xml": strToU8('<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
  "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`),
});
const xlsx = (name: string, sheetXml: string) => file(name, zipSync(xlsxParts(sheetXml)));
const ods = (name: string, tableXml: string, prolog = "") =>
  file(name, zipSync({ "content.xml": strToU8(`<?xml version="1.0"?>${prolog}<office:document-content><office:body><office:spreadsheet><table:table table:name="Data">${tableXml}</table:table></office:spreadsheet></office:body></office:document-content>`) }));

/** Sets the inflated size an archive declares for its first entry (central directory and local header). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const b = Buffer.from(zip);
  const central = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  b.writeUInt32LE(size, central + 24);
  b.writeUInt32LE(size, 22);
  return b;
}

describe("spreadsheets", () => {
  it("refuses an .xlsx cell at ZZZZZZZZ1 (was a V8 fatal error)", () => {
    const message = refusal(xlsx("far.xlsx", '<row r="1"><c r="ZZZZZZZZ1"><v>1</v></c></row>'));
    expect(message).toMatch(/cell ZZZZZZZZ1 lies beyond column 16384 \(XFD\); the limit is 16,384/);
  });

  it("refuses an .xlsx row numbered past Excel's last row", () => {
    expect(refusal(xlsx("deep.xlsx", '<row r="99999999999"><c r="A99999999999"><v>1</v></c></row>'))).toMatch(/row is numbered 99999999999; the limit is 1,048,576/);
  });

  it("refuses an .ods row with content repeated 200,000,000 times (was out of memory)", () => {
    const table = '<table:table-row table:number-rows-repeated="200000000"><table:table-cell office:value-type="float" office:value="1"/></table:table-row>';
    expect(refusal(ods("rows.ods", table))).toMatch(/repeated 200000000 times, past the sheet's last row; the limit is 1,048,576/);
  });

  it("refuses an .ods cell with content repeated across 100,000 columns", () => {
    const table = '<table:table-row><table:table-cell table:number-columns-repeated="100000" office:value-type="float" office:value="1"/></table:table-row>';
    expect(refusal(ods("cols.ods", table))).toMatch(/row 1 has content beyond column 16384/);
  });

  it("still counts, not expands, a million empty rows and columns at the end of a sheet", () => {
    const table =
      '<table:table-row><table:table-cell office:value-type="string"><text:p>Force</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row>' +
      '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>';
    expect(readSheet(ods("tail.ods", table), "Data").rows).toEqual([{ row: 1, cells: ["Force"] }]);
  });

  it('refuses <text:s text:c="1000000000"/> (was a RangeError trace)', () => {
    const table = '<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000"/>b</text:p></table:table-cell></table:table-row>';
    expect(refusal(ods("spaces.ods", table))).toMatch(/repeats a space 1000000000 times; the limit is 32,767/);
  });

  it("refuses XML with a DOCTYPE: an external entity is never resolved (was a raw stack trace)", () => {
    const message = refusal(ods("xxe.ods", "<table:table-row/>", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'));
    expect(message).toMatch(/part "content.xml" declares a document type/);
    expect(message).not.toMatch(/root:/);
    const xlsxXxe = file("xxe.xlsx", zipSync({ ...xlsxParts(""), "xl/workbook.xml": strToU8('<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><workbook>&b;</workbook>') }));
    expect(refusal(xlsxXxe)).toMatch(/part "xl\/workbook.xml" declares a document type/);
  });

  it("refuses a zip bomb from its central directory, before inflating (was 1.5 GB and a TypeError)", () => {
    // 20 MB of one byte deflates to about 20 KB: 1,000 times its stored size.
    const bomb = file("bomb.ods", zipSync({ "content.xml": new Uint8Array(20 * 1024 * 1024).fill(0x20) }, { level: 9 }));
    expect(statSync(bomb).size).toBeLessThan(50 * 1024);
    expect(refusal(bomb)).toMatch(/part "content.xml" inflates \d{3,} times its stored size \(20\.0 MB\); the limit is 200 times/);
  });

  it("refuses an entry declared larger than the limit, and one that inflates past what it declares", () => {
    const big = declareSize(zipSync({ "content.xml": strToU8("<x/>") }), 3 * 1024 ** 3);
    expect(refusal(file("declared.ods", big))).toMatch(/inflates to 3072\.0 MB; the limit for one part is 32\.0 MB/);
    // Declares 100 bytes, holds 10 KB: inflating stops at byte 100.
    const liar = declareSize(zipSync({ "content.xml": new Uint8Array(10_000).fill(0x20) }, { level: 9 }), 100);
    expect(refusal(file("liar.ods", liar))).toMatch(/holds more than its header declares \(100 bytes\)/);
  });

  it("refuses a file over the size limit before reading it", () => {
    // A sparse file: no disk space, never read.
    const huge = file("huge.xlsx", "PK");
    execFileSync("truncate", ["-s", String(70 * 1024 * 1024), huge]);
    expect(refusal(huge)).toMatch(/it is 70\.0 MB; the limit is 64\.0 MB/);
  });
});

/** Imports a .docx (as bytes) into a fixture copy; returns the sink and what was written. */
async function importDocx(bytes: Uint8Array) {
  const fixture = copyFixtures();
  const docx = path.join(fixture.root, "submission.docx");
  writeFileSync(docx, bytes);
  const sink = new DiagnosticSink();
  const register = loadForceRegister(path.join(fixture.dataDir, "forces.csv"), sink)!;
  const entriesDir = path.join(fixture.contentDir, "2024", "good-practice");
  const before = new Set(readdirSync(entriesDir));
  const result = await importDocxEntry({ file: docx, force: register.resolve("Kent Police")!, entriesDir }, sink);
  const written = readdirSync(entriesDir).filter((n) => !before.has(n));
  return { sink, result, entriesDir, written, docx };
}

/** A real .docx from the test helper with some parts replaced or added, deflated. */
async function changedDocx(blocks: Parameters<typeof makeDocx>[0], change: (parts: Zippable) => void): Promise<Uint8Array> {
  const parts = unzipSync(new Uint8Array(await makeDocx(blocks))) as Zippable;
  change(parts);
  return zipSync(parts, { level: 9 });
}

const heading = { heading: 1 as const, text: "Kent Police: walking the streets together" };
const opening = { paragraph: ["Officers and residents walked the town centre after dark."] };

describe("Word documents", () => {
  it("refuses a .docx bomb from its central directory (was 3 GB peak)", async () => {
    const bomb = await changedDocx([heading, opening], (parts) => {
      parts["word/media/pad.bin"] = new Uint8Array(20 * 1024 * 1024);
    });
    const { sink, result, written } = await importDocx(bomb);
    expect(result).toBeNull();
    expect(written).toEqual([]);
    expect(sink.errors).toEqual([expect.objectContaining({ rule: "import-limit", message: expect.stringMatching(/part "word\/media\/pad.bin" inflates \d+ times its stored size/) })]);
  });

  it("refuses more paragraphs than the limit (10 M empty paragraphs were out of memory)", async () => {
    const many = await changedDocx([heading, opening], (parts) => {
      const xml = new TextDecoder().decode(parts["word/document.xml"] as Uint8Array);
      parts["word/document.xml"] = strToU8(xml.replace("</w:body>", "<w:p/>".repeat(limits.docxParagraphs + 1) + "</w:body>"));
    });
    const { sink, result } = await importDocx(many);
    expect(result).toBeNull();
    expect(sink.errors[0].message).toMatch(/it has 5,00\d paragraphs; the limit is 5,000/);
  });

  it("refuses a DOCTYPE in any part", async () => {
    const xxe = await changedDocx([heading, opening], (parts) => {
      const xml = new TextDecoder().decode(parts["word/document.xml"] as Uint8Array);
      parts["word/document.xml"] = strToU8(xml.replace("?>", '?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'));
    });
    const { sink, written } = await importDocx(xxe);
    expect(written).toEqual([]);
    expect(sink.errors[0].message).toMatch(/part "word\/document.xml" declares a document type/);
  });

  it("reads thousands of self-closing paragraphs with attributes in one pass and still places a comment", async () => {
    const blocks = [heading, opening, { paragraph: [{ text: "Read this.", comment: "Check the figure" }] }];
    const wide = await changedDocx(blocks, (parts) => {
      const xml = new TextDecoder().decode(parts["word/document.xml"] as Uint8Array);
      parts["word/document.xml"] = strToU8(xml.replace("<w:body>", "<w:body>" + '<w:p w:rsidR="00A1B2C3"/>'.repeat(4900)));
    });
    const { sink, result } = await importDocx(wide);
    expect(result).not.toBeNull();
    expect(sink.warnings.find((w) => w.rule === "import-comment")?.message).toMatch(/on the paragraph "Read this\."/);
  });

  it("reads a comments part of thousands of empty comments in one pass", async () => {
    const blocks = [heading, opening, { paragraph: [{ text: "Read this.", comment: "Check the figure" }] }];
    const open = await changedDocx(blocks, (parts) => {
      const xml = new TextDecoder().decode(parts["word/comments.xml"] as Uint8Array);
      // Varied ids keep the part under the ratio limit; each empty comment is a tag with no </w:comment>.
      const unclosed = Array.from({ length: 120_000 }, (_, i) => `<w:comment w:id="${1000 + ((i * 7919) % 99991)}" w:author="x${i}"/>`).join("");
      parts["word/comments.xml"] = strToU8(xml.replace("</w:comments>", `${unclosed}</w:comments>`));
    });
    const { sink, result } = await importDocx(open);
    // Before, each of them rescanned the rest of the part for a </w:comment>: minutes, past the test's timeout.
    expect(result).not.toBeNull();
    expect(sink.warnings.find((w) => w.rule === "import-comment")?.message).toMatch(/A comment \("Check the figure"\) on the paragraph "Read this\."/);
  }, 60_000);

  it("leaves out an image over the build's pixel limit and says so, writing no image file", async () => {
    const { sink, result, written } = await importDocx(await makeDocx([heading, opening, { image: { alt: "A map", png: pngClaiming(6000, 6000) } }]));
    expect(result).not.toBeNull();
    expect(written).toEqual(["kent.md"]);
    expect(sink.warnings.find((w) => w.rule === "import-image")?.message).toMatch(/Image 1 of the document is 6000 × 6000 pixels; the limit is 25 million pixels.*left out/);
    expect(readFileSync(result!.entryFile, "utf8")).not.toMatch(/!\[/);
  });

  it("cuts an entry longer than the build accepts, at a paragraph, and says how much it left out", async () => {
    const paragraph = (i: number) => ({ paragraph: [`Paragraph ${i} describes one more evening walk with residents and partners in the town centre.`] });
    const { sink, result } = await importDocx(await makeDocx([heading, opening, ...Array.from({ length: 1500 }, (_, i) => paragraph(i + 1))]));
    const text = readFileSync(result!.entryFile, "utf8");
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limits.textBytes);
    expect(text.split("\n").length).toBeLessThanOrEqual(limits.markdownLines);
    expect(text).toMatch(/Paragraph \d+ describes one more evening walk with residents and partners in the town centre\.\n$/);
    const warning = sink.warnings.find((w) => w.rule === "import-too-long");
    expect(warning?.message).toMatch(/its last \d+ lines of Markdown were left out/);
  });
});

describe("comments", () => {
  it("refuses a PDF over the size limit before reading it (a 200 MB file was out of memory)", async () => {
    const big = file("big.pdf", "%PDF-1.7\n");
    execFileSync("truncate", ["-s", String(200 * 1024 * 1024), big]);
    const error = await readPdf(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadablePdf);
    expect((error as Error).message).toMatch(/it is 200\.0 MB; the limit is 100\.0 MB for a commented PDF/);
    expect(existsSync(big)).toBe(true);
  });
});
