// One current edition: after `new-edition --year 2025`, every command run without --year works on 2025
// and says so on its first line. Run through main(), as `npm run <command>` runs them.
import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { currentEdition, EditionChoiceError } from "../../src/edition/currentEdition.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(...t.trimEnd().split("\n")), err: (t) => err.push(...t.trimEnd().split("\n")) });
  return { code, out, err };
}

describe("the current edition", () => {
  it("is --year, else the pinned year, else the newest edition folder", () => {
    const { contentDir } = copyFixtures();
    expect(currentEdition(contentDir, undefined)).toEqual({ year: 2024, reason: `the newest in ${contentDir}/` });
    expect(currentEdition(contentDir, "2023").year).toBe(2023);
    writeFileSync(path.join(contentDir, "edition.yml"), "year: 2023\n");
    expect(currentEdition(contentDir, undefined)).toEqual({ year: 2023, reason: `pinned in ${path.join(contentDir, "edition.yml")}` });
    writeFileSync(path.join(contentDir, "edition.yml"), "year: next\n");
    expect(() => currentEdition(contentDir, undefined)).toThrow(EditionChoiceError);
    expect(() => currentEdition(contentDir, "24")).toThrow('--year must be a four-digit year, not "24".');
    expect(() => currentEdition(path.join(contentDir, "none"), undefined)).toThrow("--year is needed");
  });
});

describe("after new-edition --year 2025, every command works on 2025 without --year", () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  let fixture: ReturnType<typeof copyFixtures>;
  let edition: string;
  beforeAll(async () => {
    fixture = copyFixtures();
    const created = await run(["new-edition", "--year", "2025", "--content", fixture.contentDir]);
    expect(created.code).toBe(0);
    expect(created.out[0]).toBe("Edition 2025 (new, given by --year).");
    cpSync(path.join(fixture.dataDir, "2024"), path.join(fixture.dataDir, "2025"), { recursive: true });
    writeFileSync(path.join(fixture.dataDir, "2025", "about.yml"), "asAt: 2025-03-31\nsource: Test workforce source\n");
    cpSync(path.join(fixture.contentDir, "2024", "good-practice"), path.join(fixture.contentDir, "2025", "good-practice"), { recursive: true });
    edition = `Edition 2025 (the newest in ${fixture.contentDir}/).`;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });
  const folders = () => ["--content", fixture.contentDir, "--data", fixture.dataDir];

  it("check and figures read 2025", async () => {
    const check = await run(["check", ...folders()]);
    expect(check.out[0]).toBe(edition);
    expect(check.out.at(-1)).toMatch(/^The 2025 edition is ready to build/);
    const figures = await run(["figures", ...folders(), "nationalShare"]);
    expect(figures.out[0]).toBe(edition);
    expect(figures.out.at(-1)).toMatch(/ for 2025\.$/);
  });

  it("build writes <out>/2025/", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "edition-build-"));
    const built = await run(["build", ...folders(), "--out", out]);
    expect(built.out[0]).toBe(edition);
    expect(built.code).toBe(0);
    expect(existsSync(path.join(out, "2025", "report.pdf"))).toBe(true);
  });

  it("preview, import:entry, import:workforce, archive and verify choose 2025 before anything else", async () => {
    const archive = mkdtempSync(path.join(tmpdir(), "edition-archive-"));
    const preview = await run(["preview", ...folders(), "--port", "none"]);
    expect([preview.out[0], preview.code]).toEqual([edition, 2]);
    const entry = await run(["import:entry", path.join(fixture.root, "missing.docx"), "--force", "cumbria", ...folders()]);
    expect(entry.out[0]).toBe(edition);
    expect(entry.code).toBe(1);
    const workforce = await run(["import:workforce", ...folders()]);
    expect([workforce.out[0], workforce.code]).toEqual([edition, 2]);
    process.env.SOURCE_DATE_EPOCH = "not a date";
    const archived = await run(["archive", ...folders(), "--archive", archive]);
    expect([archived.out[0], archived.code]).toEqual([edition, 2]);
    delete process.env.SOURCE_DATE_EPOCH;
    const verified = await run(["verify", "--content", fixture.contentDir, "--archive", archive]);
    expect(verified.out[0]).toBe(edition);
    expect(verified.err.join("\n")).toContain("2025");
  });

  it("names the commands when given an unknown one", async () => {
    const unknown = await run(["bulid"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toBe('Unknown command "bulid". The commands are:');
    expect(unknown.err).toContain("  npm run import:workforce  the Home Office workforce tables into data/<year>/");
  });
});
