// `npm run figures -- [--year N] [--data DIR] [--content DIR] [FILTER]`
import { editionFigures } from "../build/figures.ts";
import { BuildError } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/reporter.ts";
import { formatFigureList } from "../document/figureList.ts";
import { latestEditionYear, parseCommandLine, runCommand, yearFlag } from "./options.ts";

const usage = `Usage: npm run figures -- [options] [FILTER]

Lists every name you can write in {{ }} in the prose, with its value in this year's data and what it
means. FILTER keeps the names or meanings that contain it, e.g. "seniorLeadership", "kent" or "band".

Options:
  --year N         edition year (default: the newest folder in the content folder)
  --data DIR       workforce data folder (default: data)
  --content DIR    content folder (default: content)
  -h, --help       show this help

Values are printed as {{ name }} alone prints them; add a formatter (| pct0, | int, | words …) in the text.`;

export function figuresCommand(argv: string[]): number {
  const parsed = parseCommandLine<{ year?: string; data: string; content: string }>(
    argv,
    { year: { type: "string" }, data: { type: "string", default: "data" }, content: { type: "string", default: "content" } },
    usage,
    true,
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    process.stderr.write(`Give at most one filter word, not ${positionals.length}.\n\n${usage}\n`);
    return 2;
  }
  const year = yearFlag(values.year, latestEditionYear(values.content));
  if (year === null) return 2;
  try {
    const { figures, sink } = editionFigures({ year, dataDir: values.data, contentDir: values.content }, positionals[0]);
    report(sink.messages);
    for (const line of formatFigureList(figures)) process.stdout.write(`${line}\n`);
    const yearForms = figures.filter((f) => f.yearFormOf).length;
    const names = figures.length - yearForms;
    const counted = `${names} name${names === 1 ? "" : "s"}${yearForms > 0 ? ` and ${yearForms} year form${yearForms === 1 ? "" : "s"}` : ""}`;
    process.stdout.write(`${counted}${positionals[0] ? ` matching "${positionals[0]}"` : ""} for ${year}.\n`);
    return figures.length > 0 ? 0 : 1;
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    report(error.diagnostics);
    return 1;
  }
}

runCommand("figures", figuresCommand);
