// Everything the build checks, without charts or PDF layout: load, statistics, document, checks.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PrepareOptions } from "./prepare.ts";
import { runEdition } from "./runEdition.ts";

export interface CheckResult {
  /** Every error and warning the build would give before layout. */
  diagnostics: Diagnostic[];
  errors: number;
  ms: number;
}

export async function checkEdition(options: PrepareOptions): Promise<CheckResult> {
  const started = performance.now();
  // The pipeline stops after the first stage with errors; the sink keeps the warnings found up to there too.
  const diagnostics = (await runEdition(options, { kind: "check" })).messages;
  return { diagnostics, errors: diagnostics.filter((d) => d.severity === "error").length, ms: performance.now() - started };
}
