// The inputs of an edition, listed once for everything that needs them: the stage cache's keys, the
// final edition's document ID, a draft's revision, the archive's copy and manifest, and the tests.
// Every file a build of year Y reads from the content and data folders is named by a stable logical
// path ("content/2024/report.yml", "data/2023/officers.csv") and listed in code-point order, so neither
// the folder a user keeps them in nor the file system's listing order changes anything derived from them.
import { sha256 } from "../domain/sha256.ts";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { hashFile, kindOf, lstatOrNull, notRegular, walkBelow } from "../cache/filesBelow.ts";
import { BuildError, type Diagnostic } from "../diagnostics/diagnostic.ts";

export interface InputFile {
  /** Logical path, always with "/" separators: content/<year>/… or data/… */
  path: string;
  /** Where the file is on this machine. */
  source: string;
}

export interface EditionInputs {
  /** Each file with its SHA-256 (hex), as the listing gives it. */
  files: (InputFile & { sha256: string })[];
  /** `sha256sum`-style: one "<hash>  <path>" line a file, in path order (the archive keeps the same). */
  listing: string;
  /** SHA-256 of the year and the listing: the one hash of "this edition's inputs". */
  hash: string;
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Every regular file below dir (dot files left out), as logical paths under prefix; links and special files go to `refused`. */
function walk(dir: string, prefix: string, refused: Diagnostic[]): InputFile[] {
  const found = walkBelow(dir, { inside: true });
  refused.push(...found.refused);
  return found.files.map((full) => ({ path: [prefix, ...path.relative(dir, full).split(path.sep)].join("/"), source: full }));
}

/** A single input file: listed when it is a regular file, refused (named) when it is anything else. */
function single(file: string, logical: string, files: InputFile[], refused: Diagnostic[]): void {
  const kind = lstatOrNull(file);
  if (kind?.isFile()) files.push({ path: logical, source: file });
  else if (kind) refused.push(notRegular(file, kind.isDirectory() ? "a folder" : kindOf(kind)));
}

/**
 * What a build of `year` reads: content/<year>/ whole, the project word list (content/wordlist.txt,
 * which proofing reads), data/forces.csv, and every data/<y>/ folder with y ≤ year (the edition, the
 * year it is compared against, and the history behind the trends; this mirrors the years loadData reads).
 */
export function editionInputFiles(dataDir: string, contentDir: string, year: number): InputFile[] {
  const refused: Diagnostic[] = [];
  const files = walk(path.join(contentDir, String(year)), `content/${year}`, refused);
  single(path.join(contentDir, "wordlist.txt"), "content/wordlist.txt", files, refused);
  single(path.join(dataDir, "forces.csv"), "data/forces.csv", files, refused);
  if (existsSync(dataDir)) {
    for (const name of readdirSync(dataDir).sort()) {
      if (/^\d{4}$/.test(name) && Number(name) <= year) files.push(...walk(path.join(dataDir, name), `data/${name}`, refused));
    }
  }
  // The one input rule (src/cache/filesBelow.ts): every link or special file is named before anything is read.
  if (refused.length > 0) throw new BuildError(refused);
  return files.sort(byPath);
}

/** The edition's input files with their listing and hash; each file is read once. */
export function editionInputs(dataDir: string, contentDir: string, year: number): EditionInputs {
  // Hashed by streaming: an input is never read whole into memory here.
  const files = editionInputFiles(dataDir, contentDir, year).map((f) => ({ ...f, sha256: hashFile(f.source).sha256 }));
  const listing = files.map((f) => `${f.sha256}  ${f.path}\n`).join("");
  return { files, listing, hash: sha256(`year=${year}\n${listing}`) };
}

