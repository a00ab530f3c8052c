// `npm run new-edition -- --year N [--from YEAR] [--content DIR]`
import { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { count, verb } from "../domain/plural.ts";
import { report } from "../diagnostics/reporter.ts";
import { createEdition } from "../edition/newEdition.ts";
import { currentEdition, EditionChoiceError } from "../edition/currentEdition.ts";
import { readFlags, type Command, type Console } from "./flags.ts";

const usage = `Usage: npm run new-edition -- --year N [options]

Starts the content of a new edition, content/<N>/, from the newest earlier one: report.yml with the year
and edition moved on and a placeholder publication date; the forewords, executive summary, analysis and
back page as starting text; an empty good-practice folder. Figure names with a year in them are rewritten
to year-independent ones (.current., .previous.). Then lists, as file:line:column, every place in the
carried text that probably needs a person: typed years and dates, typed figures, "last year" beside a
typed figure. The places are kept in content/<N>/checklist.yml, which check, drafts, build --final and
archive read until each is changed or accepted with a reason. Nothing existing is overwritten.

Options:
  --year N         the new edition's year (required)
  --from YEAR      the edition to start from (default: the newest one before N)
  --content DIR    content folder (default: content)
  -h, --help       show this help

Exit status: 0 created (places to check are listed as warnings), 1 nothing created, 2 bad command line.`;

function run(argv: string[], io: Console): number {
  const flags = readFlags<{ year?: string; from?: string; content: string }>(io, usage, argv, {
    year: { type: "string" },
    from: { type: "string" },
    content: { type: "string", default: "content" },
  });
  if (typeof flags === "number") return flags;
  const { values } = flags;
  if (values.year === undefined) {
    io.err(`--year is needed: the year of the new edition, e.g. --year 2025.\n\n${usage}\n`);
    return 2;
  }
  let year: number;
  let fromYear: number | undefined;
  try {
    year = currentEdition(values.content, values.year).year;
    fromYear = values.from === undefined ? undefined : currentEdition(values.content, values.from, "--from").year;
  } catch (error) {
    if (!(error instanceof EditionChoiceError)) throw error;
    io.err(`${error.message}\n`);
    return 2;
  }
  io.out(`Edition ${year} (new, given by --year).\n`);
  const sink = new DiagnosticSink();
  const result = createEdition({ contentDir: values.content, year, fromYear }, sink);
  if (result) {
    for (const r of result.rewrites) io.out(`${r.file}:${r.line}:${r.column}: rewrote ${r.from} → ${r.to}\n`);
  }
  report(sink.messages, (line) => io.err(`${line}\n`));
  if (!result) {
    io.err("Nothing was created.\n");
    return 1;
  }
  const places = sink.warnings.length;
  io.out(
    `Created ${result.dir} from ${result.fromDir}: ${count(result.files.length, "file")} carried, ${count(result.rewrites.length, "figure name")} made year-independent, ` +
      `${count(places, "place")} to check (listed above).\n` +
      `${count(result.items, "place")} in the text ${verb(result.items, "is", "are")} kept in ${result.checklist}: npm run check lists the open ones, and build --final and archive stop until each is changed or accepted there with a reason.\n` +
      `It is now the current edition: the other commands work on ${year} without --year. Next: put the ${year} data in data/${year}/ with its about.yml (the as-at date and source), add the good-practice entries, then run npm run check.\n`,
  );
  return 0;
}

export const newEditionCommand: Command = { name: "new-edition", run };
