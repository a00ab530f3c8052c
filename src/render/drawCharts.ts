// The charts stage: every chart of the document drawn once, at the width its page template gives it
// (so its text is never scaled), for both renderers: the PDF places these drawings, the HTML inlines them.
import type { StageCache } from "../cache/stageCache.ts";
import type { RenderedChart } from "../charts/renderedChart.ts";
import { chartFigures, type ReportDocument } from "../document/model.ts";
import { renderFigures } from "../../templates/charts/renderFigures.ts";
import { chartWidths } from "../../templates/styles.ts";
import { trendPlot } from "../../templates/charts/trendChart.ts";
import { trendPlotHeights } from "../../templates/pages/AnalysisPage.tsx";

export type DrawnCharts = Map<string, RenderedChart>;

export async function drawCharts(document: ReportDocument, cache?: StageCache): Promise<DrawnCharts> {
  const figures = chartFigures(document);
  const drawn = await renderFigures(figures, { widths: chartWidths, cache });
  // A trend chart that closes a page is drawn again, taller, to fill it; the other charts' sizes say when.
  const plotHeights = trendPlotHeights(document.sections, drawn, trendPlot.height, trendPlot.maxHeight);
  if (plotHeights.size === 0) return drawn;
  const taller = await renderFigures(figures.filter((f) => plotHeights.has(f.id)), { widths: chartWidths, plotHeights, cache });
  for (const [id, chart] of taller) drawn.set(id, chart);
  return drawn;
}
