// Charts that differ in their rows alone are compiled and parsed once and drawn by one Vega view
// (src/charts/renderChart.ts): each chart's SVG is the one a view of its own draws.
import { describe, expect, it } from "vitest";
import { compile, type TopLevelSpec } from "vega-lite";
import { chartRenderer } from "../../src/charts/renderChart.ts";
import { forceRepresentationChart } from "../../templates/charts/forceRepresentationChart.ts";
import { staffChart } from "../../templates/charts/staffChart.ts";
import { fixtureStatistics, forceInput, staffInput } from "./fixtures.ts";

const rowsOf = (spec: TopLevelSpec) => (spec as { data: { values: unknown[] } }).data.values;

describe("drawing charts", () => {
  const statistics = fixtureStatistics();
  // Two forces' charts (one on each force page): the same structure, other rows.
  const first = forceRepresentationChart(forceInput(statistics.forces[0]));
  const second = forceRepresentationChart(forceInput(statistics.forces[1]));
  const staff = staffChart(staffInput(statistics));

  it("compiles a structure once, and draws each chart as a view of its own would, one after another", async () => {
    expect(rowsOf(first)).not.toEqual(rowsOf(second));
    const compiled: TopLevelSpec[] = [];
    const renderChart = chartRenderer((spec) => (compiled.push(spec), compile(spec).spec));
    // Asked for all at once, as a caller may; drawn in turn.
    const charts = await Promise.all([first, second, staff, second, first].map((spec) => renderChart(spec)));
    // The two forces' charts share a structure: Vega-Lite compiled the first of them and the staff chart.
    expect(compiled).toEqual([first, staff]);
    const alone = [];
    for (const spec of [first, second, staff, second, first]) alone.push(await chartRenderer()(spec));
    expect(charts).toEqual(alone);
    expect(charts[0].svg).not.toBe(charts[1].svg);
  });
});
