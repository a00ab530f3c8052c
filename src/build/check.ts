// Everything the build checks, without charts or PDF layout: load, statistics, document, checks.
import { BuildError, DiagnosticSink, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { prepare, type PrepareOptions } from "./prepare.ts";

export interface CheckResult {
  /** Every error and warning the build would give before layout. */
  diagnostics: Diagnostic[];
  errors: number;
  ms: number;
}

export function checkEdition(options: PrepareOptions): CheckResult {
  const started = performance.now();
  // prepare() stops after the first stage with errors; the sink keeps the warnings found up to there too.
  const sink = new DiagnosticSink();
  try {
    prepare(options, {}, sink);
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
  }
  const diagnostics = sink.messages;
  return { diagnostics, errors: diagnostics.filter((d) => d.severity === "error").length, ms: performance.now() - started };
}
