// Where the builder itself is (its package.json, templates, fonts and scripts), found the same way from
// the TypeScript sources (src/<stage>/) and from the bundle (dist/cli.cjs), whose folders differ.
import { existsSync } from "node:fs";
import path from "node:path";

let root: string | undefined;

/** The nearest folder above this file that holds a package.json. */
export function projectRoot(): string {
  if (root) return root;
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  root = dir;
  return dir;
}
