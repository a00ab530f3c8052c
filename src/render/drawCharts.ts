// The charts stage: every chart of the document drawn once, at the width its page template gives it
// (so its text is never scaled), for both renderers: the PDF places these drawings, the HTML inlines them.
import type { StageCache } from "../cache/stageCache.ts";
import type { RenderedChart } from "../charts/renderedChart.ts";
import { chartFigures, type ReportDocument } from "../document/model.ts";
import { renderFigures } from "../../templates/charts/renderFigures.ts";
import { chartWidths } from "../../templates/styles.ts";

export type DrawnCharts = Map<string, RenderedChart>;

export async function drawCharts(document: ReportDocument, cache?: StageCache): Promise<DrawnCharts> {
  return renderFigures(chartFigures(document), { widths: chartWidths, cache });
}
