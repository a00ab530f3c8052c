// `npm run archive`: copies an edition's inputs into a staging folder, builds the final edition from
// that copy in a fresh process, and writes inputs, outputs, manifest.json and SHA256SUMS into
// <root>/<year>/ (or <root>/<year>/r<N>/ for a revision), read-only, all at once or not at all.
// An archived edition is never replaced: a second archive of a year needs --revision.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readRegularFile, walkBelow } from "../cache/filesBelow.ts";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { BuildError, DiagnosticSink, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { writeOutputsAtomically, type OutputFiles } from "../build/writeOutputs.ts";
import { editionInputFiles } from "../load/editionInputs.ts";
import { ARCHIVE_MARKER, archivedRevisions, CHECKSUMS, editionDir, MANIFEST, MARKER_TEXT } from "../final/archiveFolders.ts";
import { loadChecklist } from "../load/checklist.ts";
import { checksums, currentToolchain, fileTable, inputsGitState, MANIFEST_FORMAT, manifestSchema, type Manifest } from "./manifest.ts";
import { finalBuildCommand, runFinalBuild } from "./rebuild.ts";

export interface ArchiveOptions {
  year: number;
  dataDir: string;
  contentDir: string;
  /** Archive root (default "archive"). */
  archiveRoot: string;
  /** Archive a new revision beside an already archived edition. */
  revision: boolean;
  /** Archive a revision even when its inputs are identical to the last revision's. */
  force?: boolean;
  sourceDateEpoch: number | null;
}

export interface ArchiveResult {
  ok: boolean;
  /** False when the project had uncommitted changes: the recorded commit does not hold the code that built it. */
  treeClean?: boolean | null;
  /** The inputs' git state, as the manifest records it. */
  inputsGit?: Manifest["inputsGit"];
  /** How many checklist acceptances the manifest lists. */
  acceptances?: number;
  dir?: string;
  revision?: number;
  /** Inputs and outputs hashed in the manifest: the files verify checks (manifest.json and SHA256SUMS besides). */
  fileCount?: number;
  diagnostics: Diagnostic[];
  /** What the final build printed (its warnings), to pass on to the user. */
  buildLog?: string;
  seconds?: number;
}

/** Every file below dir as "prefix/relative/path" → contents; a link or special file there is an error (src/cache/filesBelow.ts). */
export function readTree(dir: string, prefix: string, into: OutputFiles = {}): OutputFiles {
  const { files, refused } = walkBelow(dir, { dotFiles: true });
  if (refused.length > 0) throw new BuildError(refused);
  for (const full of files) into[[prefix, ...path.relative(dir, full).split(path.sep)].join("/")] = readFileSync(full);
  return into;
}

export function archiveEdition(options: ArchiveOptions): ArchiveResult {
  const sink = new DiagnosticSink();
  const { year, archiveRoot } = options;
  const revisions = archivedRevisions(archiveRoot, year);
  checkArchiveFolder(options, revisions, sink);
  const inputs = listEditionInputs(options, sink);
  if (!inputs || sink.errors.length > 0) return { ok: false, diagnostics: sink.messages };
  if (revisions.length > 0 && !options.force && sameInputsAsLastRevision(options, revisions, inputs, sink)) return { ok: false, diagnostics: sink.messages };

  const revision = revisions.length === 0 ? 1 : revisions[revisions.length - 1] + 1;
  const target = editionDir(archiveRoot, year, revision);
  const staging = mkdtempSync(path.join(tmpdir(), "report-archive-"));
  try {
    const inputsDir = path.join(staging, "inputs");
    stageInputs(inputs, inputsDir);
    const built = runFinalBuild({ inputsDir, year, outDir: path.join(staging, "out"), sourceDateEpoch: options.sourceDateEpoch });
    if (!built.ok) {
      sink.error(options.contentDir, "build-failed", `The final ${year} edition did not build (the build's messages are above), so nothing was archived.`);
      return { ok: false, diagnostics: sink.messages, buildLog: built.stderr };
    }
    const files = readTree(inputsDir, "inputs");
    readTree(built.outputDir, "outputs", files);
    const table = fileTable(files);
    const manifest = editionManifest(options, revision, inputs, inputsDir, built.outputDir, table);
    const manifestText = JSON.stringify(manifest, null, 2) + "\n";
    files[MANIFEST] = manifestText;
    files[CHECKSUMS] = checksums(manifestText, table);
    markArchiveRoot(archiveRoot);
    writeOutputsAtomically(target, files, { readOnly: true });
    return { ok: true, treeClean: manifest.project.gitTreeClean, inputsGit: manifest.inputsGit ?? null, acceptances: manifest.acceptances?.length ?? 0, dir: target, revision, fileCount: Object.keys(table).length, diagnostics: sink.messages, buildLog: built.stderr, seconds: built.seconds };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

type EditionInput = ReturnType<typeof editionInputFiles>[number];

/** Refuses to replace an archived edition, to revise one that is not there, or to write into a stray folder. */
function checkArchiveFolder(options: ArchiveOptions, revisions: number[], sink: DiagnosticSink): void {
  const { year } = options;
  const first = editionDir(options.archiveRoot, year);
  if (revisions.length > 0 && !options.revision) {
    sink.error(first, "already-archived", `The ${year} edition is already archived (revision ${revisions.join(", ")}); an archived edition is never replaced. To archive a corrected edition beside it, add --revision.`);
  } else if (revisions.length === 0 && options.revision) {
    sink.error(first, "nothing-to-revise", `There is no archived ${year} edition to revise; archive it first without --revision.`);
  } else if (revisions.length === 0 && existsSync(first)) {
    sink.error(first, "not-an-archive", `The folder exists but holds no ${MANIFEST}; move it away before archiving the ${year} edition.`);
  }
}

/** The edition's input files, or null (with the reasons in sink) when one is a link or special file. */
function listEditionInputs(options: ArchiveOptions, sink: DiagnosticSink): EditionInput[] | null {
  const { year } = options;
  let inputs: EditionInput[];
  try {
    inputs = editionInputFiles(options.dataDir, options.contentDir, year);
  } catch (error) {
    // A link or special file among the inputs: named, and nothing is copied.
    if (!(error instanceof BuildError)) throw error;
    for (const d of error.diagnostics) sink.error(d.file, d.rule, d.message);
    return null;
  }
  if (!inputs.some((f) => f.path === `content/${year}/report.yml`)) {
    sink.error(path.join(options.contentDir, String(year), "report.yml"), "missing-file", `There is no ${year} edition to archive: its settings file is missing.`);
  }
  return inputs;
}

/**
 * A revision is a corrected edition: one whose inputs are the last revision's, byte for byte, corrects
 * nothing. True (with the error in sink) when that is so.
 */
function sameInputsAsLastRevision(options: ArchiveOptions, revisions: number[], inputs: EditionInput[], sink: DiagnosticSink): boolean {
  const { year } = options;
  const lastDir = editionDir(options.archiveRoot, year, revisions[revisions.length - 1]);
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(readFileSync(path.join(lastDir, MANIFEST), "utf8"));
  } catch {
    // An unreadable manifest is verify's to report; it cannot show the inputs are the same.
  }
  const last = manifestSchema.safeParse(parsed);
  if (!last.success) return false;
  const before = Object.entries(last.data.files).filter(([name]) => name.startsWith("inputs/")).map(([name, f]) => `${name} ${f.sha256}`).sort();
  const now = Object.entries(fileTable(Object.fromEntries(inputs.map((f) => [`inputs/${f.path}`, readFileSync(f.source)])))).map(([name, f]) => `${name} ${f.sha256}`).sort();
  if (before.join("\n") !== now.join("\n")) return false;
  sink.error(lastDir, "same-as-last", `The ${year} edition's ${inputs.length} input files are identical to revision ${revisions[revisions.length - 1]}'s, so this revision would correct nothing; change the inputs first, or add --force to archive it anyway.`);
  return true;
}

/** Copies the inputs into the staging folder the final build reads from. */
function stageInputs(inputs: EditionInput[], inputsDir: string): void {
  for (const file of inputs) {
    const copy = path.join(inputsDir, file.path);
    mkdirSync(path.dirname(copy), { recursive: true });
    // Read as a regular file: a link put in place since the walk is not followed.
    writeFileSync(copy, readRegularFile(file.source));
  }
}

/** The manifest of a built edition: what was built, how, from what, and which checklist items were accepted. */
function editionManifest(options: ArchiveOptions, revision: number, inputs: EditionInput[], inputsDir: string, outputDir: string, table: Manifest["files"]): Manifest {
  const { year } = options;
  const report = JSON.parse(readFileSync(path.join(outputDir, "build-report.json"), "utf8")) as { edition: string; documentId: string; print: boolean };
  const settings = readFileSync(path.join(inputsDir, `content/${year}/report.yml`), "utf8");
  return {
    format: MANIFEST_FORMAT,
    formatVersion: 1,
    year,
    revision,
    edition: report.edition,
    publicationDate: String((parseYaml(settings) as { publicationDate?: unknown }).publicationDate),
    build: { command: finalBuildCommand(year), final: true, print: report.print, sourceDateEpoch: options.sourceDateEpoch, documentId: report.documentId },
    ...currentToolchain(),
    files: table,
    inputsGit: inputsGitState(inputs.map((f) => f.source)),
    acceptances: (loadChecklist(path.join(inputsDir, "content", String(year)), path.join(inputsDir, "content"), new DiagnosticSink())?.items ?? [])
      .filter((i) => i.accepted)
      .map((i) => ({ file: `content/${year}/${i.file}`, ...(i.line !== undefined && { line: i.line }), ...(i.rule && { rule: i.rule }), text: i.text, reason: i.accepted! })),
  };
}

/** Writes the marker that names the archive root as one (once, read-only). */
function markArchiveRoot(archiveRoot: string): void {
  if (existsSync(path.join(archiveRoot, ARCHIVE_MARKER))) return;
  mkdirSync(archiveRoot, { recursive: true });
  writeFileSync(path.join(archiveRoot, ARCHIVE_MARKER), MARKER_TEXT, { mode: 0o444 });
}
