// `npm run figures -- [--year N] [--data DIR] [--content DIR] [FILTER]`
import { editionFigures } from "../build/figures.ts";
import { BuildError } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/reporter.ts";
import { formatFigureList } from "../document/figureList.ts";
import { count } from "../domain/plural.ts";
import { chooseEdition, editionFlags, readFlags, type Command, type Console } from "./flags.ts";

const usage = `Usage: npm run figures -- [options] [FILTER]

Lists every name you can write in {{ }} in the prose, with its value in this year's data and what it
means. FILTER keeps the names or meanings that contain it, e.g. "seniorLeadership", "kent" or "band".

Options:
  --year N         edition year (default: the current edition, see npm run build -- --help)
  --data DIR       workforce data folder (default: data)
  --content DIR    content folder (default: content)
  -h, --help       show this help

Values are printed as {{ name }} alone prints them; add a formatter (| pct0, | int, | words …) in the text.`;

async function run(argv: string[], io: Console): Promise<number> {
  const flags = readFlags<{ year?: string; data: string; content: string }>(io, usage, argv, editionFlags, true);
  if (typeof flags === "number") return flags;
  const { values, positionals } = flags;
  if (positionals.length > 1) {
    io.err(`Give at most one filter word, not ${positionals.length}.\n\n${usage}\n`);
    return 2;
  }
  const year = chooseEdition(io, values.content, values.year);
  if (year === null) return 2;
  try {
    const { figures, sink } = await editionFigures({ year, dataDir: values.data, contentDir: values.content }, positionals[0]);
    report(sink.messages, (line) => io.err(`${line}\n`));
    for (const line of formatFigureList(figures)) io.out(`${line}\n`);
    const yearForms = figures.filter((f) => f.yearFormOf).length;
    const counted = `${count(figures.length - yearForms, "name")}${yearForms > 0 ? ` and ${count(yearForms, "year form")}` : ""}`;
    io.out(`${counted}${positionals[0] ? ` matching "${positionals[0]}"` : ""} for ${year}.\n`);
    return figures.length > 0 ? 0 : 1;
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    report(error.diagnostics, (line) => io.err(`${line}\n`));
    return 1;
  }
}

export const figuresCommand: Command = { name: "figures", run };
