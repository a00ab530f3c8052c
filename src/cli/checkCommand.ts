// `npm run check -- [--year N] [--data DIR] [--content DIR]`: the build's checks, without the PDF.
import { checkEdition } from "../build/check.ts";
import { report } from "../diagnostics/reporter.ts";
import { chooseEdition, editionFlags, readFlags, type Command, type Console } from "./flags.ts";

const usage = `Usage: npm run check -- [options]

Reads the content and data, computes the statistics and puts the report together without drawing charts
or laying out the PDF, then lists every error and warning the build would give. Fast enough to run after
every change.

Options:
  --year N         edition year (default: the current edition, see npm run build -- --help)
  --data DIR       workforce data folder (default: data)
  --content DIR    content folder (default: content)
  -h, --help       show this help

Exit status: 0 no errors (warnings may be listed), 1 errors, 2 bad command line.`;

async function run(argv: string[], io: Console): Promise<number> {
  const flags = readFlags<{ year?: string; data: string; content: string }>(io, usage, argv, editionFlags);
  if (typeof flags === "number") return flags;
  const { values } = flags;
  const year = chooseEdition(io, values.content, values.year);
  if (year === null) return 2;
  const result = await checkEdition({ year, dataDir: values.data, contentDir: values.content });
  report(result.diagnostics, (line) => io.err(`${line}\n`));
  const seconds = (result.ms / 1000).toFixed(2);
  if (result.errors > 0) {
    io.err(`The ${year} edition has errors (fix them from the messages above; checked in ${seconds} s).\n`);
    return 1;
  }
  io.out(`The ${year} edition is ready to build${result.diagnostics.length ? " (see the warnings above)" : ""}; checked in ${seconds} s.\n`);
  return 0;
}

export const checkCommand: Command = { name: "check", run };
