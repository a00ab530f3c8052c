// `npm run check:pdf -- FILE.pdf [FILE.pdf …]`
import { readFile } from "node:fs/promises";
import { checkPdf, formatReport } from "../pdf/checkPdf.ts";
import { readFlags, type Command, type Console } from "./flags.ts";

const usage = `Usage: npm run check:pdf -- FILE.pdf [FILE.pdf …]

Checks a PDF against the machine-checkable PDF/UA-1 conditions of the Matterhorn Protocol that this
checker implements (each named by its checkpoint): content tagged or artifact, metadata and title,
language, figures' text alternatives, heading order, tables, lists, links, fonts.

Exit status: 0 every file passes, 1 a checkpoint fails, 2 bad command line.`;

async function run(argv: string[], io: Console): Promise<number> {
  const flags = readFlags<Record<string, never>>(io, usage, argv, {}, true);
  if (typeof flags === "number") return flags;
  if (flags.positionals.length === 0) {
    io.err(`Name a PDF to check.\n\n${usage}\n`);
    return 2;
  }
  let failed = false;
  for (const file of flags.positionals) {
    let result;
    try {
      result = await checkPdf(await readFile(file));
    } catch (error) {
      // A file that is missing or not a PDF is a finding about that file, not a crash.
      io.err(`${file}: error: cannot read it as a PDF: ${(error as Error).message} [check-pdf]\n`);
      failed = true;
      continue;
    }
    io.out(`${formatReport(file, result)}\n`);
    failed ||= result.findings.length > 0;
  }
  return failed ? 1 : 0;
}

export const checkPdfCommand: Command = { name: "check:pdf", run };
