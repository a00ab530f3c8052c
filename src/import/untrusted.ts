// Reading untrusted files (tables, Word documents, commented PDFs) within declared limits
// (src/domain/limits.ts): a regular file, sized before it is read; and an .xlsx, .ods or .docx (zip
// archives of XML) opened within the zip limits.
// The central directory is read first and every entry's stored and inflated sizes and their ratio are
// checked before anything is inflated; an entry is then inflated in small pieces and stopped the moment
// it yields more than its header declared, so a header that lies cannot grow memory either. XML with a
// document type declaration is refused: entities are how XML bombs and external-file reads work, and no
// spreadsheet or Word document needs one.
import { Inflate } from "fflate";
import { FileTooLarge, readRegularFile } from "../cache/filesBelow.ts";
import { BuildError } from "../diagnostics/diagnostic.ts";
import { limits } from "../domain/limits.ts";

/** An input over a declared limit, or not the archive it claims to be; the message is for the user. */
export class InputLimitError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  dataStart: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A file's bytes, if it is a regular file (no link, pipe or device) of at most maxBytes, sized before it
 * is read. Over the limit or not regular: InputLimitError; a missing file: the system's own error.
 */
export function readUntrustedFile(file: string, maxBytes: number): Buffer {
  try {
    return readRegularFile(file, maxBytes);
  } catch (error) {
    if (error instanceof BuildError) throw new InputLimitError(error.diagnostics[0].message);
    if (error instanceof FileTooLarge) throw new InputLimitError(error.message);
    throw error;
  }
}
const PIECE = 64 * 1024;

/** The entries of a zip archive, from its central directory, each checked against the limits. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = () => new InputLimitError("it cannot be opened as a zip archive (its central directory is missing or damaged).");
  let eocd = -1;
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 0xffff); i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  const count = view.readUInt16LE(eocd + 10);
  let p = view.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new InputLimitError("it is a ZIP64 archive, made for contents over 4 GB; no real spreadsheet or Word document is one.");
  if (count > limits.zipEntries) throw new InputLimitError(`it holds ${count} files; the limit is ${limits.zipEntries}.`);
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > view.length || view.readUInt32LE(p) !== 0x02014b50) throw damaged();
    const method = view.readUInt16LE(p + 10);
    const compressed = view.readUInt32LE(p + 20);
    const size = view.readUInt32LE(p + 24);
    const nameLength = view.readUInt16LE(p + 28);
    const local = view.readUInt32LE(p + 42);
    const name = view.toString("utf8", p + 46, Math.min(view.length, p + 46 + nameLength));
    p += 46 + nameLength + view.readUInt16LE(p + 30) + view.readUInt16LE(p + 32);
    const shown = JSON.stringify(name.slice(0, 80));
    if (size > limits.zipEntryBytes) throw new InputLimitError(`its part ${shown} inflates to ${mb(size)}; the limit for one part is ${mb(limits.zipEntryBytes)}.`);
    total += size;
    if (total > limits.zipTotalBytes) throw new InputLimitError(`its parts inflate to more than ${mb(limits.zipTotalBytes)} together, the limit.`);
    // Small parts may compress very well (a run of empty XML); only a large one at a bomb's ratio is refused.
    if (size > 1024 * 1024 && size > compressed * limits.zipRatio) {
      throw new InputLimitError(`its part ${shown} inflates ${Math.round(size / Math.max(1, compressed))} times its stored size (${mb(size)}); the limit is ${limits.zipRatio} times, and only a zip bomb goes past it.`);
    }
    if (method !== 0 && method !== 8) throw new InputLimitError(`its part ${shown} is compressed with method ${method}; only stored and deflated parts are read.`);
    if (local + 30 > view.length || view.readUInt32LE(local) !== 0x04034b50) throw damaged();
    const dataStart = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
    if (dataStart + compressed > view.length) throw damaged();
    entries.push({ name, method, compressed, size, dataStart });
  }
  return entries;
}

/** The entry's bytes, inflated piece by piece and stopped as soon as it yields more than it declared. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const stored = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressed);
  const lied = () => new InputLimitError(`its part ${JSON.stringify(entry.name.slice(0, 80))} holds more than its header declares (${entry.size} bytes); the archive is damaged or made to mislead.`);
  if (entry.method === 0) {
    if (entry.compressed !== entry.size) throw lied();
    return stored;
  }
  const out = new Uint8Array(entry.size);
  let length = 0;
  const inflate = new Inflate((chunk) => {
    if (length + chunk.length > entry.size) throw lied();
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let i = 0; i < stored.length; i += PIECE) inflate.push(stored.subarray(i, i + PIECE), i + PIECE >= stored.length);
    if (stored.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof InputLimitError) throw error;
    throw new InputLimitError(`its part ${JSON.stringify(entry.name.slice(0, 80))} cannot be inflated (${(error as Error).message}).`);
  }
  return length === entry.size ? out : out.subarray(0, length);
}

/** XML text of a part, refused when it declares a document type (entities). */
export function xmlText(bytes: Uint8Array, name: string): string {
  const text = new TextDecoder("utf-8").decode(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new InputLimitError(`its part ${JSON.stringify(name.slice(0, 80))} declares a document type (<!DOCTYPE>); entities can expand without bound or read other files, and no real document has one.`);
  }
  return text;
}

export interface OpenedZip {
  entries: ZipEntry[];
  /** The bytes of one part, or undefined when the archive has none of that name. */
  read(name: string): Uint8Array | undefined;
  /** The XML text of one part (refused with a DOCTYPE), or undefined. */
  xml(name: string): string | undefined;
}

/** Checks an archive's size, directory and limits; parts are inflated only when asked for. */
export function openZip(bytes: Uint8Array): OpenedZip {
  if (bytes.length > limits.importFileBytes) throw new InputLimitError(`it is ${mb(bytes.length)}; the limit is ${mb(limits.importFileBytes)}.`);
  const entries = zipEntries(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const read = (name: string) => {
    const entry = byName.get(name);
    return entry ? inflateEntry(bytes, entry) : undefined;
  };
  return {
    entries,
    read,
    xml: (name) => {
      const data = read(name);
      return data === undefined ? undefined : xmlText(data, name);
    },
  };
}

/**
 * Every part inflated once within the limits and every XML part checked, for an archive a library
 * (mammoth) will then open itself: what it inflates has been proved to stay within the limits.
 */
export function checkWholeZip(bytes: Uint8Array): OpenedZip {
  const zip = openZip(bytes);
  // Kept as inflated (within the limits' 64 MB in all), so a part read again is not inflated twice.
  const parts = new Map<string, Uint8Array>();
  for (const entry of zip.entries) {
    const data = inflateEntry(bytes, entry);
    if (/\.(xml|rels)$/i.test(entry.name)) xmlText(data, entry.name);
    parts.set(entry.name, data);
  }
  return {
    entries: zip.entries,
    read: (name) => parts.get(name),
    xml: (name) => {
      const data = parts.get(name);
      return data === undefined ? undefined : xmlText(data, name);
    },
  };
}
