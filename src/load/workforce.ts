// data/<year>/officers.csv and staff.csv: long-form headcounts, one row per force × sex × rank (or role).
import { existsSync } from "node:fs";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import { officerRanks, sexes, staffRoles, type OfficerRank, type Sex, type StaffRole } from "../statistics/types.ts";
import { readCsvTable, type CsvRow } from "./csvTable.ts";
import type { ForceRegister } from "./forceRegister.ts";

export interface OfficerCount {
  force: string;
  sex: Sex;
  rank: OfficerRank;
  headcount: number;
}

export interface StaffCount {
  force: string;
  sex: Sex;
  role: StaffRole;
  headcount: number;
}

export interface WorkforceYear {
  year: number;
  officers: OfficerCount[];
  staff: StaffCount[];
}

export const officersHeader = ["force", "sex", "rank", "headcount"] as const;
export const staffHeader = ["force", "sex", "role", "headcount"] as const;

type Category = "rank" | "role";

function loadCounts<C extends string>(
  file: string,
  header: readonly ["force", "sex", Category, "headcount"],
  allowed: readonly C[],
  register: ForceRegister,
  sink: DiagnosticSink,
): { force: string; sex: Sex; category: C; headcount: number; line: number }[] | null {
  const table = readCsvTable(file, header, sink);
  if (!table) return null;
  const category = header[2];
  const seen = new Map<string, number>();
  const counts: { force: string; sex: Sex; category: C; headcount: number; line: number }[] = [];
  const at = (row: CsvRow, column: string) => ({ line: row.line, column: row.columns[column] });

  for (const row of table.rows) {
    const v = row.values;
    const force = register.resolve(v.force);
    let ok = true;
    if (!force) {
      sink.error(file, "unknown-force", register.unknownMessage(v.force), at(row, "force"));
      ok = false;
    }
    if (!(sexes as readonly string[]).includes(v.sex)) {
      sink.error(file, "unknown-sex", `Sex "${v.sex}" is not recognised; expected one of ${sexes.join(", ")}.${didYouMean(v.sex, sexes)}`, at(row, "sex"));
      ok = false;
    }
    if (!(allowed as readonly string[]).includes(v[category])) {
      sink.error(
        file,
        `unknown-${category}`,
        `${category === "rank" ? "Rank" : "Role"} "${v[category]}" is not recognised; expected one of ${allowed.join(", ")}.${didYouMean(v[category], allowed)}`,
        at(row, category),
      );
      ok = false;
    }
    if (!/^\d+$/.test(v.headcount)) {
      const separator = /^\d{1,3}([, ]\d{3})+$/.test(v.headcount) ? ` Remove the thousands separator: write ${v.headcount.replace(/\D/g, "")}.` : "";
      sink.error(file, "bad-headcount", `Headcount "${v.headcount}" must be a whole number of people, 0 or more, in digits only.${separator}`, at(row, "headcount"));
      ok = false;
    }
    if (!ok || !force) continue;
    const id = `${force.slug}|${v.sex}|${v[category]}`;
    const first = seen.get(id);
    if (first !== undefined) {
      sink.error(file, "duplicate-row", `${force.name}, ${v.sex}, ${v[category]} is already counted on line ${first}; each force × sex × ${category} has one row.`, at(row, "force"));
      continue;
    }
    seen.set(id, row.line);
    counts.push({ force: force.slug, sex: v.sex as Sex, category: v[category] as C, headcount: Number(v.headcount), line: row.line });
  }
  return counts;
}

/** Staff data is needed for the edition year; earlier years may have officers only (for trends and % changes). */
export function loadWorkforceYear(dir: string, year: number, register: ForceRegister, sink: DiagnosticSink, options: { staffRequired: boolean }): WorkforceYear | null {
  const officersFile = `${dir}/${year}/officers.csv`;
  const officerRows = loadCounts(officersFile, officersHeader, officerRanks, register, sink);
  const staffFile = `${dir}/${year}/staff.csv`;
  const staffRows = options.staffRequired || existsSync(staffFile) ? loadCounts(staffFile, staffHeader, staffRoles, register, sink) : [];
  if (!officerRows || !staffRows) return null;

  // A force listed with no officers at all would divide by zero in every percentage.
  const officersByForce = new Map<string, number>();
  const firstLine = new Map<string, number>();
  for (const r of officerRows) {
    officersByForce.set(r.force, (officersByForce.get(r.force) ?? 0) + (r.sex === "Not stated" ? 0 : r.headcount));
    if (!firstLine.has(r.force)) firstLine.set(r.force, r.line);
  }
  for (const [slug, total] of officersByForce) {
    if (total === 0) {
      const name = register.resolve(slug)!.name;
      sink.error(officersFile, "no-officers", `${name} has no officers of stated sex in ${year}; a force in the data needs at least one, or leave it out of the file.`, { line: firstLine.get(slug) });
    }
  }
  return {
    year,
    officers: officerRows.map((r) => ({ force: r.force, sex: r.sex, rank: r.category, headcount: r.headcount })),
    staff: staffRows.map((r) => ({ force: r.force, sex: r.sex, role: r.category, headcount: r.headcount })),
  };
}
