// The worst case of each family of hostile input (issue 28): how long the reader takes to read or refuse
// it and its peak memory (VmHWM), each case in a fresh process. Run: npx tsx bench/hostileInputs.ts
// (one case: npx tsx bench/hostileInputs.ts CASE). Inputs are made in a temporary folder and removed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { limits } from "../src/domain/limits.ts";

// Set just before the reader is called, so the time is the reader's alone, not the input's making.
let readFrom = 0;
const mark = () => (readFrom = performance.now());

type Case = { family: string; what: string; run: (dir: string) => Promise<string> | string };

const workbook = (sheetXml: string) =>
  zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`),
  });
const odsOf = (tableXml: string) => zipSync({ "content.xml": strToU8(`<office:document-content><office:body><office:spreadsheet><table:table table:name="Data">${tableXml}</table:table></office:spreadsheet></office:body></office:document-content>`) }, { level: 6 });

async function sheet(file: string): Promise<string> {
  const { readSheet } = await import("../src/import/spreadsheet.ts");
  mark();
  try {
    return `read ${readSheet(file, "Data").rows.length} rows`;
  } catch (error) {
    return `refused: ${(error as Error).message.slice(0, 110)}`;
  }
}

async function docx(file: string, dir: string): Promise<string> {
  const { importDocxEntry } = await import("../src/import/docxEntry.ts");
  const { loadForceRegister } = await import("../src/load/forceRegister.ts");
  const { DiagnosticSink } = await import("../src/diagnostics/diagnostic.ts");
  const sink = new DiagnosticSink();
  const register = loadForceRegister(path.resolve("tests/fixtures/data/forces.csv"), sink)!;
  mark();
  const result = await importDocxEntry({ file, force: register.resolve("Kent Police")!, entriesDir: path.join(dir, "entries") }, sink);
  return result ? `imported, ${sink.warnings.length} warnings` : `refused: ${sink.errors[0]?.message.slice(0, 110)}`;
}

/** A .docx whose document part has `body` for its body (the other parts as the test helper writes them). */
async function docxWith(body: string, extra: Record<string, Uint8Array> = {}): Promise<Uint8Array> {
  const { makeDocx } = await import("../tests/helpers/makeDocx.ts");
  const { unzipSync } = await import("fflate");
  const parts = unzipSync(new Uint8Array(await makeDocx([{ heading: 1, text: "A heading" }])));
  parts["word/document.xml"] = strToU8(new TextDecoder().decode(parts["word/document.xml"]).replace(/<w:body>[\s\S]*<\/w:body>/, `<w:body>${body}</w:body>`));
  return zipSync({ ...parts, ...extra }, { level: 6 });
}

const cases: Record<string, Case> = {
  "xlsx-far-cell": { family: "spreadsheet", what: "one cell at ZZZZZZZZ1", run: (dir) => sheet(write(dir, "a.xlsx", workbook('<row r="1"><c r="ZZZZZZZZ1"><v>1</v></c></row>'))) },
  "ods-rows-repeated": { family: "spreadsheet", what: 'number-rows-repeated="200000000" on a row with content', run: (dir) => sheet(write(dir, "a.ods", odsOf('<table:table-row table:number-rows-repeated="200000000"><table:table-cell office:value-type="float" office:value="1"/></table:table-row>'))) },
  "ods-spaces": { family: "spreadsheet", what: '<text:s text:c="1000000000"/>', run: (dir) => sheet(write(dir, "a.ods", odsOf('<table:table-row><table:table-cell office:value-type="string"><text:p><text:s text:c="1000000000"/></text:p></table:table-cell></table:table-row>'))) },
  "ods-bomb": { family: "spreadsheet", what: "content.xml of 30 MB of spaces stored in 30 KB", run: (dir) => sheet(write(dir, "a.ods", zipSync({ "content.xml": new Uint8Array(30 * 1024 * 1024).fill(0x20) }, { level: 9 }))) },
  "ods-largest-accepted": {
    family: "spreadsheet",
    what: `the largest content.xml the limits let through (${limits.zipEntryBytes / 1024 / 1024} MB of rows, numbers varied so it deflates under the ratio limit)`,
    run: (dir) => {
      const rows: string[] = [];
      let bytes = 400;
      for (let i = 0; bytes < limits.zipEntryBytes - 1000; i++) {
        const row = `<table:table-row><table:table-cell office:value-type="string"><text:p>Force ${(i * 7919) % 100003}</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="${(i * 104729) % 999983}.${i % 97}"/></table:table-row>`;
        rows.push(row);
        bytes += row.length;
      }
      return sheet(write(dir, "a.ods", odsOf(rows.join(""))));
    },
  },
  "docx-bomb": { family: "word", what: "a 100 MB part stored in 100 KB", run: async (dir) => docx(write(dir, "a.docx", await docxWith("<w:p/>", { "word/media/pad.bin": new Uint8Array(100 * 1024 * 1024) })), dir) },
  "docx-empty-paragraphs": { family: "word", what: "10,000,000 empty paragraphs", run: async (dir) => docx(write(dir, "a.docx", await docxWith("<w:p/>".repeat(10_000_000))), dir) },
  "docx-self-closing": { family: "word", what: '80,000 <w:p w:rsidR="00A1"/>', run: async (dir) => docx(write(dir, "a.docx", await docxWith('<w:p w:rsidR="00A1"/>'.repeat(80_000))), dir) },
  "docx-largest-accepted": {
    family: "word",
    what: `${limits.docxParagraphs} paragraphs of text, imported and cut to the entry limit`,
    run: async (dir) => docx(write(dir, "a.docx", await docxWith(`<w:p><w:r><w:t>Officers and residents walked the town centre after dark together.</w:t></w:r></w:p>`.repeat(limits.docxParagraphs))), dir),
  },
  "pdf-200mb": {
    family: "pdf",
    what: "a 200 MB file starting %PDF",
    run: async (dir) => {
      const file = write(dir, "a.pdf", strToU8("%PDF-1.7\n"));
      execFileSync("truncate", ["-s", String(200 * 1024 * 1024), file]);
      const { readPdf } = await import("../src/comments/commentedPdf.ts");
      mark();
      return readPdf(file).then(
        (r) => `read ${r.pages.length} pages`,
        (e: Error) => `refused: ${e.message}`,
      );
    },
  },
  "walk-dev-zero": {
    family: "input walk",
    what: "a link to /dev/zero and a FIFO under content/2024",
    run: (dir) =>
      prepareChanged(dir, () => {
        symlinkSync("/dev/zero", path.join(dir, "content/2024/zero.md"));
        execFileSync("mkfifo", [path.join(dir, "content/2024/pipe.md")]);
      }),
  },
};

/** The fixture edition copied into dir with `change` applied, prepared: how the build refuses it. */
async function prepareChanged(dir: string, change: (dir: string) => void): Promise<string> {
  execFileSync("cp", ["-r", path.resolve("tests/fixtures/content"), path.resolve("tests/fixtures/data"), dir]);
  change(dir);
  const { prepare } = await import("../src/build/prepare.ts");
  mark();
  try {
    prepare({ year: 2024, dataDir: path.join(dir, "data"), contentDir: path.join(dir, "content") });
    return "accepted";
  } catch (error) {
    return `refused: ${(error as Error).message.split("\n")[0].slice(0, 110)}`;
  }
}

/** Replaces the body of the fixture's Cumbria entry (its front matter kept). */
const entryBody = (body: string) => (dir: string) => {
  const file = path.join(dir, "content/2024/good-practice/cumbria.md");
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.slice(0, text.indexOf("---", 3) + 4) + body);
};

/** Replaces the fixture's 2024 officers file with `rows` copies of one row naming no real force. */
const officers = (rows: number) => (dir: string) =>
  writeFileSync(path.join(dir, "data/2024/officers.csv"), `force,sex,rank,headcount\n${"Nowhere Constabulary,Female,Constable,1\n".repeat(rows)}`);

// The Markdown and CSV limits' worst cases (tests/hostile/limits.test.ts checks what each is refused for;
// the time each takes is measured here, not asserted there).
Object.assign(cases, {
  "md-quotes-1000": { family: "markdown", what: "block quotes 1000 deep", run: (dir) => prepareChanged(dir, entryBody(`${">".repeat(1000)} deep\n`)) },
  "md-emphasis-30000": { family: "markdown", what: "a run of 30,000 emphasis marks", run: (dir) => prepareChanged(dir, entryBody(`${"*".repeat(15000)}x${"*".repeat(15000)}\n`)) },
  "md-lazy-lines": { family: "markdown", what: "12,000 lazy block-quote lines", run: (dir) => prepareChanged(dir, entryBody(`> > ${"x\n".repeat(12000)}`)) },
  "csv-50mb": { family: "csv", what: "a 50 MB officers file", run: (dir) => prepareChanged(dir, officers(Math.ceil((50 * 1024 * 1024) / 40))) },
  "csv-errors": { family: "csv", what: "an officers file just under the size limit, every row an error", run: (dir) => prepareChanged(dir, officers(Math.floor((limits.csvBytes - 100) / 40))) },
} satisfies Record<string, Case>);

function write(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const only = process.argv[2];
if (only) {
  const dir = mkdtempSync(path.join(tmpdir(), "hostile-bench-"));
  try {
    const outcome = await cases[only].run(dir);
    const ms = performance.now() - readFrom;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    console.log(JSON.stringify({ case: only, outcome, ms: Math.round(ms), peakMB: Math.round(Number(hwm) / 1024) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  console.log("family | case | outcome | reader's time | peak memory of the process");
  for (const [name, c] of Object.entries(cases)) {
    const child = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, name], { encoding: "utf8", maxBuffer: 1 << 20 });
    const line = child.stdout.trim().split("\n").pop() ?? "";
    try {
      const r = JSON.parse(line) as { outcome: string; ms: number; peakMB: number };
      console.log(`${c.family} | ${c.what} | ${r.outcome} | ${r.ms} ms | ${r.peakMB} MB`);
    } catch {
      console.log(`${c.family} | ${c.what} | FAILED (exit ${child.status}): ${child.stderr.split("\n").slice(-3).join(" ")}`);
    }
  }
}
