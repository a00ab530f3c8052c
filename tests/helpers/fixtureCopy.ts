import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const fixturesDir = path.resolve(import.meta.dirname, "../fixtures");

/** A private copy of the small fixture edition, to change without touching the repo. */
export function copyFixtures(): { root: string; dataDir: string; contentDir: string; edit: (file: string, change: (text: string) => string) => string } {
  const root = mkdtempSync(path.join(tmpdir(), "report-fixture-"));
  cpSync(fixturesDir, root, { recursive: true });
  return {
    root,
    dataDir: path.join(root, "data"),
    contentDir: path.join(root, "content"),
    edit(file, change) {
      const full = path.join(root, file);
      writeFileSync(full, change(readFileSync(full, "utf8")));
      return full;
    },
  };
}
