// What every command shares: where it writes, reading its flags (a bad flag exits 2 with the usage,
// --help prints the usage and exits 0) and choosing the edition it works on (said on its first line).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { currentEdition, EditionChoiceError } from "../edition/currentEdition.ts";

/** Where a command writes; tests pass their own to run it in-process. */
export interface Console {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processConsole: Console = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** A command of the command line: `npm run <name> -- …` runs `run` with the arguments after `--`. */
export interface Command {
  name: string;
  run: (argv: string[], io: Console) => Promise<number> | number;
}

/** The flags that name an edition's folders; `--year` defaults to the current edition (see currentEdition). */
export const editionFlags = {
  year: { type: "string" },
  data: { type: "string", default: "data" },
  content: { type: "string", default: "content" },
} as const;

export const outFlag = { out: { type: "string", default: "output" } } as const;

type Options = NonNullable<ParseArgsConfig["options"]>;
export interface Flags<T> {
  values: T;
  positionals: string[];
}

/** Parses a command's flags: the flags, or the exit status when the command line was bad (2) or --help (0). */
export function readFlags<T>(io: Console, usage: string, argv: string[], options: Options, allowPositionals = false): Flags<T> | number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h", default: false } }, strict: true, allowPositionals });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(`${usage}\n`);
    return 0;
  }
  return { values: parsed.values as T, positionals: parsed.positionals };
}

/**
 * The edition year a command works on, said as its first line ("Edition 2025 (the newest in content/)."),
 * or null after explaining a bad --year or a bad pin on stderr (the command exits 2).
 */
export function chooseEdition(io: Console, contentDir: string, flag: string | undefined, flagName = "--year"): number | null {
  try {
    const choice = currentEdition(contentDir, flag, flagName);
    io.out(`Edition ${choice.year} (${choice.reason}).\n`);
    return choice.year;
  } catch (error) {
    if (!(error instanceof EditionChoiceError)) throw error;
    io.err(`${error.message}\n`);
    return null;
  }
}
