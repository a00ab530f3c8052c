// `npm run verify -- --year N [--revision N] [--archive DIR] [--hashes-only]`
import path from "node:path";
import { parseArgs } from "node:util";
import { verifyEdition } from "../archive/verify.ts";
import { report } from "../diagnostics/reporter.ts";
import { parseYear, runCli, UsageError } from "./common.ts";

const usage = `Usage: npm run verify -- --year N [options]

Checks an archived edition: every SHA-256 in its manifest, then rebuilds it from the archived inputs
alone (not content/ or data/) in a temporary folder and compares each output with the archived one.

Options:
  --year N         edition year (required)
  --revision N     which archived revision (default: 1, the folder <archive>/<year>/ itself)
  --archive DIR    archive root (default: archive)
  --hashes-only    check the hashes, do not rebuild
  -h, --help       show this help

Exit status: 0 verified, 1 a hash or an output differs (files named) or no such archived edition, 2 bad command line.`;

runCli(usage, (args) => {
  const { values } = parseArgs({
    args,
    options: {
      year: { type: "string" },
      revision: { type: "string", default: "1" },
      archive: { type: "string", default: "archive" },
      "hashes-only": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  const year = parseYear(values.year);
  const revision = Number(values.revision);
  if (!Number.isInteger(revision) || revision < 1) throw new UsageError(`--revision must be a whole number from 1, not "${values.revision}".`);
  return async () => {
    const result = await verifyEdition({ year, archiveRoot: values.archive!, revision, hashesOnly: values["hashes-only"]! });
    // No such edition or revision: nothing was checked, so say that alone, not that a check failed.
    if (result.absent) {
      report(result.diagnostics);
      return 1;
    }
    if (result.checkedFiles > 0) process.stdout.write(`${result.dir}: checked the SHA-256 of ${result.checkedFiles} archived files.\n`);
    if (result.rebuildLog) process.stderr.write(result.rebuildLog.replace(/^(?=.)/gm, "  rebuild: "));
    if (result.rebuildSeconds !== undefined && result.outputs.length > 0) {
      process.stdout.write(`Rebuilt from ${result.dir}/inputs in ${result.rebuildSeconds.toFixed(1)} s:\n`);
      // Each output on a line, except a folder whose files are all identical, which takes one line.
      const folders = new Map<string, string[]>();
      for (const o of result.outputs) if (o.path.split("/").length > 2) folders.set(path.dirname(o.path), [...(folders.get(path.dirname(o.path)) ?? []), o.status]);
      const summarised = new Set([...folders].filter(([, statuses]) => statuses.every((s) => s === "identical")).map(([folder]) => folder));
      for (const folder of summarised) process.stdout.write(`  identical ${folder}/ (all ${folders.get(folder)!.length} files)\n`);
      for (const o of result.outputs) if (!summarised.has(path.dirname(o.path))) process.stdout.write(`  ${o.status.padEnd(9)} ${o.path}\n`);
    }
    for (const note of result.notes) process.stdout.write(`note: ${note}\n`);
    report(result.diagnostics);
    if (!result.ok) {
      process.stderr.write(`NOT verified: ${result.dir} is not as archived, or not what its archived inputs build (see above).\n`);
      return 1;
    }
    process.stdout.write(values["hashes-only"] ? `Hashes verified: ${result.dir} is as archived (not rebuilt).\n` : `Verified: every file is as archived, and the archived inputs rebuild every output identically.\n`);
    return 0;
  };
});
