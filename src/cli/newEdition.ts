// `npm run new-edition -- --year N [--from YEAR] [--content DIR]`
import { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { count, verb } from "../diagnostics/plural.ts";
import { report } from "../diagnostics/reporter.ts";
import { createEdition } from "../edition/newEdition.ts";
import { parseCommandLine, runCommand, yearFlag } from "./options.ts";

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

export function newEditionCommand(argv: string[]): number {
  const parsed = parseCommandLine<{ year?: string; from?: string; content: string }>(
    argv,
    { year: { type: "string" }, from: { type: "string" }, content: { type: "string", default: "content" } },
    usage,
  );
  if (!parsed.ok) return parsed.code;
  const { values } = parsed;
  if (values.year === undefined) {
    process.stderr.write(`--year is needed: the year of the new edition, e.g. --year 2025.\n\n${usage}\n`);
    return 2;
  }
  const year = yearFlag(values.year, null);
  const fromYear = values.from === undefined ? undefined : yearFlag(values.from, null, "--from");
  if (year === null || fromYear === null) return 2;
  const sink = new DiagnosticSink();
  const result = createEdition({ contentDir: values.content, year, fromYear }, sink);
  if (result) {
    for (const r of result.rewrites) process.stdout.write(`${r.file}:${r.line}:${r.column}: rewrote ${r.from} → ${r.to}\n`);
  }
  report(sink.messages);
  if (!result) {
    process.stderr.write("Nothing was created.\n");
    return 1;
  }
  const places = sink.warnings.length;
  process.stdout.write(
    `Created ${result.dir} from ${result.fromDir}: ${result.files.length} files carried, ${result.rewrites.length} figure names made year-independent, ` +
      `${count(places, "place")} to check (listed above).\n` +
      `${count(result.items, "place")} in the text ${verb(result.items, "is", "are")} kept in ${result.checklist}: npm run check lists the open ones, and build --final and archive stop until each is changed or accepted there with a reason.\n` +
      `Next: put the ${year} data in data/${year}/ with its about.yml (the as-at date and source), add the good-practice entries, then run npm run check -- --year ${year}.\n`,
  );
  return 0;
}

runCommand("new-edition", newEditionCommand);
