import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

let version: string | undefined;

/** The builder's version, from the nearest package.json above this file (also when run from a bundle). */
export function projectVersion(): string {
  if (version) return version;
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  version = (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
  return version;
}
