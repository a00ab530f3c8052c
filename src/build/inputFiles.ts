// Every file an edition is built from, for cache keys: the year's content folder, the register, and the
// data folders of that year and earlier (the previous year's % changes and the trend read them).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { hashOf } from "../cache/stageCache.ts";

function filesUnder(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

export function editionInputFiles(options: { year: number; contentDir: string; dataDir: string }): string[] {
  const years = existsSync(options.dataDir)
    ? readdirSync(options.dataDir)
        .filter((name) => /^\d{4}$/.test(name) && Number(name) <= options.year)
        .sort()
    : [];
  return [
    ...filesUnder(path.join(options.contentDir, String(options.year))),
    path.join(options.dataDir, "forces.csv"),
    ...years.flatMap((y) => filesUnder(path.join(options.dataDir, y))),
  ];
}

/** A hash of the edition's inputs: names (relative to their folder) and bytes. */
export function editionInputsHash(options: { year: number; contentDir: string; dataDir: string }): string {
  const parts: (string | Buffer)[] = [String(options.year)];
  const content = path.resolve(options.contentDir);
  for (const file of editionInputFiles(options)) {
    const full = path.resolve(file);
    // Named relative to their folder, so the same inputs in another place hash the same.
    parts.push(full.startsWith(content + path.sep) ? `content/${path.relative(content, full)}` : `data/${path.relative(path.resolve(options.dataDir), full)}`);
    try {
      parts.push(readFileSync(file));
    } catch {
      parts.push("(unreadable)");
    }
  }
  return hashOf(...parts);
}
