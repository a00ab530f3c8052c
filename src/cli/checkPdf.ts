// `npm run check:pdf -- FILE.pdf [FILE.pdf …]`
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { checkPdf, formatReport } from "../pdf/checkPdf.ts";
import { runCli, UsageError } from "./common.ts";

const usage = `Usage: npm run check:pdf -- FILE.pdf [FILE.pdf …]

Checks a PDF against the machine-checkable PDF/UA-1 conditions of the Matterhorn Protocol that this
checker implements (each named by its checkpoint): content tagged or artifact, metadata and title,
language, figures' text alternatives, heading order, tables, lists, links, fonts.

Exit status: 0 every file passes, 1 a checkpoint fails, 2 bad command line.`;

runCli(usage, (args) => {
  const { values, positionals } = parseArgs({ args, options: { help: { type: "boolean", short: "h", default: false } }, allowPositionals: true, strict: true });
  if (values.help) return "help";
  if (positionals.length === 0) throw new UsageError("Name a PDF to check.");
  return async () => {
    let failed = false;
    for (const file of positionals) {
      let result;
      try {
        result = await checkPdf(await readFile(file));
      } catch (error) {
        // A file that is missing or not a PDF is a finding about that file, not a crash.
        process.stderr.write(`${file}: error: cannot read it as a PDF: ${(error as Error).message} [check-pdf]\n`);
        failed = true;
        continue;
      }
      process.stdout.write(`${formatReport(file, result)}\n`);
      failed ||= result.findings.length > 0;
    }
    return failed ? 1 : 0;
  };
});
