// The Home Office police workforce open-data table (sheet "Data", long form: one row per year × force ×
// worker type × rank × sex) turned into the rows of data/<year>/officers.csv and staff.csv.
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { Force, ForceRegister } from "../load/forceRegister.ts";
import type { Measure } from "../load/measure.ts";
import { officerRanks, sexes, staffRoles, type OfficerRank, type Sex, type StaffRole } from "../domain/vocabulary.ts";
import { mappingKey, NOT_USED, TOTAL, type Mapping } from "./mapping.ts";
import type { Sheet, SheetRow } from "./spreadsheet.ts";

export const dataSheet = "Data";

/** The columns the importer reads, each with the header spellings releases have used. */
export const tableColumns = {
  year: { header: "As at 31 March", variants: ["as at 31 march", "as at 31st march", "as at", "year"] },
  geocode: { header: "Geocode", variants: ["geocode", "force geocode"] },
  force: { header: "Force name", variants: ["force name", "force", "police force"] },
  region: { header: "Region", variants: ["region"] },
  workerType: { header: "Worker type", variants: ["worker type", "worker group", "type of worker"] },
  sex: { header: "Sex", variants: ["sex", "gender"] },
  rank: { header: "Rank", variants: ["rank", "rank description"] },
  fte: { header: "Total (FTE)", variants: ["total (fte)", "total fte", "fte", "full-time equivalent", "full time equivalent"] },
  headcount: { header: "Total (headcount)", variants: ["total (headcount)", "total headcount", "headcount"] },
} as const;
type ColumnName = keyof typeof tableColumns;

/** A header as compared: lower case, single spaces, without a trailing "[note 3]" or "(note 3)". */
const headerKey = (h: string): string =>
  h
    .toLowerCase()
    .replace(/[[(]\s*notes?\s*[\d, ]+[\])]/g, "")
    .replace(/\s+/g, " ")
    .trim();

export type DropReason = "another year" | "total row" | "force outside the register" | "rank the report does not use" | "worker type the report does not use";

export interface ImportedCount {
  force: Force;
  kind: "officers" | "staff";
  sex: Sex;
  /** An officer rank or a staff role. */
  category: OfficerRank | StaffRole;
  hundredths: number;
  /** Where the count came from: the table ("file:sheet:" or "file:") and its rows, several where added up. */
  sourceTable: string;
  sourceRows: number[];
  firstRow: number;
  file: string;
}

export interface TableResult {
  file: string;
  rowsRead: number;
  dropped: Map<DropReason, { count: number; examples: Set<string> }>;
  counts: ImportedCount[];
  yearsFound: Set<number>;
}

/** The year of an "As at 31 March" cell: text such as "31 March 2025" or "2025-03-31", or an Excel date serial. */
export function yearOf(cell: string): number | null {
  const text = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(cell);
  if (text) return Number(text[1]);
  if (/^\d{5}(\.\d+)?$/.test(cell)) return new Date(Math.round((Number(cell) - 25569) * 86_400_000)).getUTCFullYear();
  return null;
}

/**
 * A published value as integer hundredths. Spreadsheets store numbers in binary, so "12.550000000000001"
 * is read as 12.55; a value with a real third decimal, a negative value, or a suppression mark ("..",
 * "[c]", "*") is not a count and returns null.
 */
export function valueHundredths(cell: string, measure: Measure): number | null {
  const m = /^(\d{1,9})(?:\.(\d+))?$/.exec(cell.trim());
  if (!m) return null;
  const decimals = m[2] ?? "";
  let hundredths = Number(m[1]) * 100 + Number(decimals.slice(0, 2).padEnd(2, "0"));
  const rest = decimals.slice(2);
  if (/[1-9]/.test(rest)) {
    // Within a millionth of a hundredth: binary noise of a two-decimal value, rounded back.
    if (/^0{4}/.test(rest)) {
      /* noise above the value: keep it */
    } else if (/^9{4}/.test(rest)) hundredths += 1;
    else return null;
  }
  if (measure === "headcount" && hundredths % 100 !== 0) return null;
  return hundredths;
}

/** Reads one table; errors (missing columns, unknown values, suppressed cells) go to the sink with the row. */
export function readHomeOfficeTable(sheet: Sheet, year: number, measure: Measure, register: ForceRegister, mapping: Mapping, sink: DiagnosticSink): TableResult | null {
  const headerRow = findHeaderRow(sheet, measure, sink);
  if (!headerRow) return null;
  const index = columnIndex(sheet, headerRow, measure, sink);
  if (!index) return null;
  const table: Table = {
    sheet,
    measure,
    register,
    mapping,
    sink,
    index,
    result: { file: sheet.file, rowsRead: 0, dropped: new Map(), counts: [], yearsFound: new Set() },
    byKey: new Map(),
    sourceRows: new Map(),
    sourceTable: `${path.basename(sheet.file)}:${sheet.sheet ? `${sheet.sheet}:` : ""}`,
  };
  const { result } = table;
  for (const row of sheet.rows) {
    if (row.row <= headerRow.row || row.cells.every((c) => c === "")) continue;
    result.rowsRead += 1;
    const rowYear = yearOfRow(table, row);
    if (rowYear === null) continue;
    result.yearsFound.add(rowYear);
    if (rowYear !== year) {
      drop(result, "another year");
      continue;
    }
    readRow(table, row);
  }
  if (!result.yearsFound.has(year) && result.rowsRead > 0) {
    sink.error(sheet.file, "import-year", `The table has no rows for ${year}; its ${tableColumns.year.header} column has ${[...result.yearsFound].sort().join(", ")}.`, { line: headerRow.row, column: index.get("year")! + 1 });
  }
  return result;
}

/** One table being read: its inputs, where each column is, and what has been read so far. */
interface Table {
  sheet: Sheet;
  measure: Measure;
  register: ForceRegister;
  mapping: Mapping;
  sink: DiagnosticSink;
  index: Map<ColumnName, number>;
  result: TableResult;
  /** Counts by force, kind, sex and category: rows that map to the same one are added up. */
  byKey: Map<string, ImportedCount>;
  /** The row of each source combination read, to report a repeated one. */
  sourceRows: Map<string, number>;
  sourceTable: string;
}

/** A row's mapped values, with its cells' own words for the messages. */
interface MappedRow {
  force: Force;
  kind: string;
  sex: string;
  rank: string | null;
  workerType: string;
  sexText: string;
  rankText: string;
}

/** The header row: the first of the top 20 with at least three known headers; reported when there is none. */
function findHeaderRow(sheet: Sheet, measure: Measure, sink: DiagnosticSink): SheetRow | null {
  const headerRow = sheet.rows.slice(0, 20).find((r) => r.cells.filter((c) => findColumn(c) !== null).length >= 3);
  if (headerRow) return headerRow;
  const first = sheet.rows[0];
  sink.error(sheet.file, "import-header", `No header row found${sheet.sheet ? ` on sheet ${sheet.sheet}` : ""}; expected headers such as ${requiredHeaders(measure).join(", ")}${first ? `, but the first row has: ${first.cells.join(" | ")}` : " but the table is empty"}.`, { line: first?.row ?? 1 });
  return null;
}

/** Each column's position (the first header that names it); null, with every missing one reported, when a needed one is absent. */
function columnIndex(sheet: Sheet, headerRow: SheetRow, measure: Measure, sink: DiagnosticSink): Map<ColumnName, number> | null {
  const index = new Map<ColumnName, number>();
  headerRow.cells.forEach((cell, i) => {
    const column = findColumn(cell);
    if (column && !index.has(column)) index.set(column, i);
  });
  const required: ColumnName[] = ["year", "force", "workerType", "sex", "rank", measure];
  const missing = required.filter((c) => !index.has(c));
  for (const column of missing) {
    sink.error(
      sheet.file,
      "import-column",
      `No "${tableColumns[column].header}" column (also accepted: ${tableColumns[column].variants.filter((v) => v !== headerKey(tableColumns[column].header)).join(", ")}); the headers found${sheet.sheet ? ` on sheet ${sheet.sheet}` : ""} are: ${headerRow.cells.filter(Boolean).join(" | ")}.`,
      { line: headerRow.row },
    );
  }
  return missing.length > 0 ? null : index;
}

const cellOf = (table: Table, row: SheetRow, column: ColumnName) => row.cells[table.index.get(column)!] ?? "";
const at = (table: Table, row: SheetRow, column: ColumnName) => ({ line: row.row, column: table.index.get(column)! + 1 });
const where = (sheet: Sheet, row: SheetRow) => (sheet.sheet ? `sheet ${sheet.sheet}, row ${row.row}` : `line ${row.row}`);

/** Counts a dropped row under its reason, keeping the distinct values that caused it for the summary. */
function drop(result: TableResult, reason: DropReason, example?: string): void {
  const d = result.dropped.get(reason) ?? { count: 0, examples: new Set<string>() };
  d.count += 1;
  if (example) d.examples.add(example);
  result.dropped.set(reason, d);
}

/** The row's year, or null (reported) when its year cell has none. */
function yearOfRow(table: Table, row: SheetRow): number | null {
  const rowYear = yearOf(cellOf(table, row, "year"));
  if (rowYear === null) {
    table.sink.error(table.sheet.file, "import-year", `${where(table.sheet, row)}: "${cellOf(table, row, "year")}" in ${tableColumns.year.header} has no year.`, at(table, row, "year"));
  }
  return rowYear;
}

/** A row of the year: mapped, valued, checked for repeats, then added to its count. */
function readRow(table: Table, row: SheetRow): void {
  const mapped = mapRow(table, row);
  if (!mapped) return;
  const hundredths = valueOfRow(table, row, mapped);
  if (hundredths === null || isRepeat(table, row, mapped)) return;
  addCount(table, row, mapped, hundredths);
}

/** The row's force, worker type, sex and rank through the mapping; null when unmapped (reported) or dropped. */
function mapRow(table: Table, row: SheetRow): MappedRow | null {
  const { result } = table;
  const forceName = cellOf(table, row, "force");
  const workerType = cellOf(table, row, "workerType");
  const sexText = cellOf(table, row, "sex");
  const rankText = cellOf(table, row, "rank");
  if (table.mapping.lookup("force", forceName) === TOTAL) {
    drop(result, "total row", forceName);
    return null;
  }
  // All three are looked up before stopping, so one run reports every unmapped value of the row.
  const kind = lookupOrError(table, "worker_type", workerType, row, "workerType");
  const sex = lookupOrError(table, "sex", sexText, row, "sex");
  const rank = kind === "officers" ? lookupOrError(table, "rank", rankText, row, "rank") : null;
  if (kind === undefined || sex === undefined || rank === undefined) return null;
  if (kind === TOTAL || sex === TOTAL || rank === TOTAL) {
    drop(result, "total row", [forceName, workerType, rankText, sexText].filter(Boolean).join(", "));
    return null;
  }
  if (kind === NOT_USED) {
    drop(result, "worker type the report does not use", workerType);
    return null;
  }
  if (rank === NOT_USED) {
    drop(result, "rank the report does not use", rankText);
    return null;
  }
  const force = table.register.resolve(forceName);
  if (!force) {
    drop(result, "force outside the register", forceName);
    return null;
  }
  return { force, kind, sex, rank, workerType, sexText, rankText };
}

/** The mapped value of a cell, or undefined (reported with how to fix it) when the mapping has no line for it. */
function lookupOrError(table: Table, column: "worker_type" | "sex" | "rank", value: string, row: SheetRow, tableColumn: ColumnName): string | undefined {
  const mapped = table.mapping.lookup(column, value);
  if (mapped === undefined) {
    table.sink.error(
      table.sheet.file,
      "import-unmapped",
      `${where(table.sheet, row)}: ${tableColumns[tableColumn].header} "${value}" is not in ${table.mapping.file}; add a line "${column},${value},<report value>" (known: ${table.mapping.known(column).join(", ")}).`,
      at(table, row, tableColumn),
    );
  }
  return mapped;
}

/** The row's count in hundredths, or null (reported) when the cell is suppressed or not a count. */
function valueOfRow(table: Table, row: SheetRow, m: MappedRow): number | null {
  const { measure } = table;
  const hundredths = valueHundredths(cellOf(table, row, measure), measure);
  if (hundredths === null) {
    table.sink.error(
      table.sheet.file,
      "import-value",
      `${where(table.sheet, row)} (${m.force.shortName}, ${m.workerType}${m.rank ? `, ${m.rankText}` : ""}, ${m.sexText}): ${tableColumns[measure].header} is "${cellOf(table, row, measure)}", not ${measure === "fte" ? "a number with at most two decimals" : "a whole number"}; a suppressed or missing value must be filled in from the source before importing.`,
      at(table, row, measure),
    );
  }
  return hundredths;
}

/** Whether an earlier row had the same force, worker type, rank and sex as written (reported); else remembers this one. */
function isRepeat(table: Table, row: SheetRow, m: MappedRow): boolean {
  const sourceKey = [m.force.slug, mappingKey(m.workerType), m.kind === "officers" ? mappingKey(m.rankText) : "", mappingKey(m.sexText)].join("|");
  const earlier = table.sourceRows.get(sourceKey);
  if (earlier !== undefined) {
    table.sink.error(table.sheet.file, "import-duplicate", `${where(table.sheet, row)} repeats ${m.force.shortName}, ${m.workerType}${m.rank ? `, ${m.rankText}` : ""}, ${m.sexText} from row ${earlier}.`, at(table, row, "force"));
    return true;
  }
  table.sourceRows.set(sourceKey, row.row);
  return false;
}

/** Adds the row to its count: rows the mapping sends to the same rank or role (or sex) are summed. */
function addCount(table: Table, row: SheetRow, m: MappedRow, hundredths: number): void {
  const category = (m.kind === "officers" ? m.rank : m.kind) as OfficerRank | StaffRole;
  const target = m.kind === "officers" ? "officers" : "staff";
  const key = `${m.force.slug}|${target}|${m.sex}|${category}`;
  const existing = table.byKey.get(key);
  if (existing) {
    existing.hundredths += hundredths;
    existing.sourceRows.push(row.row);
  } else {
    const count: ImportedCount = { force: m.force, kind: target, sex: m.sex as Sex, category, hundredths, sourceTable: table.sourceTable, sourceRows: [row.row], firstRow: row.row, file: table.sheet.file };
    table.byKey.set(key, count);
    table.result.counts.push(count);
  }
}

function findColumn(header: string): ColumnName | null {
  const key = headerKey(header);
  for (const [name, spec] of Object.entries(tableColumns) as [ColumnName, (typeof tableColumns)[ColumnName]][]) {
    if ((spec.variants as readonly string[]).includes(key)) return name;
  }
  return null;
}

function requiredHeaders(measure: Measure): string[] {
  return (["year", "force", "workerType", "sex", "rank", measure] as ColumnName[]).map((c) => `"${tableColumns[c].header}"`);
}

export const sexOrder = sexes;
export const categoryOrder = { officers: officerRanks as readonly string[], staff: staffRoles as readonly string[] };
