// `npm run import:workforce -- FILE... --year N [--data DIR] [--mapping FILE] [--measure fte|headcount] [--force] [--zero-missing]`
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/reporter.ts";
import { formatSummary, importWorkforce } from "../import/importWorkforce.ts";
import { loadMapping } from "../import/mapping.ts";
import { checkMeasures } from "../load/checkWorkforce.ts";
import { loadForceRegister } from "../load/forceRegister.ts";
import { measures, type Measure } from "../load/measure.ts";
import { loadWorkforceYear } from "../load/workforce.ts";

const usage = `Usage: npm run import:workforce -- FILE [FILE...] --year N [options]

Reads the Home Office police workforce open-data table (sheet "Data" of an .ods or .xlsx file, or its
.csv export) and writes <data>/<year>/officers.csv and staff.csv. Several FILEs in the same layout are
merged (e.g. the Home Office table and a table for Police Scotland and PSNI); each force must come from
one of them. Every written row names its source table and row.

Options:
  --year N            the year to take (the "As at 31 March" year); required
  --data DIR          data folder holding forces.csv (default: data)
  --mapping FILE      worker type, rank, sex and total-row mapping (default: <data>/home-office-mapping.csv)
  --measure M         fte (default) or headcount: which column to read and what the files will hold
  --force             replace the year's officers.csv and staff.csv if they exist
  --zero-missing      write 0 for a sex x rank/role a force's table lacks (listed), instead of stopping
  -h, --help          show this help

Exit status: 0 written, 1 input errors (listed with file and row; nothing written), 2 bad command line.`;

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
  const summary =
    register && mapping
      ? importWorkforce({ files: positionals, year, dataDir, measure: values.measure as Measure, overwrite: values.force!, zeroMissing: values["zero-missing"]! }, register, mapping, sink)
      : null;
  if (!summary) {
    report(sink.messages, err);
    err("Import stopped; nothing was written.");
    return 1;
  }
  for (const line of formatSummary(summary)) out(line);
  // Read the new files back through the build's loader, so what the build will say is said now.
  const check = new DiagnosticSink();
  const written = loadWorkforceYear(dataDir, year, register!, check, { staffRequired: true });
  // The previous year's officers file must count in the same measure, or the build stops (measure-mismatch).
  if (written && existsSync(path.join(dataDir, String(year - 1), "officers.csv"))) {
    const previous = loadWorkforceYear(dataDir, year - 1, register!, new DiagnosticSink(), { staffRequired: false });
    if (previous) checkMeasures([previous, written], year, check);
  }
  if (check.messages.length > 0) {
    report(check.messages, err);
    err("The files were written, but the build will not accept them as they are (see above).");
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exit(main(process.argv.slice(2)));
}
