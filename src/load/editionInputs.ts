// The inputs of an edition, listed once for everything that needs them: the stage cache's keys, the
// final edition's document ID, a draft's revision, the archive's copy and manifest, and the tests.
// Every file a build of year Y reads from the content and data folders is named by a stable logical
// path ("content/2024/report.yml", "data/2023/officers.csv") and listed in code-point order, so neither
// the folder a user keeps them in nor the file system's listing order changes anything derived from them.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { filesBelow } from "../cache/filesBelow.ts";

export interface InputFile {
  /** Logical path, always with "/" separators: content/<year>/… or data/… */
  path: string;
  /** Where the file is on this machine. */
  source: string;
}

export interface EditionInputs {
  files: InputFile[];
  /** `sha256sum`-style: one "<hash>  <path>" line a file, in path order (the archive keeps the same). */
  listing: string;
  /** SHA-256 of the year and the listing: the one hash of "this edition's inputs". */
  hash: string;
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Every file below dir (dot files left out), as logical paths under prefix. */
function walk(dir: string, prefix: string): InputFile[] {
  return filesBelow(dir).map((full) => ({ path: [prefix, ...path.relative(dir, full).split(path.sep)].join("/"), source: full }));
}

/**
 * What a build of `year` reads: content/<year>/ whole, the project word list (content/wordlist.txt,
 * which proofing reads), data/forces.csv, and every data/<y>/ folder with y ≤ year (the edition, the
 * year it is compared against, and the history behind the trends; this mirrors the years loadData reads).
 */
export function editionInputFiles(dataDir: string, contentDir: string, year: number): InputFile[] {
  const files = walk(path.join(contentDir, String(year)), `content/${year}`);
  const wordlist = path.join(contentDir, "wordlist.txt");
  if (existsSync(wordlist)) files.push({ path: "content/wordlist.txt", source: wordlist });
  const forces = path.join(dataDir, "forces.csv");
  if (existsSync(forces)) files.push({ path: "data/forces.csv", source: forces });
  if (existsSync(dataDir)) {
    for (const name of readdirSync(dataDir)) {
      if (/^\d{4}$/.test(name) && Number(name) <= year) files.push(...walk(path.join(dataDir, name), `data/${name}`));
    }
  }
  return files.sort(byPath);
}

/** The edition's input files with their listing and hash; each file is read once. */
export function editionInputs(dataDir: string, contentDir: string, year: number): EditionInputs {
  const files = editionInputFiles(dataDir, contentDir, year);
  const listing = files.map((f) => `${sha256(readFileSync(f.source))}  ${f.path}\n`).join("");
  return { files, listing, hash: sha256(`year=${year}\n${listing}`) };
}

export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}
