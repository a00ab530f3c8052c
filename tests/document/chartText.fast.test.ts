// Each chart's text alternative and data table, said from the chart's own inputs (hand-computed figures).
import { describe, expect, it } from "vitest";
import { describeChart, type ChartFigureCore } from "../../src/document/chartText.ts";

const base = { title: "A chart", description: "What it shows.", statistics: [], data: [] };

describe("describeChart", () => {
  it("says a force's shares and how far each level is from its share of all officers", () => {
    const chart = describeChart(
      {
        ...base,
        id: "chart/force-avon-and-somerset",
        kind: "forceRepresentation",
        input: {
          rows: [
            { level: "officers", label: "All officers", womenPct: 38.018501939719485 },
            { level: "middleManagement", label: "Middle management", womenPct: 28.193832599118945 },
            { level: "seniorLeadership", label: "Senior leadership", womenPct: 40 },
          ],
        },
      },
      // 28.1938 − 38.0185 = −9.8247; 40 − 38.0185 = +1.9815.
      { year: 2024, force: { name: "Avon and Somerset Constabulary", differences: { middleManagement: 28.193832599118945 - 38.018501939719485, seniorLeadership: 40 - 38.018501939719485 } } },
    );
    expect(chart.alt).toBe(
      "In 2024 women were 38.02\u00a0% of all officers in Avon and Somerset Constabulary, 28.19\u00a0% of sergeants and inspectors (9.82 points below their share of all officers) and 40.00\u00a0% of chief inspectors and above (1.98 points above their share of all officers).",
    );
    expect(chart.table.id).toBe("chart/force-avon-and-somerset/data");
    expect(chart.table.columns.map((c) => c.label)).toEqual(["Officers", "Women", "Men"]);
    expect(chart.table.rows[1]).toEqual({ level: { text: "Middle management", binding: null }, women: { text: "28.19\u00a0%", binding: null }, men: { text: "71.81\u00a0%", binding: null } });
  });

  it("counts the forces in each band, one force in the singular", () => {
    const chart = describeChart(
      {
        ...base,
        id: "chart/band-middle-management-2024",
        kind: "band",
        input: {
          year: 2024,
          level: "middleManagement",
          columns: [
            { band: "men+15", label: "Men +15 %" },
            { band: "men+5", label: "Men +5 %" },
            { band: "equal", label: "Equal" },
          ],
          forces: [
            { shortName: "Kent", band: "men+5" },
            { shortName: "Essex", band: "men+5" },
            { shortName: "Dorset", band: "equal" },
          ],
        },
      } as ChartFigureCore,
      { year: 2024 },
    );
    expect(chart.alt).toBe("In 2024 the share of women in middle management, compared with their share of all officers, was 5 to 10 points lower in 2 forces and within 1 point in 1 force (3 forces in all).");
    const row = chart.table.rows.find((r) => r.band.text === "Men +5 %")!;
    expect([row.meaning.text, row.count.text, row.forces.text]).toEqual(["5 to 10 points lower", "2", "Kent, Essex"]);
    expect(chart.table.rows[0].count.text).toBe("0");
  });

  it("says which way each trend went, and keeps PCSOs in capitals in the staff chart", () => {
    const trend = describeChart(
      {
        ...base,
        id: "chart/trend-2024",
        kind: "trend",
        input: {
          series: [
            { key: "middleManagement", label: "Middle management" },
            { key: "seniorLeadership", label: "Senior leadership" },
          ],
          points: [
            { year: 2022, middleManagement: 25.251, seniorLeadership: 30.004 },
            { year: 2023, middleManagement: null, seniorLeadership: 29 },
            { year: 2024, middleManagement: 28.134, seniorLeadership: 29.996 },
          ],
        },
      },
      { year: 2024 },
    );
    expect(trend.alt).toBe("The national share of women officers: in middle management it rose from 25.25\u00a0% in 2022 to 28.13\u00a0% in 2024; in senior leadership it stayed at 30.00\u00a0% from 2022 to 2024.");
    expect(trend.table.rows[1].middleManagement.text).toBe("n/a");

    const staff = describeChart({ ...base, id: "chart/staff-2024", kind: "staff", input: [{ role: "Police staff", womenPct: 63 }, { role: "PCSOs", womenPct: 47.004 }] }, { year: 2024 });
    expect(staff.alt).toBe("In 2024 women were 63.00\u00a0% of police staff and 47.00\u00a0% of PCSOs.");
  });

  it("refuses a force chart without the force it belongs to", () => {
    const core: ChartFigureCore = { ...base, id: "chart/force-x", kind: "forceRepresentation", input: { rows: [{ level: "officers", label: "All officers", womenPct: 30 }] } };
    expect(() => describeChart(core, { year: 2024 })).toThrow("chart/force-x: a force chart needs the force's name and its share of all officers.");
  });
});
