import { readFileSync } from "node:fs";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";

/** Reads a text input, turning a missing or unreadable file into a diagnostic that says what belongs there. */
export function readInputFile(file: string, sink: DiagnosticSink, expected: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "The file does not exist" : code === "EISDIR" ? "This is a folder" : `The file cannot be read (${code})`;
    sink.error(file, "missing-file", `${why}; expected ${expected}.`);
    return null;
  }
}
