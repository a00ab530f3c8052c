// The command line's entry point: runs main() on this process's arguments and exits with its status.
import { report } from "../diagnostics/reporter.ts";
import { asDiagnostics } from "../diagnostics/unexpected.ts";
import { main } from "./main.ts";

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // main() reports every failure it expects; anything else still goes through the one reporter.
    report(asDiagnostics(error));
    if (process.argv.includes("--debug") && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
