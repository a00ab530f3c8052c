// What every chart spec shares: sizes derived from the page, the Vega-Lite config, text helpers.
import type { Config } from "vega-lite";
import { fontMetrics, measureText } from "../../src/charts/textMetrics.ts";
import { charts, colours, fonts, page } from "../../src/design/theme.ts";

/** The A4 text column (what the report's analysis pages give a chart). */
export const textColumnWidth = page.width - page.marginInner - page.marginOuter;
/** Half the text column, less half the column gap. */
export const halfColumnWidth = (textColumnWidth - page.columnGap) / 2;

export const NBSP = "\u00a0";

/** Line spacing of multi-line chart text, as a multiple of the font size. */
export const LINE_HEIGHT = 1.1;

export type Weight = 400 | 600 | 700;

export const textWidth = (text: string, fontSize: number, fontWeight: Weight = 400): number =>
  measureText(text, { fontSize, fontWeight });

/** Cap height in points: used to centre text on a box optically (capitals and lining figures). */
export const capHeight = (fontSize: number, fontWeight: Weight = 400): number => fontMetrics(fontWeight).capHeight * fontSize;

/** Descent below the baseline in points (positive). */
export const descent = (fontSize: number, fontWeight: Weight = 400): number => -fontMetrics(fontWeight).descent * fontSize;

/** Coordinates rounded to 1/100 pt: keeps specs and SVGs short and stable. */
export const r2 = (n: number): number => Math.round(n * 100) / 100;

// --- colour contrast (WCAG 2 relative luminance) -------------------------------------------------

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channel = (i: number) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Of the theme's ink and paper, the one with more contrast on a background. */
export function textColourOn(background: string): string {
  return contrastRatio(background, colours.ink) >= contrastRatio(background, colours.paper) ? colours.ink : colours.paper;
}

// --- Vega-Lite config ----------------------------------------------------------------------------

/**
 * The config every chart spec carries: the theme's family and chart sizes, no frame, no padding, no
 * background (the page is the background), and layout exactly the width and height the spec gives.
 */
export function chartConfig(): Config {
  return {
    font: fonts.family,
    background: "transparent",
    padding: 0,
    autosize: { type: "none", contains: "content" },
    view: { stroke: null },
    text: { font: fonts.family, fontSize: charts.labelFontSize, color: colours.ink },
    axis: {
      labelFont: fonts.family,
      labelFontSize: charts.fontSize,
      labelColor: colours.inkMuted,
      titleFont: fonts.family,
      titleFontSize: charts.titleFontSize,
      titleFontWeight: 600,
      titleColor: colours.ink,
      domainColor: colours.rule,
      tickColor: colours.rule,
      gridColor: colours.rule,
    },
    legend: {
      labelFont: fonts.family,
      labelFontSize: charts.fontSize,
      labelColor: colours.ink,
      titleFont: fonts.family,
      titleFontSize: charts.titleFontSize,
      titleColor: colours.ink,
    },
    title: { font: fonts.family, fontSize: charts.titleFontSize, color: colours.ink },
  };
}

/** Metadata read by the renderer: the CSV shows these data columns, in this order. */
export const csvColumns = (...columns: string[]): { csvColumns: string[] } => ({ csvColumns: columns });

/** An encoding channel that places a mark at a position already computed in points (no scale). */
export const atPoints = (field: string) => ({ field, type: "quantitative" as const, scale: null });

/** A rectangle whose corners and fill are fields of its row: boxes and swatches laid out by hand. */
export function placedRect(x: string, x2: string, y: string, y2: string) {
  return {
    mark: { type: "rect" as const },
    encoding: {
      x: atPoints(x),
      x2: { field: x2 },
      y: atPoints(y),
      y2: { field: y2 },
      color: { field: "fill", type: "nominal" as const, scale: null },
    },
  };
}
