import { limits } from "../domain/limits.ts";
import { count } from "../domain/plural.ts";

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
  /** Errors listed per file; past limits.errorsPerFile they are only counted, in one last message. */
  private readonly listed = new Map<string, number>();
  private readonly overflow = new Map<string, Diagnostic & { count: number }>();

  /** A message may be a function, so costly wording (suggestions) is only built for errors that are listed. */
  error(file: string, rule: string, message: string | (() => string), at?: { line?: number; column?: number }): void {
    const listed = this.listed.get(file) ?? 0;
    if (listed >= limits.errorsPerFile) {
      let summary = this.overflow.get(file);
      if (!summary) {
        summary = { severity: "error", file, rule: "too-many-errors", message: "", count: 0 };
        this.overflow.set(file, summary);
        this.messages.push(summary);
      }
      summary.count += 1;
      summary.message = `…and ${count(summary.count, "more error", "more errors")} in this file, not listed (the first ${limits.errorsPerFile} are above).`;
      return;
    }
    this.listed.set(file, listed + 1);
    this.messages.push({ severity: "error", file, rule, message: typeof message === "function" ? message() : message, ...at });
  }

  /** True once a file has as many listed errors as the limit; loaders may stop costly checks then. */
  isFull(file: string): boolean {
    return (this.listed.get(file) ?? 0) >= limits.errorsPerFile;
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
