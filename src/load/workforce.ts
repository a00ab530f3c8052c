// data/<year>/officers.csv and staff.csv: long-form counts (headcount or FTE), one row per force × sex × rank (or role).
import { existsSync } from "node:fs";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import { officerRanks, sexes, staffRoles, type OfficerRank, type Sex, type StaffRole } from "../domain/vocabulary.ts";
import { parseCsvTable, type CsvRow } from "./csvTable.ts";
import type { ForceRegister } from "./forceRegister.ts";
import { expectedValue, measures, parseHundredths, type Measure } from "./measure.ts";
import { readInputFile } from "./readInput.ts";

export interface OfficerCount {
  force: string;
  sex: Sex;
  rank: OfficerRank;
  /** The count in the file's measure: people, or full-time equivalents (then possibly fractional). */
  headcount: number;
  /** The same count as an exact integer number of hundredths; every sum and share is taken over these. */
  hundredths: number;
  /** Line of the row in its file, and where the row came from if the file says (its `source` column). */
  line: number;
  source?: string;
}

export interface StaffCount {
  force: string;
  sex: Sex;
  role: StaffRole;
  headcount: number;
  hundredths: number;
  line: number;
  source?: string;
}

export interface WorkforceYear {
  year: number;
  officers: OfficerCount[];
  staff: StaffCount[];
  /** What each file counts; the staff measure is the officers' when the year has no staff file. */
  measure: { officers: Measure; staff: Measure };
  files: { officers: string; staff: string | null };
}

export const officersHeader = ["force", "sex", "rank", "headcount"] as const;
export const staffHeader = ["force", "sex", "role", "headcount"] as const;

type Category = "rank" | "role";

/** The headers a workforce file may have: the measure names the count column; `source` is optional. */
export function workforceHeaders(category: Category): string[][] {
  return measures.flatMap((m) => [["force", "sex", category, m], ["force", "sex", category, m, "source"]]);
}

const headerHelp = (category: Category) =>
  `a CSV file with the header force,sex,${category},headcount (or force,sex,${category},fte for full-time equivalents; either may end with a source column)`;

interface LoadedCount<C> {
  force: string;
  sex: Sex;
  category: C;
  headcount: number;
  hundredths: number;
  line: number;
  source?: string;
}

function loadCounts<C extends string>(
  file: string,
  category: Category,
  allowed: readonly C[],
  register: ForceRegister,
  sink: DiagnosticSink,
  root: string,
): { measure: Measure; counts: LoadedCount<C>[] } | null {
  const text = readInputFile(file, sink, headerHelp(category), root);
  if (text === null) return null;
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const found = firstLine.split(",").map((h) => h.trim()).join(",");
  const header = workforceHeaders(category).find((h) => h.join(",") === found);
  if (!header) {
    sink.error(file, "csv-header", `The header is "${firstLine}"; expected ${headerHelp(category).replace(/^a CSV file with the header /, "")}.`, { line: 1, column: 1 });
    return null;
  }
  const table = parseCsvTable(file, text, header, sink);
  if (!table) return null;
  const measure = header[3] as Measure;
  const seen = new Map<string, number>();
  const counts: LoadedCount<C>[] = [];
  const at = (row: CsvRow, column: string) => ({ line: row.line, column: row.columns[column] });
  let rowErrors = 0;

  for (const row of table.rows) {
    const v = row.values;
    const force = register.resolve(v.force);
    let ok = true;
    if (!force) {
      sink.error(file, "unknown-force", () => register.unknownMessage(v.force), at(row, "force"));
      ok = false;
    }
    if (!(sexes as readonly string[]).includes(v.sex)) {
      sink.error(file, "unknown-sex", () => `Sex "${v.sex}" is not recognised; expected one of ${sexes.join(", ")}.${didYouMean(v.sex, sexes)}`, at(row, "sex"));
      ok = false;
    }
    if (!(allowed as readonly string[]).includes(v[category])) {
      sink.error(
        file,
        `unknown-${category}`,
        () => `${category === "rank" ? "Rank" : "Role"} "${v[category]}" is not recognised; expected one of ${allowed.join(", ")}.${didYouMean(v[category], allowed)}`,
        at(row, category),
      );
      ok = false;
    }
    const hundredths = parseHundredths(v[measure], measure);
    if (hundredths === null) {
      const separator = /^\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(v[measure]) ? ` Remove the thousands separator: write ${v[measure].replace(/[, ]/g, "")}.` : "";
      sink.error(file, measure === "headcount" ? "bad-headcount" : "bad-fte", `${measure === "headcount" ? "Headcount" : "FTE"} "${v[measure]}" must be ${expectedValue(measure)}.${separator}`, at(row, measure));
      ok = false;
    }
    if (!ok || !force || hundredths === null) {
      rowErrors += 1;
      continue;
    }
    const id = `${force.slug}|${v.sex}|${v[category]}`;
    const first = seen.get(id);
    if (first !== undefined) {
      sink.error(file, "duplicate-row", `${force.name}, ${v.sex}, ${v[category]} is already counted on line ${first}; each force × sex × ${category} has one row.`, at(row, "force"));
      rowErrors += 1;
      continue;
    }
    seen.set(id, row.line);
    counts.push({
      force: force.slug,
      sex: v.sex as Sex,
      category: v[category] as C,
      headcount: hundredths / 100,
      hundredths,
      line: row.line,
      ...(v.source ? { source: v.source } : {}),
    });
  }
  // Only once every row reads cleanly: a misspelt row would otherwise also show up as a missing one.
  if (rowErrors === 0) checkComplete(file, category, allowed, counts, register, sink);
  return { measure, counts };
}

/**
 * Every force in a file has a row for each stated sex × rank (or role), zeros written out: a missing row
 * would silently lower the force's totals. The error points at the line where the force's rows start.
 */
function checkComplete<C extends string>(
  file: string,
  category: Category,
  allowed: readonly C[],
  counts: readonly LoadedCount<C>[],
  register: ForceRegister,
  sink: DiagnosticSink,
): void {
  const present = new Set(counts.map((c) => `${c.force}|${c.sex}|${c.category}`));
  const firstLine = new Map<string, number>();
  for (const c of counts) if (!firstLine.has(c.force)) firstLine.set(c.force, c.line);
  for (const [slug, line] of firstLine) {
    const force = register.resolve(slug)!;
    for (const sex of ["Female", "Male"] as const) {
      for (const value of allowed) {
        if (present.has(`${slug}|${sex}|${value}`)) continue;
        sink.error(
          file,
          "missing-row",
          `${force.name} (rows from line ${line}) has no row for ${sex}, ${value}; every force needs one row per sex and ${category}, with 0 where there are none.`,
          { line },
        );
      }
    }
  }
}

/** Staff data is needed for the edition year; earlier years may have officers only (for trends and % changes). */
export function loadWorkforceYear(dir: string, year: number, register: ForceRegister, sink: DiagnosticSink, options: { staffRequired: boolean }): WorkforceYear | null {
  const officersFile = `${dir}/${year}/officers.csv`;
  const officerRows = loadCounts(officersFile, "rank", officerRanks, register, sink, dir);
  const staffFile = `${dir}/${year}/staff.csv`;
  const hasStaff = options.staffRequired || existsSync(staffFile);
  const staffRows = hasStaff ? loadCounts(staffFile, "role", staffRoles, register, sink, dir) : null;
  if (!officerRows || (hasStaff && !staffRows)) return null;

  // A force listed with no officers at all would divide by zero in every percentage.
  const officersByForce = new Map<string, number>();
  const firstLine = new Map<string, number>();
  for (const r of officerRows.counts) {
    officersByForce.set(r.force, (officersByForce.get(r.force) ?? 0) + (r.sex === "Not stated" ? 0 : r.hundredths));
    if (!firstLine.has(r.force)) firstLine.set(r.force, r.line);
  }
  for (const [slug, total] of officersByForce) {
    if (total === 0) {
      const name = register.resolve(slug)!.name;
      sink.error(officersFile, "no-officers", `${name} has no officers of stated sex in ${year}; a force in the data needs at least one, or leave it out of the file.`, { line: firstLine.get(slug) });
    }
  }
  const kept = ({ category: _, ...rest }: LoadedCount<string>) => rest;
  return {
    year,
    officers: officerRows.counts.map((r) => ({ ...kept(r), rank: r.category })),
    staff: (staffRows?.counts ?? []).map((r) => ({ ...kept(r), role: r.category })),
    measure: { officers: officerRows.measure, staff: staffRows?.measure ?? officerRows.measure },
    files: { officers: officersFile, staff: staffRows ? staffFile : null },
  };
}
