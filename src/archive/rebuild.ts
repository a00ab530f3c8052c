// A final build in a fresh process, run from a folder holding content/ and data/ (the archive's
// inputs/ folder, or the staged copy the archive is made from). Both archiving and verifying build this
// way, with the same relative paths, so file names inside the outputs (warnings' "content/2024/…")
// match byte for byte, and nothing of the calling process (caches, registered fonts) leaks in.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../domain/projectRoot.ts";

const root = projectRoot();

export interface FinalBuildRequest {
  /** Folder with content/<year>/ and data/. */
  inputsDir: string;
  year: number;
  /** The build writes outDir/<year>/. */
  outDir: string;
  sourceDateEpoch: number | null;
}

export interface FinalBuildOutcome {
  ok: boolean;
  outputDir: string;
  /** What the build printed on stderr (warnings, or the errors that stopped it). */
  stderr: string;
  seconds: number;
}

/** The command, as recorded in the manifest (run from the inputs folder). */
export function finalBuildCommand(year: number): string {
  return `npm run build -- --final --year ${year} --data data --content content`;
}

export function runFinalBuild(request: FinalBuildRequest): FinalBuildOutcome {
  const env = { ...process.env };
  if (request.sourceDateEpoch === null) delete env.SOURCE_DATE_EPOCH;
  else env.SOURCE_DATE_EPOCH = String(request.sourceDateEpoch);
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    // The same entry as `npm run build`; no stage cache, so every output is made afresh from the inputs.
    [path.join(root, "scripts/cli.mjs"), "build", "--final", "--no-cache", "--year", String(request.year), "--data", "data", "--content", "content", "--out", request.outDir],
    { cwd: request.inputsDir, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return {
    ok: child.status === 0,
    outputDir: path.join(request.outDir, String(request.year)),
    stderr: child.error ? child.error.message : child.stderr,
    seconds: (performance.now() - started) / 1000,
  };
}
