// manifest.json: what an archived edition holds (every file with its SHA-256), how it was built and
// with which toolchain. SHA256SUMS lists the same hashes plus the manifest's own, in the format
// `sha256sum -c` reads, so the archive can be checked without this project.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../domain/projectRoot.ts";
import { z } from "zod";
import { sha256 } from "../domain/sha256.ts";
import { MANIFEST } from "../final/archiveFolders.ts";

const root = projectRoot();
export const MANIFEST_FORMAT = "gender-equality-report/edition-archive";

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(1),
  year: z.number().int(),
  revision: z.number().int().min(1),
  edition: z.string(),
  publicationDate: z.string(),
  build: z.object({
    command: z.string(),
    final: z.literal(true),
    print: z.boolean(),
    sourceDateEpoch: z.number().int().nullable(),
    documentId: z.string(),
  }),
  project: z.object({ name: z.string(), version: z.string(), gitCommit: z.string().nullable(), gitTreeClean: z.boolean().nullable() }),
  toolchain: z.object({
    node: z.string(),
    platform: z.string(),
    lockfileSha256: z.string(),
    dependencies: z.record(z.string(), z.string()),
  }),
  files: z.record(z.string(), z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int() })),
  /** The git state of the edition's input files when archived: those git does not hold as committed, listed. */
  inputsGit: z
    .object({ clean: z.boolean(), modified: z.array(z.string()), untracked: z.array(z.string()), ignored: z.array(z.string()) })
    .nullable()
    .optional(),
  /** Checklist items accepted as they stand (content/<year>/checklist.yml), with their reasons. */
  acceptances: z.array(z.object({ file: z.string(), line: z.number().int().optional(), rule: z.string().optional(), text: z.string(), reason: z.string() })).optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** A path inside an edition: under inputs/ or outputs/, no empty, "." or ".." parts (verify reads nothing else). */
export function isEditionPath(p: string): boolean {
  return /^(inputs|outputs)\//.test(p) && p.split("/").every((seg) => seg !== "" && seg !== "." && seg !== ".." && !/[\\\0]/.test(seg));
}

export interface Toolchain {
  project: Manifest["project"];
  toolchain: Manifest["toolchain"];
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/**
 * The git state of the given files (paths as found on this machine): modified, untracked and ignored ones
 * listed, so "clean" means every input is committed as it is. Null outside a git work tree.
 */
export function inputsGitState(files: readonly string[]): NonNullable<Manifest["inputsGit"]> | null {
  if (files.length === 0) return null;
  const cwd = path.dirname(path.resolve(files[0]));
  const top = gitIn(cwd, ["rev-parse", "--show-toplevel"])?.trim() ?? null;
  if (top === null) return null;
  const rel = files.map((f) => path.relative(top, path.resolve(f)));
  if (rel.some((r) => r.startsWith(".."))) return null;
  // -z: names as they are, no quoting; --ignored shows ignored files one by one with --untracked-files=all.
  const out = gitIn(top, ["status", "--porcelain=v1", "-z", "--ignored=matching", "--untracked-files=all", "--", ...rel]);
  if (out === null) return null;
  const state = { clean: true, modified: [] as string[], untracked: [] as string[], ignored: [] as string[] };
  const entries = out.split("\0").filter(Boolean);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const code = entry.slice(0, 2);
    if (/[RC]/.test(code)) i++; // a rename or copy is followed by its old name
    const name = entry.slice(3);
    if (code === "??") state.untracked.push(name);
    else if (code === "!!") state.ignored.push(name);
    else state.modified.push(name);
  }
  state.clean = state.modified.length + state.untracked.length + state.ignored.length === 0;
  return state;
}

function gitIn(cwd: string, args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 16 * 1024 * 1024 });
  } catch {
    return null;
  }
}

/** The project and toolchain this process runs with, as the manifest records them. */
export function currentToolchain(): Toolchain {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { name: string; version: string; dependencies: Record<string, string> };
  const commit = git(["rev-parse", "HEAD"]);
  const status = commit === null ? null : git(["status", "--porcelain", "--untracked-files=no"]);
  return {
    project: { name: pkg.name, version: pkg.version, gitCommit: commit, gitTreeClean: status === null ? null : status === "" },
    toolchain: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      lockfileSha256: sha256(readFileSync(path.join(root, "package-lock.json"))),
      dependencies: pkg.dependencies,
    },
  };
}

/** The manifest's file table for a set of archived files, in path order. */
export function fileTable(files: Record<string, string | Buffer>): Manifest["files"] {
  const table: Manifest["files"] = {};
  for (const name of Object.keys(files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const content = files[name];
    table[name] = { sha256: sha256(content), bytes: Buffer.byteLength(content) };
  }
  return table;
}

/** SHA256SUMS: every archived file and the manifest itself. */
export function checksums(manifestText: string, files: Manifest["files"]): string {
  const lines = Object.entries(files).map(([name, f]) => `${f.sha256}  ${name}`);
  lines.push(`${sha256(manifestText)}  ${MANIFEST}`);
  return lines.sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1)).join("\n") + "\n";
}

/** Parses SHA256SUMS into path → hash; malformed lines are reported by number. */
export function parseChecksums(text: string): { sums: Map<string, string>; badLines: number[] } {
  const sums = new Map<string, string>();
  const badLines: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (line === "") return;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (m) sums.set(m[2], m[1]);
    else badLines.push(i + 1);
  });
  return { sums, badLines };
}

