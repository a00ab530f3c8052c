// `npm run verify`: proves an archived edition is what its archived inputs build. Checks SHA256SUMS and
// every hash in manifest.json, flags files the manifest does not list, rebuilds the final edition from
// <edition>/inputs/ alone into a temporary folder and compares every archived output with the rebuilt
// one; for the PDF it names the pages that show something different.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { hashFile, readRegularFile, walkBelow } from "../cache/filesBelow.ts";
import { tmpdir } from "node:os";
import path from "node:path";
import { DiagnosticSink, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { sha256 } from "../domain/sha256.ts";
import { archivedRevisions, CHECKSUMS, editionDir, MANIFEST } from "../final/archiveFolders.ts";
import { currentToolchain, isEditionPath, manifestSchema, parseChecksums, type Manifest } from "./manifest.ts";
import { comparePdfPages, describePageDifferences } from "../pdf/comparePages.ts";
import { runFinalBuild } from "./rebuild.ts";

export interface VerifyOptions {
  year: number;
  archiveRoot: string;
  revision: number;
  /** Check the hashes only; do not rebuild. */
  hashesOnly: boolean;
  /** Keep the rebuilt outputs here instead of a temporary folder that is removed. */
  rebuildInto?: string;
}

export type OutputStatus = "identical" | "differs" | "missing";

export interface VerifyResult {
  ok: boolean;
  dir: string;
  diagnostics: Diagnostic[];
  /** Differences of toolchain between the archive and this machine: not failures, but the likely cause of one. */
  notes: string[];
  checkedFiles: number;
  outputs: { path: string; status: OutputStatus; detail?: string }[];
  rebuildSeconds?: number;
  /** What the rebuild printed (warnings, or the errors that stopped it). */
  rebuildLog?: string;
  /** Set when there is no such archived edition or revision: nothing was checked, so nothing failed verification. */
  absent?: boolean;
}

/**
 * Every regular file below dir relative to it, "/"-separated; `skip` names top-level entries to leave out.
 * Links and special files are never followed (src/cache/filesBelow.ts); they come back in `refused`.
 */
function listFiles(dir: string, skip: (name: string) => boolean = () => false): { files: string[]; refused: Diagnostic[] } {
  // The edition's folder lies below the archive folder the user named, so it too must not be a link.
  const { files, refused } = walkBelow(dir, { dotFiles: true, inside: true });
  const relative = (full: string) => path.relative(dir, full).split(path.sep).join("/");
  const kept = (full: string) => !skip(relative(full).split("/")[0]);
  return { files: files.filter(kept).map(relative), refused: refused.filter((d) => kept(d.file)) };
}

export async function verifyEdition(options: VerifyOptions): Promise<VerifyResult> {
  const sink = new DiagnosticSink();
  const dir = editionDir(options.archiveRoot, options.year, options.revision);
  const result: VerifyResult = { ok: false, dir, diagnostics: sink.messages, notes: [], checkedFiles: 0, outputs: [] };
  const manifestFile = path.join(dir, MANIFEST);
  if (!existsSync(manifestFile)) {
    result.absent = true;
    reportAbsentEdition(options, dir, sink);
    return result;
  }

  // 1. The manifest: readable, in the expected shape, and the one SHA256SUMS vouches for.
  // Verify reads nothing outside its archive: every link or special file in it is an error, never followed.
  const walked = listFiles(dir, (n) => options.revision === 1 && /^r\d+$/.test(n));
  for (const refused of walked.refused) sink.error(refused.file, refused.rule, refused.message);
  const regular = new Set(walked.files);
  if (!regular.has(MANIFEST)) {
    if (walked.refused.length === 0) sink.error(manifestFile, "manifest-invalid", "The manifest is not a regular file.");
    return result;
  }
  const manifestText = readRegularFile(manifestFile).toString("utf8");
  const manifest = parseManifest(manifestFile, manifestText, sink);
  const sums = checkManifestSum(dir, regular, manifestText, sink);
  if (!manifest) return result;
  if (manifest.year !== options.year || manifest.revision !== options.revision) {
    sink.error(manifestFile, "manifest-mismatch", `The manifest describes the ${manifest.year} edition revision ${manifest.revision}, not ${options.year} revision ${options.revision}.`);
  }

  // 2. Every file: present, with the recorded hash, agreeing with SHA256SUMS; and nothing unlisted.
  result.checkedFiles = checkListedFiles(dir, manifest, sums, walked, sink);
  // 3. Toolchain: what differs from the archive is worth saying before comparing outputs.
  result.notes.push(...toolchainNotes(manifest));
  // 4. Rebuild from the archived inputs alone and compare every archived output.
  // An archive holding links is not rebuilt from: the build would refuse its inputs anyway.
  if (!options.hashesOnly && walked.refused.length === 0) await rebuildAndCompare(options, dir, manifest, result, sink);
  result.ok = sink.errors.length === 0;
  return result;
}

/** Says what is there instead when the asked-for edition or revision is not archived. */
function reportAbsentEdition(options: VerifyOptions, dir: string, sink: DiagnosticSink): void {
  const revisions = archivedRevisions(options.archiveRoot, options.year);
  const root = editionDir(options.archiveRoot, options.year);
  if (revisions.length === 0) {
    const flag = options.archiveRoot === "archive" ? "" : ` --archive ${options.archiveRoot}`;
    sink.error(root, "no-archived-edition", `There is no archived ${options.year} edition here (no ${MANIFEST}). Archive one first: npm run archive -- --year ${options.year}${flag}`);
  } else {
    const held = revisions.length === 1 ? "revision 1 only" : `revisions ${revisions.slice(0, -1).join(", ")} and ${revisions.at(-1)}`;
    sink.error(dir, "no-archived-edition", `There is no revision ${options.revision} of the archived ${options.year} edition; ${root} holds ${held}.`);
  }
}

/** The manifest, or null (with the reason in sink) when it is not JSON, not in shape, or lists a path outside the edition. */
function parseManifest(manifestFile: string, manifestText: string, sink: DiagnosticSink): Manifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(manifestText));
    const outside = parsed.success ? Object.keys(parsed.data.files).filter((name) => !isEditionPath(name)) : [];
    if (outside.length > 0) sink.error(manifestFile, "manifest-invalid", `The manifest lists ${outside.join(", ")}: not a path under inputs/ or outputs/ of the edition.`);
    else if (parsed.success) return parsed.data;
    else sink.error(manifestFile, "manifest-invalid", `The manifest is not in the expected shape: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}.`);
  } catch (error) {
    sink.error(manifestFile, "manifest-invalid", `The manifest is not valid JSON (${(error as Error).message}).`);
  }
  return null;
}

type Checksums = NonNullable<ReturnType<typeof parseChecksums>>;

/** Reads SHA256SUMS and checks the manifest's own hash against it; null when the file is missing. */
function checkManifestSum(dir: string, regular: Set<string>, manifestText: string, sink: DiagnosticSink): Checksums | null {
  const sumsFile = path.join(dir, CHECKSUMS);
  const sums = regular.has(CHECKSUMS) ? parseChecksums(readRegularFile(sumsFile).toString("utf8")) : null;
  if (!sums) {
    sink.error(sumsFile, "missing-file", `${CHECKSUMS} is missing; it holds the manifest's own hash.`);
    return null;
  }
  for (const line of sums.badLines) sink.error(sumsFile, "checksums-invalid", `expected "<64 hex digits>  <path>".`, { line });
  const expected = sums.sums.get(MANIFEST);
  if (expected !== sha256(manifestText)) sink.error(path.join(dir, MANIFEST), "hash-mismatch", `The manifest's SHA-256 is not the one ${CHECKSUMS} records: the manifest was changed after archiving.`);
  return sums;
}

/** Checks every listed file's hash (against the manifest and SHA256SUMS) and flags unlisted ones; returns how many were hashed. */
function checkListedFiles(dir: string, manifest: Manifest, sums: Checksums | null, walked: ReturnType<typeof listFiles>, sink: DiagnosticSink): number {
  const sumsFile = path.join(dir, CHECKSUMS);
  const regular = new Set(walked.files);
  let checked = 0;
  for (const [name, recorded] of Object.entries(manifest.files)) {
    const file = path.join(dir, name);
    if (sums && sums.sums.get(name) !== recorded.sha256) sink.error(sumsFile, "checksums-mismatch", `${CHECKSUMS} and the manifest disagree about ${name}.`);
    if (!regular.has(name)) {
      // A file reached through a link, or a link itself, was refused above; only a missing one is news.
      if (!walked.refused.some((d) => file === d.file || file.startsWith(d.file + path.sep))) sink.error(file, "missing-file", "The manifest lists this file but it is not in the archive.");
      continue;
    }
    checked++;
    // Hashed in pieces: no file is held whole, and one over 2 GiB is no error.
    if (hashFile(file).sha256 !== recorded.sha256) sink.error(file, "hash-mismatch", `The file's SHA-256 is not the one the manifest records (${recorded.sha256.slice(0, 12)}…): it was changed after archiving.`);
  }
  const listed = new Set([...Object.keys(manifest.files), MANIFEST, CHECKSUMS]);
  for (const name of walked.files) {
    if (!listed.has(name)) sink.error(path.join(dir, name), "unlisted-file", "This file is in the archive but not in the manifest.");
  }
  return checked;
}

/** How this machine's toolchain differs from the archived one: not failures, but the likely cause of one. */
function toolchainNotes(manifest: Manifest): string[] {
  const notes: string[] = [];
  const now = currentToolchain();
  if (now.toolchain.node !== manifest.toolchain.node) notes.push(`Node is ${now.toolchain.node} here; the edition was archived with ${manifest.toolchain.node}.`);
  if (now.toolchain.lockfileSha256 !== manifest.toolchain.lockfileSha256) notes.push("package-lock.json differs from the one the edition was archived with (other dependency versions).");
  if (manifest.project.gitCommit && now.project.gitCommit !== manifest.project.gitCommit) {
    notes.push(`The project is at commit ${now.project.gitCommit?.slice(0, 12) ?? "(unknown)"}; the edition was archived at ${manifest.project.gitCommit.slice(0, 12)} (git checkout ${manifest.project.gitCommit.slice(0, 12)} to rebuild with that code).`);
  }
  return notes;
}

/** Rebuilds the edition from its archived inputs (into rebuildInto, or a temporary folder) and compares the outputs. */
async function rebuildAndCompare(options: VerifyOptions, dir: string, manifest: Manifest, result: VerifyResult, sink: DiagnosticSink): Promise<void> {
  const inputsDir = path.join(dir, "inputs");
  const outDir = options.rebuildInto ?? mkdtempSync(path.join(tmpdir(), "report-verify-"));
  try {
    const built = runFinalBuild({ inputsDir, year: manifest.year, outDir, sourceDateEpoch: manifest.build.sourceDateEpoch });
    result.rebuildSeconds = built.seconds;
    result.rebuildLog = built.stderr;
    if (!built.ok) sink.error(inputsDir, "rebuild-failed", "The archived inputs did not build (the build's messages, with paths under inputs/, are above).");
    else await compareOutputs(dir, manifest, built.outputDir, result, sink);
  } finally {
    if (!options.rebuildInto) rmSync(outDir, { recursive: true, force: true });
  }
}

/** Compares each archived output (outputs/…) with the same file of a rebuild in rebuiltDir. */
export async function compareOutputs(dir: string, manifest: Manifest, rebuiltDir: string, result: VerifyResult, sink: DiagnosticSink): Promise<void> {
  const archivedOutputs = Object.keys(manifest.files).filter((name) => name.startsWith("outputs/"));
  for (const name of archivedOutputs) {
    const relative = name.slice("outputs/".length);
    const rebuiltFile = path.join(rebuiltDir, relative);
    const archivedFile = path.join(dir, name);
    if (!existsSync(rebuiltFile)) {
      result.outputs.push({ path: name, status: "missing" });
      sink.error(archivedFile, "output-not-rebuilt", "The rebuild from the archived inputs did not produce this file.");
      continue;
    }
    const rebuilt = readFileSync(rebuiltFile);
    const archived = existsSync(archivedFile) ? readFileSync(archivedFile) : Buffer.alloc(0);
    if (rebuilt.equals(archived)) {
      result.outputs.push({ path: name, status: "identical" });
      continue;
    }
    let detail = `differs from the rebuild (${archived.length} bytes archived, ${rebuilt.length} rebuilt)`;
    if (relative.endsWith(".pdf")) {
      const pages = await comparePdfPages(archived, rebuilt);
      if (pages.unreadable) detail += `; the archived PDF cannot be read (${pages.unreadable})`;
      else detail += `; ${describePageDifferences(pages)}`;
    }
    result.outputs.push({ path: name, status: "differs", detail });
    sink.error(archivedFile, "output-differs", `The archived output ${detail}.`);
  }
  const archivedSet = new Set(archivedOutputs.map((n) => n.slice("outputs/".length)));
  const extra = listFiles(rebuiltDir).files.filter((n) => !archivedSet.has(n));
  if (extra.length > 0) result.notes.push(`The rebuild also wrote ${extra.join(", ")}, which this archive does not hold (written by a newer version of the builder).`);
}
