// CSV files as rows that remember their line, so every later check can point at the source.
import { parse } from "csv-parse/sync";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { readInputFile } from "./readInput.ts";
import { printable } from "./safePath.ts";

export interface CsvRow {
  line: number;
  values: Record<string, string>;
  /** 1-based character column where each field starts on its line. */
  columns: Record<string, number>;
}

export interface CsvTable {
  file: string;
  rows: CsvRow[];
}

/** Reads a CSV whose header must be exactly `header`; returns null (after recording why) if unusable. */
/** `root` is the data folder the file must lie in (see src/load/safePath.ts). */
export function readCsvTable(file: string, header: readonly string[], sink: DiagnosticSink, root?: string): CsvTable | null {
  const text = readInputFile(file, sink, `a CSV file with the header ${header.join(",")}`, root);
  if (text === null) return null;
  return parseCsvTable(file, text, header, sink);
}

export function parseCsvTable(file: string, text: string, header: readonly string[], sink: DiagnosticSink): CsvTable | null {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const found = firstLine.split(",").map((h) => h.trim());
  if (found.join(",") !== header.join(",")) {
    sink.error(file, "csv-header", `The header is "${printable(firstLine)}"; expected "${header.join(",")}".`, { line: 1, column: 1 });
    return null;
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    // The header matched the expected names once trimmed as JavaScript trims (which also drops a stray
    // U+FEFF inside it); the rows are keyed by those expected names, never by the raw header text.
    records = parse(text, { columns: () => [...header], info: true, skip_empty_lines: true, bom: true, trim: true });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    // 9,306 unquoted is two fields: the commonest cause of a row with one field too many.
    const number = /,(\d{1,3}(?:,\d{3})+)\s*$/.exec(text.split(/\r?\n/)[(e.lines ?? 0) - 1] ?? "");
    const hint = number ? ` The number ${number[1]} has a thousands separator, which splits it in two; write ${number[1].replace(/,/g, "")}.` : "";
    sink.error(file, "csv-syntax", `The file is not valid CSV: ${e.message.replace(/^Invalid Record Length: /, "").replace(/([^.])$/, "$1.")}${hint}`, { line: e.lines });
    return null;
  }
  const lines = text.split(/\r?\n/);
  const rows = records.map(({ record, info }) => ({
    line: info.lines,
    values: record,
    columns: fieldColumns(lines[info.lines - 1] ?? "", header),
  }));
  return { file, rows };
}

function fieldColumns(lineText: string, header: readonly string[]): Record<string, number> {
  const columns: Record<string, number> = {};
  let column = 1;
  let inQuotes = false;
  let field = 0;
  columns[header[0]] = 1;
  for (const char of lineText) {
    column += 1;
    if (char === '"') inQuotes = !inQuotes;
    else if (char === "," && !inQuotes && field + 1 < header.length) columns[header[++field]] = column;
  }
  return columns;
}
