// What a draft was built from: the content's git commit where the content folder is in a git work tree,
// else a short hash of every input file. Git is run locally (execFile, no shell, no network).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { feedFile, filesBelow } from "../cache/filesBelow.ts";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Regular files under dir (or dir itself when it is a file); a link or special file stops it, named (src/cache/filesBelow.ts). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return filesBelow(dir);
}

/** A short hash of the edition's content, the project word list and the data folder. */
export function inputsHash(contentDir: string, dataDir: string, year: number): string {
  const hash = createHash("sha256");
  const parts: [string, string][] = [
    ["content", path.join(contentDir, String(year))],
    ["content", path.join(contentDir, "wordlist.txt")],
    ["data", dataDir],
  ];
  for (const [label, dir] of parts) {
    const base = label === "content" ? contentDir : dataDir;
    for (const file of filesUnder(dir)) feedFile(file, hash.update(`${label}/${path.relative(base, file)}\0`));
  }
  return hash.digest("hex").slice(0, 12);
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

export async function contentRevision(contentDir: string, dataDir: string, year: number): Promise<{ revision: string; inputsHash: string }> {
  const hash = inputsHash(contentDir, dataDir, year);
  return { revision: (await gitRevision(contentDir)) ?? hash, inputsHash: hash };
}
