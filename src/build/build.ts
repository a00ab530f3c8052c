// The pipeline, stage by stage: load → statistics → document → charts → PDF → outputs.
import path from "node:path";
import { renderFigures } from "../charts/renderFigures.ts";
import { BuildError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ReportDocument } from "../document/model.ts";
import { renderPdf } from "../pdf/renderPdf.tsx";
import type { Statistics } from "../statistics/types.ts";
import { chartFigures, prepare } from "./prepare.ts";
import { chartWidths } from "../../templates/styles.ts";
import { checkOutputFolder } from "./outputFolder.ts";
import { strictJson, writeOutputsAtomically, type OutputFiles } from "./writeOutputs.ts";
import { projectVersion } from "./version.ts";

export interface BuildOptions {
  year: number;
  dataDir: string;
  contentDir: string;
  outDir: string;
  print: boolean;
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
  const recovered = checkOutputFolder(options.outDir, options.year);
  const started = performance.now();
  const timings: Record<string, number> = {};
  const { statistics, document, sink } = prepare(options, timings);

  let t = performance.now();
  // Charts are drawn at the size the page templates give them, so their text is never scaled.
  const charts = await renderFigures(chartFigures(document), { widths: chartWidths });
  timings.charts = performance.now() - t;

  t = performance.now();
  const { pdf, pages, passes } = await renderPdf(document, charts, { print: options.print, creator: `gender-equality-report ${projectVersion()}` });
  timings.layout = performance.now() - t;
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
    pageCount,
    layoutPasses: passes,
    sections: pages,
    warnings: sink.warnings,
    recovered,
    timingsMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
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
