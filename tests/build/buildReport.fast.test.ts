// build-report.json has one writer for editions and drafts: each kind says what it is, in a fixed order.
import { describe, expect, it } from "vitest";
import { buildReportJson, type ReportFacts } from "../../src/build/buildReport.ts";

const common: ReportFacts = { year: 2024, edition: "Ninth edition", print: false, pageCount: 70, layoutPasses: 3, sections: { cover: 1 }, warnings: [] };

describe("build-report.json", () => {
  it("an ordinary edition: parts, copyfit, recovery notes and timings rounded to whole milliseconds", () => {
    const report = JSON.parse(buildReportJson({ ...common, parts: { laidOut: 63, reused: 0 }, copyfit: { "force/kent": 1 }, recovered: [], timings: { charts: 595.4, total: 3700.6 } }));
    expect(Object.keys(report)).toEqual(["year", "edition", "print", "pageCount", "layoutPasses", "parts", "copyfit", "sections", "warnings", "recovered", "timingsMs"]);
    expect(report.timingsMs).toEqual({ charts: 595, total: 3701 });
  });

  it("a final edition names its document ID and has no timings, so a rebuild gives the same bytes", () => {
    const a = buildReportJson({ ...common, documentId: "0123456789abcdef0123456789abcdef", recovered: [] });
    expect(JSON.parse(a)).toMatchObject({ final: true, documentId: "0123456789abcdef0123456789abcdef" });
    expect(a).not.toContain("timingsMs");
  });

  it("a draft names its number, the draft its changes are marked against and its review sheet's pages", () => {
    const report = JSON.parse(buildReportJson({ ...common, draft: { number: 2, since: 1, sheetPages: 2 }, pageCount: 72, timings: { layout: 10 } }));
    expect(Object.keys(report)).toEqual(["year", "edition", "draft", "since", "print", "pageCount", "reviewSheetPages", "layoutPasses", "sections", "warnings", "timingsMs"]);
    expect(report).toMatchObject({ draft: 2, since: 1, reviewSheetPages: 2, pageCount: 72 });
  });
});
