// The PDF renderer: draws the document's charts at the widths its templates give them, then lays the
// document out. Two passes at most: the first finds where each section starts, the second prints those
// page numbers in the contents (react-pdf has no API that returns an element's page).
import { renderToBuffer } from "@react-pdf/renderer";
import type { RenderedChart } from "../charts/renderedChart.ts";
import { realPath, type DocumentRoots } from "../document/bindings.ts";
import { chartFigures, type ReportDocument } from "../document/model.ts";
import { registerFonts } from "../pdf/registerFonts.ts";
import { AssetContext } from "../../templates/assets.tsx";
import { renderFigures } from "../../templates/charts/renderFigures.ts";
import { PageLog } from "../../templates/pageLog.ts";
import { ReportPdf } from "../../templates/ReportPdf.tsx";
import { chartWidths } from "../../templates/styles.ts";
import { printOffset } from "../../templates/geometry.tsx";
import { page } from "../design/theme.ts";
import { addPrintBoxes } from "./printBoxes.ts";

export interface PdfResult {
  pdf: Buffer;
  /** The page each section starts on (section id → 1-based page). */
  pages: Record<string, number>;
  passes: number;
  /** Every chart as drawn in this PDF, keyed by chart id. */
  charts: Map<string, RenderedChart>;
  timings: { charts: number; layout: number };
}

export interface PdfOptions {
  print: boolean;
  creator: string;
  /** Where the document's logical paths ("content/…") point, for images. */
  roots: DocumentRoots;
}

export async function renderPdf(document: ReportDocument, options: PdfOptions): Promise<PdfResult> {
  let t = performance.now();
  // Charts are drawn at the size the page templates give them, so their text is never scaled.
  const charts = await renderFigures(chartFigures(document), { widths: chartWidths });
  const chartsMs = performance.now() - t;

  t = performance.now();
  registerFonts();
  const resolve = (logical: string) => realPath(logical, options.roots);
  let known = new PageLog();
  // react-pdf resolves the contents' page numbers (dynamic texts) after paginating the whole
  // document, so one pass normally suffices. If a number was asked for before its section was
  // placed, or the sections moved, lay out again with the pages found; three passes at most.
  for (let pass = 1; pass <= 3; pass++) {
    const log = new PageLog();
    const pdf = await renderToBuffer(
      <AssetContext.Provider value={resolve}>
        <ReportPdf document={document} charts={charts} pages={known} log={log} print={options.print} creator={options.creator} />
      </AssetContext.Provider>,
    );
    const settled = log.missing.size === 0 && (pass === 1 || log.entries().every(([id, page]) => known.pageOf(id) === page));
    if (settled) {
      // The print edition's TrimBox and BleedBox, which react-pdf cannot write.
      const out = options.print ? await addPrintBoxes(pdf, { offset: printOffset, bleed: page.bleed }) : pdf;
      return { pdf: out, pages: Object.fromEntries(log.entries()), passes: pass, charts, timings: { charts: chartsMs, layout: performance.now() - t } };
    }
    known = log;
  }
  throw new Error("The contents' page numbers did not settle after three layout passes.");
}
