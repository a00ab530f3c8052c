// `npm run verify -- [--year N] [--revision N] [--archive DIR] [--hashes-only]`
import path from "node:path";
import { verifyEdition } from "../archive/verify.ts";
import { report } from "../diagnostics/reporter.ts";
import { chooseEdition, readFlags, type Command, type Console } from "./flags.ts";

const usage = `Usage: npm run verify -- [options]

Checks an archived edition: every SHA-256 in its manifest, then rebuilds it from the archived inputs
alone (not content/ or data/) in a temporary folder and compares each output with the archived one.

Options:
  --year N         edition year (default: the current edition, see npm run build -- --help)
  --content DIR    content folder, for the current edition (default: content)
  --revision N     which archived revision (default: 1, the folder <archive>/<year>/ itself)
  --archive DIR    archive root (default: archive)
  --hashes-only    check the hashes, do not rebuild
  -h, --help       show this help

Exit status: 0 verified, 1 a hash or an output differs (files named) or no such archived edition, 2 bad command line.`;

interface VerifyFlags {
  year?: string;
  content: string;
  revision: string;
  archive: string;
  "hashes-only": boolean;
}

async function run(argv: string[], io: Console): Promise<number> {
  const flags = readFlags<VerifyFlags>(io, usage, argv, {
    year: { type: "string" },
    content: { type: "string", default: "content" },
    revision: { type: "string", default: "1" },
    archive: { type: "string", default: "archive" },
    "hashes-only": { type: "boolean", default: false },
  });
  if (typeof flags === "number") return flags;
  const { values } = flags;
  const year = chooseEdition(io, values.content, values.year);
  if (year === null) return 2;
  const revision = Number(values.revision);
  if (!Number.isInteger(revision) || revision < 1) {
    io.err(`--revision must be a whole number from 1, not "${values.revision}".\n\n${usage}\n`);
    return 2;
  }
  {
    const result = await verifyEdition({ year, archiveRoot: values.archive, revision, hashesOnly: values["hashes-only"] });
    // No such edition or revision: nothing was checked, so say that alone, not that a check failed.
    if (result.absent) {
      report(result.diagnostics, (line) => io.err(`${line}\n`));
      return 1;
    }
    if (result.checkedFiles > 0) io.out(`${result.dir}: checked the SHA-256 of ${result.checkedFiles} archived files.\n`);
    if (result.rebuildLog) io.err(result.rebuildLog.replace(/^(?=.)/gm, "  rebuild: "));
    if (result.rebuildSeconds !== undefined && result.outputs.length > 0) {
      io.out(`Rebuilt from ${result.dir}/inputs in ${result.rebuildSeconds.toFixed(1)} s:\n`);
      // Each output on a line, except a folder whose files are all identical, which takes one line.
      const folders = new Map<string, string[]>();
      for (const o of result.outputs) if (o.path.split("/").length > 2) folders.set(path.dirname(o.path), [...(folders.get(path.dirname(o.path)) ?? []), o.status]);
      const summarised = new Set([...folders].filter(([, statuses]) => statuses.every((s) => s === "identical")).map(([folder]) => folder));
      for (const folder of summarised) io.out(`  identical ${folder}/ (all ${folders.get(folder)!.length} files)\n`);
      for (const o of result.outputs) if (!summarised.has(path.dirname(o.path))) io.out(`  ${o.status.padEnd(9)} ${o.path}\n`);
    }
    for (const note of result.notes) io.out(`note: ${note}\n`);
    report(result.diagnostics, (line) => io.err(`${line}\n`));
    if (!result.ok) {
      io.err(`NOT verified: ${result.dir} is not as archived, or not what its archived inputs build (see above).\n`);
      return 1;
    }
    io.out(values["hashes-only"] ? `Hashes verified: ${result.dir} is as archived (not rebuilt).\n` : `Verified: every file is as archived, and the archived inputs rebuild every output identically.\n`);
    return 0;
  }
}

export const verifyCommand: Command = { name: "verify", run };
