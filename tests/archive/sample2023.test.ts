// The 2023 sample archives and verifies too, and a revision (dated by SOURCE_DATE_EPOCH) is kept beside
// the first archive, never instead of it. Three builds of the small 2023 edition, in child processes: the
// two archives and the rebuild of the revision (the rebuild of a first archive, dated by its publication
// date, is what tests/archive/archive.test.ts verifies for 2024).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { archiveEdition } from "../../src/archive/archive.ts";
import { verifyEdition } from "../../src/archive/verify.ts";
import { readPdfAFacts } from "../helpers/pdfaFacts.ts";

const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "report-archive-2023-"));
const archiveRoot = path.join(work, "archive");
const inputs = { year: 2023, dataDir: path.join(root, "data"), contentDir: path.join(root, "content"), archiveRoot };

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("the 2023 sample edition", () => {
  it("refuses --revision while nothing is archived", () => {
    const result = archiveEdition({ ...inputs, revision: true, sourceDateEpoch: null });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: path.join(archiveRoot, "2023"), rule: "nothing-to-revise" })]);
  });

  it("archives and verifies; --revision adds r2 beside it, dated by SOURCE_DATE_EPOCH, and both verify", async () => {
    const first = archiveEdition({ ...inputs, revision: false, sourceDateEpoch: null });
    expect(first.diagnostics).toEqual([]);
    expect(first).toMatchObject({ ok: true, revision: 1, dir: path.join(archiveRoot, "2023") });
    const manifest1 = readFileSync(path.join(archiveRoot, "2023/manifest.json"));
    const files = Object.keys(JSON.parse(manifest1.toString()).files);
    expect(files).toContain("inputs/data/2022/officers.csv"); // the year 2023 compares against
    expect(files.filter((f) => f.startsWith("inputs/data/2024") || f.startsWith("inputs/content/2024"))).toEqual([]);
    const verified1 = await verifyEdition({ year: 2023, archiveRoot, revision: 1, hashesOnly: true });
    expect(verified1.diagnostics).toEqual([]);
    expect(verified1.checkedFiles).toBe(files.length);

    const epoch = 1_700_000_000; // 2023-11-14T22:13:20Z
    // The inputs are unchanged (only the date differs), so the revision needs --force.
    const same = archiveEdition({ ...inputs, revision: true, sourceDateEpoch: epoch });
    expect(same.diagnostics).toEqual([expect.objectContaining({ rule: "same-as-last", file: path.join(archiveRoot, "2023") })]);
    const second = archiveEdition({ ...inputs, revision: true, force: true, sourceDateEpoch: epoch });
    expect(second.diagnostics).toEqual([]);
    expect(second).toMatchObject({ ok: true, revision: 2, dir: path.join(archiveRoot, "2023/r2") });
    // The first archive is untouched; the revision records its date source and carries that date.
    expect(readFileSync(path.join(archiveRoot, "2023/manifest.json")).equals(manifest1)).toBe(true);
    const manifest2 = JSON.parse(readFileSync(path.join(archiveRoot, "2023/r2/manifest.json"), "utf8"));
    expect(manifest2).toMatchObject({ year: 2023, revision: 2, build: { sourceDateEpoch: epoch } });
    const facts = await readPdfAFacts(readFileSync(path.join(archiveRoot, "2023/r2/outputs/report.pdf")));
    expect([facts.xmp.createDate, facts.info.CreationDate]).toEqual(["2023-11-14T22:13:20Z", "D:20231114221320Z"]);
    expect(manifest2.build.documentId).not.toBe(JSON.parse(manifest1.toString()).build.documentId);

    const verified2 = await verifyEdition({ year: 2023, archiveRoot, revision: 2, hashesOnly: false });
    expect(verified2.diagnostics).toEqual([]);
    expect(verified2.outputs.length).toBeGreaterThan(3);
    expect(verified2.outputs.filter((o) => o.status !== "identical")).toEqual([]);
    // Revision 1 still verifies with r2/ inside its folder.
    const again1 = await verifyEdition({ year: 2023, archiveRoot, revision: 1, hashesOnly: true });
    expect(again1.diagnostics).toEqual([]);
    // A third archive without --revision is refused, naming both revisions.
    const third = archiveEdition({ ...inputs, revision: false, sourceDateEpoch: null });
    expect(third.diagnostics).toEqual([expect.objectContaining({ rule: "already-archived", message: expect.stringContaining("revision 1, 2") })]);
  }, 300_000);
});
