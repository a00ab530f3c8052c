// The one rule for walking an input folder: regular files only. A symbolic link, FIFO, socket or device
// below it is an error naming its path: never followed (a linked folder would bring in files nobody
// wrote, or /etc) and never opened (a FIFO blocks a read for good, /dev/zero never ends). The folder
// given is itself followed, since the user named it.
// Also the files below a folder in a stable order (code-point order of their paths, dot files left out):
// what cache keys, the edition's input listing, the archive's copy, verify and the proofing pass use.
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent, type Stats } from "node:fs";
import { createHash, type Hash } from "node:crypto";
import path from "node:path";
import { BuildError, type Diagnostic } from "../diagnostics/diagnostic.ts";

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function kindOf(entry: Dirent | Stats): string {
  if (entry.isSymbolicLink()) return "a symbolic link";
  if (entry.isFIFO()) return "a named pipe (FIFO)";
  if (entry.isSocket()) return "a socket";
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return "a device";
  return "not a regular file";
}

/** The diagnostic for one refused entry; the rule id is the same wherever the walk runs. */
export function notRegular(full: string, kind: string): Diagnostic {
  return {
    severity: "error",
    file: full,
    rule: "input-not-regular-file",
    message: `This is ${kind}; input folders may hold only ordinary files and folders, and nothing here is followed or opened. Replace it with a copy of the file, or remove it.`,
  };
}

/**
 * Regular files below dir and the entries refused on the way (dot files are left out, not refused).
 * `inside`: dir itself lies below an input folder (content/<year>, data/<year>), so it too must not be a link.
 */
export function walkBelow(dir: string, options: { dotFiles?: boolean; inside?: boolean } = {}): { files: string[]; refused: Diagnostic[] } {
  const files: string[] = [];
  const refused: Diagnostic[] = [];
  const visit = (folder: string) => {
    // withFileTypes reports each entry as lstat would: a link is a link, whatever it points at.
    const entries = readdirSync(folder, { withFileTypes: true })
      .filter((e) => options.dotFiles || !e.name.startsWith("."))
      .sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) files.push(full);
      else refused.push(notRegular(full, kindOf(entry)));
    }
  };
  const own = options.inside ? lstatOrNull(dir) : null;
  if (own && !own.isDirectory() && !own.isFile()) refused.push(notRegular(dir, kindOf(own)));
  else if (existsSync(dir) && statSync(dir).isDirectory()) visit(dir);
  return { files, refused };
}

/** lstat, or null when nothing is there (a dangling link is something). */
export function lstatOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/** Regular files below dir; throws BuildError naming every link or special file found. */
export function filesBelow(dir: string): string[] {
  const { files, refused } = walkBelow(dir);
  if (refused.length > 0) throw new BuildError(refused);
  return files;
}

/**
 * Opens a file for reading only if it is a regular file: O_NOFOLLOW refuses a link in its last part,
 * O_NONBLOCK keeps a FIFO from blocking the open, and fstat checks what was actually opened.
 */
export function openRegular(file: string): number {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw new BuildError([notRegular(file, "a symbolic link")]);
    throw error;
  }
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    throw new BuildError([notRegular(file, kindOf(stat))]);
  }
  return fd;
}

/** A file over the size a reader allows, found from its size before a byte of it is read. */
export class FileTooLarge extends Error {
  constructor(size: number, maxBytes: number) {
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    super(`it is ${mb(size)}; the limit is ${mb(maxBytes)}.`);
  }
}

/**
 * A regular file's bytes, opened as openRegular opens it (a link, pipe or device is refused, never read);
 * with maxBytes, a larger file is refused (FileTooLarge) from its size, before it is read.
 */
export function readRegularFile(file: string, maxBytes = Infinity): Buffer {
  const fd = openRegular(file);
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) throw new FileTooLarge(size, maxBytes);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

// One piece buffer for every file fed: a fresh zero-filled 1 MiB for each of an edition's 76 small files
// was most of hashing the inputs (about 5 ms of every preview save). Reads are synchronous, so no two
// calls share it at once, and hash.update copies what it is given.
let piece: Buffer | undefined;

/** Feeds a regular file to `hash` in 1 MiB pieces, so no file is held whole (nor limited to 2 GiB); returns its bytes. */
export function feedFile(file: string, hash: Hash): number {
  const fd = openRegular(file);
  try {
    const buffer = (piece ??= Buffer.allocUnsafe(1024 * 1024));
    let bytes = 0;
    for (let n: number; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n));
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 of a regular file, read in pieces. */
export function hashFile(file: string): { sha256: string; bytes: number } {
  const hash = createHash("sha256");
  const bytes = feedFile(file, hash);
  return { sha256: hash.digest("hex"), bytes };
}
