// `npm run check -- [--year N] [--data DIR] [--content DIR]`: the build's checks, without the PDF.
import { checkEdition } from "../build/check.ts";
import { report } from "../diagnostics/reporter.ts";
import { latestEditionYear, parseCommandLine, runCommand, yearFlag } from "./options.ts";

const usage = `Usage: npm run check -- [options]

Reads the content and data, computes the statistics and puts the report together without drawing charts
or laying out the PDF, then lists every error and warning the build would give. Fast enough to run after
every change.

Options:
  --year N         edition year (default: the newest folder in the content folder)
  --data DIR       workforce data folder (default: data)
  --content DIR    content folder (default: content)
  -h, --help       show this help

Exit status: 0 no errors (warnings may be listed), 1 errors, 2 bad command line.`;

export function checkCommand(argv: string[]): number {
  const parsed = parseCommandLine<{ year?: string; data: string; content: string }>(
    argv,
    { year: { type: "string" }, data: { type: "string", default: "data" }, content: { type: "string", default: "content" } },
    usage,
  );
  if (!parsed.ok) return parsed.code;
  const { values } = parsed;
  const year = yearFlag(values.year, latestEditionYear(values.content));
  if (year === null) return 2;
  const result = checkEdition({ year, dataDir: values.data, contentDir: values.content });
  report(result.diagnostics);
  const seconds = (result.ms / 1000).toFixed(2);
  if (result.errors > 0) {
    process.stderr.write(`The ${year} edition has errors (fix them from the messages above; checked in ${seconds} s).\n`);
    return 1;
  }
  process.stdout.write(`The ${year} edition is ready to build${result.diagnostics.length ? " (see the warnings above)" : ""}; checked in ${seconds} s.\n`);
  return 0;
}

runCommand("check", checkCommand);
