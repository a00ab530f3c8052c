// What a draft was built from: the content's git commit where the content folder is in a git work tree,
// else a short hash of every input file. Git is run locally (execFile, no shell, no network).
import { execFile } from "node:child_process";
import { editionInputs } from "../load/editionInputs.ts";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A short hash of the edition's inputs (src/load/editionInputs.ts: content, word list and data). */
export function inputsHash(contentDir: string, dataDir: string, year: number): string {
  return editionInputs(dataDir, contentDir, year).hash.slice(0, 12);
}

/**
 * The git commit (12 hex digits) the content folder is at, with "+modified" when its files differ from
 * that commit; null when the folder is not in a git work tree or git cannot be run.
 */
export async function gitRevision(contentDir: string): Promise<string | null> {
  const options = { cwd: contentDir, timeout: 10_000, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" } };
  try {
    const inside = await run("git", ["rev-parse", "--is-inside-work-tree"], options);
    if (inside.stdout.trim() !== "true") return null;
    const head = (await run("git", ["rev-parse", "--short=12", "HEAD"], options)).stdout.trim();
    if (!/^[0-9a-f]{7,40}$/.test(head)) return null;
    const status = (await run("git", ["status", "--porcelain", "--", "."], options)).stdout.trim();
    return status ? `${head}+modified` : head;
  } catch {
    return null;
  }
}

/** `editionHash`: the inputs' hash when the caller has listed them already (a draft build has). */
export async function contentRevision(contentDir: string, dataDir: string, year: number, editionHash?: string): Promise<{ revision: string; inputsHash: string }> {
  const hash = editionHash?.slice(0, 12) ?? inputsHash(contentDir, dataDir, year);
  return { revision: (await gitRevision(contentDir)) ?? hash, inputsHash: hash };
}
