// Every build result lands at once or not at all: files are written to a staging folder beside the
// target, then swapped in. A failed or killed build leaves the previous good build untouched.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export type OutputFiles = Record<string, string | Buffer>;

export function assertNotArchive(outDir: string): void {
  const parts = path.resolve(outDir).split(path.sep);
  if (parts.includes("archive")) {
    throw new Error(`Refusing to build into ${outDir}: published editions in archive/ are never overwritten by a build.`);
  }
}

/** `keep`: folders of the previous target carried into the new one untouched (e.g. the drafts of a year). */
export function writeOutputsAtomically(targetDir: string, files: OutputFiles, keep: string[] = []): void {
  const parent = path.dirname(targetDir);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(targetDir)}.staging-${process.pid}`);
  const previous = path.join(parent, `.${path.basename(targetDir)}.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(staging, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    for (const name of keep) {
      const kept = path.join(targetDir, name);
      if (existsSync(kept) && !existsSync(path.join(staging, name))) renameSync(kept, path.join(staging, name));
    }
    if (existsSync(targetDir)) renameSync(targetDir, previous);
    renameSync(staging, targetDir);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    if (!existsSync(targetDir) && existsSync(previous)) renameSync(previous, targetDir);
    for (const name of keep) {
      const moved = path.join(staging, name);
      if (existsSync(targetDir) && existsSync(moved) && !existsSync(path.join(targetDir, name))) renameSync(moved, path.join(targetDir, name));
    }
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
