import { readRegularFile } from "../cache/filesBelow.ts";
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { decodeText } from "./decodeText.ts";
import { limits } from "../domain/limits.ts";
import { checkPath } from "./safePath.ts";

/**
 * Reads a text input, turning a missing or unreadable file into a diagnostic that says what belongs there.
 * `root` is the content or data folder the file must lie in (after symlinks); by default its own folder.
 */
export function readInputFile(file: string, sink: DiagnosticSink, expected: string, root = path.dirname(file)): string | null {
  const maxBytes = file.toLowerCase().endsWith(".csv") ? limits.csvBytes : limits.textBytes;
  const real = checkPath(file, { root, expected, maxBytes, rule: "input-path" }, sink);
  if (real === null) return null;
  let bytes: Buffer;
  try {
    // Opened as a regular file only (no link, no pipe that would block the read).
    bytes = readRegularFile(real);
  } catch (error) {
    sink.error(file, "missing-file", `The file cannot be read (${(error as NodeJS.ErrnoException).code}); expected ${expected}.`);
    return null;
  }
  return decodeText(file, bytes, sink);
}
