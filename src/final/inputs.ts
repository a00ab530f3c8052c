// The inputs of an edition: every file a build of year Y reads from the content and data folders,
// named by a stable logical path ("content/2024/report.yml", "data/2023/officers.csv") and listed in
// code-point order, so neither the folder a user keeps them in nor the file system's listing order
// changes anything derived from them (the document ID, the archive's manifest).
import { createHash } from "node:crypto";
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

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Every regular file below dir (dot files left out), as logical paths under prefix; links and special files go to `refused`. */
function walk(dir: string, prefix: string, refused: Diagnostic[]): InputFile[] {
  const found = walkBelow(dir, { inside: true });
  refused.push(...found.refused);
  return found.files.map((full) => ({ path: [prefix, ...path.relative(dir, full).split(path.sep)].join("/"), source: full }));
}

/**
 * What a build of `year` reads: content/<year>/ whole, data/forces.csv, and every data/<y>/ folder with
 * y ≤ year (the edition, the year it is compared against, and the history behind the trends; this
 * mirrors the years prepare() loads).
 */
export function editionInputs(dataDir: string, contentDir: string, year: number): InputFile[] {
  const refused: Diagnostic[] = [];
  const files = walk(path.join(contentDir, String(year)), `content/${year}`, refused);
  const forces = path.join(dataDir, "forces.csv");
  const forcesKind = lstatOrNull(forces);
  if (forcesKind?.isFile()) files.push({ path: "data/forces.csv", source: forces });
  else if (forcesKind) refused.push(notRegular(forces, forcesKind.isDirectory() ? "a folder" : kindOf(forcesKind)));
  if (existsSync(dataDir)) {
    for (const name of readdirSync(dataDir).sort()) {
      if (/^\d{4}$/.test(name) && Number(name) <= year) files.push(...walk(path.join(dataDir, name), `data/${name}`, refused));
    }
  }
  // The one input rule (src/cache/filesBelow.ts): every link or special file is named before anything is read.
  if (refused.length > 0) throw new BuildError(refused);
  return files.sort(byPath);
}

export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/** `sha256sum`-style listing of the inputs: one "<hash>  <path>" line each, in path order. */
export function inputsListing(files: readonly InputFile[]): string {
  return [...files].sort(byPath).map((f) => `${hashFile(f.source).sha256}  ${f.path}\n`).join("");
}
