// The files below a folder, in a stable order (code-point order of their paths, dot files left out):
// what cache keys, the edition's input listing and the proofing pass are made from.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export function filesBelow(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesBelow(full) : [full];
    });
}
