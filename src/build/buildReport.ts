// The one writer of build-report.json, for every mode that writes outputs (ordinary, print, final, draft).
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PdfXReport } from "../pdf/pdfx.ts";
import { strictJson } from "./writeOutputs.ts";

/** What a build found and made, as the report says it. Absent fields are left out of the report. */
export interface ReportFacts {
  year: number;
  edition: string;
  print: boolean;
  /** A draft: its number, the draft its changes are marked against, and its review sheet's pages. */
  draft?: { number: number; since: number | null; sheetPages: number };
  pdfx?: PdfXReport;
  /** A final edition's document ID. */
  documentId?: string;
  pageCount: number;
  layoutPasses: number;
  /** Parts of the book laid out by this build, and parts reused as they were laid out before. */
  parts?: { laidOut: number; reused: number };
  copyfit?: Record<string, number>;
  sections: Record<string, number>;
  warnings: Diagnostic[];
  recovered?: string[];
  /** Stage timings; none for a final edition (see below). */
  timings?: Record<string, number>;
}

export function buildReportJson(facts: ReportFacts): string {
  return strictJson({
    year: facts.year,
    edition: facts.edition,
    ...(facts.draft && { draft: facts.draft.number, since: facts.draft.since }),
    print: facts.print,
    ...(facts.pdfx && { pdfx: facts.pdfx }),
    ...(facts.documentId !== undefined && { final: true, documentId: facts.documentId }),
    pageCount: facts.pageCount,
    ...(facts.draft && { reviewSheetPages: facts.draft.sheetPages }),
    layoutPasses: facts.layoutPasses,
    ...(facts.parts && { parts: facts.parts }),
    ...(facts.copyfit && { copyfit: facts.copyfit }),
    sections: facts.sections,
    warnings: facts.warnings,
    ...(facts.recovered && { recovered: facts.recovered }),
    // Timings differ from run to run, so a final edition (which is archived and rebuilt to compare) has none.
    ...(facts.timings && { timingsMs: Object.fromEntries(Object.entries(facts.timings).map(([k, v]) => [k, Math.round(v)])) }),
  });
}
