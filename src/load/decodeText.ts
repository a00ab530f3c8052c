// Text files are UTF-8, with or without a byte-order mark. Anything else stops the build with the
// encoding the file was probably saved in, so no replacement character (�) ever reaches the PDF.
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeText(file: string, bytes: Uint8Array, sink: DiagnosticSink): string | null {
  const fix = `Save it as UTF-8 (in Excel: "CSV UTF-8"; in Word: "Plain text", encoding "Unicode (UTF-8)").`;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const order = bytes[0] === 0xff ? "little-endian" : "big-endian";
    sink.error(file, "encoding", `The file is UTF-16 (${order}), not UTF-8. ${fix}`, { line: 1, column: 1 });
    return null;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const utf16 = nul < 4 && bytes.length > 3 && (bytes[1] === 0 || bytes[0] === 0);
    const { line, column } = position(bytes, nul);
    sink.error(file, "encoding", utf16 ? `The file looks like UTF-16 without a byte-order mark, not UTF-8. ${fix}` : `The file holds a NUL byte, so it is not a text file; expected UTF-8 text.`, { line, column });
    return null;
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = fatalUtf8.decode(body);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = position(bytes, offset);
    const byte = bytes[offset];
    const guess = byte >= 0x80 && byte <= 0x9f ? "Windows-1252 (the usual Windows and Excel encoding)" : "Windows-1252 or ISO-8859-1 (Latin-1)";
    sink.error(file, "encoding", `The file is not UTF-8: byte 0x${byte.toString(16).toUpperCase()} here is not valid UTF-8; it was probably saved as ${guess}. ${fix}`, { line, column });
    return null;
  }
  const replacement = text.indexOf("\uFFFD");
  if (replacement !== -1) {
    const before = text.slice(0, replacement);
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    sink.error(file, "encoding", `The file holds the replacement character "\uFFFD", left by an earlier wrong conversion; type the intended character instead.`, { line, column: replacement - before.lastIndexOf("\n") });
    return null;
  }
  return text;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    const c1 = bytes[i + 1];
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

/** 1-based line and character column of a byte offset (columns count UTF-8 characters before it). */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i] & 0xc0) !== 0x80) column++;
  return { line, column };
}
