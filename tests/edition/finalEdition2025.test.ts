// The 2025 edition walked as a new team member would: started from 2024 with changed data, its carried
// words are listed by check (the checklist and stale years), a final build and the archive refuse it,
// and once the dates are fixed and the rest accepted with reasons the final builds and archives, its
// text has no "2024" except where it compares the years, and the manifest lists the acceptances.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { archiveEdition } from "../../src/archive/archive.ts";
import { build } from "../../src/build/build.ts";
import { checkEdition } from "../../src/build/check.ts";
import { BuildError, DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { createEdition } from "../../src/edition/newEdition.ts";

const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "edition-2025-"));
const contentDir = path.join(work, "content");
const dataDir = path.join(work, "data");
const edition = path.join(contentDir, "2025");
afterAll(() => rmSync(work, { recursive: true, force: true }));

cpSync(path.join(root, "content"), contentDir, { recursive: true });
cpSync(path.join(root, "data"), dataDir, { recursive: true });
// 2025's counts: 2024's with five more women chief inspectors in Essex, as at 31 March 2025.
cpSync(path.join(dataDir, "2024"), path.join(dataDir, "2025"), { recursive: true });
const officers = path.join(dataDir, "2025", "officers.csv");
writeFileSync(officers, readFileSync(officers, "utf8").replace("Essex,Female,Chief Inspector,13\n", "Essex,Female,Chief Inspector,18\n"));
const about = path.join(dataDir, "2025", "about.yml");
writeFileSync(about, readFileSync(about, "utf8").replace("asAt: 2024-03-31", "asAt: 2025-03-31"));

const options = { year: 2025, dataDir, contentDir };
const lineOf = (file: string, words: string) => readFileSync(path.join(edition, file), "utf8").split("\n").findIndex((l) => l.includes(words)) + 1;
const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(edition, file), change(readFileSync(path.join(edition, file), "utf8")));

describe("the 2025 edition from 2024", () => {
  it("check lists the open checklist items, the stale years and the placeholder date; the final build and the archive refuse", async () => {
    const created = createEdition({ contentDir, year: 2025 }, new DiagnosticSink())!;
    expect(created.items).toBeGreaterThan(10);
    // A writer adds a sentence with last year's date after new-edition listed the places.
    edit("back-page.md", (t) => `${t.trimEnd()}\n\nThe figures were gathered in spring 2023.\n`);

    const checked = await checkEdition(options);
    expect(checked.errors).toBe(0);
    const at = (rule: string) => checked.diagnostics.filter((d) => d.rule === rule).map((d) => `${path.relative(edition, d.file)}:${d.line}:${d.column}`);
    const summaryLine = lineOf("executive-summary.md", "HeForShe turns ten");
    expect(at("checklist-open")).toEqual(expect.arrayContaining([`executive-summary.md:${summaryLine}:10`, `forewords/national-lead.md:${lineOf("forewords/national-lead.md", "September 2024")}:4`]));
    expect(checked.diagnostics.find((d) => d.rule === "checklist-open" && d.line === summaryLine && d.column === 10)?.message).toContain('"turns ten" gives an age');
    expect(at("stale-year")).toEqual([`back-page.md:${lineOf("back-page.md", "spring 2023")}:${readFileSync(path.join(edition, "back-page.md"), "utf8").split("\n")[lineOf("back-page.md", "spring 2023") - 1].indexOf("spring 2023") + 1}`]);
    expect(at("publication-date")).toEqual(["report.yml:4:1"]);

    // --final: every one of those stops the build, before any page is drawn.
    const refused = await build({ ...options, outDir: path.join(work, "out"), print: false, final: true, cache: false }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BuildError);
    const rules = new Set((refused as BuildError).diagnostics.map((d) => d.rule));
    expect([...rules].sort()).toEqual(["checklist-open", "publication-date", "stale-year"]);

    const archived = archiveEdition({ ...options, archiveRoot: path.join(work, "archive"), revision: false, sourceDateEpoch: null });
    expect(archived.ok).toBe(false);
    expect(archived.buildLog).toMatch(/executive-summary\.md:\d+:10: error: Checklist: "turns ten"/);
    expect(archived.buildLog).toContain("[stale-year]");
    expect(archived.diagnostics.map((d) => d.rule)).toEqual(["build-failed"]);
  });

  it("after the dates are fixed and the rest accepted, the final archives without last year's words, and the manifest lists the acceptances", async () => {
    // Typed 2024 dates become this year's; the other places are accepted as checked.
    const list = parse(readFileSync(path.join(edition, "checklist.yml"), "utf8")) as { items: { file: string; line: number; column: number; text: string; accepted?: string }[] };
    let accepted = 0;
    for (const item of list.items) {
      if (!item.text.includes("2024")) {
        item.accepted = "Checked against the 2025 edition: still true.";
        accepted++;
        continue;
      }
      edit(item.file, (t) => {
        const lines = t.split("\n");
        const l = lines[item.line - 1];
        lines[item.line - 1] = l.slice(0, item.column - 1) + l.slice(item.column - 1).replace(item.text, item.text.replace("2024", "2025"));
        return lines.join("\n");
      });
    }
    writeFileSync(path.join(edition, "checklist.yml"), stringify(list));
    edit("back-page.md", (t) => t.replace("\n\nThe figures were gathered in spring 2023.\n", "\n"));
    edit("report.yml", (t) => t.replace(/^publicationDate:.*$/m, "publicationDate: 2025-11-24"));
    // A publication date before the counts' own date still stops a final.
    edit("report.yml", (t) => t.replace("publicationDate: 2025-11-24", "publicationDate: 2025-03-01"));
    expect((await checkEdition({ ...options, final: true })).diagnostics.filter((d) => d.severity === "error").map((d) => [d.rule, d.line])).toEqual([["publication-date", 4]]);
    edit("report.yml", (t) => t.replace("publicationDate: 2025-03-01", "publicationDate: 2025-11-24"));
    expect((await checkEdition({ ...options, final: true })).errors).toBe(0);

    const archiveRoot = path.join(work, "archive");
    const archived = archiveEdition({ ...options, archiveRoot, revision: false, sourceDateEpoch: null });
    expect(archived.diagnostics).toEqual([]);
    expect(archived.ok).toBe(true);
    const text = execFileSync("pdftotext", ["-layout", path.join(archiveRoot, "2025", "outputs", "report.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain("Source: Home Office workforce statistics for the police of England and Wales, March 2025.");
    expect(text).not.toContain("March 2024");
    // "2024" is left only where the report compares it with 2025: the comparison sentence, the table's
    // heading, the previous year's band charts, the trend chart's axis and the key figures' last-year values.
    const with2024 = text.split("\n").filter((l) => l.includes("2024")).map((l) => l.trim().replace(/\s+/g, " "));
    expect(with2024.length).toBeGreaterThan(0);
    for (const line of with2024) expect(line).toMatch(/Compared with 2024|between 2024 and 2025|^(Middle management|Senior leadership), 2024$|^(?:20\d\d )*2024(?: 20\d\d)*$|^\d+\.\d\d % in 2024$/);

    const manifest = JSON.parse(readFileSync(path.join(archiveRoot, "2025", "manifest.json"), "utf8"));
    expect(manifest.acceptances).toHaveLength(accepted);
    expect(manifest.acceptances).toContainEqual(expect.objectContaining({ file: "content/2025/executive-summary.md", text: "turns ten", reason: "Checked against the 2025 edition: still true." }));

    // Archiving the same inputs again as a revision corrects nothing: refused, before any build.
    const again = archiveEdition({ ...options, archiveRoot, revision: true, sourceDateEpoch: null });
    expect(again.ok).toBe(false);
    expect(again.diagnostics).toEqual([expect.objectContaining({ rule: "same-as-last", message: expect.stringContaining("identical to revision 1") })]);
  }, 240_000);
});
