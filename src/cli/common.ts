// What the archive and verify commands share: year parsing, usage errors (exit 2) and exit codes.
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
