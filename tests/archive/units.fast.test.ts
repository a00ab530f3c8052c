// The small pieces of final editions and the archive, without building: document IDs, dates,
// SOURCE_DATE_EPOCH, the input listing, and a manifest that tries to point outside its edition.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentId, editionDate, sourceDateEpochFromEnv } from "../../src/final/final.ts";
import { editionInputs } from "../../src/load/editionInputs.ts";
import { sha256 } from "../../src/domain/sha256.ts";
import { verifyEdition } from "../../src/archive/verify.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

describe("a final edition's date and document ID", () => {
  it("dates the edition from its publication date, or from SOURCE_DATE_EPOCH when set", () => {
    expect(editionDate("2024-11-25").toISOString()).toBe("2024-11-25T00:00:00.000Z");
    expect(editionDate("2024-11-25", 1_700_000_000).toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(sourceDateEpochFromEnv({})).toBeUndefined();
    expect(sourceDateEpochFromEnv({ SOURCE_DATE_EPOCH: "1700000000" })).toBe(1_700_000_000);
    expect(() => sourceDateEpochFromEnv({ SOURCE_DATE_EPOCH: "yesterday" })).toThrow(/SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "yesterday"/);
  });

  it("takes the document ID from the inputs' contents, not from where they are kept", () => {
    const a = copyFixtures();
    const elsewhere = mkdtempSync(path.join(tmpdir(), "report-elsewhere-"));
    cpSync(a.root, path.join(elsewhere, "deeper"), { recursive: true });
    const inputs = (root: string) => editionInputs(path.join(root, "data"), path.join(root, "content"), 2024);
    const date = editionDate("2024-11-25");
    const id = documentId(inputs(a.root), 2024, false, date);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(documentId(inputs(path.join(elsewhere, "deeper")), 2024, false, date)).toBe(id);
    expect(documentId(inputs(a.root), 2024, true, date)).not.toBe(id);
    a.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("Cumbria", "Cumbria "));
    expect(documentId(inputs(a.root), 2024, false, date)).not.toBe(id);
  });

  it("lists the inputs by logical path: that year's content, the word list, forces.csv and data years up to the edition", () => {
    const fixture = copyFixtures();
    mkdirSync(path.join(fixture.dataDir, "2025"));
    writeFileSync(path.join(fixture.dataDir, "2025", "officers.csv"), "later year\n");
    writeFileSync(path.join(fixture.contentDir, "2024", ".DS_Store"), "x");
    const { files, listing, hash } = editionInputs(fixture.dataDir, fixture.contentDir, 2024);
    const paths = files.map((f) => f.path);
    expect(listing.split("\n")[0]).toMatch(/^[0-9a-f]{64} {2}content\/2024\//);
    expect(hash).toBe(sha256(`year=2024\n${listing}`));
    expect(paths).toContain("content/wordlist.txt");
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain("content/2024/good-practice/images/swatch.png");
    expect(paths).toContain("content/2024/report.yml");
    expect(paths.filter((p) => p.startsWith("data/2025") || p.endsWith(".DS_Store"))).toEqual([]);
    expect(paths.filter((p) => p.startsWith("data/")).every((p) => /^data\/(forces\.csv|2023\/|2024\/)/.test(p))).toBe(true);
  });
});

describe("verify reads nothing outside the edition", () => {
  it("rejects a manifest whose file list points outside inputs/ or outputs/, naming the manifest", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "report-bad-manifest-"));
    const dir = path.join(root, "2024");
    mkdirSync(dir);
    const manifest = JSON.stringify({
      format: "gender-equality-report/edition-archive",
      formatVersion: 1,
      year: 2024,
      revision: 1,
      edition: "x",
      publicationDate: "2024-11-25",
      build: { command: "x", final: true, print: false, sourceDateEpoch: null, documentId: "0".repeat(32) },
      project: { name: "x", version: "0", gitCommit: null, gitTreeClean: null },
      toolchain: { node: "v20", platform: "linux-x64", lockfileSha256: "0", dependencies: {} },
      files: { "inputs/../../../etc/passwd": { sha256: "0".repeat(64), bytes: 1 } },
    });
    writeFileSync(path.join(dir, "manifest.json"), manifest);
    writeFileSync(path.join(dir, "SHA256SUMS"), `${sha256(manifest)}  manifest.json\n`);
    const result = await verifyEdition({ year: 2024, archiveRoot: root, revision: 1, hashesOnly: true });
    expect(result.ok).toBe(false);
    expect(result.checkedFiles).toBe(0);
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: path.join(dir, "manifest.json"), rule: "manifest-invalid", message: "The manifest lists inputs/../../../etc/passwd: not a path under inputs/ or outputs/ of the edition." })]);
  });

  it("says plainly when there is no archived edition", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "report-no-archive-"));
    const result = await verifyEdition({ year: 2024, archiveRoot: root, revision: 3, hashesOnly: true });
    expect(result.absent).toBe(true);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: path.join(root, "2024"), rule: "no-archived-edition", message: `There is no archived 2024 edition here (no manifest.json). Archive one first: npm run archive -- --year 2024 --archive ${root}` }),
    ]);
  });
});
