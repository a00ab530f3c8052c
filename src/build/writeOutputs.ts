// Every build result lands at once or not at all: files are written to a staging folder beside the
// target, then swapped in. A failed or killed build leaves the previous good build untouched.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { enclosingArchive } from "../archive/layout.ts";
import { BuildError } from "../diagnostics/diagnostic.ts";

export type OutputFiles = Record<string, string | Buffer>;

/** Refuses a build into an edition archive (a folder under one holding the archive marker); any other path is fine. */
export function assertNotArchive(outDir: string): void {
  const archive = enclosingArchive(outDir);
  if (archive) {
    throw new BuildError([
      { severity: "error", file: outDir, rule: "archive-protected", message: `This folder is inside the edition archive ${archive}; published editions are never overwritten by a build. Build into another folder.` },
    ]);
  }
}

/** readOnly: files are written with mode 0444 (used for archived editions). */
export function writeOutputsAtomically(targetDir: string, files: OutputFiles, options: { readOnly?: boolean } = {}): void {
  const parent = path.dirname(targetDir);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(targetDir)}.staging-${process.pid}`);
  const previous = path.join(parent, `.${path.basename(targetDir)}.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(staging, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content, options.readOnly ? { mode: 0o444 } : {});
    }
    if (existsSync(targetDir)) renameSync(targetDir, previous);
    renameSync(staging, targetDir);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    if (!existsSync(targetDir) && existsSync(previous)) renameSync(previous, targetDir);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** JSON that refuses NaN and Infinity instead of silently writing null. */
export function strictJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (key, v) => {
        if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`${key} is ${v}; statistics must be finite numbers or null.`);
        return v;
      },
      2,
    ) + "\n"
  );
}
