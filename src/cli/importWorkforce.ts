// `npm run import:workforce -- FILE... --year N [--data DIR] [--mapping FILE] [--measure fte|headcount] [--force] [--zero-missing]`
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/reporter.ts";
import { formatSummary, importWorkforce } from "../import/importWorkforce.ts";
import { loadMapping } from "../import/mapping.ts";
import { loadData } from "../build/prepare.ts";
import { loadForceRegister } from "../load/forceRegister.ts";
import { measures, type Measure } from "../load/measure.ts";

const usage = `Usage: npm run import:workforce -- FILE [FILE...] --year N [options]

Reads the Home Office police workforce open-data table (sheet "Data" of an .ods or .xlsx file, or its
.csv export) and writes <data>/<year>/officers.csv and staff.csv, and the same for every year the
edition draws that the tables have (the year before, and each earlier year in <data>), all in one
measure, so % changes and trends compare like with like. Several FILEs in the same layout are merged
(e.g. the Home Office table and a table for Police Scotland and PSNI); each force must come from one of
them, and a force of the register that no table has stops the import (missing-force) unless
--zero-missing. A year without about.yml gets one (as at 31 March). Every written row names its source
table and row.

Options:
  --year N            the year to take (the "As at 31 March" year); required
  --data DIR          data folder holding forces.csv (default: data)
  --mapping FILE      worker type, rank, sex and total-row mapping (default: <data>/home-office-mapping.csv)
  --measure M         fte (default) or headcount: which column to read and what the files will hold
  --force             replace the years' officers.csv and staff.csv if they exist
  --zero-missing      write 0 for a sex x rank/role a force's table lacks (listed), instead of stopping
  -h, --help          show this help

Exit status: 0 written and the data folder builds, 1 input errors (listed with file and row; nothing
written) or written but the build would refuse the data folder (listed), 2 bad command line.`;

export function main(argv: string[], out: (line: string) => void = (l) => process.stdout.write(l + "\n"), err: (line: string) => void = (l) => process.stderr.write(l + "\n")): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        year: { type: "string" },
        data: { type: "string", default: "data" },
        mapping: { type: "string" },
        measure: { type: "string", default: "fte" },
        force: { type: "boolean", default: false },
        "zero-missing": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(usage);
    return 0;
  }
  const year = Number(values.year);
  if (values.year === undefined || !Number.isInteger(year) || year < 2000 || year > 2100) {
    err(`--year must be a four-digit year${values.year === undefined ? "" : `, not "${values.year}"`}.\n\n${usage}`);
    return 2;
  }
  if (positionals.length === 0) {
    err(`Give at least one table FILE.\n\n${usage}`);
    return 2;
  }
  if (!(measures as readonly string[]).includes(values.measure!)) {
    err(`--measure must be ${measures.join(" or ")}, not "${values.measure}".`);
    return 2;
  }
  const dataDir = values.data!;
  const sink = new DiagnosticSink();
  const register = loadForceRegister(path.join(dataDir, "forces.csv"), sink);
  const mapping = loadMapping(values.mapping ?? path.join(dataDir, "home-office-mapping.csv"), sink);
  // The years the edition draws: its own, the one it compares with, and every earlier year on disk (trends).
  const onDisk = existsSync(dataDir) ? readdirSync(dataDir).filter((n) => /^\d{4}$/.test(n) && Number(n) < year).map(Number) : [];
  const years = [...new Set([year, year - 1, ...onDisk])];
  const summary =
    register && mapping
      ? importWorkforce({ files: positionals, year, years, dataDir, measure: values.measure as Measure, overwrite: values.force!, zeroMissing: values["zero-missing"]! }, register, mapping, sink)
      : null;
  if (!summary) {
    report(sink.messages, err);
    err("Import stopped; nothing was written.");
    return 1;
  }
  for (const line of formatSummary(summary)) out(line);
  // Load the data folder as the build will, so what the build will say is said now.
  const check = new DiagnosticSink();
  try {
    loadData({ year, dataDir, contentDir: "" }, check);
  } catch {
    // The register could not be read: its errors are in the sink.
  }
  if (check.messages.length > 0) report(check.messages, err);
  if (check.errors.length > 0) {
    err("The files were written, but the build will not accept the data folder as it is (see above).");
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exit(main(process.argv.slice(2)));
}
