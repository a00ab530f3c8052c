// Issue 28: property tests for the readers of untrusted files. Generated sheets with hostile cell
// references and repeats, and byte-level mutations of real .xlsx, .ods, .docx and PDF files, are either
// read within the limits or refused with the reader's own error (SpreadsheetError, a diagnostic,
// UnreadablePdf): never another exception, a crash or a hang. Bounded: few runs per property
// (PROPERTY_RUNS raises them), and each property has the test's timeout.
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { readPdf, UnreadablePdf } from "../../src/comments/commentedPdf.ts";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { limits } from "../../src/domain/limits.ts";
import { importDocxEntry } from "../../src/import/docxEntry.ts";
import { readSheet, SpreadsheetError } from "../../src/import/spreadsheet.ts";
import { loadForceRegister } from "../../src/load/forceRegister.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { makeDocx } from "../helpers/makeDocx.ts";
import { writeOds, writeXlsx } from "../fixtures/workforce-import/writeSpreadsheet.ts";

const runs = Number(process.env.PROPERTY_RUNS ?? 0);
const work = mkdtempSync(path.join(tmpdir(), "reader-properties-"));
let n = 0;
const file = (ext: string, bytes: Uint8Array) => {
  const full = path.join(work, `input-${++n}${ext}`);
  writeFileSync(full, bytes);
  return full;
};

/** Bytes with a few positions overwritten, a slice cut out, or cut short: what a damaged or crafted file looks like. */
const mutated = (original: Uint8Array) =>
  fc.oneof(
    fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => {
      const copy = Uint8Array.from(original);
      for (const [at, value] of edits) copy[at] = value;
      return copy;
    }),
    fc.tuple(fc.nat(original.length - 1), fc.nat(4096)).map(([at, length]) => Uint8Array.from([...original.subarray(0, at), ...original.subarray(at + length)])),
    fc.nat(original.length - 1).map((at) => original.subarray(0, at)),
  );

/** readSheet either reads rows within the limits or throws SpreadsheetError. */
function readsOrRefuses(table: string): void {
  try {
    const sheet = readSheet(table, "Data");
    expect(sheet.rows.length).toBeLessThanOrEqual(limits.sheetRows);
    for (const row of sheet.rows) expect(row.cells.length).toBeLessThanOrEqual(limits.sheetColumns);
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
  }
}

const sampleRows = [
  ["Force", "Sex", "Rank", "FTE"],
  ["Kent", "Female", "Constable", "120.5"],
  ["Kent", "Male", "Sergeant", "80"],
];

describe("spreadsheet reader", () => {
  const letters = fc.stringMatching(/^[A-Z]{1,9}$/);
  const rowNumber = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(-1, 0));
  const repeat = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 2_000_000_000 }), fc.constantFrom("x", "-5", "1e9"));

  it("reads or refuses generated .xlsx sheets with any cell references", () => {
    const cell = fc.tuple(letters, rowNumber, fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), (cells) => {
        const xml = cells.map(([col, row, v]) => `<row r="${row}"><c r="${col}${row}" t="inlineStr"><is><t>${v.replace(/[<&]/g, "")}</t></is></c></row>`).join("");
        const parts = {
          "xl/workbook.xml": strToU8('<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
          "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
          "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${xml}</sheetData></worksheet>`),
        };
        readsOrRefuses(file(".xlsx", zipSync(parts)));
      }),
      { numRuns: runs || 60 },
    );
  }, 60_000);

  it("reads or refuses generated .ods sheets with any repeats and spaces", () => {
    const row = fc.tuple(repeat, repeat, repeat, fc.boolean());
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const xml = rows
          .map(
            ([rowsRepeated, columnsRepeated, spaces, filled]) =>
              `<table:table-row table:number-rows-repeated="${rowsRepeated}"><table:table-cell table:number-columns-repeated="${columnsRepeated}"${filled ? ' office:value-type="string"' : ""}>${filled ? `<text:p>a<text:s text:c="${spaces}"/>b</text:p>` : ""}</table:table-cell></table:table-row>`,
          )
          .join("");
        const content = `<office:document-content><office:body><office:spreadsheet><table:table table:name="Data">${xml}</table:table></office:spreadsheet></office:body></office:document-content>`;
        readsOrRefuses(file(".ods", zipSync({ "content.xml": strToU8(content) })));
      }),
      { numRuns: runs || 60 },
    );
  }, 60_000);

  it("reads or refuses damaged copies of real .xlsx and .ods files", () => {
    const xlsxPath = path.join(work, "real.xlsx");
    const odsPath = path.join(work, "real.ods");
    writeXlsx(xlsxPath, [{ name: "Data", rows: sampleRows }]);
    writeOds(odsPath, [{ name: "Data", rows: sampleRows }]);
    for (const [original, ext] of [[readFileSync(xlsxPath), ".xlsx"], [readFileSync(odsPath), ".ods"]] as const) {
      fc.assert(
        fc.property(mutated(new Uint8Array(original)), (bytes) => readsOrRefuses(file(ext, bytes))),
        { numRuns: runs || 60 },
      );
    }
  }, 60_000);
});

describe("Word importer", () => {
  it("imports or reports damaged copies of a real .docx, never throwing", async () => {
    const original = new Uint8Array(
      zipSync(
        Object.fromEntries(
          Object.entries((await import("fflate")).unzipSync(new Uint8Array(await makeDocx([{ heading: 1, text: "Walking together" }, { paragraph: ["Officers walked the town centre."] }, { image: { alt: "A walk" } }])))),
        ),
        { level: 6 },
      ),
    );
    const fixture = copyFixtures();
    const sink0 = new DiagnosticSink();
    const register = loadForceRegister(path.join(fixture.dataDir, "forces.csv"), sink0)!;
    const force = register.resolve("Kent Police")!;
    await fc.assert(
      fc.asyncProperty(mutated(original), async (bytes) => {
        const entriesDir = mkdtempSync(path.join(work, "entries-"));
        const sink = new DiagnosticSink();
        const result = await importDocxEntry({ file: file(".docx", bytes), force, entriesDir }, sink);
        // Refused: an error names the Word file. Imported: the entry is within the build's limits.
        if (result === null) expect(sink.errors.length).toBeGreaterThan(0);
        else expect(readFileSync(result.entryFile).length).toBeLessThanOrEqual(limits.textBytes);
      }),
      { numRuns: runs || 20 },
    );
  }, 120_000);
});

describe("commented-PDF reader", () => {
  it("reads or refuses damaged copies of a real PDF with UnreadablePdf only", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage([300, 300]).drawText("Draft 1 · a page of the report", { x: 20, y: 150, size: 12, font });
    const original = await pdf.save({ useObjectStreams: false });
    await fc.assert(
      fc.asyncProperty(mutated(original), async (bytes) => {
        try {
          const read = await readPdf(file(".pdf", bytes));
          expect(read.pages.length).toBeGreaterThanOrEqual(0);
        } catch (error) {
          if (!(error instanceof UnreadablePdf)) throw error;
        }
      }),
      { numRuns: runs || 20 },
    );
  }, 120_000);
});
