// The pipeline, stage by stage: load → statistics → document → charts → PDF → outputs.
import path from "node:path";
import { renderFigures } from "../../templates/charts/renderFigures.ts";
import { BuildError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ReportDocument } from "../document/model.ts";
import { renderPdf } from "../render/renderPdf.tsx";
import type { Statistics } from "../statistics/types.ts";
import { prepare } from "./prepare.ts";
import { assertNotArchive, strictJson, writeOutputsAtomically, type OutputFiles } from "./writeOutputs.ts";
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
  assertNotArchive(options.outDir);
  const started = performance.now();
  const timings: Record<string, number> = {};
  const { statistics, document, sink } = prepare(options, timings);

  const roots = { contentDir: options.contentDir, dataDir: options.dataDir };
  const { pdf, pages, passes, charts, timings: pdfTimings } = await renderPdf(document, { print: options.print, creator: `gender-equality-report ${projectVersion()}`, roots });
  Object.assign(timings, pdfTimings);
  const pageCount = countPages(pdf);

  const outputDir = path.join(options.outDir, String(options.year));
  const files: OutputFiles = {
    "report.pdf": pdf,
    "statistics.json": strictJson(statistics),
    "document.json": strictJson(document),
  };
  for (const chart of charts.values()) {
    const name = chart.id.replace(/^chart\//, "");
    files[`charts/${name}.svg`] = chart.svg;
    files[`charts/${name}.csv`] = chart.csv;
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
