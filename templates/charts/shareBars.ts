// 100 % stacked bars of women and men, one bar per row, shared by the force and staff charts.
//
//   ■ Women  ■ Men
//   Middle management
//   38.02 %  [██████████████░░░░░░░░░░░░░░░░░]  61.98 %
//
// Women's segment first (left), men's second. Each segment's percentage sits beside its own end of
// the bar, outside it, so a label never overflows a thin segment and the figures line up in columns;
// the header names both segments in words and with their colour swatch (never colour alone).
import type { TopLevelSpec } from "vega-lite";
import { percent, roundHalfAway } from "../../src/document/formatters.ts";
import { charts, colours } from "../../src/design/theme.ts";
import { atPoints, capHeight, chartConfig, csvColumns, descent, placedRect, r2, textWidth } from "./common.ts";

export interface ShareRow {
  label: string;
  /** Women's share in %; null when the group is empty. */
  womenPct: number | null;
}

export interface ShareBarsOptions {
  width: number;
  decimals: number;
  description: string;
  /** Name of the row column in the CSV ("level", "role"). */
  rowColumn: string;
  /** Size of the printed percentages (default the chart label size). */
  valueFontSize?: number;
}

const BAR_HEIGHT = charts.bandBoxHeight;
const LABEL_GAP = charts.labelFontSize / 2.5; // between a bar's end and its percentage
const ROW_GAP = charts.bandBoxHeight * 0.6; // between one bar and the next row's label
const SWATCH = capHeight(charts.fontSize) * 1.15;

export function shareBars(rows: ShareRow[], options: ShareBarsOptions): TopLevelSpec {
  if (rows.length === 0) throw new Error("shareBars: no rows");
  const width = r2(options.width);
  const size = options.valueFontSize ?? charts.labelFontSize;
  const headSize = charts.fontSize;
  // Gutters wide enough for the widest possible figure, so bars are the same length on every page.
  const gutter = textWidth(percent(100, options.decimals), size) + LABEL_GAP;
  const x0 = gutter;
  const x1 = width - gutter;
  if (x1 - x0 < 40) throw new Error(`shareBars: ${width} pt is too narrow for the bars`);
  for (const row of rows) {
    if (textWidth(row.label, headSize) > width - x0) throw new Error(`shareBars: the label "${row.label}" does not fit ${width} pt`);
  }
  const headerBaseline = capHeight(headSize);
  const { data, height } = placeRows(rows, options, { x0, x1, size, headSize, headerBaseline });

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    usermeta: csvColumns(options.rowColumn, "womenPct", "menPct"),
    description: options.description,
    width,
    height,
    data: { values: data },
    layer: [...barLayers(size, headSize), legendLayer(legendKeys(x0, headerBaseline), headSize)],
    config: chartConfig(),
  } as TopLevelSpec;
}

/** Where the bars run and how the figures are set; the same for every row. */
interface BarFrame {
  x0: number;
  x1: number;
  /** Size of the printed percentages. */
  size: number;
  /** Size of the row labels and the header. */
  headSize: number;
  headerBaseline: number;
}

/** One data row per bar, CSV columns first, then its place on the page; rows stack down from the header. */
function placeRows(rows: ShareRow[], options: ShareBarsOptions, frame: BarFrame) {
  const { x0, x1, size, headSize, headerBaseline } = frame;
  let top = headerBaseline + descent(headSize) + ROW_GAP * 0.75;
  const data = rows.map((row) => {
    if (row.womenPct !== null && !(row.womenPct >= 0 && row.womenPct <= 100)) {
      throw new Error(`shareBars: women's share for "${row.label}" is ${row.womenPct}, not a percentage`);
    }
    const labelBaseline = top + capHeight(headSize);
    const barTop = labelBaseline + descent(headSize) + 1.5;
    const barBottom = barTop + BAR_HEIGHT;
    const valueBaseline = barTop + BAR_HEIGHT / 2 + capHeight(size) / 2;
    top = barBottom + ROW_GAP;
    const women = row.womenPct;
    const men = women === null ? null : 100 - women;
    return {
      [options.rowColumn]: row.label,
      womenPct: women,
      menPct: men,
      // Layout (not in the CSV):
      rowLabel: row.label,
      x0: r2(x0),
      xMid: women === null ? null : r2(x0 + ((x1 - x0) * women) / 100),
      x1: r2(x1),
      xCentre: r2((x0 + x1) / 2),
      womenLabelX: r2(x0 - LABEL_GAP),
      menLabelX: r2(x1 + LABEL_GAP),
      labelBaseline: r2(labelBaseline),
      barTop: r2(barTop),
      barBottom: r2(barBottom),
      valueBaseline: r2(valueBaseline),
      womenText: women === null ? "n/a" : percent(women, options.decimals),
      // The complement of the printed women's share, so the two printed figures add up to 100 %.
      menText: women === null ? "n/a" : percent(100 - roundHalfAway(women, options.decimals), options.decimals),
      hasData: women !== null,
    };
  });
  return { data, height: Math.ceil(top - ROW_GAP + 1) };
}

/** The header's two keys, Women then Men, each a swatch and its name. */
function legendKeys(x0: number, headerBaseline: number) {
  const swatchTop = headerBaseline - SWATCH;
  return [
    { text: "Women", swatchX: x0, textX: x0 + SWATCH + 3, align: "left", fill: colours.women },
    // One legend, read in one go: the men's key follows the women's instead of standing at the far end.
    { text: "Men", swatchX: x0 + SWATCH + 3 + textWidth("Women", charts.fontSize) + 10, textX: x0 + SWATCH + 3 + textWidth("Women", charts.fontSize) + 10 + SWATCH + 3, align: "left", fill: colours.men },
  ].map((d) => ({ ...d, swatchX: r2(d.swatchX), swatchX2: r2(d.swatchX + SWATCH), textX: r2(d.textX), y: r2(swatchTop), y2: r2(headerBaseline), baseline: r2(headerBaseline) }));
}

/** The bars, their percentages and the row labels. */
function barLayers(size: number, headSize: number) {
  const valueText = (field: string, x: string, align: "left" | "right") => ({
    mark: { type: "text" as const, align, baseline: "alphabetic" as const, fontSize: size, color: colours.ink },
    encoding: { x: atPoints(x), y: atPoints("valueBaseline"), text: { field, type: "nominal" as const } },
  });

  return [
    // Segments: women from the bar's start, men to its end.
    {
      transform: [{ filter: "datum.hasData" }],
      mark: { type: "rect", color: colours.women },
      encoding: { x: atPoints("x0"), x2: { field: "xMid" }, y: atPoints("barTop"), y2: { field: "barBottom" } },
    },
    {
      transform: [{ filter: "datum.hasData" }],
      mark: { type: "rect", color: colours.men },
      encoding: { x: atPoints("xMid"), x2: { field: "x1" }, y: atPoints("barTop"), y2: { field: "barBottom" } },
    },
    // A group with no one in it: an empty bar saying so.
    {
      transform: [{ filter: "!datum.hasData" }],
      mark: { type: "rect", color: colours.zebra, stroke: colours.rule, strokeWidth: 0.5 },
      encoding: { x: atPoints("x0"), x2: { field: "x1" }, y: atPoints("barTop"), y2: { field: "barBottom" } },
    },
    {
      transform: [{ filter: "!datum.hasData" }],
      mark: { type: "text", align: "center", baseline: "alphabetic", fontSize: size, color: colours.inkMuted, text: "No one at this level" },
      encoding: { x: atPoints("xCentre"), y: atPoints("valueBaseline") },
    },
    valueText("womenText", "womenLabelX", "right"),
    valueText("menText", "menLabelX", "left"),
    // Row labels above their bars.
    {
      mark: { type: "text", align: "left", baseline: "alphabetic", fontSize: headSize, fontWeight: 600, color: colours.ink },
      encoding: { x: atPoints("x0"), y: atPoints("labelBaseline"), text: { field: "rowLabel", type: "nominal" } },
    },
  ];
}

/** Header: which segment is which, in words and colour. */
function legendLayer(legend: ReturnType<typeof legendKeys>, headSize: number) {
  return {
    data: { values: legend },
    layer: [
      placedRect("swatchX", "swatchX2", "y", "y2"),
      {
        // Vega-Lite has no align channel: one layer per alignment.
        mark: { type: "text", align: "left", baseline: "alphabetic", fontSize: headSize, color: colours.ink },
        encoding: { x: atPoints("textX"), y: atPoints("baseline"), text: { field: "text", type: "nominal" } },
        transform: [{ filter: "datum.align === 'left'" }],
      },
      {
        mark: { type: "text", align: "right", baseline: "alphabetic", fontSize: headSize, color: colours.ink },
        encoding: { x: atPoints("textX"), y: atPoints("baseline"), text: { field: "text", type: "nominal" } },
        transform: [{ filter: "datum.align === 'right'" }],
      },
    ],
  };
}
