// The 2024 sample archived once and verified once (two full builds, in child processes), both with the
// README's own commands (`npm run archive`, then `npm run verify` on the archive); the other assertions
// reuse that archive and what verify printed: copies of the archive with one byte changed, the PDF/A
// facts. The one verify also proves the build independent of its surroundings: it rebuilds from a copy of
// the archive whose inputs were copied in reverse order, under another time zone and locale, with every
// directory listing reversed.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main.ts";
import { pathToFileURL } from "node:url";
import { PDFArray, PDFDocument, PDFRawStream } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleBuild } from "../helpers/sampleBuild.ts";
import { archiveEdition } from "../../src/archive/archive.ts";
import { sha256 } from "../../src/domain/sha256.ts";
import { manifestSchema, type Manifest } from "../../src/archive/manifest.ts";
import { comparePdfPages } from "../../src/pdf/comparePages.ts";
import { compareOutputs, verifyEdition, type VerifyResult } from "../../src/archive/verify.ts";
import { build } from "../../src/build/build.ts";
import { BuildError, DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { checkPdf } from "../../src/pdf/checkPdf.ts";
import { readPdfAFacts } from "../helpers/pdfaFacts.ts";

const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "report-archive-test-"));
const archiveRoot = path.join(work, "archive");
const edition = path.join(archiveRoot, "2024");
let manifest: Manifest;

/** Every file below dir, "/"-separated, found with Node's own recursive listing. */
const filesBelow = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join("/"));

/** A private copy of the archive with `change` applied to one file (made writable first). */
function tamperedCopy(name: string, file: string, change: (bytes: Buffer) => void): string {
  const copy = path.join(work, name);
  cpSync(archiveRoot, copy, { recursive: true });
  const target = path.join(copy, "2024", file);
  chmodSync(target, 0o644);
  const bytes = readFileSync(target);
  change(bytes);
  writeFileSync(target, bytes);
  return copy;
}

/** A copy of the archive whose inputs are copied in reverse order of their names (other files as they are). */
function reverseCopiedArchive(name: string): string {
  const copy = path.join(work, name);
  const from = path.join(edition, "inputs");
  cpSync(archiveRoot, copy, { recursive: true, filter: (source) => source !== from });
  for (const f of [...filesBelow(from)].reverse()) {
    mkdirSync(path.dirname(path.join(copy, "2024/inputs", f)), { recursive: true });
    cpSync(path.join(from, f), path.join(copy, "2024/inputs", f));
  }
  return copy;
}

/** `npm run <script> -- args`, as package.json runs it, with extra environment variables. */
const npmRun = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });

/** The README's example for a fresh clone: archive the sample into a folder, then verify that folder. */
function readmeExample(): { archive: string[]; verify: string[]; folder: string } {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Verifying an edition"));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  const example = blocks.find((b) => b.includes("npm run archive"))!;
  const commands = example.trim().split("\n").map((line) => line.replace(/#.*/, "").trim().split(/\s+/));
  expect(commands.map((c) => c.slice(0, 3).join(" "))).toEqual(["npm run archive", "npm run verify"]);
  const folder = commands[0][commands[0].indexOf("--archive") + 1];
  expect(commands[1][commands[1].indexOf("--archive") + 1]).toBe(folder);
  return { archive: commands[0].slice(3), verify: commands[1].slice(3), folder };
}
const withFolder = (args: string[], from: string, to: string) => args.map((a) => (a === from ? to : a)).slice(args[0] === "--" ? 1 : 0);

/** The variables verify's rebuild (a child process) inherits: another zone and locale, and a preload that reverses every listing. */
const strangeSurroundings = {
  TZ: "Pacific/Chatham",
  LANG: "de_DE.UTF-8",
  LC_ALL: "de_DE.UTF-8",
  NODE_OPTIONS: `--import ${pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href} --import ${pathToFileURL(path.join(root, "tests/helpers/reverseReaddir.ts")).href}`,
};
let shuffledRoot: string;

let archiveRun: ReturnType<typeof npmRun>;
let verifyRun: ReturnType<typeof npmRun>;

beforeAll(() => {
  const example = readmeExample();
  archiveRun = npmRun("archive", withFolder(example.archive, example.folder, archiveRoot));
  expect(archiveRun.status, archiveRun.stderr).toBe(0);
  manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(edition, "manifest.json"), "utf8")));
  shuffledRoot = reverseCopiedArchive("shuffled");
  // The README's verify, in strange surroundings, of the reverse-copied archive (the child build inherits them).
  verifyRun = npmRun("verify", withFolder(example.verify, example.folder, shuffledRoot), strangeSurroundings);
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("archiving the 2024 edition", () => {
  it("keeps that year's content, every data year it reads, the outputs, and the hash of each", () => {
    expect(archiveRun.stdout).toContain(`Check it with: npm run verify -- --year 2024 --archive ${archiveRoot}`);
    const inputs = Object.keys(manifest.files).filter((f) => f.startsWith("inputs/"));
    const expectedInputs = [
      ...filesBelow(path.join(root, "content/2024")).map((f) => `inputs/content/2024/${f}`),
      // The project word list is an input of the edition: proofing reads it (src/load/editionInputs.ts).
      "inputs/content/wordlist.txt",
      "inputs/data/forces.csv",
      ...["2022", "2023", "2024"].flatMap((y) => filesBelow(path.join(root, "data", y)).map((f) => `inputs/data/${y}/${f}`)),
    ].sort();
    expect(inputs).toEqual(expectedInputs);
    expect(inputs).toContain("inputs/data/2023/staff.csv"); // the year the 2024 edition compares against
    expect(readFileSync(path.join(edition, "inputs/content/2024/good-practice/kent.md")).equals(readFileSync(path.join(root, "content/2024/good-practice/kent.md")))).toBe(true);
    for (const output of ["outputs/report.pdf", "outputs/statistics.json", "outputs/build-report.json", "outputs/charts/trend-2024.svg", "outputs/charts/trend-2024.csv", "outputs/charts/force-kent.svg"]) {
      expect(Object.keys(manifest.files)).toContain(output);
    }
    // Every hash recomputed here; the archive holds exactly the manifest's files plus the two records.
    for (const [name, { sha256: hash, bytes }] of Object.entries(manifest.files)) {
      const content = readFileSync(path.join(edition, name));
      expect([name, sha256(content), content.length]).toEqual([name, hash, bytes]);
    }
    expect(filesBelow(edition).sort()).toEqual([...Object.keys(manifest.files), "SHA256SUMS", "manifest.json"].sort());
    const sums = readFileSync(path.join(edition, "SHA256SUMS"), "utf8");
    expect(sums).toContain(`${sha256(readFileSync(path.join(edition, "manifest.json")))}  manifest.json\n`);
    expect(sums).toContain(`${manifest.files["outputs/report.pdf"].sha256}  outputs/report.pdf\n`);
  });

  it("records the project, the git commit, Node and the lockfile, with every runtime dependency exact", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
    const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
    expect(manifest.project.version).toBe(pkg.version);
    expect(manifest.project.gitCommit).toBe(execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim());
    expect(manifest.toolchain.node).toBe(process.version);
    expect(manifest.toolchain.lockfileSha256).toBe(sha256(readFileSync(path.join(root, "package-lock.json"))));
    expect(manifest.toolchain.dependencies).toEqual(pkg.dependencies);
    for (const [name, version] of Object.entries(pkg.dependencies as Record<string, string>)) {
      expect([name, version]).toEqual([name, lock.packages[`node_modules/${name}`].version]);
    }
    expect(manifest.build).toMatchObject({ final: true, print: false, sourceDateEpoch: null, command: "npm run build -- --final --year 2024 --data data --content content" });
    expect(manifest.edition).toBe("Sixth Annual Report 2024");
    expect(manifest.publicationDate).toBe("2024-11-25");
  });

  it("writes every archived file read-only and keeps timings out of the build report", () => {
    for (const f of filesBelow(edition)) expect([f, statSync(path.join(edition, f)).mode & 0o222]).toEqual([f, 0]);
    const report = JSON.parse(readFileSync(path.join(edition, "outputs/build-report.json"), "utf8"));
    expect(report).not.toHaveProperty("timingsMs");
    expect(report).toMatchObject({ final: true, documentId: manifest.build.documentId, pageCount: 72 });
  });

  it("refuses to archive the year again and leaves the archived edition as it was", () => {
    const before = readFileSync(path.join(edition, "manifest.json"));
    const again = archiveEdition({ year: 2024, dataDir: path.join(root, "data"), contentDir: path.join(root, "content"), archiveRoot, revision: false, sourceDateEpoch: null });
    expect(again.ok).toBe(false);
    expect(again.diagnostics).toEqual([expect.objectContaining({ severity: "error", file: edition, rule: "already-archived", message: expect.stringContaining("--revision") })]);
    expect(readFileSync(path.join(edition, "manifest.json")).equals(before)).toBe(true);
    expect(readdirSync(edition).sort()).toEqual(["SHA256SUMS", "inputs", "manifest.json", "outputs"]);
  });

  it("refuses a build into the archive, but not into a folder that is merely called archive", async () => {
    // The command line in-process (one entry, main.ts), as the verify test below runs it.
    const err: string[] = [];
    const status = await main(["build", "--year", "2024", "--out", path.join(edition, "out")], { out: () => {}, err: (t) => err.push(t) });
    const inside = { status, stderr: err.join("") };
    expect(inside.status).toBe(1);
    expect(inside.stderr).toContain(`${path.join(edition, "out")}: error: This folder is inside the edition archive ${archiveRoot}`);
    expect(inside.stderr).toContain("[archive-protected]");
    expect(existsSync(path.join(edition, "out"))).toBe(false);
    // Elsewhere the same build gets as far as reading the (missing) data: no archive refusal.
    const elsewhere = path.join(work, "archive-of-drafts", "archive");
    const error = await build({ year: 2024, dataDir: "/nonexistent-data", contentDir: "/nonexistent-content", outDir: elsewhere, print: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    expect((error as BuildError).diagnostics).toEqual([expect.objectContaining({ file: "/nonexistent-data/forces.csv", rule: "missing-file" })]);
  });
});

describe("verifying the archived 2024 edition", () => {
  it("passes: every hash matches and the archived inputs rebuild every output byte for byte", () => {
    expect(verifyRun.status, verifyRun.stderr).toBe(0);
    expect(verifyRun.stdout).toContain(`${path.join(shuffledRoot, "2024")}: checked the SHA-256 of ${Object.keys(manifest.files).length} archived files.\n`);
    expect(verifyRun.stdout).toContain("Verified: every file is as archived, and the archived inputs rebuild every output identically.");
    // Each output on a line ("identical outputs/report.pdf"), a folder of identical files on one ("… (all 12 files)").
    const listed = [...verifyRun.stdout.matchAll(/^ {2}(\S+) +(\S+?)(?: \(all (\d+) files\))?$/gm)].map(([, status, name, count]) => ({ status, name, count: Number(count ?? 1) }));
    expect(listed.filter((l) => l.status !== "identical")).toEqual([]);
    const outputs = Object.keys(manifest.files).filter((f) => f.startsWith("outputs/"));
    expect(listed.reduce((n, l) => n + l.count, 0)).toBe(outputs.length);
    for (const l of listed) expect(outputs.filter((o) => (l.name.endsWith("/") ? `${path.dirname(o)}/` === l.name : o === l.name))).toHaveLength(l.count);
  });

  it("fails on one byte changed in an archived input, and names the file", async () => {
    const copy = tamperedCopy("tampered-input", "inputs/data/2024/officers.csv", (b) => {
      const i = b.indexOf(",Constable,") + ",Constable,".length;
      b[i] = b[i] === 0x31 ? 0x32 : 0x31;
    });
    const result = await verifyEdition({ year: 2024, archiveRoot: copy, revision: 1, hashesOnly: true });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: path.join(copy, "2024/inputs/data/2024/officers.csv"), rule: "hash-mismatch" })]);
    // The command line says the same and exits 1; on the untouched archive it exits 0.
    const run = async (dir: string) => {
      const out: string[] = [];
      const err: string[] = [];
      const status = await main(["verify", "--year", "2024", "--archive", dir, "--hashes-only"], { out: (t) => out.push(t), err: (t) => err.push(t) });
      return { status, stdout: out.join(""), stderr: err.join("") };
    };
    const bad = await run(copy);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${path.join(copy, "2024/inputs/data/2024/officers.csv")}: error: The file's SHA-256 is not the one the manifest records`);
    const good = await run(archiveRoot);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain("Hashes verified");
  });

  it("fails on one byte changed in the manifest, and names the manifest", async () => {
    const copy = tamperedCopy("tampered-manifest", "manifest.json", (b) => {
      const i = b.indexOf("Sixth Annual");
      b[i + 4] = "x".charCodeAt(0);
    });
    const result = await verifyEdition({ year: 2024, archiveRoot: copy, revision: 1, hashesOnly: true });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: path.join(copy, "2024/manifest.json"), rule: "hash-mismatch" })]);
  });

  it("fails on one byte changed in the archived PDF, naming the file and the one page that differs", async () => {
    // A byte in the middle of page 3's content stream, found independently with pdf-lib.
    const pdf = readFileSync(path.join(edition, "outputs/report.pdf"));
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    // The joined page draws its part's content and then its overlay (the folio): take the part's, the larger.
    const contents = doc.getPage(2).node.Contents()!;
    const streams = (contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents]) as PDFRawStream[];
    const stream = Buffer.from(streams.map((s) => s.getContents()).sort((a, b) => b.length - a.length)[0]);
    const offset = pdf.indexOf(stream);
    expect(offset).toBeGreaterThan(0);
    const copy = tamperedCopy("tampered-pdf", "outputs/report.pdf", (b) => {
      b[offset + Math.floor(stream.length / 2)] ^= 0x01;
    });
    const hashes = await verifyEdition({ year: 2024, archiveRoot: copy, revision: 1, hashesOnly: true });
    expect(hashes.diagnostics).toEqual([expect.objectContaining({ file: path.join(copy, "2024/outputs/report.pdf"), rule: "hash-mismatch" })]);
    // Compared as a full verify compares, with the archived outputs standing for the rebuild: verify
    // above found every rebuilt output byte-identical to them.
    const sink = new DiagnosticSink();
    const result: VerifyResult = { ok: false, dir: path.join(copy, "2024"), diagnostics: sink.messages, notes: [], checkedFiles: 0, outputs: [] };
    await compareOutputs(path.join(copy, "2024"), manifest, path.join(edition, "outputs"), result, sink);
    expect(sink.errors).toEqual([expect.objectContaining({ file: path.join(copy, "2024/outputs/report.pdf"), rule: "output-differs", message: expect.stringContaining("; page 3 shows something different (72 pages archived, 72 rebuilt).") })]);
    expect(result.outputs.filter((o) => o.status !== "identical").map((o) => o.path)).toEqual(["outputs/report.pdf"]);
  });
});

describe("two final builds", () => {
  it("are byte-identical under another time zone and locale, with inputs copied in reverse order and every listing reversed", () => {
    // verify's rebuild above ran in those surroundings, from the reverse-copied archive, and found every output identical.
    expect(verifyRun.status, verifyRun.stderr).toBe(0);
    expect(Number(/^ {2}rebuild: reverseReaddir: reversed (\d+) listings$/m.exec(verifyRun.stderr)?.[1])).toBeGreaterThan(5);
    expect(process.env.TZ ?? "").not.toBe("Pacific/Chatham");
  });
});

describe("the archived PDF's PDF/A-2 facts, read from the file", () => {
  it("claims PDF/A-2a (tagged, every glyph mapped to Unicode) in an uncompressed XMP packet that matches the Info dictionary, the catalog and report.yml", async () => {
    const facts = await readPdfAFacts(readFileSync(path.join(edition, "outputs/report.pdf")));
    expect(facts.header).toBe("%PDF-1.7");
    expect(facts.xmp).toMatchObject({ compressed: false, part: "2", conformance: "A" });
    const title = "Gender Equality in UK Policing: Sixth Annual Report 2024";
    const author = "UK Policing HeForShe Programme";
    expect([facts.xmp.title, facts.info.Title]).toEqual([title, title]);
    expect([facts.xmp.creator, facts.info.Author]).toEqual([author, author]);
    expect(facts.xmp.description).toBe(facts.info.Subject);
    expect([facts.xmp.creatorTool, facts.xmp.producer]).toEqual([facts.info.Creator, facts.info.Producer]);
    expect([facts.xmp.language, facts.lang]).toEqual(["en-GB", "en-GB"]);
    // The publication date from content/2024/report.yml, in both notations, and nothing else.
    expect([facts.xmp.createDate, facts.xmp.modifyDate]).toEqual(["2024-11-25T00:00:00Z", "2024-11-25T00:00:00Z"]);
    expect([facts.info.CreationDate, facts.info.ModDate]).toEqual(["D:20241125000000Z", "D:20241125000000Z"]);
    expect(Object.keys(facts.info).sort()).toEqual(["Author", "CreationDate", "Creator", "Keywords", "ModDate", "Producer", "Subject", "Title"]);
    // The document ID is the inputs' hash, in the trailer and the XMP.
    const id = manifest.build.documentId;
    expect(facts.trailerId).toEqual([id, id]);
    expect(facts.xmp.documentId?.replace(/^uuid:|-/g, "")).toBe(id);
  });

  it("has one sRGB output intent carrying the ICC profile pdfkit ships, every font embedded, printable links and nothing PDF/A forbids", async () => {
    const facts = await readPdfAFacts(readFileSync(path.join(edition, "outputs/report.pdf")));
    expect(facts.outputIntents).toHaveLength(1);
    const [intent] = facts.outputIntents;
    expect(intent).toMatchObject({ subtype: "/GTS_PDFA1", condition: "sRGB IEC61966-2.1", iccComponents: 3, iccColourSpace: "RGB ", iccSignature: "acsp" });
    expect(Buffer.from(intent.icc).equals(readFileSync(path.join(root, "node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc")))).toBe(true);
    expect(facts.fonts.length).toBeGreaterThanOrEqual(3);
    expect(facts.fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(facts.annotations.count).toBeGreaterThan(0);
    expect(facts.annotations).toMatchObject({ printable: facts.annotations.count, hidden: 0 });
    expect(facts.forbidden).toEqual([]);
    // Constant alpha is allowed in PDF/A-2 (with the output intent above); blend modes, soft masks and transfer functions are not used.
    for (const gs of facts.extGStates) expect(gs).not.toMatch(/\/BM|\/SMask|\/TR|\/HT/);
  });

  it("draws every page exactly as the ordinary build of the same inputs does (PDF/A changes the metadata, not the pages)", async () => {
    const ordinary = readFileSync((await sampleBuild()).pdfFile);
    const final = readFileSync(path.join(edition, "outputs/report.pdf"));
    expect(final.equals(ordinary)).toBe(false);
    // The final is the same joined book, finished as PDF/A (output intent, XMP, IDs, object streams): the
    // files differ, but every page shows the same.
    expect(await comparePdfPages(final, ordinary)).toMatchObject({ differingPages: [], pages: [72, 72], comparedBy: "images" });
  });

  // Moved here from tests/pdf/tagged.test.ts, which built a final edition of its own for it.
  it("passes as a final edition: every checkpoint of the tagged-PDF checker, and PDF/UA-1 beside PDF/A-2 level A in its XMP", async () => {
    const bytes = readFileSync(path.join(edition, "outputs/report.pdf"));
    const { findings, tagged } = await checkPdf(bytes);
    expect(tagged).toBe(true);
    expect(findings).toEqual([]);
    const text = bytes.toString("latin1");
    expect(text).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(text).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(text).toContain("<pdfaid:conformance>A</pdfaid:conformance>");
  });

  it("passes qpdf --check, and pdffonts lists every font as embedded", () => {
    const file = path.join(edition, "outputs/report.pdf");
    const qpdf = spawnSync("qpdf", ["--check", file], { encoding: "utf8" });
    expect(qpdf.status, qpdf.stdout + qpdf.stderr).toBe(0);
    expect(qpdf.stdout).toContain("No syntax or stream encoding errors found");
    const rows = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});

