// One sheet of a spreadsheet as rows of cell text, each row with its number in the sheet (1-based).
// ODS and XLSX files are zip archives of XML: fflate opens the archive and fast-xml-parser reads the
// XML, so both formats share one small reader built on two maintained libraries (no SheetJS). A CSV
// export is read with csv-parse, as the loaders do. Numbers are returned as the text of the stored
// value (e.g. "12.5"), never converted through a float here.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { XMLParser } from "fast-xml-parser";
import { limits } from "../domain/limits.ts";
import { InputLimitError, openZip, readUntrustedFile, type OpenedZip } from "./untrusted.ts";

export interface SheetRow {
  /** The row's number in the sheet (the line, for a CSV file). */
  row: number;
  cells: string[];
}

export interface Sheet {
  file: string;
  /** "Data" for a spreadsheet; null for a CSV file, which is one table. */
  sheet: string | null;
  rows: SheetRow[];
}

/** A file that cannot be read as a table; the message says why, for the user. */
export class SpreadsheetError extends Error {}

const formats = [".ods", ".xlsx", ".csv"] as const;

export function readSheet(file: string, sheetName: string): Sheet {
  const ext = path.extname(file).toLowerCase();
  if (!(formats as readonly string[]).includes(ext)) {
    throw new SpreadsheetError(`"${path.basename(file)}" is not a table this importer reads; expected an .ods or .xlsx spreadsheet or a .csv export.`);
  }
  const kind = ext === ".ods" ? "OpenDocument" : ext === ".xlsx" ? "Excel" : "CSV";
  let bytes: Buffer;
  try {
    bytes = readUntrustedFile(file, limits.importFileBytes);
  } catch (error) {
    if (error instanceof InputLimitError) throw new SpreadsheetError(`The file is not a usable ${kind} table: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new SpreadsheetError(code === "ENOENT" ? "The file does not exist." : `The file cannot be read (${code}).`);
  }
  if (ext === ".csv") return { file, sheet: null, rows: csvRows(bytes.toString("utf8")) };
  try {
    const zip = openZip(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const rows = ext === ".ods" ? odsRows(zip, sheetName) : xlsxRows(zip, sheetName);
    return { file, sheet: sheetName, rows };
  } catch (error) {
    if (error instanceof InputLimitError) throw new SpreadsheetError(`The file is not a usable ${kind} spreadsheet: ${error.message}`);
    throw error;
  }
}

/** A part's XML parsed; XML the parser cannot read is the user's damaged file, not a crash. */
function parsed(parser: XMLParser, text: string, part: string): unknown {
  try {
    return parser.parse(text);
  } catch (error) {
    throw new SpreadsheetError(`The file's part "${part}" is not well-formed XML (${(error as Error).message.split("\n")[0].slice(0, 120)}); open it in a spreadsheet program and save it again.`);
  }
}

/** A sheet larger than the limits: refused while it is read, before its rows are built. */
const tooLarge = (what: string, limit: number) => new InputLimitError(`${what}; the limit is ${limit.toLocaleString("en-GB")}.`);

function csvRows(text: string): SheetRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, bom: true, relax_column_count: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch (error) {
    throw new SpreadsheetError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  return records.map(({ record, info }) => ({ row: info.lines, cells: record.map((c) => c.trim()) }));
}

// ---- OpenDocument spreadsheet (content.xml) ----

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

const orderedParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, parseTagValue: false, trimValues: false });

const tagOf = (node: Node): string => Object.keys(node).find((k) => k !== ":@")!;
const childrenOf = (node: Node): Node[] => (node[tagOf(node)] as Node[]) ?? [];
const attr = (node: Node, name: string): string | undefined => node[":@"]?.[name];

function findAll(nodes: Node[], tag: string, out: Node[] = []): Node[] {
  for (const node of nodes) {
    const t = tagOf(node);
    if (t === tag) out.push(node);
    else if (t !== "#text") findAll(childrenOf(node), tag, out);
  }
  return out;
}

/** The text of a cell: its paragraphs joined by newlines, with text:s spaces, tabs and line breaks. */
function odsText(nodes: Node[]): string {
  let text = "";
  for (const node of nodes) {
    const t = tagOf(node);
    if (t === "#text") text += String(node["#text"]);
    else if (t === "text:s") {
      const spaces = Number(attr(node, "text:c") ?? 1);
      if (!(spaces >= 0) || text.length + spaces > limits.cellChars) throw tooLarge(`a cell repeats a space ${attr(node, "text:c")} times`, limits.cellChars);
      text += " ".repeat(spaces);
    }
    else if (t === "text:tab") text += "\t";
    else if (t === "text:line-break") text += "\n";
    else if (t === "text:p" || t === "text:h") text += (text ? "\n" : "") + odsText(childrenOf(node));
    else if (t !== "office:annotation") text += odsText(childrenOf(node));
  }
  return text;
}

function odsCellValue(cell: Node): string {
  const type = attr(cell, "office:value-type");
  if (type === "float" || type === "percentage" || type === "currency") return attr(cell, "office:value") ?? "";
  if (type === "date") return attr(cell, "office:date-value") ?? "";
  if (type === "boolean") return attr(cell, "office:boolean-value") ?? "";
  return odsText(childrenOf(cell)).trim();
}

/** Repeats of empty rows and cells (a sheet often ends in a million of them) are counted, not expanded. */
function odsRows(zip: OpenedZip, sheetName: string): SheetRow[] {
  const content = zip.xml("content.xml");
  if (content === undefined) throw new SpreadsheetError("The file has no content.xml, so it is not an OpenDocument spreadsheet.");
  const tables = findAll(parsed(orderedParser, content, "content.xml") as Node[], "table:table");
  const table = tables.find((t) => attr(t, "table:name") === sheetName);
  if (!table) throw new SpreadsheetError(noSheet(sheetName, tables.map((t) => attr(t, "table:name") ?? "?")));
  const rows: SheetRow[] = [];
  let rowNumber = 0;
  for (const row of findAll(childrenOf(table), "table:table-row")) {
    const repeat = Number(attr(row, "table:number-rows-repeated") ?? 1);
    const cells: string[] = [];
    let pendingEmpty = 0;
    for (const cell of childrenOf(row)) {
      const t = tagOf(cell);
      if (t !== "table:table-cell" && t !== "table:covered-table-cell") continue;
      const times = Number(attr(cell, "table:number-columns-repeated") ?? 1);
      const value = t === "table:covered-table-cell" ? "" : odsCellValue(cell);
      if (value === "") {
        pendingEmpty += times;
        continue;
      }
      // Repeats are expanded only for cells with content, and only within a real sheet's columns.
      if (!(times >= 1) || cells.length + pendingEmpty + times > limits.sheetColumns) throw tooLarge(`row ${rowNumber + 1} has content beyond column ${limits.sheetColumns}`, limits.sheetColumns);
      for (; pendingEmpty > 0; pendingEmpty--) cells.push("");
      for (let i = 0; i < times; i++) cells.push(value);
    }
    if (cells.length > 0 && (!(repeat >= 1) || rowNumber + repeat > limits.sheetRowNumber)) throw tooLarge(`a row with content is repeated ${attr(row, "table:number-rows-repeated")} times, past the sheet's last row`, limits.sheetRowNumber);
    if (cells.length > 0 && rows.length + repeat > limits.sheetRows) throw tooLarge(`the sheet has more than ${limits.sheetRows.toLocaleString("en-GB")} rows with content`, limits.sheetRows);
    if (cells.length > 0) for (let i = 0; i < repeat; i++) rows.push({ row: rowNumber + 1 + i, cells: [...cells] });
    rowNumber += repeat;
  }
  return rows;
}

// ---- Office Open XML workbook (xl/workbook.xml, sharedStrings, worksheets) ----

const plainParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Elements that may occur once or many times are always lists; attributes (e.g. r="A1") stay strings.
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ["sheet", "Relationship", "si", "r", "row", "c"].includes(name),
});

type Xml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const textOf = (t: unknown): string => (t === undefined ? "" : typeof t === "object" ? String((t as Xml)["#text"] ?? "") : String(t));

function xlsxRows(zip: OpenedZip, sheetName: string): SheetRow[] {
  const xml = (name: string): Xml | null => {
    const text = zip.xml(name);
    return text === undefined ? null : (parsed(plainParser, text, name) as Xml);
  };
  const workbook = xml("xl/workbook.xml");
  if (!workbook) throw new SpreadsheetError("The file has no xl/workbook.xml, so it is not an Excel workbook.");
  const sheets: Xml[] = workbook.workbook?.sheets?.sheet ?? [];
  const sheet = sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new SpreadsheetError(noSheet(sheetName, sheets.map((s) => String(s.name))));
  const rels: Xml[] = xml("xl/_rels/workbook.xml.rels")?.Relationships?.Relationship ?? [];
  const target = rels.find((r) => r.Id === sheet["r:id"])?.Target as string | undefined;
  const sheetPath = target === undefined ? undefined : target.startsWith("/") ? target.slice(1) : path.posix.join("xl", target);
  const worksheet = sheetPath ? xml(sheetPath) : null;
  if (!worksheet) throw new SpreadsheetError(`The workbook lists sheet "${sheetName}" but its worksheet part is missing.`);
  const shared: string[] = (xml("xl/sharedStrings.xml")?.sst?.si ?? []).map((si: Xml) =>
    si.t !== undefined ? textOf(si.t) : ((si.r as Xml[] | undefined) ?? []).map((run) => textOf(run.t)).join(""),
  );
  const rows: SheetRow[] = [];
  let lastRow = 0;
  for (const row of (worksheet.worksheet?.sheetData?.row ?? []) as Xml[]) {
    const rowNumber = row.r ? Number(row.r) : lastRow + 1;
    if (!(rowNumber >= 1 && rowNumber <= limits.sheetRowNumber)) throw tooLarge(`a row is numbered ${String(row.r).slice(0, 20)}`, limits.sheetRowNumber);
    if (rows.length >= limits.sheetRows) throw tooLarge(`the sheet has more than ${limits.sheetRows.toLocaleString("en-GB")} rows with content`, limits.sheetRows);
    lastRow = rowNumber;
    const cells: string[] = [];
    for (const c of (row.c ?? []) as Xml[]) {
      const column = c.r ? columnIndex(String(c.r)) : cells.length;
      if (column >= limits.sheetColumns) throw tooLarge(`the cell ${String(c.r).slice(0, 20)} lies beyond column ${limits.sheetColumns} (XFD)`, limits.sheetColumns);
      const raw = textOf(c.v);
      const value = c.t === "s" ? (shared[Number(raw)] ?? "") : c.t === "inlineStr" ? textOf(c.is?.t) || ((c.is?.r as Xml[] | undefined) ?? []).map((run) => textOf(run.t)).join("") : raw;
      while (cells.length < column) cells.push("");
      cells[column] = value.trim();
    }
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    if (cells.length > 0) rows.push({ row: rowNumber, cells });
  }
  return rows;
}

/** 0-based column of a cell reference such as "AB12". */
function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? "A";
  // Four letters already pass XFD; longer ones are not added up (ZZZZZZZZ would mean 200 billion cells).
  if (letters.length > 3) return Number.MAX_SAFE_INTEGER;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function noSheet(wanted: string, found: string[]): string {
  return `The spreadsheet has no sheet named "${wanted}"; its sheets are ${found.map((s) => `"${s}"`).join(", ") || "none"}.`;
}
