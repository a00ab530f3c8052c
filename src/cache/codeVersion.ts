// A hash of the builder itself (its code, templates and locked dependencies, fonts among them): part of
// every cache key, so an entry made by other code is never reused.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { hashOf } from "./stageCache.ts";

/** The project folder: the nearest one above this file with a package.json (also from a bundle in dist/). */
function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const root = projectRoot();
let cached: string | undefined;

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : [full];
    });
}

export function codeVersion(): string {
  if (cached) return cached;
  const parts: (string | Buffer)[] = [];
  // patches/ holds reviewed fixes inside dependencies (patch-package): they shape the output too.
  for (const file of [...files(path.join(root, "src")), ...files(path.join(root, "templates")), ...files(path.join(root, "patches")), path.join(root, "package-lock.json")]) {
    if (existsSync(file)) parts.push(path.relative(root, file), readFileSync(file));
  }
  cached = hashOf(...parts);
  return cached;
}
