// The output folder is checked before any work starts: it exists or can be created, is a real folder
// (not under /proc, /sys or /dev, not a file), and can be written to. Leftovers of killed builds are put
// right at the same moment, so an earlier build is never left hidden in a `.previous` folder.
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmdirSync, statSync } from "node:fs";
import path from "node:path";
import { BuildError } from "../diagnostics/diagnostic.ts";
import { assertNotArchive, recoverInterruptedBuilds } from "./writeOutputs.ts";

const systemFolders = ["/proc", "/sys", "/dev"];

function refuse(outDir: string, message: string): never {
  throw new BuildError([{ severity: "error", file: outDir, rule: "output-folder", message }]);
}

/** Throws BuildError (rule output-folder) when `<outDir>/<year>` cannot safely be written; returns recovery notes. */
export function checkOutputFolder(outDir: string, year: number): string[] {
  try {
    assertNotArchive(outDir);
  } catch (error) {
    if (error instanceof BuildError) throw error;
    refuse(outDir, (error as Error).message);
  }
  const absolute = path.resolve(outDir);
  // The nearest folder that exists, with symlinks resolved, says where the output would really go.
  let existing = absolute;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  let real: string;
  try {
    real = path.join(realpathSync(existing), path.relative(existing, absolute));
  } catch (error) {
    refuse(outDir, `The output folder cannot be reached (${(error as NodeJS.ErrnoException).code}).`);
  }
  const system = systemFolders.find((s) => real === s || real.startsWith(`${s}/`));
  if (system) refuse(outDir, `The output folder is under ${system}, a system folder that holds no files; choose an ordinary folder.`);
  if (!statSync(existing).isDirectory()) refuse(outDir, `${existing === absolute ? "The output folder" : existing} is a file, not a folder; choose a folder for --out.`);

  const target = path.join(absolute, String(year));
  try {
    mkdirSync(absolute, { recursive: true });
  } catch (error) {
    refuse(outDir, `The output folder cannot be created (${describe(error)}).`);
  }
  if (!statSync(absolute).isDirectory()) refuse(outDir, "The output folder is a file, not a folder; choose a folder for --out.");
  if (existsSync(target) && !statSync(target).isDirectory()) refuse(outDir, `${target} is a file; the build writes a folder there. Move the file away.`);
  try {
    rmdirSync(mkdtempSync(path.join(absolute, ".write-test-")));
  } catch (error) {
    refuse(outDir, `The output folder cannot be written to (${describe(error)}).`);
  }
  try {
    return recoverInterruptedBuilds(target);
  } catch (error) {
    refuse(outDir, `Leftovers of an earlier, stopped build beside ${target} could not be put right (${describe(error)}); move them away by hand.`);
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "not permitted",
    EROFS: "the file system is read-only",
    ENOTDIR: "part of the path is a file",
    ENOSPC: "the disk is full",
    EEXIST: "a file is in the way",
  };
  return (code && why[code]) ?? code ?? (error as Error).message;
}
