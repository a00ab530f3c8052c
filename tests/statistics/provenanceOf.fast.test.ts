// provenanceOf: the rows behind a statistic, found once for a set of loaded years (the preview prepares
// the edition on every save with the same years), and the same rows provenance() finds.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { loadForceRegister } from "../../src/load/forceRegister.ts";
import { loadWorkforceYear } from "../../src/load/workforce.ts";
import { provenance, provenanceOf, UnknownProvenance } from "../../src/statistics/provenance.ts";
import { fixturesDir } from "../helpers/fixtureCopy.ts";

function loadYears() {
  const sink = new DiagnosticSink();
  const dataDir = path.join(fixturesDir, "data");
  const register = loadForceRegister(path.join(dataDir, "forces.csv"), sink)!;
  return [2023, 2024].map((y) => loadWorkforceYear(dataDir, y, register, sink, { staffRequired: y === 2024 })!);
}

describe("provenanceOf", () => {
  const years = loadYears();
  const statistic = "forces.kent.middleManagementWomenPct";

  it("finds the rows provenance() finds: Kent's 2024 middle-management officer rows", () => {
    const rows = provenanceOf(years, 2024)(statistic);
    expect(rows).toEqual(provenance(statistic, years, 2024));
    expect(rows).toHaveLength(1);
    expect(rows[0].file).toBe(years[1].files.officers);
    expect(rows[0].lines.length).toBeGreaterThan(0);
  });

  it("finds a statistic's rows once for the same years, again for other years or another edition year", () => {
    const first = provenanceOf(years, 2024)(statistic);
    // A later build with the same loaded years (a new function each build) gets the rows already found.
    expect(provenanceOf(years, 2024)(statistic)).toBe(first);
    const reloaded = loadYears();
    expect(provenanceOf(reloaded, 2024)(statistic)).not.toBe(first);
    expect(provenanceOf(reloaded, 2024)(statistic)).toEqual(first);
    expect(provenanceOf(years, 2023)("forces.kent.middleManagementWomenPct")).not.toEqual(first);
  });

  it("still refuses a statistic it knows no rows for, each time it is asked", () => {
    const of = provenanceOf(years, 2024);
    expect(() => of("forces.kent.noSuchThing")).toThrow(UnknownProvenance);
    expect(() => of("forces.kent.noSuchThing")).toThrow(UnknownProvenance);
  });
});
