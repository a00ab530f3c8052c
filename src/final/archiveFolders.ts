// Where archived editions live: <root>/<year>/ is revision 1, <root>/<year>/r<N>/ revision N. The root
// holds a marker file; builds refuse any output folder under it, and nothing else is protected.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export const ARCHIVE_MARKER = ".edition-archive";
export const MARKER_TEXT =
  "This folder holds archived final editions of the report. Never edit or rebuild into it;\n" +
  "add a revision with `npm run archive -- --year YYYY --revision` and check one with `npm run verify`.\n";
export const MANIFEST = "manifest.json";
export const CHECKSUMS = "SHA256SUMS";

/** The archive root that contains dir (or dir itself), or null. */
export function enclosingArchive(dir: string): string | null {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(path.join(current, ARCHIVE_MARKER))) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

export function editionDir(root: string, year: number, revision = 1): string {
  return revision === 1 ? path.join(root, String(year)) : path.join(root, String(year), `r${revision}`);
}

/** Revisions already archived for a year, ascending (1 is the folder itself). */
export function archivedRevisions(root: string, year: number): number[] {
  const dir = editionDir(root, year);
  if (!existsSync(path.join(dir, MANIFEST))) return [];
  const later = readdirSync(dir)
    .map((name) => /^r(\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null && existsSync(path.join(dir, m[0], MANIFEST)))
    .map((m) => Number(m[1]));
  return [1, ...later.sort((a, b) => a - b)];
}
