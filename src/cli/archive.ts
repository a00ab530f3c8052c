// `npm run archive -- --year N [--revision] [--archive DIR] [--data DIR] [--content DIR]`
import { parseArgs } from "node:util";
import { archiveEdition } from "../archive/archive.ts";
import { sourceDateEpochFromEnv } from "../final/final.ts";
import { report } from "../diagnostics/reporter.ts";
import { count } from "../diagnostics/plural.ts";
import { parseYear, runCli } from "./common.ts";

const usage = `Usage: npm run archive -- --year N [options]

Builds the final edition of year N from a copy of its inputs and archives inputs, outputs and a
manifest of SHA-256 hashes in <archive>/<year>/, read-only. An archived edition is never replaced.

Options:
  --year N         edition year to archive (required)
  --revision       archive a corrected edition beside the archived one, as <archive>/<year>/r2/, r3/, …
  --force          with --revision: archive even when the inputs are identical to the last revision's
  --archive DIR    archive root (default: archive)
  --data DIR       workforce data folder (default: data)
  --content DIR    content folder (default: content)
  -h, --help       show this help

SOURCE_DATE_EPOCH, when set, dates the edition instead of its publicationDate, and is recorded.
Exit status: 0 archived, 1 refused or the build failed (reasons listed), 2 bad command line.`;

runCli(usage, (args) => {
  const { values } = parseArgs({
    args,
    options: {
      year: { type: "string" },
      revision: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      archive: { type: "string", default: "archive" },
      data: { type: "string", default: "data" },
      content: { type: "string", default: "content" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  const year = parseYear(values.year);
  const sourceDateEpoch = sourceDateEpochFromEnv() ?? null;
  return async () => {
    const result = archiveEdition({ year, dataDir: values.data!, contentDir: values.content!, archiveRoot: values.archive!, revision: values.revision!, force: values.force!, sourceDateEpoch });
    if (result.buildLog) process.stderr.write(result.buildLog);
    report(result.diagnostics);
    if (!result.ok) {
      process.stderr.write("Nothing was archived.\n");
      return 1;
    }
    process.stdout.write(`Archived the final ${year} edition, revision ${result.revision}, built from a copy of its inputs in ${result.seconds!.toFixed(1)} s: ${result.fileCount} inputs and outputs, each hashed in manifest.json and SHA256SUMS (the files verify checks), all read-only in ${result.dir}.\n`);
    if (result.treeClean === false) process.stdout.write("note: the project had uncommitted changes, so the commit in the manifest does not hold all the code that built this edition.\n");
    const git = result.inputsGit;
    if (git && !git.clean) {
      const list = (what: string, names: string[]) => (names.length ? `  ${what} (${names.length}): ${names.join(", ")}\n` : "");
      process.stdout.write(`note: not every input is committed in git as archived (the manifest lists them under inputsGit):\n${list("modified", git.modified)}${list("untracked", git.untracked)}${list("ignored", git.ignored)}`);
    }
    if (result.acceptances) process.stdout.write(`The manifest lists ${count(result.acceptances, "checklist item")} accepted as written, with the reasons.\n`);
    process.stdout.write(`Check it with: npm run verify -- --year ${year}${result.revision! > 1 ? ` --revision ${result.revision}` : ""}${values.archive !== "archive" ? ` --archive ${values.archive}` : ""}\n`);
    return 0;
  };
});
