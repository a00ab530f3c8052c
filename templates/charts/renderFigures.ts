// The chart stage: every chart figure of the document → its SVG (sized in points) and CSV.
import type { TopLevelSpec } from "vega-lite";
import type { ChartFigure, ChartKind } from "../../src/document/model.ts";
import { bandChart, forceRepresentationChart, staffChart, trendChart } from "./index.ts";
import { renderCharts } from "../../src/charts/renderChart.ts";
import type { RenderedChart } from "../../src/charts/renderedChart.ts";

export interface RenderFiguresOptions {
  /**
   * Width in points to draw each kind of chart at, e.g. { forceRepresentation: sidebarWidth }.
   * Default: the builders' own (text column; half of it for force charts).
   */
  widths?: Partial<Record<ChartKind, number>>;
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
      return trendChart(figure.input, { width });
  }
}

/** Renders every figure; the map is keyed by figure id, in the figures' order. */
export async function renderFigures(figures: readonly ChartFigure[], options: RenderFiguresOptions = {}): Promise<Map<string, RenderedChart>> {
  const ids = new Set<string>();
  for (const figure of figures) {
    if (ids.has(figure.id)) throw new Error(`Two chart figures share the id "${figure.id}"`);
    ids.add(figure.id);
  }
  const rendered = await renderCharts(figures.map((figure) => ({ id: figure.id, spec: figureSpec(figure, options) })));
  return new Map(rendered.map(({ id, svg, width, height, csv }) => [id, { id, svg, width, height, csv }]));
}
