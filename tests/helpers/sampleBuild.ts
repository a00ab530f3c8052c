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

/** The screen edition: its PDF, and beside it the HTML, document.json and the build report. */
export interface SampleBuild {
  outDir: string;
  pdfFile: string;
  pages: Record<string, number>;
  pageCount: number;
}

/** Both editions. */
export interface SampleBuilds extends SampleBuild {
  printPdfFile: string;
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

const pending = new Map<string, Promise<Partial<Record<Edition, BuiltEdition>>>>();

/**
 * Builds the sample report unless a build of the same inputs is already on disk; waits for one in progress.
 * Each edition nobody is building is built (the suite reads both), but only the screen edition is waited
 * for unless `print` is asked for: a test that reads the screen edition goes on while another worker is
 * still building the print one.
 */
export function sampleBuild(): Promise<SampleBuild>;
export function sampleBuild(options: { print: true }): Promise<SampleBuilds>;
export async function sampleBuild(options?: { print: true }): Promise<SampleBuild | SampleBuilds> {
  const needed: Edition[] = options?.print ? ["screen", "print"] : ["screen"];
  const key = needed.join();
  if (!pending.has(key)) pending.set(key, buildOnce(needed));
  const { screen, print } = await pending.get(key)!;
  const built: SampleBuild = { outDir: screen!.outDir, pdfFile: screen!.pdfFile, pages: screen!.pages, pageCount: screen!.pageCount };
  return print ? { ...built, printPdfFile: print.pdfFile } : built;
}

async function buildOnce(needed: Edition[]): Promise<Partial<Record<Edition, BuiltEdition>>> {
  const dir = path.join(cacheRoot, inputsHash());
  mkdirSync(dir, { recursive: true });
  // Each edition under its own lock, so a second worker that finds the screen edition being built
  // builds the print edition meanwhile instead of waiting: two cores, half the wait.
  const done: Partial<Record<Edition, BuiltEdition>> = {};
  for (let waited = 0; ; waited += 200) {
    for (const edition of editions) {
      if (done[edition]) continue;
      const record = path.join(dir, `${edition}.json`);
      const lock = path.join(dir, `${edition}.lock`);
      if (existsSync(record)) {
        done[edition] = JSON.parse(readFileSync(record, "utf8")) as BuiltEdition;
        continue;
      }
      try {
        mkdirSync(lock);
      } catch {
        // Another worker is building it; a lock older than ten minutes (builds lay out several passes) was left by a killed run.
        if (waited > 600_000 || Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
        continue;
      }
      try {
        done[edition] = await buildEdition(dir, edition);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
    if (needed.every((e) => done[e])) return done;
    await sleep(200);
  }
}

const editions = ["screen", "print"] as const;
type Edition = (typeof editions)[number];
type BuiltEdition = { outDir: string; pdfFile: string; pages: Record<string, number>; pageCount: number };

/** Builds one edition into dir/<edition>/ (staged, then renamed) and records it in dir/<edition>.json. */
async function buildEdition(dir: string, edition: Edition): Promise<BuiltEdition> {
  const target = path.join(dir, edition);
  const staging = `${target}.building`;
  rmSync(staging, { recursive: true, force: true });
  const built = await build({ year: 2024, dataDir: path.join(root, "data"), contentDir: path.join(root, "content"), outDir: staging, print: edition === "print" });
  const result: BuiltEdition = { outDir: target, pdfFile: path.join(target, path.relative(staging, built.pdfFile)), pages: built.pages, pageCount: built.pageCount };
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  writeFileSync(path.join(dir, `${edition}.json`), JSON.stringify(result));
  return result;
}
