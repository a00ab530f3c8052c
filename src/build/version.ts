import { readFileSync } from "node:fs";
import { projectRoot } from "../domain/projectRoot.ts";
import path from "node:path";

let version: string | undefined;

/** The builder's version, from the nearest package.json above this file (also when run from a bundle). */
export function projectVersion(): string {
  if (version) return version;
  version = (JSON.parse(readFileSync(path.join(projectRoot(), "package.json"), "utf8")) as { version: string }).version;
  return version;
}
