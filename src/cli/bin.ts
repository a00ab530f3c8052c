// The command line's entry point: runs main() on this process's arguments and exits with its status.
import { main } from "./main.ts";

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // main() reports every expected failure itself; reaching here is a bug in the builder.
    process.stderr.write(`The builder failed unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
