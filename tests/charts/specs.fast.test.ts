// Each chart spec renders from fixture data, with one mark per datum, deterministically.
import { describe, expect, it } from "vitest";
import { renderChart, renderCharts } from "../../src/charts/renderChart.ts";
import { bands } from "../../src/domain/vocabulary.ts";
import { bandChart } from "../../templates/charts/bandChart.ts";
import { bandGroups, bandLabel, type Band } from "../../src/domain/vocabulary.ts";
import { textColumnWidth, halfColumnWidth, contrastRatio, capHeight, textWidth } from "../../templates/charts/common.ts";
import { forceRepresentationChart } from "../../templates/charts/forceRepresentationChart.ts";
import { staffChart } from "../../templates/charts/staffChart.ts";
import { trendAxis, trendChart } from "../../templates/charts/trendChart.ts";
import { charts, colours, fonts } from "../../src/design/theme.ts";
import { bandForces, bandInput, fixtureStatistics, forceInput, forceShares, staffInput, trendInput, trendPoints } from "./fixtures.ts";
import { markItems, textLines } from "./helpers.ts";

const statistics = fixtureStatistics();

describe("bandChart", () => {
  const input = bandInput(statistics, "middleManagement");

  it("draws one box per force, coloured by its band, in nine labelled columns", async () => {
    const { svg, width, csv } = await renderChart(bandChart(input));
    const boxes = markItems(svg, "layer_0_marks");
    expect(boxes).toHaveLength(input.forces.length);
    const fills = boxes.map((b) => String(b.properties!.fill).toUpperCase());
    for (const band of bands) {
      expect(fills.filter((f) => f === colours.bands[band].toUpperCase())).toHaveLength(input.forces.filter((f) => f.band === band).length);
    }
    // Boxes are all the same width (not weighted by force size); a box is as tall as its name's lines.
    const widths = new Set(boxes.map((b) => Number(/h([\d.]+)/.exec(String(b.properties!.d))![1]).toFixed(1)));
    expect(widths.size).toBe(1);
    const lines = textLines(svg);
    for (const band of bands) expect(lines).toContain(bandLabel(band));
    expect(bandLabel("men+15")).toBe("15\u00a0or more");
    expect(bandLabel("men+5")).toBe("5 to 10");
    expect(bandLabel("equal")).toBe("Equal");
    expect(bandLabel("women+1")).toBe("1 to 5");
    // Grouped under the side each column is on, with "equal" explained.
    for (const group of bandGroups) expect(lines).toContain(group.label);
    // The CSV names each band in full: its range and its side.
    for (const row of csv.split("\r\n").slice(1).filter(Boolean)) {
      const [, , , band, label] = row.split(",");
      if (band === "equal") expect(label).toBe("Equal (within 1\u00a0point)");
      else expect(label).toBe(`${bandLabel(band as Band)} points more ${band.split("+")[0]}`);
    }
    expect(csv).toContain("15\u00a0or more points more men");
    // Every force is named (some on two lines, some hyphenated: join lines back to compare letters).
    const boxText = markItems(svg, "layer_1_marks").map((t) => String(t.children.map((c) => (typeof c === "string" ? c : "value" in c ? c.value : "")).join("")));
    const letters = (s: string) => s.replace(/&amp;/g, "&").replace(/[^\p{L}&']/gu, "");
    expect(boxText.length).toBeGreaterThanOrEqual(input.forces.length);
    const joined = letters(boxText.join(""));
    for (const f of input.forces) expect(joined).toContain(letters(f.shortName));
    expect(width).toBeCloseTo(textColumnWidth, 1);
    expect(csv.split("\r\n")[0]).toBe("year,level,force,band,bandLabel");
    expect(csv.trim().split("\r\n")).toHaveLength(input.forces.length + 1);
  });

  it("grows with the tallest stack", async () => {
    const few = await renderChart(bandChart({ ...input, forces: input.forces.map((f) => ({ ...f, band: "equal" as const })).slice(0, 3) }));
    const many = await renderChart(bandChart({ ...input, forces: input.forces.map((f) => ({ ...f, band: "equal" as const })).slice(0, 12) }));
    expect(many.height).toBeGreaterThan(few.height);
    expect(markItems(few.svg, "layer_0_marks")).toHaveLength(3);
    expect(markItems(many.svg, "layer_0_marks")).toHaveLength(12);
  });

  // The spec's rows carry each box and its name's lines: measure the text against the box it sits in.
  type BoxRow = { force: string; x: number; x2: number; y: number; y2: number; labelLines: string[]; labelBaselines: number[]; labelSize: number };
  const rowsOf = (spec: ReturnType<typeof bandChart>) => (spec as unknown as { data: { values: BoxRow[] } }).data.values;

  it("sets every name in full at 7 pt or more, clear of its box's edges, one box height per line count", () => {
    const rows = rowsOf(bandChart(input));
    const heightByLines = new Map<number, Set<string>>();
    for (const row of rows) {
      expect(row.labelSize, row.force).toBeGreaterThanOrEqual(7);
      // The lines put back together give the name: wrapped, never abbreviated.
      expect(row.labelLines.join(" ").replace(/- /g, "").replace(/\s+/g, ""), row.force).toBe(row.force.replace(/\s+/g, ""));
      for (const line of row.labelLines) expect(textWidth(line, row.labelSize), `${row.force}: ${line}`).toBeLessThanOrEqual(row.x2 - row.x - 2 * 1.5);
      expect(row.labelBaselines[0] - capHeight(row.labelSize) - row.y, row.force).toBeGreaterThanOrEqual(2);
      expect(row.y2 - row.labelBaselines.at(-1)!, row.force).toBeGreaterThanOrEqual(2);
      const heights = heightByLines.get(row.labelLines.length) ?? new Set<string>();
      heights.add((row.y2 - row.y).toFixed(2));
      heightByLines.set(row.labelLines.length, heights);
    }
    for (const heights of heightByLines.values()) expect(heights.size).toBe(1);
  });

  it("wraps a long name over lines in a taller box instead of shrinking or cutting it", () => {
    const rows = rowsOf(bandChart(bandForces(2024, "seniorLeadership", [{ shortName: "Kent", band: "men+5" }, { shortName: "Police Service of Northern Ireland", band: "men+5" }, { shortName: "British Transport Police", band: "men+5" }])));
    const kent = rows.find((r) => r.force === "Kent")!;
    const psni = rows.find((r) => r.force === "Police Service of Northern Ireland")!;
    const btp = rows.find((r) => r.force === "British Transport Police")!;
    expect(kent.labelLines).toEqual(["Kent"]);
    expect(psni.labelLines).toEqual(["Police Service of", "Northern Ireland"]);
    // Broken between words over three lines, not inside "Transport".
    expect(btp.labelLines.every((line) => !line.endsWith("-"))).toBe(true);
    expect(psni.labelSize).toBe(7);
    expect(psni.y2 - psni.y).toBeCloseTo(kent.y2 - kent.y + 1.1 * 7, 2);
  });

  it("prints each column's count above its stack", async () => {
    const { svg } = await renderChart(bandChart(input));
    const counts = markItems(svg, "layer_3_marks").map((t) => String(t.children.map((c) => (typeof c === "string" ? c : "value" in c ? c.value : "")).join("")));
    expect(counts).toEqual(bands.map((band) => String(input.forces.filter((f) => f.band === band).length)));
  });

  it("picks the box text colour for contrast", async () => {
    const { svg } = await renderChart(bandChart(input));
    for (const text of markItems(svg, "layer_1_marks")) {
      const fill = String(text.properties!.fill).toUpperCase();
      expect([colours.ink, colours.paper]).toContain(fill);
    }
    for (const band of bands) {
      const bg = colours.bands[band];
      expect(Math.max(contrastRatio(bg, colours.ink), contrastRatio(bg, colours.paper))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("draws an empty chart with its nine columns", async () => {
    const { svg } = await renderChart(bandChart(bandForces(2024, "middleManagement", [])));
    expect(markItems(svg, "layer_0_marks")).toHaveLength(0);
    expect(textLines(svg)).toContain("Equal");
  });
});

describe("forceRepresentationChart", () => {
  const force = statistics.forces[0];

  it("draws women then men for each level, labelled in whole percentages at 7 pt or more, under one legend", async () => {
    const { svg, width, csv } = await renderChart(forceRepresentationChart(forceInput(force)));
    const women = markItems(svg, "layer_0_marks");
    const men = markItems(svg, "layer_1_marks");
    expect(women).toHaveLength(3);
    expect(men).toHaveLength(3);
    expect(women.every((p) => String(p.properties!.fill).toUpperCase() === colours.women)).toBe(true);
    expect(men.every((p) => String(p.properties!.fill).toUpperCase() === colours.men)).toBe(true);
    const lines = textLines(svg);
    expect(lines).toEqual(expect.arrayContaining(["All officers", "Middle management", "Senior leadership", "Women", "Men"]));
    const pct = lines.filter((l) => /^\d+\u00a0%$/.test(l));
    expect(pct).toHaveLength(6);
    // A side panel is read at a glance: no figure under 7 pt.
    const sizes = [...svg.matchAll(/font-size="([\d.]+)px"[^>]*>\d+\u00a0%/g)].map((m) => Number(m[1]));
    expect(sizes).toHaveLength(6);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(7);
    // One legend: the men's key follows the women's at the bar's start, not at the far end.
    const keyX = (word: string) => Number(svg.match(new RegExp(`translate\\(([\\d.]+),[\\d.]+\\)"[^>]*>${word}<`))?.[1] ?? NaN);
    expect(keyX("Men") - keyX("Women")).toBeGreaterThan(0);
    expect(keyX("Men") - keyX("Women")).toBeLessThan(width / 3);
    expect(width).toBeCloseTo(halfColumnWidth, 1);
    expect(csv.split("\r\n")[0]).toBe("level,womenPct,menPct");
  });

  it("prints 38.02 % as 38 % and its complement 62 %, and handles 0, 100 and no data", async () => {
    const { svg } = await renderChart(
      forceRepresentationChart(forceShares(38.0234, 0, null)),
    );
    const lines = textLines(svg);
    expect(lines).toEqual(expect.arrayContaining(["38\u00a0%", "62\u00a0%", "0\u00a0%", "100\u00a0%", "n/a"]));
    expect(markItems(svg, "layer_0_marks")).toHaveLength(2); // no bar segments for the empty level
  });

  it("fits a narrower column", async () => {
    const { width } = await renderChart(forceRepresentationChart(forceInput(force), { width: 168 }));
    expect(width).toBe(168);
  });
});

describe("staffChart", () => {
  it("draws one 100 % bar per group with whole-percent labels adding up to 100", async () => {
    const input = staffInput(statistics);
    const { svg } = await renderChart(staffChart(input));
    expect(markItems(svg, "layer_0_marks")).toHaveLength(input.length);
    expect(markItems(svg, "layer_1_marks")).toHaveLength(input.length);
    const lines = textLines(svg);
    for (const row of input) expect(lines).toContain(row.role);
    const pct = lines.filter((l) => /^\d+\u00a0%$/.test(l)).map((l) => parseInt(l, 10));
    expect(pct).toHaveLength(2 * input.length);
    // women's figures come first, men's second: each pair adds to 100
    const womenFigures = pct.slice(0, input.length);
    const menFigures = pct.slice(input.length);
    womenFigures.forEach((w, i) => expect(w + menFigures[i]).toBe(100));
  });
});

describe("trendChart", () => {
  it.each([2, 10])("draws two labelled lines with points and values over %i years", async (years) => {
    const input = trendInput(fixtureStatistics({ years }));
    const { svg, csv } = await renderChart(trendChart(input));
    const lines = markItems(svg, "layer_0_marks");
    expect(lines).toHaveLength(2);
    expect(markItems(svg, "layer_1_marks")).toHaveLength(2 * years);
    const text = textLines(svg);
    expect(text).toEqual(expect.arrayContaining(["Middle management", "Senior leadership"]));
    expect(text.filter((t) => /^\d+\.\d\d\u00a0%$/.test(t))).toHaveLength(2 * years);
    for (const row of input.points) expect(text).toContain(String(row.year));
    expect(csv.trim().split("\r\n")).toHaveLength(2 * years + 1);
  });

  it("spans the values in round steps, not from zero, so a change of half a point shows", () => {
    // The 2024 figures: 25.26 % to 30.14 %. On a 0–40 % axis 29.63 → 30.14 was a flat line.
    expect(trendAxis([25.26, 26.79, 28.16, 29.63, 30.14, 29.21])).toEqual({ bottom: 24, top: 32, step: 2 });
    const { bottom, top } = trendAxis([29.63, 30.14]);
    // Half a point is at least a tenth of the axis.
    expect(0.51 / (top - bottom)).toBeGreaterThan(0.1);
    expect(trendAxis([12, 58])).toEqual({ bottom: 10, top: 60, step: 10 });
    expect(trendAxis([0.5, 99])).toEqual({ bottom: 0, top: 100, step: 20 });
  });

  it("skips missing values", async () => {
    const { svg } = await renderChart(
      trendChart(
        trendPoints([
          { year: 2023, middleManagement: 30, seniorLeadership: null },
          { year: 2024, middleManagement: 31, seniorLeadership: 28 },
        ]),
      ),
    );
    expect(markItems(svg, "layer_1_marks")).toHaveLength(3);
  });
});

describe("every spec", () => {
  const specs = {
    band: bandChart(bandInput(statistics, "seniorLeadership")),
    force: forceRepresentationChart(forceInput(statistics.forces[3])),
    staff: staffChart(staffInput(statistics)),
    trend: trendChart(trendInput(statistics)),
  };

  it.each(Object.entries(specs))("%s: sets the theme's font and chart sizes", (_, spec) => {
    const config = (spec as unknown as { config: Record<string, Record<string, unknown> | string> }).config;
    expect(config.font).toBe(fonts.family);
    expect((config.text as Record<string, unknown>).fontSize).toBe(charts.labelFontSize);
    expect((config.axis as Record<string, unknown>).labelFontSize).toBe(charts.fontSize);
    expect((config.title as Record<string, unknown>).fontSize).toBe(charts.titleFontSize);
  });

  it.each(Object.entries(specs))("%s: renders byte-identical SVG every time", async (_, spec) => {
    const first = await renderChart(spec);
    await renderChart(specs.band); // other charts in between advance Vega's id counters
    const second = await renderChart(spec);
    expect(second.svg).toBe(first.svg);
    expect(second.csv).toBe(first.csv);
  });

  it.each(Object.entries(specs))("%s: has only the theme's font in its text", async (_, spec) => {
    const { svg } = await renderChart(spec);
    const families = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
    expect([...families]).toEqual([fonts.family]);
  });

  it("builders are pure: same input, same spec", () => {
    expect(JSON.stringify(bandChart(bandInput(statistics, "seniorLeadership")))).toBe(JSON.stringify(specs.band));
  });

  it("renderCharts renders a list in order", async () => {
    const list = Object.entries(specs).map(([id, spec]) => ({ id, spec }));
    const out = await renderCharts(list);
    expect(out.map((c) => c.id)).toEqual(Object.keys(specs));
    expect(out.every((c) => c.svg.startsWith("<svg") && c.width > 0 && c.height > 0)).toBe(true);
  });
});
