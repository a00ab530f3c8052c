// The command line: every command enters here (`npm run <command> -- …` runs `scripts/cli.mjs <command>`),
// and the tests run the same function in-process. Commands load on demand, so a build never loads
// what only `comments` or `import:entry` need.
import { processConsole, type Command, type Console } from "./flags.ts";

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  build: { summary: "the edition's PDF and HTML; --draft for reviewers, --final to publish", load: async () => (await import("./buildCommand.ts")).buildCommand },
  check: { summary: "every error and warning the build would give, without the PDF", load: async () => (await import("./checkCommand.ts")).checkCommand },
  figures: { summary: "the names usable in {{ }}, with their values", load: async () => (await import("./figuresCommand.ts")).figuresCommand },
  preview: { summary: "the live preview, rebuilt on every save", load: async () => (await import("./previewCommand.ts")).previewCommand },
  "new-edition": { summary: "starts next year's content folder", load: async () => (await import("./newEditionCommand.ts")).newEditionCommand },
  "import:entry": { summary: "a force's Word document into a good-practice entry", load: async () => (await import("./importEntryCommand.ts")).importEntryCommand },
  "import:workforce": { summary: "the Home Office workforce tables into data/<year>/", load: async () => (await import("./importWorkforceCommand.ts")).importWorkforceCommand },
  archive: { summary: "builds and archives the final edition", load: async () => (await import("./archiveCommand.ts")).archiveCommand },
  verify: { summary: "checks an archived edition by rebuilding it", load: async () => (await import("./verifyCommand.ts")).verifyCommand },
  "check:pdf": { summary: "checks a PDF against the PDF/UA-1 checkpoints this project implements", load: async () => (await import("./checkPdfCommand.ts")).checkPdfCommand },
  comments: { summary: "reviewers' PDF comments, placed at their source lines", load: async () => (await import("./commentsCommand.ts")).commentsCommand },
};

export const commandNames = Object.keys(commands);

function commandList(): string {
  const width = Math.max(...commandNames.map((n) => n.length));
  return commandNames.map((name) => `  npm run ${name.padEnd(width)}  ${commands[name].summary}`).join("\n");
}

/** Runs one command (`argv[0]`; flags alone mean `build`) and gives its exit status. */
export async function main(argv: string[], io: Console = processConsole): Promise<number> {
  const [name, ...rest] = argv.length === 0 || argv[0].startsWith("-") ? ["build", ...argv] : argv;
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.err(`Unknown command "${name}". The commands are:\n${commandList()}\nEach takes --help.\n`);
    return 2;
  }
  const command = await entry.load();
  return command.run(rest, io);
}
