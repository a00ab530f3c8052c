// Officers counted in full-time equivalents: exact parsing, exact sums and shares, bands on the boundary.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { formatHundredths, parseHundredths } from "../../src/load/measure.ts";
import { bandOf, bandOfShares } from "../../src/statistics/bands.ts";
import { shareFromHundredths } from "../../src/statistics/shares.ts";
import { copyFixtures, fixturesDir } from "../helpers/fixtureCopy.ts";
import { prepareErrors } from "../helpers/hostile.ts";

function fteEdition() {
  const fixture = copyFixtures();
  for (const year of ["2023", "2024"]) {
    copyFileSync(path.join(fixturesDir, "fte", year, "officers.csv"), path.join(fixture.dataDir, year, "officers.csv"));
  }
  return fixture;
}

describe("reading FTE values", () => {
  it.each([
    ["0", 0],
    ["12", 1200],
    ["12.5", 1250],
    ["12.50", 1250],
    ["0.29", 29],
    ["1234.07", 123407],
  ])("reads %j as %i hundredths", (text, hundredths) => {
    expect(parseHundredths(text, "fte")).toBe(hundredths);
  });

  it.each([["12.345"], ["-1"], [".5"], ["1,5"], ["1e3"], [""], ["12."]])("rejects %j", (text) => {
    expect(parseHundredths(text, "fte")).toBeNull();
  });

  it("keeps headcounts whole", () => {
    expect(parseHundredths("12", "headcount")).toBe(1200);
    expect(parseHundredths("12.5", "headcount")).toBeNull();
    expect(formatHundredths(1250, "fte")).toBe("12.50");
    expect(formatHundredths(5, "fte")).toBe("0.05");
    expect(formatHundredths(1200, "headcount")).toBe("12");
  });

  it("rejects a third decimal in a file, naming the line and column", () => {
    const fixture = fteEdition();
    fixture.edit("data/2024/officers.csv", (t) => t.replace("Kent,Male,Constable,1.70", "Kent,Male,Constable,1.705"));
    const errors = prepareErrors(fixture);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: "bad-fte", line: 23, column: "Kent,Male,Constable,".length + 1 });
    expect(errors[0].message).toContain("at most two decimals");
  });

  it("refuses a previous year counted in another measure", () => {
    const fixture = fteEdition();
    copyFileSync(path.join(fixturesDir, "data/2023/officers.csv"), path.join(fixture.dataDir, "2023/officers.csv"));
    const errors = prepareErrors(fixture);
    expect(errors.map((e) => [e.rule, e.line])).toEqual([["measure-mismatch", 1]]);
    expect(errors[0].file).toMatch(/2023\/officers\.csv$/);
    expect(errors[0].message).toContain("headcounts (people)");
  });
});

describe("an FTE edition (tests/fixtures/fte, shares worked out by hand in its README)", () => {
  const edition = fteEdition();
  const { statistics, document } = prepare({ year: 2024, dataDir: edition.dataDir, contentDir: edition.contentDir });
  const avon = statistics.forces.find((f) => f.slug === "avon-and-somerset")!;
  const kent = statistics.forces.find((f) => f.slug === "kent")!;

  it("says which measure the figures use", () => {
    expect(statistics.measure).toEqual({ officers: "fte", staff: "headcount" });
    const table = document.sections.flatMap((s) => (s.kind === "analysis" && s.table ? [s.table] : []))[0];
    expect(table.notes).toContain("Officer figures are full-time equivalents (FTE); staff, PCSO and volunteer figures are headcounts (people).");
  });

  it("sums FTE exactly", () => {
    expect(avon.officers).toMatchObject({ women: 119.15, total: 357.45 });
    expect(avon.middleManagement).toMatchObject({ women: 17, total: 60 });
    // 0.10 + 0.20 + … in floating point is 1.0000000000000002; the loader's sum is exactly 1.
    expect(kent.officers.women).toBe(1);
    expect(kent.officers.total).toBe(3.9);
    expect(statistics.national.officers).toMatchObject({ women: 120.15, total: 361.35 });
  });

  it("computes shares from the exact sums", () => {
    expect(avon.officersWomenPct).toBe((11915 / 35745) * 100);
    expect(avon.middleManagementWomenPct).toBe((1700 / 6000) * 100);
    expect(kent.officersWomenPct).toBe((100 / 390) * 100);
    expect(statistics.national.officers.womenPct).toBe((12015 / 36135) * 100);
  });

  it("puts a difference of exactly −5 points in the men+5 band and a zero difference in equal", () => {
    // 17/60 − 1/3 = −1/20, i.e. −5.00 points exactly.
    expect(avon.middleManagementBand).toBe("men+5");
    expect(avon.seniorLeadershipBand).toBe("equal");
    expect(avon.middleManagementDifference).toBeCloseTo(-5, 12);
    // Kent: 0.30 of 0.70 in middle management against 1.00 of 3.90: +17.2 points.
    expect(kent.middleManagementBand).toBe("women+15");
  });

  it("gives the % change in women from exact hundredths", () => {
    // 16.95 → 17.00 women in middle management.
    expect(avon.change.middleManagement).toBe((5 / 1695) * 100);
    expect(avon.change.officers).toBe((5 / 11910) * 100);
  });
});

describe("bands decided exactly", () => {
  it("keeps a boundary difference on the boundary where float rounding would not", () => {
    // Far larger sums than any real force (so the published bands cannot change), chosen so that the
    // exact difference is −5 + 2.5e-11 points: not −5, but within bandOf's 9-decimal rounding of it.
    const level = shareFromHundredths(600_000_000_000, 3_000_000_000_000);
    const all = shareFromHundredths(750_000_000_000, 3_000_000_000_003);
    expect(bandOf(level.womenPct! - all.womenPct!)).toBe("men+5");
    expect(bandOfShares(level, all)).toBe("men+1");
  });

  it("agrees with bandOf on exact boundaries", () => {
    expect(bandOfShares(shareFromHundredths(2000, 10000), shareFromHundredths(2500, 10000))).toBe("men+5");
    expect(bandOfShares(shareFromHundredths(4000, 10000), shareFromHundredths(2500, 10000))).toBe("women+15");
    expect(bandOfShares(shareFromHundredths(2599, 10000), shareFromHundredths(2500, 10000))).toBe("equal");
    expect(bandOfShares(shareFromHundredths(2600, 10000), shareFromHundredths(2500, 10000))).toBe("women+1");
  });
});
