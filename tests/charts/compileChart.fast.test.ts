// Charts that differ in their rows alone are compiled by Vega-Lite once (src/charts/renderChart.ts): each
// gets Vega-Lite's own output for its spec, with its own rows.
import { describe, expect, it } from "vitest";
import { compile, type TopLevelSpec } from "vega-lite";
import { chartCompiler } from "../../src/charts/renderChart.ts";
import { forceRepresentationChart } from "../../templates/charts/forceRepresentationChart.ts";
import { staffChart } from "../../templates/charts/staffChart.ts";
import { fixtureStatistics, forceInput, staffInput } from "./fixtures.ts";

const rowsOf = (spec: TopLevelSpec) => (spec as { data: { values: unknown[] } }).data.values;

describe("compiling charts", () => {
  const statistics = fixtureStatistics();
  // Two forces' charts (one on each force page): the same structure, other rows.
  const first = forceRepresentationChart(forceInput(statistics.forces[0]));
  const second = forceRepresentationChart(forceInput(statistics.forces[1]));
  const staff = staffChart(staffInput(statistics));

  it("compiles a structure once, and gives each chart Vega-Lite's output for its own spec and rows", () => {
    expect(rowsOf(first)).not.toEqual(rowsOf(second));
    const compiled: TopLevelSpec[] = [];
    const compileChart = chartCompiler((spec) => (compiled.push(spec), compile(spec).spec));
    const results = [first, second, staff, second].map((spec) => compileChart(spec));
    // The two forces' charts share a structure: Vega-Lite compiled the first of them and the staff chart.
    expect(compiled).toEqual([first, staff]);
    [first, second, staff, second].forEach((spec, i) => {
      expect(results[i]).toEqual(compile(spec).spec);
      const source = (results[i] as { data: { name: string; values?: unknown }[] }).data.find((d) => d.values === rowsOf(spec));
      expect(source?.name).toBe("source_0");
    });
    // Each call hands back a copy of its own (vega's parser may change what it is given).
    expect(results[3]).not.toBe(results[1]);
  });
});
