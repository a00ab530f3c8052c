// The command line: `report build [--year N] [--data DIR] [--content DIR] [--out DIR] [--print] [--final]`.
import { parseArgs } from "node:util";
import { build } from "../build/build.ts";
import { BuildError } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/reporter.ts";
import { sourceDateEpochFromEnv } from "../archive/final.ts";

const usage = `Usage: npm run build -- [options]

Builds the Gender Equality in UK Policing report as a PDF.

Options:
  --year N         edition year to build (default: 2024)
  --data DIR       workforce data folder, holding forces.csv and one folder per year (default: data)
  --content DIR    content folder, holding one folder per year (default: content)
  --out DIR        output folder; the build writes DIR/<year>/ (default: output)
  --print          print edition: 3 mm bleed and crop marks (default: screen edition, trimmed A4)
  --final          the published edition: PDF/A-2b, dated from report.yml's publicationDate (or
                   SOURCE_DATE_EPOCH), document ID from the inputs, no timings in build-report.json
  -h, --help       show this help

Writes <out>/<year>/report.pdf, statistics.json, build-report.json and charts/.
Exit status: 0 built, 1 input errors (listed with file and line), 2 bad command line.`;

export async function main(argv: string[]): Promise<number> {
  const [command = "build", ...rest] = argv[0]?.startsWith("-") ? ["build", ...argv] : argv;
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        year: { type: "string", default: "2024" },
        data: { type: "string", default: "data" },
        content: { type: "string", default: "content" },
        out: { type: "string", default: "output" },
        print: { type: "boolean", default: false },
        final: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (command !== "build") {
    process.stderr.write(`Unknown command "${command}".\n\n${usage}\n`);
    return 2;
  }
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    process.stderr.write(`--year must be a four-digit year, not "${values.year}".\n`);
    return 2;
  }
  let sourceDateEpoch: number | undefined;
  try {
    sourceDateEpoch = values.final ? sourceDateEpochFromEnv() : undefined;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  try {
    const result = await build({ year, dataDir: values.data!, contentDir: values.content!, outDir: values.out!, print: values.print!, final: values.final!, sourceDateEpoch });
    report(result.warnings);
    const seconds = (result.timings.total / 1000).toFixed(2);
    process.stdout.write(`Built ${result.pdfFile}: ${result.pageCount} pages in ${seconds} s\n`);
    return 0;
  } catch (error) {
    if (error instanceof BuildError) {
      report(error.diagnostics);
      process.stderr.write("Build stopped; nothing was written.\n");
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
