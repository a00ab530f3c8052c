// `npm run import:entry -- FILE.docx --force kent [--year N] [--content DIR] [--data DIR]`
import { existsSync } from "node:fs";
import path from "node:path";
import { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { count, verb } from "../domain/plural.ts";
import { report } from "../diagnostics/reporter.ts";
import { importDocxEntry } from "../import/docxEntry.ts";
import { loadForceRegister } from "../load/forceRegister.ts";
import { chooseEdition, readFlags, type Command, type Console } from "./flags.ts";

const usage = `Usage: npm run import:entry -- FILE.docx --force FORCE [options]

Turns a force's Word document into a good-practice entry, content/<year>/good-practice/<force>.md,
with its images beside it. Nothing existing is overwritten (a second entry becomes <force>-2.md).
Everything that could not be carried (tables, text boxes, comments, tracked changes) is listed.

Options:
  --force FORCE    the force: a slug, name or alias from data/forces.csv (required)
  --year N         edition year (default: the current edition, see npm run build -- --help)
  --content DIR    content folder (default: content)
  --data DIR       data folder holding forces.csv (default: data)
  -h, --help       show this help

Exit status: 0 written (warnings may be listed), 1 nothing written (errors listed), 2 bad command line.`;

async function run(argv: string[], io: Console): Promise<number> {
  const flags = readFlags<{ force?: string; year?: string; content: string; data: string }>(
    io,
    usage,
    argv,
    { force: { type: "string" }, year: { type: "string" }, content: { type: "string", default: "content" }, data: { type: "string", default: "data" } },
    true,
  );
  if (typeof flags === "number") return flags;
  const { values, positionals } = flags;
  if (positionals.length !== 1 || !values.force) {
    io.err(`${positionals.length !== 1 ? "Give exactly one .docx file." : "--force is required."}\n\n${usage}\n`);
    return 2;
  }
  const year = chooseEdition(io, values.content, values.year);
  if (year === null) return 2;
  const sink = new DiagnosticSink();
  const register = loadForceRegister(path.join(values.data, "forces.csv"), sink);
  const force = register?.resolve(values.force);
  if (register && !force) sink.error(path.join(values.data, "forces.csv"), "unknown-force", `--force: ${register.unknownMessage(values.force)}`);
  const editionDir = path.join(values.content, String(year));
  if (force && !existsSync(editionDir)) {
    sink.error(editionDir, "missing-edition", `There is no ${year} edition folder; start it with npm run new-edition -- --year ${year}, or give --year.`);
  }
  const result = sink.errors.length === 0 ? await importDocxEntry({ file: positionals[0], force: force!, entriesDir: path.join(editionDir, "good-practice") }, sink) : null;
  report(sink.messages, (line) => io.err(`${line}\n`));
  if (!result) {
    io.err("Nothing was written.\n");
    return 1;
  }
  const notCarried = sink.warnings.filter((w) => w.rule.startsWith("import-")).length;
  io.out(
    `Wrote ${result.entryFile}${result.images.length ? ` and ${count(result.images.length, "image")}` : ""}.\n` +
      (notCarried ? `${count(notCarried, "thing")} from the Word document ${verb(notCarried, "needs", "need")} a look (listed above).\n` : "") +
      `Read it through, then run npm run check -- --year ${year}.\n`,
  );
  return 0;
}

export const importEntryCommand: Command = { name: "import:entry", run };
