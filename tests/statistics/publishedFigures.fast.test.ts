// The sample data, run through the pipeline's own statistics, reproduces every figure the 2024 edition published.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { roundHalfAway } from "../../src/document/formatters.ts";
import { loadForceRegister } from "../../src/load/forceRegister.ts";
import { loadWorkforceYear } from "../../src/load/workforce.ts";
import { computeStatistics } from "../../src/statistics/computeStatistics.ts";

const root = path.resolve(import.meta.dirname, "../..");
const published = JSON.parse(readFileSync(path.join(root, "tests/reference/published-2024-figures.json"), "utf8"));
const changeTable = readFileSync(path.join(root, "tests/reference/published-2024-change-table.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [force, officers, middleManagement, seniorLeadership] = line.split(",");
    return { force, officers: Number(officers), middleManagement: Number(middleManagement), seniorLeadership: Number(seniorLeadership) };
  });

function statisticsFor(year: number) {
  const sink = new DiagnosticSink();
  const dataDir = path.join(root, "data");
  const register = loadForceRegister(path.join(dataDir, "forces.csv"), sink)!;
  const years = [year - 2, year - 1, year].filter((y) => existsSync(path.join(dataDir, String(y)))).map((y) => loadWorkforceYear(dataDir, y, register, sink, { staffRequired: y >= 2023 })!);
  expect(sink.messages).toEqual([]);
  return { statistics: computeStatistics({ register, years, year }), register };
}

const { statistics, register } = statisticsFor(2024);
const at = (value: number | null, decimals: number) => (value === null ? null : roundHalfAway(value, decimals));
const forceNamed = (name: string) => {
  const slug = register.resolve(name)?.slug;
  const force = statistics.forces.find((f) => f.slug === slug);
  if (!force) throw new Error(`${name} is not in the statistics`);
  return force;
};

describe("the published 2024 change table", () => {
  it("has all 46 forces, in the data and in the statistics", () => {
    expect(changeTable).toHaveLength(published.national.forces_in_change_table);
    expect(statistics.forces).toHaveLength(46);
  });

  it.each(changeTable)("$force: % changes as published", (row) => {
    const force = forceNamed(row.force);
    expect(at(force.change.officers, 2)).toBe(row.officers);
    expect(at(force.change.middleManagement, 2)).toBe(row.middleManagement);
    expect(at(force.change.seniorLeadership, 2)).toBe(row.seniorLeadership);
  });

  it("averages the forces' changes to 2.33, 7.24 and 6.82", () => {
    expect(at(statistics.averageChange.officers, 2)).toBe(published.national.average_pct_change_women_officers["2024"]);
    expect(at(statistics.averageChange.middleManagement, 2)).toBe(published.national.average_pct_change_women_middle_management["2024"]);
    expect(at(statistics.averageChange.seniorLeadership, 2)).toBe(published.national.average_pct_change_women_senior_leadership["2024"]);
    expect(statistics.averageChangeForces).toEqual({ officers: 46, middleManagement: 46, seniorLeadership: 46 });
  });

  it("gives 2023's averages (8.36, 9.18, 11.07) from the 2022 and 2023 data", () => {
    const previous = statisticsFor(2023).statistics;
    expect(at(previous.averageChange.officers, 2)).toBe(8.36);
    expect(at(previous.averageChange.middleManagement, 2)).toBe(9.18);
    expect(at(previous.averageChange.seniorLeadership, 2)).toBe(11.07);
  });
});

describe("national figures", () => {
  it("women are 27 % → 28 % of middle management and 30 % → 30 % of senior leadership", () => {
    const n = published.national;
    expect(at(statistics.national.previous!.middleManagement.womenPct, 0)).toBe(n.women_pct_middle_management["2023"]);
    expect(at(statistics.national.middleManagement.womenPct, 0)).toBe(n.women_pct_middle_management["2024"]);
    expect(at(statistics.national.previous!.seniorLeadership.womenPct, 0)).toBe(n.women_pct_senior_leadership["2023"]);
    expect(at(statistics.national.seniorLeadership.womenPct, 0)).toBe(n.women_pct_senior_leadership["2024"]);
  });

  it("excludes the three officers whose sex is not stated", () => {
    expect(statistics.excluded.notStated).toBe(published.national.excluded_officers_sex_not_stated);
  });

  it("puts three more forces in the senior-leadership men +15 band than last year", () => {
    const counts = statistics.bandCounts.seniorLeadership;
    expect(counts["2024"]["men+15"] - counts["2023"]["men+15"]).toBe(3);
  });

  it("counts every force in exactly one band each year", () => {
    for (const level of ["middleManagement", "seniorLeadership"] as const) {
      for (const year of ["2023", "2024"]) {
        expect(Object.values(statistics.bandCounts[level][year]).reduce((a, b) => a + b, 0)).toBe(46);
      }
    }
  });

  it("staff shares: 63 % staff and designated officers, 47 % PCSOs, 25 % specials, 46 % volunteers", () => {
    const pct = (key: string, data: { staff: { key: string; womenPct: number | null }[] } = statistics.national) => at(data.staff.find((s) => s.key === key)!.womenPct, 0);
    expect(pct("staffAndDesignatedOfficers")).toBe(published.police_staff_women_pct_2024.police_staff_and_designated_officers);
    expect(pct("pcsos")).toBe(published.police_staff_women_pct_2024.pcsos);
    expect(pct("specialConstables")).toBe(25);
    expect(pct("supportVolunteers")).toBe(46);
    // The text says staff rose a point, PCSOs held, and the other two fell a point each.
    const previous = statistics.national.previous!;
    expect(pct("staffAndDesignatedOfficers", previous)).toBe(62);
    expect(pct("pcsos", previous)).toBe(47);
    expect(pct("specialConstables", previous)).toBe(26);
    expect(pct("supportVolunteers", previous)).toBe(47);
  });
});

describe("per-force charts", () => {
  it.each(published.per_force_chart_2024 as Record<string, number | string | null>[])("$force", (row) => {
    const force = forceNamed(row.force as string);
    expect(at(force.officersWomenPct, 2)).toBe(row.women_pct_officers);
    expect(at(force.middleManagementWomenPct, 2)).toBe(row.women_pct_middle_management);
    expect(at(force.seniorLeadershipWomenPct, 2)).toBe(row.women_pct_senior_leadership);
    expect(at(force.middleManagementDifference, 2)).toBe(row.difference_middle_management);
    if (row.difference_senior_leadership !== null) expect(at(force.seniorLeadershipDifference, 2)).toBe(row.difference_senior_leadership);
  });

  it("Avon & Somerset's −9.82 comes from unrounded values (rounded ones would give −9.83) and sits in men +5", () => {
    const force = forceNamed("Avon & Somerset");
    expect(roundHalfAway(force.middleManagementWomenPct!, 2) - roundHalfAway(force.officersWomenPct!, 2)).toBeCloseTo(-9.83, 6);
    expect(at(force.middleManagementDifference, 2)).toBe(-9.82);
    expect(force.middleManagementBand).toBe("men+5");
  });

  it("Devon & Cornwall's senior-leadership difference is −5.08", () => {
    expect(at(forceNamed("Devon & Cornwall").seniorLeadershipDifference, 2)).toBe(-5.08);
  });
});
