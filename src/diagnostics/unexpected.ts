// An error no stage turned into a diagnostic (a bug, a full disk, a library failing) is still printed by
// the one reporter, in the same shape; the stack trace is for --debug only.
import type { Diagnostic } from "./diagnostic.ts";
import { BuildError } from "./diagnostic.ts";

export function asDiagnostics(error: unknown): Diagnostic[] {
  if (error instanceof BuildError) return error.diagnostics;
  const e = error as NodeJS.ErrnoException;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const file = typeof e?.path === "string" ? e.path : "build";
  return [{ severity: "error", file, rule: e?.code ? "system-error" : "internal-error", message: `${message} (run again with --debug for the details)` }];
}
