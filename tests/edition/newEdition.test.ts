// Starting the 2025 edition from the 2024 sample: it builds as the Seventh Annual Report, its figures
// compare 2024 with 2025, and the typed dates of the sample are listed for a person to check.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { plainText } from "../../src/document/markdown.ts";
import { createEdition } from "../../src/edition/newEdition.ts";
import { loadChecklist } from "../../src/load/checklist.ts";
import { findReviewPlaces, rewriteYearNames } from "../../src/edition/reviewPlaces.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** The sample content and data in a temp folder, with 2025 data: 2024's, plus five women chief inspectors in Essex. */
function sampleWith2025() {
  const dir = mkdtempSync(path.join(tmpdir(), "new-edition-"));
  const contentDir = path.join(dir, "content");
  const dataDir = path.join(dir, "data");
  cpSync(path.join(root, "content"), contentDir, { recursive: true });
  cpSync(path.join(root, "data"), dataDir, { recursive: true });
  cpSync(path.join(dataDir, "2024"), path.join(dataDir, "2025"), { recursive: true });
  const officers = path.join(dataDir, "2025", "officers.csv");
  const text = readFileSync(officers, "utf8");
  expect(text).toContain("Essex,Female,Chief Inspector,13\n");
  // Essex senior leadership: 21 of 95 women (22.1 %, 15.6 points under its 37.7 %: men+15) becomes 26 of 100.
  writeFileSync(officers, text.replace("Essex,Female,Chief Inspector,13\n", "Essex,Female,Chief Inspector,18\n"));
  const about = path.join(dataDir, "2025", "about.yml");
  writeFileSync(about, readFileSync(about, "utf8").replace("asAt: 2024-03-31", "asAt: 2025-03-31"));
  return { contentDir, dataDir };
}

const analysisText = (document: ReturnType<typeof prepare>["document"], title: string) => {
  const section = document.sections.find((s) => s.kind === "analysis" && s.title === title);
  if (section?.kind !== "analysis") throw new Error(`no ${title} section`);
  return section.body.blocks.map((b) => (b.type === "paragraph" ? plainText(b.children) : "")).join("\n");
};

describe("new-edition", () => {
  it("2025 from the 2024 sample builds a Seventh Annual Report comparing 2024 with 2025", () => {
    const { contentDir, dataDir } = sampleWith2025();
    const sink = new DiagnosticSink();
    const result = createEdition({ contentDir, year: 2025 }, sink);
    expect(result!.fromDir).toBe(path.join(contentDir, "2024"));
    expect(readdirSync(path.join(contentDir, "2025", "good-practice"))).toEqual([".gitkeep"]);
    expect(readFileSync(path.join(contentDir, "2025", "report.yml"), "utf8")).toMatch(/^year: 2025$/m);

    const { document, statistics } = prepare({ year: 2025, dataDir, contentDir });
    expect(document.meta.editionLabel).toBe("Seventh Annual Report 2025");
    expect([statistics.previousYear, statistics.year]).toEqual([2024, 2025]);
    // Senior leadership, men+15: five forces in 2024, four in 2025 (Essex moved to men+10).
    expect(analysisText(document, "Senior leadership")).toContain("the number of forces in the widest band on the men\u2019s side fell by one: four forces now sit there");
    // Middle management: 2024 had four forces in the equal band and sixteen in men+1; this is now "a year before".
    expect(analysisText(document, "Middle management")).toContain("against four and sixteen a year before");
  });

  it("rewrites every year-numbered name, reporting each, and leaves none pointing at a year", () => {
    const { contentDir } = sampleWith2025();
    const result = createEdition({ contentDir, year: 2025 }, new DiagnosticSink())!;
    const senior = path.join(contentDir, "2025", "analysis", "2-senior-leadership.md");
    const text = readFileSync(senior, "utf8");
    expect(text).not.toMatch(/\.(2023|2024)\./);
    expect(text).toContain("changeCount(bandCounts.seniorLeadership.current.men+15, bandCounts.seniorLeadership.previous.men+15)");
    const first = result.rewrites.find((r) => r.file === senior)!;
    expect(first).toMatchObject({ from: "bandCounts.seniorLeadership.2024.men+15", to: "bandCounts.seniorLeadership.current.men+15" });
    expect(text.split("\n")[first.line - 1].slice(first.column - 1)).toMatch(/^bandCounts\.seniorLeadership\.current\.men\+15/);
    expect(result.rewrites).toHaveLength(9);
  });

  it("lists the sample's typed dates and years with file, line and column", () => {
    const { contentDir } = sampleWith2025();
    const sink = new DiagnosticSink();
    createEdition({ contentDir, year: 2025 }, sink);
    const at = (file: string, phrase: string) => {
      const lines = readFileSync(path.join(contentDir, "2025", file), "utf8").split("\n");
      const line = lines.findIndex((l) => l.includes(phrase));
      return { file: path.join(contentDir, "2025", file), line: line + 1, column: lines[line].indexOf(phrase) + 1 };
    };
    const listed = (rule: string, where: { file: string; line: number; column: number }) =>
      sink.warnings.find((w) => w.rule === rule && w.file === where.file && w.line === where.line && w.column === where.column);
    expect(listed("typed-date", at("forewords/national-lead.md", "May 2024"))?.message).toContain('"May 2024" is a typed date');
    expect(listed("typed-date", at("forewords/national-lead.md", "September 2024"))).toBeDefined();
    // The source line is made from data/<year>/about.yml, so report.yml has no typed date left to list.
    expect(sink.warnings.filter((w) => w.file.endsWith("report.yml") && w.rule !== "publication-date")).toEqual([]);
    expect(listed("typed-year", at("analysis/2-senior-leadership.md", "2017"))?.message).toContain('"in 2017"');
    expect(listed("typed-number", at("analysis/2-senior-leadership.md", "24 %"))).toBeDefined();
    expect(listed("years-span", at("executive-summary.md", "Seven years ago"))).toBeDefined();
    expect(listed("publication-date", at("report.yml", "2025-01-01"))).toBeDefined();
    // Every place in the text is kept in the edition's checklist, with the words to find it by.
    const checklist = loadChecklist(path.join(contentDir, "2025"), contentDir, new DiagnosticSink())!;
    const places = sink.warnings.filter((w) => w.rule !== "publication-date");
    expect(checklist.items.map((i) => `${i.file}:${i.line}:${i.column}:${i.rule}`)).toEqual(places.map((w) => `${path.relative(path.join(contentDir, "2025"), w.file)}:${w.line}:${w.column}:${w.rule}`));
    expect(checklist.items.find((i) => i.rule === "years-span" && i.file === "executive-summary.md")).toMatchObject({ text: "turns ten", line: at("executive-summary.md", "turns ten").line });
  });

  it("never overwrites: an existing edition folder stops it with nothing changed", () => {
    const { contentDir } = sampleWith2025();
    const sink = new DiagnosticSink();
    expect(createEdition({ contentDir, year: 2024 }, sink)).toBeNull();
    expect(sink.errors).toEqual([expect.objectContaining({ rule: "edition-exists", file: path.join(contentDir, "2024") })]);
    expect(existsSync(path.join(contentDir, "2024", "good-practice", ".gitkeep"))).toBe(false);
  });
});

describe("places to check", () => {
  it("finds 'last year' beside a typed figure, and leaves figures in {{ }}, web addresses and list numbers alone", () => {
    const text = "Women were 31 % of sergeants (29 % last year).\n1. Step one\nSee [the 2023 report](https://example.org/2023) and {{ national.officers.total | int }}.\n";
    const places = findReviewPlaces(text);
    expect(places.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(["1:12 typed-number", "1:31 typed-number", "1:36 relative-figure", "3:10 typed-year"]);
    expect(places[2].message).toBe('"last year" next to the typed figure "29 %": in the new edition both refer to a different year.');
    expect(findReviewPlaces("Compared with {{ previousYear }}, the share {{ change(a.b, a.c) }} ({{ a.c | pct0 }} last year).")).toEqual([]);
  });

  it("reports a year in an expression that is neither the edition's nor the one before", () => {
    const { text, rewrites, left } = rewriteYearNames("{{ delta(bandCounts.x.2024.equal, bandCounts.x.2022.equal) }}", 2024);
    expect(text).toBe("{{ delta(bandCounts.x.current.equal, bandCounts.x.2022.equal) }}");
    expect(rewrites).toEqual([{ line: 1, column: 10, from: "bandCounts.x.2024.equal", to: "bandCounts.x.current.equal" }]);
    expect(left).toEqual([expect.objectContaining({ line: 1, column: 38, rule: "year-in-expression" })]);
  });
});
