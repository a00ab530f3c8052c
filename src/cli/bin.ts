// The command line's entry point: runs main() on this process's arguments and exits with its status.
import { report } from "../diagnostics/reporter.ts";
import { asDiagnostics } from "../diagnostics/unexpected.ts";
import { main } from "./main.ts";

/**
 * Exits once everything written so far has reached stdout and stderr: to a pipe, writes are
 * asynchronous, and exiting at once cut a long listing short (`npm run figures | less`). The empty
 * writes' callbacks run after every earlier write has been flushed.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

main(process.argv.slice(2)).then(exitWhenFlushed, (error: unknown) => {
  // main() reports every failure it expects; anything else still goes through the one reporter.
  report(asDiagnostics(error));
  if (process.argv.includes("--debug") && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  exitWhenFlushed(1);
});
