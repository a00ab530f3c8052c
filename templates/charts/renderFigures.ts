// The chart stage: every chart figure of the document → its SVG (sized in points) and CSV.
import type { TopLevelSpec } from "vega-lite";
import type { ChartFigure, ChartKind } from "../../src/document/model.ts";
import { bandChart, forceRepresentationChart, staffChart, trendChart } from "./index.ts";
import { codeVersion } from "../../src/cache/codeVersion.ts";
import { hashOf, noCache, type StageCache } from "../../src/cache/stageCache.ts";
import type { ChartSvg } from "../../src/charts/renderChart.ts";
import type { RenderedChart } from "../../src/charts/renderedChart.ts";

export interface RenderFiguresOptions {
  /**
   * Width in points to draw each kind of chart at, e.g. { forceRepresentation: sidebarWidth }.
   * Default: the builders' own (text column; half of it for force charts).
   */
  widths?: Partial<Record<ChartKind, number>>;
  /** Plot height in points for a trend chart, by figure id, where its page gives it more room (trendPlotHeights). */
  plotHeights?: ReadonlyMap<string, number>;
  /** Keeps each chart's SVG under a hash of its spec; a spec seen before is not drawn again. */
  cache?: StageCache;
}

/** The Vega-Lite spec of a document's chart figure. */
export function figureSpec(figure: ChartFigure, options: RenderFiguresOptions = {}): TopLevelSpec {
  const width = options.widths?.[figure.kind];
  switch (figure.kind) {
    case "band":
      return bandChart(figure.input, { width });
    case "forceRepresentation":
      return forceRepresentationChart(figure.input, { width });
    case "staff":
      return staffChart(figure.input, { width });
    case "trend":
      return trendChart(figure.input, { width, plotHeight: options.plotHeights?.get(figure.id) });
  }
}

/** Renders every figure; the map is keyed by figure id, in the figures' order. */
export async function renderFigures(figures: readonly ChartFigure[], options: RenderFiguresOptions = {}): Promise<Map<string, RenderedChart>> {
  const ids = new Set<string>();
  for (const figure of figures) {
    if (ids.has(figure.id)) throw new Error(`Two chart figures share the id "${figure.id}"`);
    ids.add(figure.id);
  }
  const cache = options.cache ?? noCache();
  const version = codeVersion();
  // A spec is a pure function of the figure, its width and this code, so the key needs no spec: a
  // kept chart costs neither the spec's text measuring nor Vega.
  const wanted = figures.map((figure) => {
    const key = hashOf(version, JSON.stringify(figure.input), figure.kind, String(options.widths?.[figure.kind] ?? ""), String(options.plotHeights?.get(figure.id) ?? ""));
    return { id: figure.id, figure, key, kept: cache.get<ChartSvg>("charts", key) };
  });
  const missing = wanted.filter((w) => !w.kept);
  // Vega and Vega-Lite are loaded only when a chart must be drawn.
  const drawn = missing.length === 0 ? [] : await (await import("../../src/charts/renderChart.ts")).renderCharts(missing.map((w) => ({ ...w, spec: figureSpec(w.figure, options) })));
  for (const chart of drawn) cache.set("charts", chart.key, { svg: chart.svg, width: chart.width, height: chart.height, csv: chart.csv } satisfies ChartSvg);
  const byId = new Map<string, ChartSvg>([...wanted.flatMap((w) => (w.kept ? [[w.id, w.kept] as const] : [])), ...drawn.map((d) => [d.id, d] as const)]);
  return new Map(
    figures.map((figure) => {
      const { svg, width, height, csv } = byId.get(figure.id)!;
      return [figure.id, { id: figure.id, svg, width, height, csv }];
    }),
  );
}
