// Lays the document out as a PDF. Two passes: the first finds where each section starts, the second
// prints those page numbers in the contents (react-pdf has no API that returns an element's page).
import { renderToBuffer } from "@react-pdf/renderer";
import type { ReportDocument } from "../document/model.ts";
import type { ChartSet } from "../../templates/components/Chart.tsx";
import { PageLog } from "../../templates/pageLog.ts";
import { ReportPdf } from "../../templates/ReportPdf.tsx";
import { registerFonts } from "./registerFonts.ts";

export interface PdfResult {
  pdf: Buffer;
  /** The page each section starts on (section id → 1-based page). */
  pages: Record<string, number>;
  passes: number;
}

export interface PdfOptions {
  print: boolean;
  creator: string;
  /** "PDF/A-2b" for final editions. */
  conformance?: string;
  /** The edition's date for the PDF metadata (default: its publication date). */
  date?: Date;
}

export async function renderPdf(document: ReportDocument, charts: ChartSet, options: PdfOptions): Promise<PdfResult> {
  registerFonts();
  let known = new PageLog();
  // react-pdf resolves the contents' page numbers (dynamic texts) after paginating the whole
  // document, so one pass normally suffices. If a number was asked for before its section was
  // placed, or the sections moved, lay out again with the pages found; three passes at most.
  for (let pass = 1; pass <= 3; pass++) {
    const log = new PageLog();
    const pdf = await renderToBuffer(<ReportPdf document={document} charts={charts} pages={known} log={log} print={options.print} creator={options.creator} conformance={options.conformance} date={options.date} />);
    const settled = log.missing.size === 0 && (pass === 1 || log.entries().every(([id, page]) => known.pageOf(id) === page));
    if (settled) return { pdf, pages: Object.fromEntries(log.entries()), passes: pass };
    known = log;
  }
  throw new Error("The contents' page numbers did not settle after three layout passes.");
}
