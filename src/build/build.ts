// The pipeline, stage by stage: load → statistics → document → charts → PDF → outputs.
import path from "node:path";
import { renderFigures } from "../../templates/charts/renderFigures.ts";
import { BuildError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ReportDocument } from "../document/model.ts";
import { countPages, renderPdf } from "../render/renderPdf.tsx";
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
  const { pdf, pages, passes, charts, fits, warnings: layoutWarnings, timings: pdfTimings } = await stage("layout", options.outDir, "The PDF could not be drawn", () =>
    renderPdf(document, { print: options.print, creator: `gender-equality-report ${projectVersion()}`, roots }),
  );
  Object.assign(timings, pdfTimings);
  // Stranded tails the copyfitting rule could not fit (src/render/copyfit.ts).
  sink.messages.push(...layoutWarnings);
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
    copyfit: fits,
    sections: pages,
    warnings: sink.warnings,
    timingsMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
  });
  await stage("write", outputDir, "The outputs could not be written", async () => writeOutputsAtomically(outputDir, files));
  return { outputDir, pdfFile: path.join(outputDir, "report.pdf"), pageCount, pages, statistics, document, warnings: sink.warnings, timings };
}

/**
 * Runs a stage after loading; a failure there becomes a diagnostic that says which stage and what went
 * wrong in a sentence, so the one reporter prints it like any input error (never a bare stack trace).
 */
async function stage<T>(rule: string, file: string, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BuildError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BuildError([{ severity: "error", file, rule, message: `${what}: ${reason.split("\n")[0]}` }]);
  }
}

/** Pages in a PDF react-pdf wrote (its page tree has one /Count, at the root). */

export { BuildError };
