// The pipeline, stage by stage: load → statistics → document → charts → PDF → outputs.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { renderFigures } from "../charts/renderFigures.ts";
import { BuildError, DiagnosticSink, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { assembleDocument } from "../document/assembleDocument.ts";
import { checkDocument } from "../document/checks.ts";
import type { ChartFigure, ReportDocument } from "../document/model.ts";
import { loadContent } from "../load/content.ts";
import { loadForceRegister } from "../load/forceRegister.ts";
import { loadWorkforceYear, type WorkforceYear } from "../load/workforce.ts";
import { renderPdf } from "../pdf/renderPdf.tsx";
import { computeStatistics } from "../statistics/computeStatistics.ts";
import type { Statistics } from "../statistics/types.ts";
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

/** Years with a data folder, up to the edition year: the edition, the one before, and history for trends. */
function dataYears(dataDir: string, year: number): number[] {
  if (!existsSync(dataDir)) return [year];
  const years = readdirSync(dataDir)
    .filter((name) => /^\d{4}$/.test(name) && Number(name) <= year)
    .map(Number);
  return [...new Set([...years, year])].sort((a, b) => a - b);
}

export interface LoadedInputs {
  statistics: Statistics;
  document: ReportDocument;
  sink: DiagnosticSink;
}

/** Everything up to the format-neutral document; throws BuildError with every input error found. */
export function prepare(options: Omit<BuildOptions, "outDir" | "print">, timings: Record<string, number> = {}): LoadedInputs {
  const sink = new DiagnosticSink();
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - t;
    t = now;
  };
  const register = loadForceRegister(path.join(options.dataDir, "forces.csv"), sink);
  sink.throwIfErrors();
  const years: WorkforceYear[] = [];
  for (const y of dataYears(options.dataDir, options.year)) {
    const optional = y !== options.year && !existsSync(path.join(options.dataDir, String(y)));
    if (optional) continue;
    const loaded = loadWorkforceYear(options.dataDir, y, register!, sink);
    if (loaded) years.push(loaded);
  }
  if (!years.some((y) => y.year === options.year - 1)) {
    sink.warn(path.join(options.dataDir, String(options.year - 1)), "no-previous-year", `There is no ${options.year - 1} data, so no % changes or previous-year charts can be shown.`);
  }
  const content = loadContent(options.contentDir, options.year, register!, sink);
  lap("load");
  sink.throwIfErrors();
  const statistics = computeStatistics({ register: register!, years, year: options.year });
  lap("statistics");
  const document = assembleDocument({ content: content!, statistics, register: register! }, sink);
  checkDocument(content!, statistics, register!, document, sink);
  lap("document");
  sink.throwIfErrors();
  return { statistics, document, sink };
}

export function chartFigures(document: ReportDocument): ChartFigure[] {
  return document.sections.flatMap((s) => (s.kind === "analysis" ? s.charts : s.kind === "force" && s.chart ? [s.chart] : []));
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  assertNotArchive(options.outDir);
  const started = performance.now();
  const timings: Record<string, number> = {};
  const { statistics, document, sink } = prepare(options, timings);

  let t = performance.now();
  const charts = renderFigures(chartFigures(document));
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
