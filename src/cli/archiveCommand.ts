// `npm run archive -- [--year N] [--revision [--force]] [--archive DIR] [--data DIR] [--content DIR]`
import { archiveEdition } from "../archive/archive.ts";
import { sourceDateEpochFromEnv } from "../final/final.ts";
import { report } from "../diagnostics/reporter.ts";
import { count } from "../domain/plural.ts";
import { chooseEdition, readFlags, type Command, type Console } from "./flags.ts";

const usage = `Usage: npm run archive -- [options]

Builds the final edition of year N from a copy of its inputs and archives inputs, outputs and a
manifest of SHA-256 hashes in <archive>/<year>/, read-only. An archived edition is never replaced.

Options:
  --year N         edition year to archive (default: the current edition, see npm run build -- --help)
  --revision       archive a corrected edition beside the archived one, as <archive>/<year>/r2/, r3/, …
  --force          with --revision: archive even when the inputs are identical to the last revision's
  --archive DIR    archive root (default: archive)
  --data DIR       workforce data folder (default: data)
  --content DIR    content folder (default: content)
  -h, --help       show this help

SOURCE_DATE_EPOCH, when set, dates the edition instead of its publicationDate, and is recorded.
Exit status: 0 archived, 1 refused or the build failed (reasons listed), 2 bad command line.`;

interface ArchiveFlags {
  year?: string;
  revision: boolean;
  force: boolean;
  archive: string;
  data: string;
  content: string;
}

function run(argv: string[], io: Console): number {
  const flags = readFlags<ArchiveFlags>(io, usage, argv, {
    year: { type: "string" },
    revision: { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    archive: { type: "string", default: "archive" },
    data: { type: "string", default: "data" },
    content: { type: "string", default: "content" },
  });
  if (typeof flags === "number") return flags;
  const { values } = flags;
  const year = chooseEdition(io, values.content, values.year);
  if (year === null) return 2;
  let sourceDateEpoch: number | null;
  try {
    sourceDateEpoch = sourceDateEpochFromEnv() ?? null;
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 2;
  }
  {
    const result = archiveEdition({ year, dataDir: values.data, contentDir: values.content, archiveRoot: values.archive, revision: values.revision, force: values.force, sourceDateEpoch });
    if (result.buildLog) io.err(result.buildLog);
    report(result.diagnostics, (line) => io.err(`${line}\n`));
    if (!result.ok) {
      io.err("Nothing was archived.\n");
      return 1;
    }
    io.out(`Archived the final ${year} edition, revision ${result.revision}, built from a copy of its inputs in ${result.seconds!.toFixed(1)} s: ${result.fileCount} inputs and outputs, each hashed in manifest.json and SHA256SUMS (the files verify checks), all read-only in ${result.dir}.\n`);
    if (result.treeClean === false) io.out("note: the project had uncommitted changes, so the commit in the manifest does not hold all the code that built this edition.\n");
    const git = result.inputsGit;
    if (git && !git.clean) {
      const list = (what: string, names: string[]) => (names.length ? `  ${what} (${names.length}): ${names.join(", ")}\n` : "");
      io.out(`note: not every input is committed in git as archived (the manifest lists them under inputsGit):\n${list("modified", git.modified)}${list("untracked", git.untracked)}${list("ignored", git.ignored)}`);
    }
    if (result.acceptances) io.out(`The manifest lists ${count(result.acceptances, "checklist item")} accepted as written, with the reasons.\n`);
    io.out(`Check it with: npm run verify -- --year ${year}${result.revision! > 1 ? ` --revision ${result.revision}` : ""}${values.archive !== "archive" ? ` --archive ${values.archive}` : ""}\n`);
    return 0;
  }
}

export const archiveCommand: Command = { name: "archive", run };
