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
  const file = sheet.file;
  const where = (row: SheetRow) => (sheet.sheet ? `sheet ${sheet.sheet}, row ${row.row}` : `line ${row.row}`);
  const headerRow = sheet.rows.slice(0, 20).find((r) => r.cells.filter((c) => findColumn(c) !== null).length >= 3);
  if (!headerRow) {
    const first = sheet.rows[0];
    sink.error(file, "import-header", `No header row found${sheet.sheet ? ` on sheet ${sheet.sheet}` : ""}; expected headers such as ${requiredHeaders(measure).join(", ")}${first ? `, but the first row has: ${first.cells.join(" | ")}` : " but the table is empty"}.`, { line: first?.row ?? 1 });
    return null;
  }
  const index = new Map<ColumnName, number>();
  headerRow.cells.forEach((cell, i) => {
    const column = findColumn(cell);
    if (column && !index.has(column)) index.set(column, i);
  });
  const required: ColumnName[] = ["year", "force", "workerType", "sex", "rank", measure];
  const missing = required.filter((c) => !index.has(c));
  for (const column of missing) {
    sink.error(
      file,
      "import-column",
      `No "${tableColumns[column].header}" column (also accepted: ${tableColumns[column].variants.filter((v) => v !== headerKey(tableColumns[column].header)).join(", ")}); the headers found${sheet.sheet ? ` on sheet ${sheet.sheet}` : ""} are: ${headerRow.cells.filter(Boolean).join(" | ")}.`,
      { line: headerRow.row },
    );
  }
  if (missing.length > 0) return null;
  const cell = (row: SheetRow, column: ColumnName) => row.cells[index.get(column)!] ?? "";
  const at = (row: SheetRow, column: ColumnName) => ({ line: row.row, column: index.get(column)! + 1 });

  const result: TableResult = { file, rowsRead: 0, dropped: new Map(), counts: [], yearsFound: new Set() };
  const drop = (reason: DropReason, example?: string) => {
    const d = result.dropped.get(reason) ?? { count: 0, examples: new Set<string>() };
    d.count += 1;
    if (example) d.examples.add(example);
    result.dropped.set(reason, d);
  };
  const byKey = new Map<string, ImportedCount>();
  const sourceRows = new Map<string, number>();
  const base = path.basename(file);

  for (const row of sheet.rows) {
    if (row.row <= headerRow.row || row.cells.every((c) => c === "")) continue;
    result.rowsRead += 1;
    const rowYear = yearOf(cell(row, "year"));
    if (rowYear === null) {
      sink.error(file, "import-year", `${where(row)}: "${cell(row, "year")}" in ${tableColumns.year.header} has no year.`, at(row, "year"));
      continue;
    }
    result.yearsFound.add(rowYear);
    if (rowYear !== year) {
      drop("another year");
      continue;
    }
    const forceName = cell(row, "force");
    const workerType = cell(row, "workerType");
    const sexText = cell(row, "sex");
    const rankText = cell(row, "rank");
    if (mapping.lookup("force", forceName) === TOTAL) {
      drop("total row", forceName);
      continue;
    }
    const kind = lookupOrError("worker_type", workerType, row, "workerType");
    const sex = lookupOrError("sex", sexText, row, "sex");
    const rank = kind === "officers" ? lookupOrError("rank", rankText, row, "rank") : null;
    if (kind === undefined || sex === undefined || rank === undefined) continue;
    if (kind === TOTAL || sex === TOTAL || rank === TOTAL) {
      drop("total row", [forceName, workerType, rankText, sexText].filter(Boolean).join(", "));
      continue;
    }
    if (kind === NOT_USED) {
      drop("worker type the report does not use", workerType);
      continue;
    }
    if (rank === NOT_USED) {
      drop("rank the report does not use", rankText);
      continue;
    }
    const force = register.resolve(forceName);
    if (!force) {
      drop("force outside the register", forceName);
      continue;
    }
    const hundredths = valueHundredths(cell(row, measure), measure);
    if (hundredths === null) {
      sink.error(
        file,
        "import-value",
        `${where(row)} (${force.shortName}, ${workerType}${rank ? `, ${rankText}` : ""}, ${sexText}): ${tableColumns[measure].header} is "${cell(row, measure)}", not ${measure === "fte" ? "a number with at most two decimals" : "a whole number"}; a suppressed or missing value must be filled in from the source before importing.`,
        at(row, measure),
      );
      continue;
    }
    const sourceKey = [force.slug, mappingKey(workerType), kind === "officers" ? mappingKey(rankText) : "", mappingKey(sexText)].join("|");
    const earlier = sourceRows.get(sourceKey);
    if (earlier !== undefined) {
      sink.error(file, "import-duplicate", `${where(row)} repeats ${force.shortName}, ${workerType}${rank ? `, ${rankText}` : ""}, ${sexText} from row ${earlier}.`, at(row, "force"));
      continue;
    }
    sourceRows.set(sourceKey, row.row);
    const category = (kind === "officers" ? rank : kind) as OfficerRank | StaffRole;
    const target = kind === "officers" ? "officers" : "staff";
    const key = `${force.slug}|${target}|${sex}|${category}`;
    const sourceTable = `${base}:${sheet.sheet ? `${sheet.sheet}:` : ""}`;
    const existing = byKey.get(key);
    if (existing) {
      existing.hundredths += hundredths;
      existing.sourceRows.push(row.row);
    } else {
      const count: ImportedCount = { force, kind: target, sex: sex as Sex, category, hundredths, sourceTable, sourceRows: [row.row], firstRow: row.row, file };
      byKey.set(key, count);
      result.counts.push(count);
    }
  }
  if (!result.yearsFound.has(year) && result.rowsRead > 0) {
    sink.error(file, "import-year", `The table has no rows for ${year}; its ${tableColumns.year.header} column has ${[...result.yearsFound].sort().join(", ")}.`, { line: headerRow.row, column: index.get("year")! + 1 });
  }
  return result;

  function lookupOrError(column: "worker_type" | "sex" | "rank", value: string, row: SheetRow, tableColumn: ColumnName): string | undefined {
    const mapped = mapping.lookup(column, value);
    if (mapped === undefined) {
      sink.error(
        file,
        "import-unmapped",
        `${where(row)}: ${tableColumns[tableColumn].header} "${value}" is not in ${mapping.file}; add a line "${column},${value},<report value>" (known: ${mapping.known(column).join(", ")}).`,
        at(row, tableColumn),
      );
    }
    return mapped;
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
