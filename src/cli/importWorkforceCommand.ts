// `npm run import:workforce -- FILE... [--year N] [--data DIR] [--mapping FILE] [--measure fte|headcount] [--force] [--zero-missing]`
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/reporter.ts";
import { formatSummary, importWorkforce } from "../import/importWorkforce.ts";
import { loadMapping } from "../import/mapping.ts";
import { loadData } from "../build/prepare.ts";
import { loadForceRegister } from "../load/forceRegister.ts";
import { measures, type Measure } from "../load/measure.ts";
import { chooseEdition, readFlags, type Command, type Console } from "./flags.ts";

const usage = `Usage: npm run import:workforce -- FILE [FILE...] [options]

Reads the Home Office police workforce open-data table (sheet "Data" of an .ods or .xlsx file, or its
.csv export) and writes <data>/<year>/officers.csv and staff.csv, and the same for every year the
edition draws that the tables have (the year before, and each earlier year in <data>), all in one
measure, so % changes and trends compare like with like. Several FILEs in the same layout are merged
(e.g. the Home Office table and a table for Police Scotland and PSNI); each force must come from one of
them, and a force of the register that no table has stops the import (missing-force) unless
--zero-missing. A year without about.yml gets one (as at 31 March). Every written row names its source
table and row.

Options:
  --year N            the year to take (the "As at 31 March" year; default: the current edition,
                      see npm run build -- --help)
  --content DIR       content folder, for the current edition (default: content)
  --data DIR          data folder holding forces.csv (default: data)
  --mapping FILE      worker type, rank, sex and total-row mapping (default: <data>/home-office-mapping.csv)
  --measure M         fte (default) or headcount: which column to read and what the files will hold
  --force             replace the years' officers.csv and staff.csv if they exist
  --zero-missing      write 0 for a sex x rank/role a force's table lacks (listed), instead of stopping
  -h, --help          show this help

Exit status: 0 written and the data folder builds, 1 input errors (listed with file and row; nothing
written) or written but the build would refuse the data folder (listed), 2 bad command line.`;

interface WorkforceFlags {
  year?: string;
  content: string;
  data: string;
  mapping?: string;
  measure: string;
  force: boolean;
  "zero-missing": boolean;
}

function run(argv: string[], io: Console): number {
  const out = (line: string) => io.out(`${line}\n`);
  const err = (line: string) => io.err(`${line}\n`);
  const flags = readFlags<WorkforceFlags>(
    io,
    usage,
    argv,
    {
      year: { type: "string" },
      content: { type: "string", default: "content" },
      data: { type: "string", default: "data" },
      mapping: { type: "string" },
      measure: { type: "string", default: "fte" },
      force: { type: "boolean", default: false },
      "zero-missing": { type: "boolean", default: false },
    },
    true,
  );
  if (typeof flags === "number") return flags;
  const { values, positionals } = flags;
  const year = chooseEdition(io, values.content, values.year);
  if (year === null) return 2;
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

export const importWorkforceCommand: Command = { name: "import:workforce", run };
