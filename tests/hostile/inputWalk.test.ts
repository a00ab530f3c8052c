// Issue 28: one rule for walking inputs. Below an input folder only regular files (and folders) are read;
// a symbolic link, FIFO, socket or device is an error naming its path, never followed or opened: by the
// build, its cache key, the draft's input hash, the archive's copy and verify.
import { execFileSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { archiveEdition } from "../../src/archive/archive.ts";
import { checksums, currentToolchain, MANIFEST_FORMAT, type Manifest } from "../../src/archive/manifest.ts";
import { verifyEdition } from "../../src/archive/verify.ts";
import { hashFile } from "../../src/cache/filesBelow.ts";
import { BuildError, DiagnosticSink, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { createEdition } from "../../src/edition/newEdition.ts";
import { editionInputFiles as editionInputs } from "../../src/load/editionInputs.ts";
import { sha256 } from "../../src/domain/sha256.ts";
import { inputsHash } from "../../src/review/revision.ts";
import { sourceFile } from "../../src/comments/sourcePosition.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { prepareErrors } from "../helpers/hostile.ts";

/** A folder outside every input folder, holding a file whose text must never be read. */
function outsideFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "outside-"));
  writeFileSync(path.join(dir, "secret.md"), "secret-value-42\n");
  return dir;
}

const thrown = (run: () => unknown): Diagnostic[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof BuildError) return error.diagnostics;
    throw error;
  }
  throw new Error("accepted");
};

describe("the input walk", () => {
  it("refuses a symlinked folder under content/2024 that no Markdown names, and reads nothing in it", () => {
    const fixture = copyFixtures();
    const link = path.join(fixture.contentDir, "2024/notes");
    symlinkSync(outsideFolder(), link);
    const errors = prepareErrors(fixture);
    expect(errors).toEqual([expect.objectContaining({ file: link, rule: "input-not-regular-file" })]);
    expect(errors[0].message).toMatch(/symbolic link/);
    expect(JSON.stringify(errors)).not.toContain("secret-value-42");
    // The build's cache key and the draft's input hash walk the same way.
    expect(thrown(() => editionInputs(fixture.dataDir, fixture.contentDir, 2024))[0].file).toBe(link);
    expect(thrown(() => inputsHash(fixture.contentDir, fixture.dataDir, 2024))[0].file).toBe(link);
  });

  it("refuses a FIFO under content/2024 at once instead of blocking on it", () => {
    const fixture = copyFixtures();
    const fifo = path.join(fixture.contentDir, "2024/good-practice/pipe.md");
    execFileSync("mkfifo", [fifo]);
    // Were the pipe opened, these would never return (no writer ever comes); the suite's timeout would fail them.
    expect(prepareErrors(fixture)).toEqual([expect.objectContaining({ file: fifo, rule: "input-not-regular-file", message: expect.stringMatching(/named pipe/) })]);
    expect(thrown(() => inputsHash(fixture.contentDir, fixture.dataDir, 2024))[0].file).toBe(fifo);
    expect(thrown(() => hashFile(fifo))[0].message).toMatch(/named pipe/);
  });

  it("never waits on a FIFO where comments look for a source file", () => {
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), "source-")), "kent.md");
    execFileSync("mkfifo", [fifo]);
    expect(sourceFile(fifo)).toBeNull();
  });

  it("refuses a symlink to /dev/zero without reading from it", () => {
    const fixture = copyFixtures();
    const link = path.join(fixture.dataDir, "2024/extra.csv");
    symlinkSync("/dev/zero", link);
    const before = process.memoryUsage().rss;
    expect(prepareErrors(fixture)).toEqual([expect.objectContaining({ file: link, rule: "input-not-regular-file" })]);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(thrown(() => hashFile(link))[0].message).toMatch(/symbolic link/);
  });

  it("refuses a socket and a data year folder that is a link", async () => {
    const fixture = copyFixtures();
    const socket = path.join(fixture.contentDir, "2024/analysis/editor.sock");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const yearLink = path.join(fixture.dataDir, "2019");
      symlinkSync(path.join(fixture.dataDir, "2024"), yearLink);
      const errors = prepareErrors(fixture);
      expect(errors.map((e) => [e.file, e.rule])).toEqual([
        [socket, "input-not-regular-file"],
        [yearLink, "input-not-regular-file"],
      ]);
      expect(errors[0].message).toMatch(/socket/);
    } finally {
      server.close();
    }
  });

  it("starts no new edition from one holding a FIFO or a link: each is named, nothing is written", () => {
    const fixture = copyFixtures();
    const fifo = path.join(fixture.contentDir, "2024/analysis/notes.md");
    execFileSync("mkfifo", [fifo]);
    const link = path.join(fixture.contentDir, "2024/forewords/extra.md");
    symlinkSync("/etc/passwd", link);
    const sink = new DiagnosticSink();
    expect(createEdition({ contentDir: fixture.contentDir, year: 2025 }, sink)).toBeNull();
    expect(sink.errors.map((e) => [e.file, e.rule]).sort()).toEqual([
      [fifo, "input-not-regular-file"],
      [link, "input-not-regular-file"],
    ]);
    expect(existsSync(path.join(fixture.contentDir, "2025"))).toBe(false);
  });

  it("archives nothing when an input is a link: no copy, no manifest", () => {
    const fixture = copyFixtures();
    const link = path.join(fixture.contentDir, "2024/notes");
    symlinkSync(outsideFolder(), link);
    const archiveRoot = path.join(fixture.root, "archive");
    const result = archiveEdition({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, archiveRoot, revision: false, sourceDateEpoch: null });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: link, rule: "input-not-regular-file" })]);
    expect(existsSync(archiveRoot)).toBe(false);
  });
});

/** A small archived edition written by hand (hashes only; nothing to rebuild): inputs/… files and their manifest. */
function handArchive(files: Record<string, string>, under = tmpdir()): { root: string; dir: string } {
  const root = mkdtempSync(path.join(under, "hand-archive-"));
  const dir = path.join(root, "2024");
  const table: Manifest["files"] = {};
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
    table[name] = { sha256: sha256(text), bytes: Buffer.byteLength(text) };
  }
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    formatVersion: 1,
    year: 2024,
    revision: 1,
    edition: "2024",
    publicationDate: "2025-03-01",
    build: { command: "npm run build", final: true, print: false, sourceDateEpoch: null, documentId: "x" },
    ...currentToolchain(),
    files: table,
  };
  const text = JSON.stringify(manifest, null, 2) + "\n";
  writeFileSync(path.join(dir, "manifest.json"), text);
  writeFileSync(path.join(dir, "SHA256SUMS"), checksums(text, table));
  return { root, dir };
}

const verifyHashes = (root: string) => verifyEdition({ year: 2024, archiveRoot: root, revision: 1, hashesOnly: true });

describe("verify stays inside its archive", () => {
  it("accepts a hand-made archive whose hashes hold (the baseline for the cases below)", async () => {
    const { root } = handArchive({ "inputs/content/2024/report.yml": "year: 2024\n" });
    const result = await verifyHashes(root);
    expect(result.diagnostics).toEqual([]);
    expect(result.checkedFiles).toBe(1);
  });

  it("refuses a symlinked folder leading to /etc and walks none of it", async () => {
    const { root, dir } = handArchive({ "inputs/content/2024/report.yml": "year: 2024\n" });
    symlinkSync("/etc", path.join(dir, "inputs/etc"));
    const result = await verifyHashes(root);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: path.join(dir, "inputs/etc"), rule: "input-not-regular-file" })]);
    expect(JSON.stringify(result)).not.toMatch(/passwd|hostname/);
  });

  it("refuses a link loop instead of crashing with ELOOP", async () => {
    const { root, dir } = handArchive({ "inputs/content/2024/report.yml": "year: 2024\n" });
    symlinkSync(".", path.join(dir, "inputs/loop"));
    symlinkSync("a", path.join(dir, "inputs/b"));
    symlinkSync("b", path.join(dir, "inputs/a"));
    const result = await verifyHashes(root);
    expect(result.diagnostics.map((d) => path.basename(d.file)).sort()).toEqual(["a", "b", "loop"]);
    expect(result.diagnostics.every((d) => d.rule === "input-not-regular-file")).toBe(true);
  });

  it("refuses a manifest-listed file replaced by a link to a file outside, without reading it", async () => {
    const { root, dir } = handArchive({ "inputs/content/2024/report.yml": "year: 2024\n", "inputs/data/forces.csv": "x\n" });
    const listed = path.join(dir, "inputs/data/forces.csv");
    execFileSync("rm", [listed]);
    symlinkSync("/etc/passwd", listed);
    const result = await verifyHashes(root);
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: listed, rule: "input-not-regular-file" })]);
    expect(result.checkedFiles).toBe(1);
  });

  it("hashes a file over 2 GiB in pieces (no ERR_FS_FILE_TOO_LARGE) and reports its changed hash", async () => {
    // On tmpfs where there is one: reading the file's holes from the disk's file system here took 4.4 s
    // of system time, from tmpfs 0.1 s (the hashing itself, 1.2 s, is the same). Removed afterwards.
    const { root, dir } = handArchive({ "inputs/content/2024/report.yml": "year: 2024\n", "inputs/data/big.csv": "" }, existsSync("/dev/shm") ? "/dev/shm" : tmpdir());
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const big = path.join(dir, "inputs/data/big.csv");
    // A sparse file: 2 GiB + 1 byte of zeros that take no disk space.
    const fd = openSync(big, "w");
    closeSync(fd);
    execFileSync("truncate", ["-s", String(2 * 1024 ** 3 + 1), big]);
    const before = process.memoryUsage().rss;
    const result = await verifyHashes(root);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: big, rule: "hash-mismatch" })]);
  }, 120_000);
});
