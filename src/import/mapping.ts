// data/home-office-mapping.csv: how the Home Office's worker types, ranks, sexes and total rows map
// onto the report's vocabulary. One table, so a new spelling in a release is one added line.
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { readCsvTable } from "../load/csvTable.ts";
import { officerRanks, sexes, staffRoles } from "../domain/vocabulary.ts";

export const mappingHeader = ["column", "home_office_value", "report_value"] as const;
export const mappedColumns = ["worker_type", "rank", "sex", "force"] as const;
export type MappedColumn = (typeof mappedColumns)[number];

/** Rows marked so are dropped and counted in the summary. */
export const TOTAL = "(total)";
export const NOT_USED = "(not used)";

/** What a report value may be, per column. */
const allowedValues: Record<MappedColumn, readonly string[]> = {
  worker_type: ["officers", ...staffRoles, TOTAL, NOT_USED],
  rank: [...officerRanks, TOTAL, NOT_USED],
  sex: [...sexes, TOTAL],
  force: [TOTAL],
};

export interface Mapping {
  file: string;
  /** The report value of a Home Office value (compared case- and space-insensitively), or undefined. */
  lookup(column: MappedColumn, value: string): string | undefined;
  known(column: MappedColumn): string[];
}

export const mappingKey = (value: string): string => value.toLowerCase().replace(/\s+/g, " ").trim();

export function loadMapping(file: string, sink: DiagnosticSink): Mapping | null {
  const table = readCsvTable(file, mappingHeader, sink);
  if (!table) return null;
  const maps = new Map<MappedColumn, Map<string, string>>(mappedColumns.map((c) => [c, new Map()]));
  const names = new Map<MappedColumn, string[]>(mappedColumns.map((c) => [c, []]));
  let ok = true;
  for (const row of table.rows) {
    const { column, home_office_value: from, report_value: to } = row.values;
    if (!(mappedColumns as readonly string[]).includes(column)) {
      sink.error(file, "mapping-column", `Column "${column}" is not one the importer maps; expected one of ${mappedColumns.join(", ")}.`, { line: row.line, column: row.columns.column });
      ok = false;
      continue;
    }
    const c = column as MappedColumn;
    if (!allowedValues[c].includes(to)) {
      sink.error(file, "mapping-value", `"${to}" is not a report value for ${c}; expected one of ${allowedValues[c].join(", ")}.`, { line: row.line, column: row.columns.report_value });
      ok = false;
      continue;
    }
    maps.get(c)!.set(mappingKey(from), to);
    names.get(c)!.push(from);
  }
  if (!ok) return null;
  return {
    file,
    lookup: (column, value) => maps.get(column)!.get(mappingKey(value)),
    known: (column) => names.get(column)!,
  };
}
