// `npm run import:workforce`: one or more tables in the Home Office layout → data/<year>/officers.csv and
// staff.csv in the loaders' format, with a `source` column naming the table and row of every count.
import { existsSync, lstatSync, readdirSync } from "node:fs";
import { kindOf, readRegularFile } from "../cache/filesBelow.ts";
import path from "node:path";
import { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { count, verb } from "../domain/plural.ts";
import { writeOutputsAtomically, type OutputFiles } from "../build/writeOutputs.ts";
import type { ForceRegister } from "../load/forceRegister.ts";
import { formatHundredths, measureNames, type Measure } from "../load/measure.ts";
import { officerRanks, staffRoles } from "../domain/vocabulary.ts";
import { categoryOrder, dataSheet, readHomeOfficeTable, sexOrder, type DropReason, type ImportedCount } from "./homeOfficeTable.ts";
import type { Mapping } from "./mapping.ts";
import { readSheet, SpreadsheetError, type Sheet } from "./spreadsheet.ts";
import { csvText } from "../domain/csvWriter.ts";

export interface ImportOptions {
  files: string[];
  year: number;
  /**
   * Every year the edition draws (its comparison and trend years, `year` included): each one the tables
   * have is imported in the same measure, in the same run; one they lack must already count in it.
   */
  years?: number[];
  dataDir: string;
  measure: Measure;
  /** Replace existing officers.csv / staff.csv of the year. */
  overwrite: boolean;
  /** Write 0 for a sex × rank/role a force's table has no row for (listed in the summary), instead of stopping. */
  zeroMissing: boolean;
}

export interface ImportSummary {
  year: number;
  /** Each year written, with its own summary (the edition year first). */
  others: ImportSummary[];
  measure: Measure;
  perFile: { file: string; rowsRead: number; dropped: [DropReason, number, string[]][] }[];
  written: { officers: number; staff: number };
  files: string[];
  /** Forces in the register with a data source that no table has. */
  missingForces: string[];
  /** Rows written as 0 under --zero-missing: "force, sex, rank". */
  zeroFilled: string[];
}

/** Runs the import; null (with errors in the sink) if anything is wrong, and then nothing is written. */
export function importWorkforce(options: ImportOptions, register: ForceRegister, mapping: Mapping, sink: DiagnosticSink): ImportSummary | null {
  const sheets: Sheet[] = [];
  for (const file of options.files) {
    try {
      sheets.push(readSheet(file, dataSheet));
    } catch (error) {
      if (!(error instanceof SpreadsheetError)) throw error;
      sink.error(file, "import-file", error.message);
    }
  }
  // The years each table has, read once (no errors: each year is read again below, and reports its own).
  const found = new Set<number>();
  for (const sheet of sheets) for (const y of readHomeOfficeTable(sheet, options.year, options.measure, register, mapping, new DiagnosticSink())?.yearsFound ?? []) found.add(y);
  const drawn = [...new Set([options.year, ...(options.years ?? [])])].sort((a, b) => b - a);
  const planned: Planned[] = [];
  for (const year of drawn) {
    if (year !== options.year && !found.has(year)) {
      // Not in the tables: what is on disk must already count in this measure, or the build stops.
      const officers = path.join(options.dataDir, String(year), "officers.csv");
      const header = existsSync(officers) ? (readRegularFile(officers).toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "") : "";
      const counted = header.split(",").map((h) => h.trim())[3];
      if (counted && counted !== options.measure) {
        sink.error(officers, "measure-mismatch", `The ${options.year} edition compares with ${year}, which this file counts in ${counted} and no table given has; give a table with ${year} in ${options.measure} in the same command (the tables given have ${[...found].sort().join(", ") || "no year"}).`, { line: 1, column: header.indexOf(counted) + 1 });
      }
      continue;
    }
    const plan = planYear({ ...options, year }, sheets.filter((sheet) => year === options.year || readHomeOfficeTable(sheet, year, options.measure, register, mapping, new DiagnosticSink())?.yearsFound.has(year)), register, mapping, sink);
    if (plan) planned.push(plan);
  }
  if (sink.errors.length > 0 || planned.length === 0) return null;
  // Every year is worked out before any is written: all of them, or none.
  for (const plan of planned) writeOutputsAtomically(plan.yearDir, plan.files);
  const [first, ...others] = planned.map((p) => p.summary);
  return { ...first, others };
}

interface Planned {
  yearDir: string;
  files: OutputFiles;
  summary: ImportSummary;
}

/** One year's officers.csv, staff.csv and carried-over files, worked out but not written; null (errors in sink) if it cannot be. */
function planYear(options: ImportOptions, sheets: Sheet[], register: ForceRegister, mapping: Mapping, sink: DiagnosticSink): Planned | null {
  const { all, perFile } = readTables(options, sheets, register, mapping, sink);
  const { zeros, zeroFilled } = fillMissingRows(options, all, register, sink);
  all.push(...zeros);

  const yearDir = path.join(options.dataDir, String(options.year));
  const targets = { officers: path.join(yearDir, "officers.csv"), staff: path.join(yearDir, "staff.csv") };
  if (!options.overwrite) {
    for (const target of Object.values(targets)) {
      if (existsSync(target)) sink.error(target, "import-exists", "The file already exists; pass --force to replace it (the import writes both files of the year or neither).");
    }
  }
  const missingForces = checkMissingForces(options, all, sheets, register, sink);
  if (sink.errors.length > 0) return null;

  const sorted = sortCounts(all, register);
  const files: OutputFiles = { "officers.csv": workforceCsv(sorted, "officers", options.measure), "staff.csv": workforceCsv(sorted, "staff", options.measure) };
  if (!carryOverYearFiles(yearDir, files, sink)) return null;
  if (!existsSync(path.join(yearDir, "about.yml"))) {
    // The tables count as at 31 March; the wording of the source is a person's to check.
    files["about.yml"] = `# Written by import:workforce: check the source's wording (see data/README.md).\nasAt: ${options.year}-03-31\nsource: Home Office workforce statistics for the police of England and Wales\nurl: https://www.gov.uk/government/collections/police-workforce-england-and-wales\n`;
  }

  const summary: ImportSummary = {
    year: options.year,
    others: [],
    measure: options.measure,
    perFile,
    written: { officers: sorted.filter((c) => c.kind === "officers").length, staff: sorted.filter((c) => c.kind === "staff").length },
    files: [targets.officers, targets.staff],
    missingForces: missingForces.map((f) => `${f.name} (${f.dataSource})`),
    zeroFilled,
  };
  return { yearDir, files, summary };
}

/** Every count of the year in the tables, and what each table read and dropped; a force found in two tables is an error. */
function readTables(options: ImportOptions, sheets: Sheet[], register: ForceRegister, mapping: Mapping, sink: DiagnosticSink): { all: ImportedCount[]; perFile: ImportSummary["perFile"] } {
  const all: ImportedCount[] = [];
  const perFile: ImportSummary["perFile"] = [];
  const forceFile = new Map<string, ImportedCount>();
  for (const sheet of sheets) {
    const file = sheet.file;
    const table = readHomeOfficeTable(sheet, options.year, options.measure, register, mapping, sink);
    if (!table) continue;
    perFile.push({
      file,
      rowsRead: table.rowsRead,
      dropped: [...table.dropped].map(([reason, d]) => [reason, d.count, [...d.examples].slice(0, 6)]),
    });
    for (const count of table.counts) {
      const other = forceFile.get(count.force.slug);
      if (other && other.file !== count.file) {
        sink.error(count.file, "import-force-twice", `${count.force.name} (row ${count.firstRow}) is also in ${other.file} (row ${other.firstRow}); each force must come from one table.`, { line: count.firstRow });
        continue;
      }
      if (!other) forceFile.set(count.force.slug, count);
      all.push(count);
    }
  }
  return { all, perFile };
}

/**
 * Each force in the tables needs a row for every sex × rank/role: under --zero-missing the absent ones
 * come back as rows of 0 (and are listed), otherwise each force lacking some is an error.
 */
function fillMissingRows(options: ImportOptions, all: ImportedCount[], register: ForceRegister, sink: DiagnosticSink): { zeros: ImportedCount[]; zeroFilled: string[] } {
  const zeros: ImportedCount[] = [];
  const zeroFilled: string[] = [];
  for (const force of register.forces) {
    const rows = all.filter((c) => c.force.slug === force.slug);
    if (rows.length === 0) continue;
    const absent: string[] = [];
    for (const kind of ["officers", "staff"] as const) {
      for (const sex of ["Female", "Male"] as const) {
        for (const category of kind === "officers" ? officerRanks : staffRoles) {
          if (rows.some((r) => r.kind === kind && r.sex === sex && r.category === category)) continue;
          absent.push(`${sex}, ${category}`);
          if (options.zeroMissing) {
            zeros.push({ force, kind, sex, category, hundredths: 0, sourceTable: "", sourceRows: [], firstRow: rows[0].firstRow, file: rows[0].file });
            zeroFilled.push(`${force.shortName}, ${sex}, ${category}`);
          }
        }
      }
    }
    if (absent.length > 0 && !options.zeroMissing) {
      sink.error(
        rows[0].file,
        "import-missing-row",
        `${force.name} (from row ${rows[0].firstRow}) has no row for ${absent.join("; ")}; add them to a table (e.g. a second FILE) or pass --zero-missing to write 0 for them.`,
        { line: rows[0].firstRow },
      );
    }
  }
  return { zeros, zeroFilled };
}

/** The register's forces with a data source that no table has; an error unless --zero-missing leaves them out. */
function checkMissingForces(options: ImportOptions, all: ImportedCount[], sheets: Sheet[], register: ForceRegister, sink: DiagnosticSink): ForceRegister["forces"] {
  const present = new Set(all.map((c) => c.force.slug));
  const missingForces = register.forces.filter((f) => f.dataSource !== "none" && !present.has(f.slug));
  if (missingForces.length > 0 && !options.zeroMissing) {
    const sources = [...new Set(missingForces.map((f) => f.dataSource))].join(", ");
    sink.error(
      sheets[0]?.file ?? options.dataDir,
      "missing-force",
      `${count(missingForces.length, "force")} of the register ${verb(missingForces.length, "is", "are")} in no table for ${options.year}: ${missingForces.map((f) => `${f.name} (${f.dataSource})`).join("; ")}. Give their counts (from ${sources}) as another FILE in the same layout: columns As at 31 March, Force name, Worker type, Sex, Rank, Total (FTE) or Total (headcount), one row per force, worker type, sex and rank; or pass --zero-missing to leave them out (they are listed).`,
    );
  }
  return missingForces;
}

/** The counts in the register's force order, then sex, then rank/role order (sorted in place, as before). */
function sortCounts(all: ImportedCount[], register: ForceRegister): ImportedCount[] {
  const order = new Map(register.forces.map((f, i) => [f.slug, i]));
  return all.sort(
    (a, b) =>
      order.get(a.force.slug)! - order.get(b.force.slug)! ||
      sexOrder.indexOf(a.sex) - sexOrder.indexOf(b.sex) ||
      categoryOrder[a.kind].indexOf(a.category) - categoryOrder[b.kind].indexOf(b.category),
  );
}

/** officers.csv or staff.csv in the loaders' format, each row naming its source table and rows. */
function workforceCsv(sorted: ImportedCount[], kind: "officers" | "staff", measure: Measure): string {
  const header = ["force", "sex", kind === "officers" ? "rank" : "role", measure, "source"];
  const lines = sorted
    .filter((c) => c.kind === kind)
    .map((c) => [c.force.shortName, c.sex, c.category, formatHundredths(c.hundredths, measure), c.sourceRows.length > 0 ? `${c.sourceTable}${c.sourceRows.join("+")}` : "zero-missing"]);
  return csvText(header, lines);
}

/**
 * The year folder is swapped in whole, so anything else already in it is carried over unchanged (added to
 * files); false (error in sink) when it holds a folder, link or special file, which are never carried.
 */
function carryOverYearFiles(yearDir: string, files: OutputFiles, sink: DiagnosticSink): boolean {
  if (!existsSync(yearDir)) return true;
  for (const name of readdirSync(yearDir)) {
    if (name in files) continue;
    const full = path.join(yearDir, name);
    const kind = lstatSync(full);
    if (kind.isDirectory()) {
      sink.error(full, "import-folder", `${yearDir} holds a folder; the import replaces the year's folder as a whole and only carries files over. Move it out first.`);
      return false;
    }
    // A link or special file is never followed into the new folder (the input walk's rule).
    if (!kind.isFile()) {
      sink.error(full, "input-not-regular-file", `This is ${kindOf(kind)}; the import carries over only ordinary files. Replace it with a copy of the file, or remove it.`);
      return false;
    }
    files[name] = readRegularFile(full);
  }
  return true;
}

/** The summary, for people: what was read, written and dropped, and which forces are still to come. */
export function formatSummary(s: ImportSummary): string[] {
  return [s, ...s.others].flatMap(formatYear);
}

function formatYear(s: ImportSummary): string[] {
  const lines: string[] = [];
  for (const f of s.perFile) {
    const dropped = f.dropped.reduce((n, [, count]) => n + count, 0);
    lines.push(`${f.file}: ${f.rowsRead} rows read, ${dropped} dropped`);
    for (const [reason, count, examples] of f.dropped) {
      lines.push(`  dropped ${count}: ${reason}${examples.length > 0 ? ` (${examples.join("; ")})` : ""}`);
    }
  }
  lines.push(`Wrote ${s.files[0]} (${s.written.officers} rows) and ${s.files[1]} (${s.written.staff} rows) in ${measureNames[s.measure]} for ${s.year}.`);
  if (s.zeroFilled.length > 0) lines.push(`Written as 0 because no table had them (--zero-missing): ${s.zeroFilled.join("; ")}.`);
  if (s.missingForces.length > 0) lines.push(`Forces in the register that no table has (${s.missingForces.length}, left out with --zero-missing): ${s.missingForces.join("; ")}.`);
  return lines;
}
