// Messages in the shape of unified's vfile messages: where (file, line, column), what, and how bad.

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** Path relative to the working directory, as the user typed it or as the build found it. */
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** A short stable id, e.g. "unknown-force", so tools and tests can match without parsing prose. */
  rule: string;
  /** Where in the PDF the problem shows, once known (for reviewers' sheets). */
  page?: number;
}

/** Thrown when input is unusable; carries every error found, not just the first. */
export class BuildError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatLocation).join("\n"));
    this.name = "BuildError";
    this.diagnostics = diagnostics;
  }
}

export function formatLocation(d: Diagnostic): string {
  const where = [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((x) => x !== undefined).join(":");
  return `${where}: ${d.severity}: ${d.message} [${d.rule}]`;
}

/** Collects messages during a stage; throws them together so a user fixes a file in one pass. */
export class DiagnosticSink {
  readonly messages: Diagnostic[] = [];

  error(file: string, rule: string, message: string, at?: { line?: number; column?: number }): void {
    this.messages.push({ severity: "error", file, rule, message, ...at });
  }

  warn(file: string, rule: string, message: string, at?: { line?: number; column?: number }): void {
    this.messages.push({ severity: "warning", file, rule, message, ...at });
  }

  get errors(): Diagnostic[] {
    return this.messages.filter((m) => m.severity === "error");
  }

  get warnings(): Diagnostic[] {
    return this.messages.filter((m) => m.severity === "warning");
  }

  throwIfErrors(): void {
    if (this.errors.length > 0) throw new BuildError(this.errors);
  }
}
