// `npm run build -- [--year N] [--data DIR] [--content DIR] [--out DIR] [--print] [--final] [--draft] …`
import { build } from "../build/build.ts";
import { report } from "../diagnostics/reporter.ts";
import { asDiagnostics } from "../diagnostics/unexpected.ts";
import { sourceDateEpochFromEnv } from "../final/final.ts";
import type { Paper } from "../design/printColours.ts";
import { chooseEdition, editionFlags, outFlag, readFlags, type Command, type Console } from "./flags.ts";

const usage = `Usage: npm run build -- [options]

Builds the Gender Equality in UK Policing report as a PDF.

Options:
  --year N         edition year to build (default: the current edition: content/edition.yml's
                   year if pinned, else the newest folder in the content folder)
  --data DIR       workforce data folder, holding forces.csv and one folder per year (default: data)
  --content DIR    content folder, holding one folder per year (default: content)
  --out DIR        output folder; the build writes DIR/<year>/ (default: output)
  --print          print edition: A4 trim, 3 mm bleed, crop marks in the slug, PDF/X-4 in CMYK (default: screen
                   edition, trimmed A4, RGB)
  --paper P        with --print: the paper it is printed on, coated (FOGRA39, 300 % ink; the default) or uncoated
                   (FOGRA29, 260 % ink)
  --no-cache       run every stage, ignoring results kept in <out>/.cache
  --timings        print how long each stage took and what the cache reused
  --debug          on an unexpected failure, also print the stack trace
  --final          the published edition: PDF/A-2a, dated from report.yml's publicationDate (or
                   SOURCE_DATE_EPOCH), document ID from the inputs, no timings in build-report.json
  --draft          a numbered draft for reviewers in <out>/<year>/drafts/<n>/: DRAFT marks, a review
                   sheet at the front, changes since the previous draft marked
  --since N        with --draft: mark changes since draft N (default: the latest draft)
  --packs          with --draft: also a proof pack per force, drafts/<n>/packs/<force>.pdf
  -h, --help       show this help

Writes <out>/<year>/report.pdf, statistics.json, build-report.json and charts/.
Exit status: 0 built, 1 input errors (listed with file and line), 2 bad command line.`;


interface BuildFlags {
  year?: string;
  data: string;
  content: string;
  out: string;
  print: boolean;
  paper?: string;
  "no-cache": boolean;
  timings: boolean;
  debug: boolean;
  final: boolean;
  draft: boolean;
  since?: string;
  packs: boolean;
}

async function run(argv: string[], io: Console): Promise<number> {
  const flags = readFlags<BuildFlags>(io, usage, argv, {
    ...editionFlags,
    ...outFlag,
    print: { type: "boolean", default: false },
    paper: { type: "string" },
    "no-cache": { type: "boolean", default: false },
    timings: { type: "boolean", default: false },
    debug: { type: "boolean", default: false },
    final: { type: "boolean", default: false },
    draft: { type: "boolean", default: false },
    since: { type: "string" },
    packs: { type: "boolean", default: false },
  });
  if (typeof flags === "number") return flags;
  const { values } = flags;
  const year = chooseEdition(io, values.content, values.year);
  if (year === null) return 2;
  if (!values.draft && (values.packs || values.since !== undefined)) {
    io.err(`--packs and --since go with --draft.\n`);
    return 2;
  }
  if (values.paper !== undefined && !(values.print && (values.paper === "coated" || values.paper === "uncoated"))) {
    io.err(values.print ? `--paper must be coated or uncoated, not "${values.paper}".\n` : `--paper goes with --print.\n`);
    return 2;
  }
  const since = values.since === undefined ? undefined : Number(values.since);
  if (since !== undefined && !(Number.isInteger(since) && since >= 1)) {
    io.err(`--since must be a draft number (1, 2, …), not "${values.since}".\n`);
    return 2;
  }
  let sourceDateEpoch: number | undefined;
  try {
    sourceDateEpoch = values.final ? sourceDateEpochFromEnv() : undefined;
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 2;
  }
  if (values.final && values.draft) {
    io.err(`--final and --draft do not go together: a draft carries marks a final edition must not.\n`);
    return 2;
  }
  try {
    if (values.draft) {
      const [{ buildDraft }, { sheetSummary }] = await Promise.all([import("../review/draftBuild.ts"), import("../review/sheet.ts")]);
      const draft = await buildDraft({ year, dataDir: values.data, contentDir: values.content, outDir: values.out, print: values.print, since, packs: values.packs });
      report([...draft.sheet.warnings, ...draft.sheet.proofing.findings], (line) => io.err(`${line}\n`));
      for (const line of sheetSummary(draft.sheet)) io.out(`${line}\n`);
      const seconds = (draft.timings.total / 1000).toFixed(2);
      io.out(`Built draft ${draft.record.number}: ${draft.pdfFile}: ${draft.pageCount} pages (review sheet ${draft.sheetPages}) in ${seconds} s\n`);
      return 0;
    }
    const result = await build({ year, dataDir: values.data, contentDir: values.content, outDir: values.out, print: values.print, ...(values.paper && { paper: values.paper as Paper }), cache: !values["no-cache"], final: values.final, sourceDateEpoch });
    report(result.warnings, (line) => io.err(`${line}\n`));
    const seconds = (result.timings.total / 1000).toFixed(2);
    io.out(`Built ${result.pdfFile}: ${result.pageCount} pages in ${seconds} s\n`);
    if (values.timings) {
      const stages = Object.entries(result.timings).map(([stage, ms]) => `${stage} ${Math.round(ms)} ms`);
      const reused = Object.entries(result.cacheStats).map(([stage, s]) => `${stage} ${s.hits}/${s.hits + s.misses}`);
      io.out(`Timings: ${stages.join(", ")}\nReused from the cache: ${reused.join(", ") || "nothing"}\n`);
    }
    return 0;
  } catch (error) {
    // Every failure, expected or not, is printed by the one reporter; a stack trace only with --debug.
    report(asDiagnostics(error), (line) => io.err(`${line}\n`));
    if (values.debug && error instanceof Error && error.name !== "BuildError") io.err(`${error.stack}\n`);
    io.err("Build stopped; nothing was written.\n");
    return 1;
  }
}

export const buildCommand: Command = { name: "build", run };
