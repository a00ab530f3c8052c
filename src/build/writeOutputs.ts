// Every build result lands at once or not at all: files are written to a staging folder beside the
// target, then swapped in. A failed or killed build leaves the previous good build untouched.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { enclosingArchive } from "../final/archiveFolders.ts";
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

/**
 * Staging and previous folders carry the writing process's id: `.<name>.staging-<pid>`, `.<name>.previous-<pid>`.
 * A build killed part-way (SIGKILL, power loss) leaves them behind; `recoverInterruptedBuilds` puts things
 * right before the next build does anything, and every write starts by calling it.
 */
/**
 * readOnly: files are written with mode 0444 (used for archived editions).
 * keep: folders of the previous target carried into the new one untouched (e.g. the drafts of a year).
 */
export function writeOutputsAtomically(targetDir: string, files: OutputFiles, options: { readOnly?: boolean; keep?: string[] } = {}): void {
  const parent = path.dirname(targetDir);
  mkdirSync(parent, { recursive: true });
  recoverInterruptedBuilds(targetDir);
  const staging = path.join(parent, `.${path.basename(targetDir)}.staging-${process.pid}`);
  const previous = path.join(parent, `.${path.basename(targetDir)}.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    let written = 0;
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(staging, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content, options.readOnly ? { mode: 0o444 } : {});
      if (++written === 1) killPoint("while-staging");
    }
    for (const name of options.keep ?? []) {
      const kept = path.join(targetDir, name);
      if (existsSync(kept) && !existsSync(path.join(staging, name))) renameSync(kept, path.join(staging, name));
    }
    killPoint("before-first-rename");
    if (existsSync(targetDir)) renameSync(targetDir, previous);
    killPoint("between-renames");
    renameSync(staging, targetDir);
    killPoint("before-cleanup");
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    if (!existsSync(targetDir) && existsSync(previous)) renameSync(previous, targetDir);
    for (const name of options.keep ?? []) {
      const moved = path.join(staging, name);
      if (existsSync(targetDir) && existsSync(moved) && !existsSync(path.join(targetDir, name))) renameSync(moved, path.join(targetDir, name));
    }
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

const leftover = (name: string) => new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(staging|previous)-(\\d+)$`);

/** True when a process with this id is running (so its staging folder is in use, not a leftover). */
function running(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Folders of an output that outlive the builds replacing it: a year's numbered drafts. */
export const carriedFolders = ["drafts"];

/**
 * Leftovers of killed builds next to `targetDir`: a `.previous` folder whose build died between its two
 * renames is moved back to `targetDir` when that is missing (so the earlier build is never left hidden),
 * otherwise removed; stale staging folders are removed. Folders of a build still running are left alone.
 * Returns what it did, one line each, for the build report.
 */
export function recoverInterruptedBuilds(targetDir: string): string[] {
  const parent = path.dirname(targetDir);
  if (!existsSync(parent)) return [];
  const pattern = leftover(path.basename(targetDir));
  const found = readdirSync(parent)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((f) => f.match && !running(Number(f.match[2])))
    .map((f) => ({ full: path.join(parent, f.name), kind: f.match![1], mtime: statSync(path.join(parent, f.name)).mtimeMs }));
  const done: string[] = [];
  const previous = found.filter((f) => f.kind === "previous").sort((a, b) => b.mtime - a.mtime);
  if (!existsSync(targetDir) && previous.length > 0) {
    renameSync(previous[0].full, targetDir);
    done.push(`restored ${targetDir} from ${path.basename(previous.shift()!.full)}, left by a build that was stopped while swapping folders`);
  }
  for (const f of [...previous, ...found.filter((f) => f.kind === "staging")]) {
    // Folders carried from build to build (a year's drafts) may sit in a leftover: they go back first.
    for (const name of carriedFolders) {
      const carried = path.join(f.full, name);
      if (existsSync(carried) && existsSync(targetDir) && !existsSync(path.join(targetDir, name))) {
        renameSync(carried, path.join(targetDir, name));
        done.push(`moved ${name}/ back into ${targetDir} from ${path.basename(f.full)}`);
      }
    }
    rmSync(f.full, { recursive: true, force: true });
    done.push(`removed ${path.basename(f.full)}, left by a build that was stopped`);
  }
  return done;
}

/**
 * Test hook: REPORT_TEST_KILL_AT=<point> makes the process kill itself with SIGKILL at that point, so
 * tests can leave exactly the state a killed build leaves. Unset in every real build.
 */
function killPoint(name: string): void {
  if (process.env.REPORT_TEST_KILL_AT === name) process.kill(process.pid, "SIGKILL");
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
