// Whole builds of the small fixture edition: outputs, warnings, atomic writes, the CLI.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARCHIVE_MARKER, MARKER_TEXT } from "../../src/final/archiveFolders.ts";
import { build } from "../../src/build/build.ts";
import { main } from "../../src/cli/main.ts";
import { prepare } from "../../src/build/prepare.ts";
import { BuildError } from "../../src/diagnostics/diagnostic.ts";
import { plainText } from "../../src/document/markdown.ts";
import type { ReportDocument } from "../../src/document/model.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs the command line in this process, as a user would type it, and keeps what it printed. */
async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

function analysisText(document: ReportDocument): string {
  return document.sections
    .flatMap((s) => (s.kind === "analysis" ? s.body.blocks : []))
    .map((b) => (b.type === "paragraph" ? plainText(b.children) : ""))
    .join(" ")
    .replace(/\u00a0/g, " ");
}

describe("a build of the fixture edition", () => {
  it("writes the PDF, statistics, build report and every chart with its data", async () => {
    const fixture = copyFixtures();
    const outDir = path.join(fixture.root, "out");
    const result = await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir, print: false });
    const dir = path.join(outDir, "2024");
    expect(readFileSync(path.join(dir, "report.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    const statistics = JSON.parse(readFileSync(path.join(dir, "statistics.json"), "utf8"));
    expect(statistics).toMatchObject({ year: 2024, previousYear: 2023, excluded: { notStated: 2 } });
    expect(Object.keys(statistics.forces[0])).toEqual(
      expect.arrayContaining(["slug", "name", "officersWomenPct", "middleManagementWomenPct", "seniorLeadershipWomenPct", "middleManagementDifference", "seniorLeadershipDifference", "middleManagementBand", "seniorLeadershipBand", "change"]),
    );
    // Kent had no women in senior leadership in 2023: undefined change, null in JSON, left out of the average.
    const kent = statistics.forces.find((f: { slug: string }) => f.slug === "kent");
    expect(kent.change.seniorLeadership).toBeNull();
    expect(statistics.averageChangeForces.seniorLeadership).toBe(2);
    expect(readFileSync(path.join(dir, "statistics.json"), "utf8")).not.toMatch(/NaN|Infinity/);

    const charts = readdirSync(path.join(dir, "charts")).sort();
    expect(charts).toContain("band-middle-management-2024.svg");
    expect(charts).toContain("band-middle-management-2024.csv");
    expect(charts).toContain("force-cumbria.svg");
    expect(charts).toContain("staff-2024.csv");
    expect(readFileSync(path.join(dir, "charts/force-cumbria.csv"), "utf8").split("\r\n")[0]).toBe("level,womenPct,menPct");

    const report = JSON.parse(readFileSync(path.join(dir, "build-report.json"), "utf8"));
    expect(report.pageCount).toBe(result.pageCount);
    const rules = report.warnings.map((w: { rule: string }) => w.rule);
    expect(rules).toContain("missing-entry"); // Avon and Somerset and Kent have data but no entry
    expect(report.warnings.find((w: { message: string }) => w.message.includes("Kent Police"))).toBeDefined();
    expect(existsSync(path.join(outDir, "2024", "report.pdf"))).toBe(true);
    // No staging or swap folders are left; only the stage cache stays.
    expect(readdirSync(outDir).filter((n) => n.startsWith("."))).toEqual([".cache"]);
  });

  it("leaves an earlier good build untouched when a later build fails", async () => {
    const fixture = copyFixtures();
    const outDir = path.join(fixture.root, "out");
    await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir, print: false });
    const before = readFileSync(path.join(outDir, "2024/report.pdf"));
    fixture.edit("data/2024/officers.csv", (t) => t.replace("Cumbria,Female,Sergeant,41", "Cumbria,Female,Sergeant,lots"));
    await expect(build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir, print: false })).rejects.toBeInstanceOf(BuildError);
    expect(readFileSync(path.join(outDir, "2024/report.pdf")).equals(before)).toBe(true);
    // No staging or swap folders are left; only the stage cache stays.
    expect(readdirSync(outDir).filter((n) => n.startsWith("."))).toEqual([".cache"]);
  });

  it("refuses to write into an archive of published editions (a folder marked as one)", async () => {
    const fixture = copyFixtures();
    mkdirSync(path.join(fixture.root, "archive"));
    writeFileSync(path.join(fixture.root, "archive", ARCHIVE_MARKER), MARKER_TEXT);
    const outDir = path.join(fixture.root, "archive", "drafts");
    const error = await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir, print: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    expect((error as BuildError).diagnostics).toEqual([expect.objectContaining({ file: outDir, rule: "archive-protected", message: expect.stringContaining("never overwritten") })]);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe("figures in the prose follow the data", () => {
  it("changes the analysis text when a count changes in a copy of the data", () => {
    const fixture = copyFixtures();
    const options = { year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir };
    const before = analysisText(prepare(options).document);
    expect(before).toMatch(/grew its women officers by 1\.78 %/);
    fixture.edit("data/2024/officers.csv", (t) => t.replace("Cumbria,Female,Constable,305", "Cumbria,Female,Constable,345"));
    const after = analysisText(prepare(options).document);
    expect(after).not.toBe(before);
    expect(after).toMatch(/grew its women officers by 5\.50 %/);
  });

  it("prints the published 2024 figures from the sample data", () => {
    const text = analysisText(prepare({ year: 2024, dataDir: path.join(root, "data"), contentDir: path.join(root, "content") }).document);
    for (const figure of ["27 %", "28 %", "30 %", "2.33 %", "7.24 %", "6.82 %"]) expect(text).toContain(figure);
    expect(text).toContain("rose by three");
  });
});

describe("the command line", () => {
  it("lists its flags with --help", async () => {
    const help = (await cli("build", "--help")).stdout;
    for (const flag of ["--year", "--data", "--content", "--out", "--print"]) expect(help).toContain(flag);
  });

  it("builds another team's folders to another place, and exits 1 with file and line on bad input", async () => {
    const fixture = copyFixtures();
    const out = mkdtempSync(path.join(tmpdir(), "report-cli-"));
    const ok = await cli("build", "--year", "2024", "--data", fixture.dataDir, "--content", fixture.contentDir, "--out", out);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Built .*2024\/report\.pdf: \d+ pages/);
    fixture.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("force: Cumbria", "force: Cumbira"));
    const bad = await cli("build", "--data", fixture.dataDir, "--content", fixture.contentDir, "--out", out);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/cumbria\.md:2:1: error: force: "Cumbira" is not a force in .*Did you mean "Cumbria Constabulary"\? \[unknown-force\]/);
    expect(bad.stderr).toContain("nothing was written");
  });

  it("rejects an unknown flag with usage, exit 2", async () => {
    const result = await cli("build", "--yaer", "2024");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage:");
  });
});
