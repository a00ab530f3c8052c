// What the commands share: where they write, reading flags (usage errors exit 2, --help exits 0), year
// parsing and exit codes.
export class UsageError extends Error {}

export function parseYear(value: string | undefined): number {
  if (value === undefined) throw new UsageError("--year is required.");
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`--year must be a four-digit year, not "${value}".`);
  return year;
}

/** Parses the command line with `parse` (which returns "help" or the work to do) and exits with its status. */
export function runCli(usage: string, parse: (args: string[]) => "help" | (() => Promise<number>)): void {
  let work: "help" | (() => Promise<number>);
  try {
    work = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    process.exit(2);
  }
  if (work === "help") {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  work().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

/** The flags that name an edition and its folders, shared by build and preview (with their defaults). */
export const editionFlags = {
  year: { type: "string", default: "2024" },
  data: { type: "string", default: "data" },
  content: { type: "string", default: "content" },
  out: { type: "string", default: "output" },
} as const;

/** Where a command writes; tests pass their own to run it in-process. */
export interface Console {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * Reads a command's flags with `parse` (a parseArgs call): a bad flag prints the message and the usage
 * and gives exit status 2, --help prints the usage and gives 0; otherwise the flags.
 */
export function readFlags<T extends { values: { help?: boolean } }>(io: Console, usage: string, parse: () => T): T | number {
  let parsed: T;
  try {
    parsed = parse();
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(`${usage}\n`);
    return 0;
  }
  return parsed;
}
