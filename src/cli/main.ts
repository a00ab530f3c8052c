// The command line: `report build [--year N] [--data DIR] [--content DIR] [--out DIR] [--print]`.
import { parseArgs } from "node:util";
import { build } from "../build/build.ts";
import { BuildError } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/reporter.ts";

const usage = `Usage: npm run build -- [options]

Builds the Gender Equality in UK Policing report as a PDF.

Options:
  --year N         edition year to build (default: 2024)
  --data DIR       workforce data folder, holding forces.csv and one folder per year (default: data)
  --content DIR    content folder, holding one folder per year (default: content)
  --out DIR        output folder; the build writes DIR/<year>/ (default: output)
  --print          print edition: A4 trim, 3 mm bleed, crop marks in the slug (default: screen edition, trimmed A4)
  -h, --help       show this help

Writes <out>/<year>/report.pdf, statistics.json, build-report.json and charts/.
Exit status: 0 built, 1 input errors (listed with file and line), 2 bad command line.`;

/** Where the command line writes; tests pass their own to run it in-process. */
export interface Console {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processConsole: Console = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export async function main(argv: string[], io: Console = processConsole): Promise<number> {
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
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${usage}\n`);
    return 0;
  }
  if (command !== "build") {
    io.err(`Unknown command "${command}".\n\n${usage}\n`);
    return 2;
  }
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    io.err(`--year must be a four-digit year, not "${values.year}".\n`);
    return 2;
  }
  try {
    const result = await build({ year, dataDir: values.data!, contentDir: values.content!, outDir: values.out!, print: values.print! });
    report(result.warnings, (line) => io.err(`${line}\n`));
    const seconds = (result.timings.total / 1000).toFixed(2);
    io.out(`Built ${result.pdfFile}: ${result.pageCount} pages in ${seconds} s\n`);
    return 0;
  } catch (error) {
    if (error instanceof BuildError) {
      report(error.diagnostics, (line) => io.err(`${line}\n`));
      io.err("Build stopped; nothing was written.\n");
      return 1;
    }
    throw error;
  }
}
