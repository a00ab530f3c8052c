// manifest.json: what an archived edition holds (every file with its SHA-256), how it was built and
// with which toolchain. SHA256SUMS lists the same hashes plus the manifest's own, in the format
// `sha256sum -c` reads, so the archive can be checked without this project.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../domain/projectRoot.ts";
import { z } from "zod";
import { sha256 } from "../load/editionInputs.ts";
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

