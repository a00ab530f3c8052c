// The pipeline, stage by stage: load → statistics → document → charts → PDF → outputs.
import path from "node:path";
import { renderFigures } from "../charts/renderFigures.ts";
import { BuildError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ReportDocument } from "../document/model.ts";
import { renderPdf } from "../pdf/renderPdf.tsx";
import type { Statistics } from "../statistics/types.ts";
import { chartFigures, prepare } from "./prepare.ts";
import { chartWidths } from "../../templates/styles.ts";
import { assertNotArchive, strictJson, writeOutputsAtomically, type OutputFiles } from "./writeOutputs.ts";
import { projectVersion } from "./version.ts";
import { documentId, editionDate } from "../archive/final.ts";
import { finishPdfA, PDFA_CONFORMANCE } from "../archive/pdfa.ts";

export interface BuildOptions {
  year: number;
  dataDir: string;
  contentDir: string;
  outDir: string;
  print: boolean;
  /** The edition the team publishes and archives: PDF/A-2b, document ID from the inputs, no timings in the outputs. */
  final?: boolean;
  /** Seconds since 1970; a final edition's date instead of its publication date (SOURCE_DATE_EPOCH). */
  sourceDateEpoch?: number;
}

export interface BuildResult {
  outputDir: string;
  pdfFile: string;
  pageCount: number;
  pages: Record<string, number>;
  statistics: Statistics;
  document: ReportDocument;
  warnings: Diagnostic[];
  timings: Record<string, number>;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  assertNotArchive(options.outDir);
  const started = performance.now();
  const timings: Record<string, number> = {};
  const { statistics, document, sink } = prepare(options, timings);

  let t = performance.now();
  // Charts are drawn at the size the page templates give them, so their text is never scaled.
  const charts = await renderFigures(chartFigures(document), { widths: chartWidths });
  timings.charts = performance.now() - t;

  t = performance.now();
  const date = options.final ? editionDate(document.meta.publicationDate, options.sourceDateEpoch) : undefined;
  const rendered = await renderPdf(document, charts, { print: options.print, creator: `gender-equality-report ${projectVersion()}`, ...(date && { conformance: PDFA_CONFORMANCE, date }) });
  const { pages, passes } = rendered;
  timings.layout = performance.now() - t;
  let pdf = rendered.pdf;
  const id = date && documentId(options, date);
  if (date && id) {
    t = performance.now();
    pdf = await finishPdfA(pdf, { documentId: id, date, language: document.meta.language });
    timings.pdfa = performance.now() - t;
  }
  const pageCount = countPages(pdf);

  const outputDir = path.join(options.outDir, String(options.year));
  const files: OutputFiles = {
    "report.pdf": pdf,
    "statistics.json": strictJson(statistics),
  };
  for (const chart of charts.values()) {
    files[`charts/${chart.id}.svg`] = chart.svg;
    files[`charts/${chart.id}.csv`] = chart.csv;
  }
  timings.total = performance.now() - started;
  files["build-report.json"] = strictJson({
    year: options.year,
    edition: document.meta.editionLabel,
    print: options.print,
    ...(options.final && { final: true, documentId: id }),
    pageCount,
    layoutPasses: passes,
    sections: pages,
    warnings: sink.warnings,
    // Timings differ from run to run, so a final edition (which is archived and rebuilt to compare) has none.
    ...(!options.final && { timingsMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])) }),
  });
  writeOutputsAtomically(outputDir, files);
  return { outputDir, pdfFile: path.join(outputDir, "report.pdf"), pageCount, pages, statistics, document, warnings: sink.warnings, timings };
}

/** Pages in a PDF react-pdf wrote (its page tree has one /Count, at the root). */
function countPages(pdf: Buffer): number {
  const matches = [...pdf.toString("latin1").matchAll(/\/Type \/Pages\s*\/Count (\d+)/g)];
  if (matches.length === 0) throw new Error("The PDF has no page tree; layout failed.");
  return Math.max(...matches.map((m) => Number(m[1])));
}

export { BuildError };
