// `npm run import:workforce`: one or more tables in the Home Office layout → data/<year>/officers.csv and
// staff.csv in the loaders' format, with a `source` column naming the table and row of every count.
import { existsSync, lstatSync, readdirSync } from "node:fs";
import { kindOf, readRegularFile } from "../cache/filesBelow.ts";
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { writeOutputsAtomically, type OutputFiles } from "../build/writeOutputs.ts";
import type { ForceRegister } from "../load/forceRegister.ts";
import { formatHundredths, measureNames, type Measure } from "../load/measure.ts";
import { officerRanks, staffRoles } from "../domain/vocabulary.ts";
import { categoryOrder, dataSheet, readHomeOfficeTable, sexOrder, type DropReason, type ImportedCount } from "./homeOfficeTable.ts";
import type { Mapping } from "./mapping.ts";
import { readSheet, SpreadsheetError } from "./spreadsheet.ts";
import { csvText } from "../domain/csvWriter.ts";

export interface ImportOptions {
  files: string[];
  year: number;
  dataDir: string;
  measure: Measure;
  /** Replace existing officers.csv / staff.csv of the year. */
  overwrite: boolean;
  /** Write 0 for a sex × rank/role a force's table has no row for (listed in the summary), instead of stopping. */
  zeroMissing: boolean;
}

export interface ImportSummary {
  year: number;
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
  const all: ImportedCount[] = [];
  const perFile: ImportSummary["perFile"] = [];
  const forceFile = new Map<string, ImportedCount>();
  for (const file of options.files) {
    let sheet;
    try {
      sheet = readSheet(file, dataSheet);
    } catch (error) {
      if (!(error instanceof SpreadsheetError)) throw error;
      sink.error(file, "import-file", error.message);
      continue;
    }
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
            all.push({ force, kind, sex, category, hundredths: 0, sourceTable: "", sourceRows: [], firstRow: rows[0].firstRow, file: rows[0].file });
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

  const yearDir = path.join(options.dataDir, String(options.year));
  const targets = { officers: path.join(yearDir, "officers.csv"), staff: path.join(yearDir, "staff.csv") };
  if (!options.overwrite) {
    for (const target of Object.values(targets)) {
      if (existsSync(target)) sink.error(target, "import-exists", "The file already exists; pass --force to replace it (the import writes both files of the year or neither).");
    }
  }
  if (sink.errors.length > 0) return null;

  const order = new Map(register.forces.map((f, i) => [f.slug, i]));
  const sorted = all.sort(
    (a, b) =>
      order.get(a.force.slug)! - order.get(b.force.slug)! ||
      sexOrder.indexOf(a.sex) - sexOrder.indexOf(b.sex) ||
      categoryOrder[a.kind].indexOf(a.category) - categoryOrder[b.kind].indexOf(b.category),
  );
  const csv = (kind: "officers" | "staff") => {
    const header = ["force", "sex", kind === "officers" ? "rank" : "role", options.measure, "source"];
    const lines = sorted
      .filter((c) => c.kind === kind)
      .map((c) => [c.force.shortName, c.sex, c.category, formatHundredths(c.hundredths, options.measure), c.sourceRows.length > 0 ? `${c.sourceTable}${c.sourceRows.join("+")}` : "zero-missing"]);
    return csvText(header, lines);
  };
  const files: OutputFiles = { "officers.csv": csv("officers"), "staff.csv": csv("staff") };
  // The year folder is swapped in whole, so anything else already in it is carried over unchanged.
  if (existsSync(yearDir)) {
    for (const name of readdirSync(yearDir)) {
      if (name in files) continue;
      const full = path.join(yearDir, name);
      const kind = lstatSync(full);
      if (kind.isDirectory()) {
        sink.error(full, "import-folder", `${yearDir} holds a folder; the import replaces the year's folder as a whole and only carries files over. Move it out first.`);
        return null;
      }
      // A link or special file is never followed into the new folder (the input walk's rule).
      if (!kind.isFile()) {
        sink.error(full, "input-not-regular-file", `This is ${kindOf(kind)}; the import carries over only ordinary files. Replace it with a copy of the file, or remove it.`);
        return null;
      }
      files[name] = readRegularFile(full);
    }
  }
  writeOutputsAtomically(yearDir, files);

  const present = new Set(all.map((c) => c.force.slug));
  return {
    year: options.year,
    measure: options.measure,
    perFile,
    written: { officers: sorted.filter((c) => c.kind === "officers").length, staff: sorted.filter((c) => c.kind === "staff").length },
    files: [targets.officers, targets.staff],
    missingForces: register.forces.filter((f) => f.dataSource !== "none" && !present.has(f.slug)).map((f) => `${f.name} (${f.dataSource})`),
    zeroFilled,
  };
}

/** The summary, for people: what was read, written and dropped, and which forces are still to come. */
export function formatSummary(s: ImportSummary): string[] {
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
  if (s.missingForces.length > 0) lines.push(`Forces in the register that no table has (${s.missingForces.length}): ${s.missingForces.join("; ")}.`);
  return lines;
}
