// The sample 2024 report (screen and print editions), built once on demand for the suites that read it.
//
// Vitest runs test files in separate workers, so "once" is kept on disk: the build goes to a folder
// named by a hash of everything that shapes it (code, templates, content, data, lockfile), created
// under a lock. A unit test that never calls sampleBuild() never builds anything.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "../../src/build/build.ts";
import { filesBelow } from "../../src/cache/filesBelow.ts";
import { editionInputs } from "../../src/load/editionInputs.ts";

export interface SampleBuild {
  outDir: string;
  pdfFile: string;
  printPdfFile: string;
  pages: Record<string, number>;
  pageCount: number;
}

const root = path.resolve(import.meta.dirname, "../..");
const cacheRoot = path.join(root, ".tmp", "sample-build");


function inputsHash(): string {
  const hash = createHash("sha256");
  // The builder's code and patches, then the 2024 edition's inputs as every stage lists them.
  for (const dir of ["src", "templates", "patches"]) {
    for (const file of filesBelow(path.join(root, dir))) hash.update(path.relative(root, file)).update(readFileSync(file));
  }
  hash.update(editionInputs(path.join(root, "data"), path.join(root, "content"), 2024).hash);
  hash.update(readFileSync(path.join(root, "package-lock.json")));
  return hash.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let pending: Promise<SampleBuild> | null = null;

/** Builds the sample report unless a build of the same inputs is already on disk; waits for one in progress. */
export function sampleBuild(): Promise<SampleBuild> {
  pending ??= buildOnce();
  return pending;
}

async function buildOnce(): Promise<SampleBuild> {
  const dir = path.join(cacheRoot, inputsHash());
  const record = path.join(dir, "sample-build.json");
  const lock = `${dir}.lock`;
  mkdirSync(cacheRoot, { recursive: true });
  for (let waited = 0; ; waited += 200) {
    if (existsSync(record)) return JSON.parse(readFileSync(record, "utf8")) as SampleBuild;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker is building; a lock older than ten minutes (builds lay out several passes) was left by a killed run.
      if (waited > 600_000 || Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    const staging = `${dir}.building`;
    rmSync(staging, { recursive: true, force: true });
    const common = { year: 2024, dataDir: path.join(root, "data"), contentDir: path.join(root, "content") };
    const screen = await build({ ...common, outDir: staging, print: false });
    const print = await build({ ...common, outDir: path.join(staging, "print"), print: true });
    const relocate = (file: string) => path.join(dir, path.relative(staging, file));
    const result: SampleBuild = { outDir: dir, pdfFile: relocate(screen.pdfFile), printPdfFile: relocate(print.pdfFile), pages: screen.pages, pageCount: screen.pageCount };
    writeFileSync(path.join(staging, "sample-build.json"), JSON.stringify(result));
    renameSync(staging, dir);
    return result;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
