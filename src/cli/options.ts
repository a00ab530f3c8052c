// Flag handling shared by the smaller commands (check, figures, import:entry, new-edition).
import { existsSync, readdirSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";

export type CliResult<T> = { ok: true; values: T; positionals: string[] } | { ok: false; code: number };

/** Parses flags; on a bad command line prints the message and the usage and gives exit status 2. */
export function parseCommandLine<T>(argv: string[], options: ParseArgsConfig["options"], usage: string, allowPositionals = false): CliResult<T> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h", default: false } }, strict: true, allowPositionals });
    if ((values as { help?: boolean }).help) {
      process.stdout.write(`${usage}\n`);
      return { ok: false, code: 0 };
    }
    return { ok: true, values: values as T, positionals };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    return { ok: false, code: 2 };
  }
}

/** The newest edition folder in the content folder (e.g. 2024), or null when there is none. */
export function latestEditionYear(contentDir: string): number | null {
  if (!existsSync(contentDir)) return null;
  const years = readdirSync(contentDir).filter((n) => /^\d{4}$/.test(n)).map(Number);
  return years.length ? Math.max(...years) : null;
}

/** A four-digit year from a flag, or an explanation on stderr and null. */
export function yearFlag(value: string | undefined, fallback: number | null, flag = "--year"): number | null {
  const text = value ?? (fallback === null ? undefined : String(fallback));
  const year = Number(text);
  if (text === undefined || !Number.isInteger(year) || year < 2000 || year > 2100) {
    process.stderr.write(text === undefined ? `${flag} is needed: no edition folder was found to default to.\n` : `${flag} must be a four-digit year, not "${text}".\n`);
    return null;
  }
  return year;
}

/**
 * Runs a command's main and sets its exit status; an unexpected failure is one line, not a stack trace.
 * The status is set, not forced with process.exit(), so long output to a pipe is never cut short.
 */
export function runCommand(name: string, main: (argv: string[]) => Promise<number> | number): void {
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      },
    );
}
