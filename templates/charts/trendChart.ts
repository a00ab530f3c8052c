// National women's share of middle management and of senior leadership over the years the data holds:
// two lines with points, each point's value printed, each line named at its end.
import type { TopLevelSpec } from "vega-lite";
import type { ChartInputs } from "../../src/document/model.ts";
import { percent } from "../../src/document/formatters.ts";
import { charts, colours } from "../../src/design/theme.ts";
import { NBSP, capHeight, chartConfig, csvColumns, r2, textColumnWidth, textWidth } from "./common.ts";

export type TrendChartInput = ChartInputs["trend"];

export interface TrendChartOptions {
  /** Overall width in points; default the A4 text column. */
  width?: number;
  /** Height of the plotting area in points. */
  plotHeight?: number;
}

/** How each line is drawn; the words naming it come from the document. */
const seriesStyle = {
  middleManagement: { colour: colours.women, shape: "circle" },
  seniorLeadership: { colour: colours.accent, shape: "square" },
} as const;

/** The plot's height by default, and the most a page with room may give it (about half the plot's width). */
export const trendPlot = { height: 110, maxHeight: 240 } as const;

const DECIMALS = 2;
const POINT_SIZE = 30; // area in square points
const LABEL_OFFSET = 5; // from a point to its value label

export function trendChart(input: TrendChartInput, options: TrendChartOptions = {}): TopLevelSpec {
  const data = input.points;
  const series = input.series.map((s) => ({ key: s.key, label: s.label, ...seriesStyle[s.key] }));
  const years = [...new Set(data.map((d) => d.year))].sort((a, b) => a - b);
  if (years.length === 0) throw new Error("trendChart: no years");
  if (years.length !== data.length) throw new Error("trendChart: a year appears twice");
  const rowsByYear = new Map(data.map((d) => [d.year, d]));

  const values = data.flatMap((d) => [d.middleManagement, d.seniorLeadership]).filter((v): v is number => v !== null);
  if (values.length === 0) throw new Error("trendChart: no values");
  // The axis shows the change: it spans the values with a little room, in steps of 2, 5 or 10 points,
  // not from zero (a 0–40 % axis drew 29.63 → 30.14 as a flat line). Gridlines every step, labelled.
  const axis = trendAxis(values);

  const width = r2(options.width ?? textColumnWidth);
  const plotHeight = options.plotHeight ?? trendPlot.height;
  const lastRow = rowsByYear.get(years[years.length - 1])!;
  const frame = trendFrame(series, values, lastRow, axis.top, width);
  const encodings = trendEncodings(series, years, axis, frame.inset, frame.plotWidth);

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    usermeta: csvColumns("year", "level", "womenPct"),
    description: "Women's share of middle management and of senior leadership in each year.",
    width: frame.plotWidth,
    height: plotHeight,
    padding: { left: frame.padLeft, right: frame.padRight, top: frame.padTop, bottom: frame.padBottom },
    data: { values: trendRows(series, years, rowsByYear) },
    layer: trendLayers(encodings, lineEndLabels(series, years, rowsByYear, axis, plotHeight), frame.endDx),
    config: chartConfig(),
  } as TopLevelSpec;
}

type Series = TrendChartInput["series"][number] & (typeof seriesStyle)[keyof typeof seriesStyle];
type YearRow = TrendChartInput["points"][number];
type Axis = ReturnType<typeof trendAxis>;

/** The plot's padding and width, and how far the line names stand off the last year's points. */
function trendFrame(series: Series[], values: number[], lastRow: YearRow, top: number, width: number) {
  const fontSize = charts.fontSize;
  const labelSize = charts.labelFontSize;
  const padLeft = Math.ceil(textWidth(`${top}${NBSP}%`, fontSize) + 6);
  // Clear of the last year's value labels, which are centred on its points.
  const endDx = Math.ceil(
    Math.max(
      POINT_SIZE ** 0.5 + 1,
      ...series.map((s) => (lastRow[s.key] === null ? 0 : textWidth(percent(lastRow[s.key]!, DECIMALS), labelSize) / 2)),
    ) + 4,
  );
  // The first and last years sit this far inside the plot (room for half a value label); the line
  // names start beyond the plot's right edge, so gridlines never run through them.
  const inset = Math.ceil(Math.max(...values.map((v) => textWidth(percent(v, DECIMALS), labelSize))) / 2 + 1);
  const nameWidth = Math.max(...series.map((s) => textWidth(s.label, fontSize, 600)));
  const padRight = Math.ceil(Math.max(0, endDx - inset) + nameWidth + 2);
  const padTop = Math.ceil(capHeight(labelSize) + LABEL_OFFSET + 4);
  const padBottom = Math.ceil(fontSize * 2.2);
  const plotWidth = r2(width - padLeft - padRight);
  return { padLeft, padRight, padTop, padBottom, plotWidth, endDx, inset };
}

/** Long rows, one per year and level with a value; where both levels have one, the higher value's
 *  label goes above its point and the lower's below, so the two never collide. */
function trendRows(series: Series[], years: number[], rowsByYear: Map<number, YearRow>) {
  return series.flatMap((s) =>
    years.flatMap((year) => {
      const row = rowsByYear.get(year)!;
      const value = row[s.key];
      if (value === null) return [];
      const other = row[s.key === "middleManagement" ? "seniorLeadership" : "middleManagement"];
      const below = other !== null && (value < other || (value === other && s.key === "seniorLeadership"));
      return [{ year: String(year), level: s.label, womenPct: value, valueText: percent(value, DECIMALS), labelBelow: below }];
    }),
  );
}

/** Line names at the right, level with each line's last value, pushed apart if they would touch. */
function lineEndLabels(series: Series[], years: number[], rowsByYear: Map<number, YearRow>, axis: Axis, plotHeight: number) {
  const { bottom, top } = axis;
  const span = top - bottom;
  const toPx = (v: number) => plotHeight * (1 - (v - bottom) / span);
  const ends = series
    .map((s) => {
      const last = [...years].reverse().find((y) => rowsByYear.get(y)![s.key] !== null);
      return last === undefined ? null : { label: s.label, y: toPx(rowsByYear.get(last)![s.key]!) };
    })
    .filter((e): e is { label: Series["label"]; y: number } => e !== null)
    .sort((a, b) => a.y - b.y);
  const minGap = charts.fontSize + 2;
  if (ends.length === 2 && ends[1].y - ends[0].y < minGap) {
    const mid = (ends[0].y + ends[1].y) / 2;
    ends[0].y = mid - minGap / 2;
    ends[1].y = mid + minGap / 2;
  }
  return ends.map((e) => ({ year: String(years[years.length - 1]), level: e.label, pct: r2(bottom + span * (1 - e.y / plotHeight)) }));
}

/** The x (years), y (women's share), colour and shape channels the layers share. */
function trendEncodings(series: Series[], years: number[], axis: Axis, inset: number, plotWidth: number) {
  const { bottom, top, step } = axis;
  const span = top - bottom;
  const x = {
    field: "year",
    type: "ordinal" as const,
    scale: { type: "point" as const, padding: 0, domain: years.map(String), range: [inset, r2(plotWidth - inset)] },
    axis: { title: null, labelAngle: 0, ticks: false, domain: true, labelPadding: 5, labelColor: colours.ink },
  };
  const y = {
    field: "womenPct",
    type: "quantitative" as const,
    scale: { domain: [bottom, top], nice: false, zero: false },
    axis: {
      title: null,
      values: Array.from({ length: span / step + 1 }, (_, i) => bottom + i * step),
      tickCount: span / step + 1, // or Vega thins the explicit values to its own count
      labelExpr: `datum.value + '${NBSP}%'`,
      domain: false,
      ticks: false,
      grid: true,
      gridWidth: 0.5,
      labelPadding: 4,
    },
  };
  const colour = {
    field: "level",
    type: "nominal" as const,
    scale: { domain: series.map((s) => s.label), range: series.map((s) => s.colour) },
    legend: null,
  };
  const shape = {
    field: "level",
    type: "nominal" as const,
    scale: { domain: series.map((s) => s.label), range: series.map((s) => s.shape) },
    legend: null,
  };
  return { x, y, colour, shape };
}

/** Lines, points, each point's value above or below it, and the line names. */
function trendLayers(encodings: ReturnType<typeof trendEncodings>, endLabels: ReturnType<typeof lineEndLabels>, endDx: number) {
  const { x, y, colour, shape } = encodings;
  const fontSize = charts.fontSize;
  const labelSize = charts.labelFontSize;
  const valueLabels = (below: boolean) => ({
    transform: [{ filter: below ? "datum.labelBelow" : "!datum.labelBelow" }],
    mark: {
      type: "text" as const,
      align: "center" as const,
      baseline: "alphabetic" as const,
      fontSize: labelSize,
      dy: r2(below ? LABEL_OFFSET + capHeight(labelSize) + 1 : -LABEL_OFFSET - 1),
    },
    encoding: { x, y, text: { field: "valueText", type: "nominal" as const }, color: colour },
  });

  return [
    { mark: { type: "line", strokeWidth: 1.75, strokeJoin: "round", strokeCap: "round" }, encoding: { x, y, color: colour } },
    { mark: { type: "point", filled: true, size: POINT_SIZE, opacity: 1 }, encoding: { x, y, color: colour, shape } },
    valueLabels(false),
    valueLabels(true),
    {
      data: { values: endLabels },
      mark: { type: "text", align: "left", baseline: "middle", dx: endDx, fontSize, fontWeight: 600 },
      encoding: {
        x: { field: "year", type: "ordinal" },
        y: { field: "pct", type: "quantitative" },
        text: { field: "level", type: "nominal" },
        color: { field: "level", type: "nominal" },
      },
    },
  ];
}

/** The y axis: from a step below the lowest value to a step above the highest, in round steps (at most 6 gridlines). */
export function trendAxis(values: number[]): { bottom: number; top: number; step: number } {
  const low = Math.min(...values);
  const high = Math.max(...values);
  for (const step of [2, 5, 10, 20]) {
    const bottom = Math.max(0, Math.floor((low - 1) / step) * step);
    const top = Math.min(100, Math.ceil((high + 1) / step) * step);
    if ((top - bottom) / step <= 5) return { bottom, top, step };
  }
  return { bottom: 0, top: 100, step: 20 };
}
