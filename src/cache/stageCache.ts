// The stage cache: a stage's result kept under a hash of everything that shapes it (its inputs, and the
// code, lockfile and fonts of the builder), so a rebuild redoes only what an edit touched.
//
// Entries are files named by their key, written to a temporary name and renamed into place, so two
// builds at once, or a build killed half-way, never leave a torn entry: a reader sees a whole entry or
// none. An entry that cannot be read is treated as absent. Nothing is ever trusted without its key.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface StageCache {
  get<T>(stage: string, key: string): T | undefined;
  getBytes(stage: string, key: string): Buffer | undefined;
  set(stage: string, key: string, value: unknown): void;
  setBytes(stage: string, key: string, value: Buffer): void;
  /** Counts of hits and misses per stage, for --timings and the benchmark. */
  readonly stats: Record<string, { hits: number; misses: number }>;
}

export function hashOf(...parts: (string | Buffer)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(typeof part === "string" ? `${part.length}:${part}` : part);
  return hash.digest("hex");
}

/** A cache that keeps nothing: --no-cache, and tests that must see every stage run. */
export function noCache(): StageCache {
  const stats: StageCache["stats"] = {};
  const miss = (stage: string) => {
    (stats[stage] ??= { hits: 0, misses: 0 }).misses++;
    return undefined;
  };
  return { get: miss, getBytes: miss, set: () => {}, setBytes: () => {}, stats };
}

export function diskCache(dir: string): StageCache {
  const stats: StageCache["stats"] = {};
  const fileOf = (stage: string, key: string) => path.join(dir, stage, `${key}.${stage === "layout" || stage === "part" ? "pdf" : "json"}`);
  const count = (stage: string, hit: boolean) => {
    const s = (stats[stage] ??= { hits: 0, misses: 0 });
    if (hit) s.hits++;
    else s.misses++;
  };
  const read = (stage: string, key: string): Buffer | undefined => {
    try {
      const bytes = readFileSync(fileOf(stage, key));
      count(stage, true);
      return bytes;
    } catch {
      count(stage, false);
      return undefined;
    }
  };
  const write = (stage: string, key: string, bytes: Buffer | string) => {
    const file = fileOf(stage, key);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
    } catch {
      // A cache that cannot be written only makes the next build slower; it never fails this one.
    }
  };
  return {
    stats,
    get<T>(stage: string, key: string) {
      const bytes = read(stage, key);
      if (!bytes) return undefined;
      try {
        return JSON.parse(bytes.toString("utf8")) as T;
      } catch {
        return undefined;
      }
    },
    getBytes: read,
    set: (stage, key, value) => write(stage, key, JSON.stringify(value)),
    setBytes: write,
  };
}

/** Removes entries of a stage not used for a while, so the cache does not grow without end. */
export function pruneCache(dir: string, stage: string, keepNewest: number): void {
  try {
    const folder = path.join(dir, stage);
    const entries = readdirSync(folder)
      .map((name) => ({ file: path.join(folder, name), time: statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const { file, time } of entries.slice(keepNewest)) {
      // Leftover temporary files of killed builds go too, once they are a minute old.
      if (!file.endsWith(".tmp") || Date.now() - time > 60_000) rmSync(file, { force: true });
    }
  } catch {
    // Nothing to prune.
  }
}
