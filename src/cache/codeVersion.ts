// A hash of the builder itself (its code, templates and locked dependencies, fonts among them): part of
// every cache key, so an entry made by other code is never reused.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { filesBelow } from "./filesBelow.ts";
import { hashOf } from "./stageCache.ts";

/** The project folder: the nearest one above this file with a package.json (also from a bundle in dist/). */
export function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const root = projectRoot();
let cached: string | undefined;


export function codeVersion(): string {
  if (cached) return cached;
  const parts: (string | Buffer)[] = [];
  // patches/ holds reviewed fixes inside dependencies (patch-package): they shape the output too.
  for (const file of [...filesBelow(path.join(root, "src")), ...filesBelow(path.join(root, "templates")), ...filesBelow(path.join(root, "patches")), path.join(root, "package-lock.json")]) {
    if (existsSync(file)) parts.push(path.relative(root, file), readFileSync(file));
  }
  cached = hashOf(...parts);
  return cached;
}
