// A stage's failure as a diagnostic: which stage and what went wrong, printed by the one reporter.
import { BuildError } from "../diagnostics/diagnostic.ts";

/**
 * Runs a stage after loading; a failure there becomes a diagnostic that says which stage and what went
 * wrong in a sentence, so the one reporter prints it like any input error (never a bare stack trace).
 */
export async function stage<T>(rule: string, file: string, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BuildError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BuildError([{ severity: "error", file, rule, message: `${what}: ${reason.split("\n")[0]}` }]);
  }
}
