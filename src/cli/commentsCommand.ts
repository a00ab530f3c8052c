// `npm run comments -- FILE.pdf [FILE.pdf …]`: reviewers' comments on copies of a draft, each placed at
// the file, line and column it is about, printed one a line and written to comments.json and .csv.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../domain/projectRoot.ts";
import { writeOutputsAtomically } from "../build/writeOutputs.ts";
import { collectComments } from "../comments/collect.ts";
import { mergeComments } from "../comments/merge.ts";
import { commentsCsv, commentsJson, formatComment } from "../comments/output.ts";
import { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/reporter.ts";
import { count } from "../domain/plural.ts";
import { readFlags, type Command, type Console } from "./flags.ts";

export const commentsUsage = `Usage: npm run comments -- FILE.pdf [FILE.pdf …] [options]

Reads reviewers' comments (notes, highlights, underlines, strike-outs, replacement and inserted text,
text boxes) from commented copies of a draft and says, for each, the source file, line and column it is
about. Copies of the same draft from several reviewers are merged; the same comment twice is listed once.

Options:
  --drafts DIR     folder holding the numbered drafts (DIR/<n>/), or one draft's folder
                   (default: <output>/<year>/drafts, year and number from the PDF)
  --out DIR        folder to write comments.json and comments.csv to; it is replaced as a whole
                   (default: the draft's folder, <draft>/comments)
  --content DIR    content folder the sources are in now (default: content)
  --data DIR       data folder (default: data)
  --output DIR     the builds' output folder, where drafts are looked for (default: output)
  -h, --help       show this help

Exit status: 0 all comments read (warnings, e.g. a comment over nothing, are printed), 1 a file is not a
draft of this report or its draft's record is missing (the others are still listed), 2 bad command line.`;

const OWN_FILES = new Set(["comments.json", "comments.csv"]);
/** The builder's own folder, where its fixed wording and page templates are (not the working directory). */
const builderRoot = projectRoot();

interface CommentsFlags {
  drafts?: string;
  out?: string;
  content: string;
  data: string;
  output: string;
}

async function run(argv: string[], io: Console): Promise<number> {
  const flags = readFlags<CommentsFlags>(
    io,
    commentsUsage,
    argv,
    {
      drafts: { type: "string" },
      out: { type: "string" },
      content: { type: "string", default: "content" },
      data: { type: "string", default: "data" },
      output: { type: "string", default: "output" },
    },
    true,
  );
  if (typeof flags === "number") return flags;
  const { values, positionals: files } = flags;
  if (files.length === 0) {
    io.err(`Name at least one commented PDF.\n\n${commentsUsage}\n`);
    return 2;
  }
  const sink = new DiagnosticSink();
  const { comments: found, drafts } = await collectComments(
    files,
    { drafts: values.drafts ?? null, outDir: values.output, roots: { contentDir: values.content, dataDir: values.data }, projectDir: builderRoot },
    sink,
  );
  const merged = mergeComments(found);
  // The edition comes from the drafts themselves (their PDFs name year and number), said first.
  const editions = [...new Set(drafts.map((d) => `${d.id.year} draft ${d.id.number}`))];
  if (editions.length > 0) io.out(`Edition ${editions.join(", ")} (named in the commented PDFs).\n`);
  for (const c of merged) io.out(`${formatComment(c)}\n`);

  // Where the lists go: --out, or each draft's own comments folder.
  const targets = new Map<string, typeof merged>();
  if (values.out) targets.set(values.out, merged);
  else for (const d of drafts) targets.set(path.join(d.dir, "comments"), merged.filter((c) => c.draft.year === d.id.year && c.draft.number === d.id.number));
  for (const [dir, list] of targets) {
    const foreign = existsSync(dir) ? readdirSync(dir).filter((f) => !OWN_FILES.has(f)) : [];
    if (foreign.length > 0) {
      sink.error(dir, "comments-out-not-empty", `Not writing here: this folder holds other files (${foreign.slice(0, 3).join(", ")}), and the comments folder is replaced as a whole. Name a new folder with --out.`);
      continue;
    }
    try {
      writeOutputsAtomically(dir, { "comments.json": commentsJson(list), "comments.csv": commentsCsv(list) });
      io.out(`Wrote ${count(list.length, "comment")} to ${path.join(dir, "comments.json")} and comments.csv\n`);
    } catch (error) {
      sink.error(dir, "comments-write", `The comments could not be written: ${(error as Error).message}`);
    }
  }
  report(sink.messages, (line) => io.err(`${line}\n`));
  return sink.errors.length > 0 ? 1 : 0;
}

export const commentsCommand: Command = { name: "comments", run };
