// The pipeline, stage by stage: load → statistics → document → charts → PDF → outputs.
import path from "node:path";
import { codeVersion } from "../cache/codeVersion.ts";
import { diskCache, hashOf, noCache, pruneCache, type StageCache } from "../cache/stageCache.ts";
import { BuildError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ReportDocument } from "../document/model.ts";
import type { MarkdownTrees } from "../document/markdown.ts";
import type { Root } from "mdast";
import { countPages } from "../render/countPages.ts";
import type { Statistics } from "../statistics/types.ts";
import { editionInputs, type EditionInputs } from "../load/editionInputs.ts";
import { previousBuild, recordBuild, type BuiltOutputs } from "./unchanged.ts";
import { checkOutputFolder } from "./outputFolder.ts";
import { carriedFolders, strictJson, writeOutputsAtomically, type OutputFiles } from "./writeOutputs.ts";
import { projectVersion } from "./version.ts";
import { documentId, editionDate } from "../final/final.ts";
import type { Paper } from "../design/printColours.ts";
import type { PdfXReport } from "../pdf/pdfx.ts";
import type { PdfResult } from "../render/renderPdf.tsx";

export interface BuildOptions {
  year: number;
  dataDir: string;
  contentDir: string;
  outDir: string;
  print: boolean;
  /** The print edition's paper: its CMYK profile and ink limit (default coated). */
  paper?: Paper;
  /** Reuse stage results kept in <out>/.cache (default); false runs every stage. */
  cache?: boolean;
  /** The edition the team publishes and archives: PDF/A-2b, document ID from the inputs, no timings in the outputs. */
  final?: boolean;
  /** Seconds since 1970; a final edition's date instead of its publication date (SOURCE_DATE_EPOCH). */
  sourceDateEpoch?: number;
}

/** What a build wrote (the same whether it ran its stages or found its outputs unchanged), and how. */
export interface BuildResult extends BuiltOutputs {
  timings: Record<string, number>;
  cacheStats: StageCache["stats"];
}

/** `inputs`: the edition's inputs when the caller has just listed them (the preview, which prepared first). */
export async function build(options: BuildOptions, inputs?: EditionInputs): Promise<BuildResult> {
  const recovered = checkOutputFolder(options.outDir, options.year);
  const started = performance.now();
  const timings: Record<string, number> = {};
  const cacheDir = path.join(options.outDir, ".cache");
  const cache: StageCache = options.cache === false ? noCache() : diskCache(cacheDir);
  const outputDir = path.join(options.outDir, String(options.year));

  // Nothing changed since the last build into this folder: its outputs stand as they are. The check
  // comes before the heavy stages are even loaded, so a rebuild with no edit starts and ends at once.
  // The edition's inputs are read and hashed once; every key and the final's ID derive from them.
  inputs ??= editionInputs(options.dataDir, options.contentDir, options.year);
  const buildKey = buildKeyOf(options, inputs.hash);
  if (options.cache !== false) {
    const unchanged = previousBuild(cacheDir, buildKey, outputDir);
    if (unchanged) return { ...unchanged, timings: { total: performance.now() - started }, cacheStats: { build: { hits: 1, misses: 0 } } };
  }
  const { renderPdf } = await import("../render/renderPdf.tsx");

  const prepared = await prepareCached(options, cache, timings, inputs.hash);
  const { statistics, document } = prepared;

  const roots = { contentDir: options.contentDir, dataDir: options.dataDir };
  const date = options.final ? editionDate(document.meta.publicationDate, options.sourceDateEpoch) : undefined;
  const rendered = await stage("layout", options.outDir, "The PDF could not be drawn", () =>
    renderPdf(document, { print: options.print, creator: `gender-equality-report ${projectVersion()}`, roots, cache, ...(date && { conformance: "PDF/A-2b", date }) }),
  );
  const { pages, charts } = rendered;
  // Stranded tails the copyfitting rule could not fit (src/render/copyfit.ts) join the input's warnings.
  const warnings = [...prepared.warnings, ...rendered.warnings];
  Object.assign(timings, rendered.timings);
  const id = date && documentId(inputs, options.year, options.print, date);
  // Counted before PDF/A finishing, which keeps the pages but may pack the page tree into object streams.
  const pageCount = countPages(rendered.pdf);
  const { pdf, pdfx } = await finishEdition(rendered.pdf, options, document, date, id, timings);

  const files: OutputFiles = dataFiles(pdf, statistics, document, charts);
  // The accessible edition: the same document and the same charts, as a static site in html/.
  const htmlStarted = performance.now();
  const { renderHtml } = await import("../render/renderHtml.ts");
  const html = await stage("html", options.outDir, "The HTML edition could not be made", async () => renderHtml(document, { charts, pdf, roots }));
  for (const [name, content] of Object.entries(html)) files[`html/${name}`] = content;
  timings.html = performance.now() - htmlStarted;
  timings.total = performance.now() - started;
  files["build-report.json"] = strictJson(buildReport(options, document, rendered, { pdfx, id, pageCount, warnings, recovered, timings }));
  await stage("write", outputDir, "The outputs could not be written", async () => writeOutputsAtomically(outputDir, files, { keep: carriedFolders }));
  if (options.cache !== false) recordBuild(cacheDir, buildKey, outputDir, files);
  pruneStageCaches(cacheDir);
  return { outputDir, pdfFile: path.join(outputDir, "report.pdf"), pageCount, pages, statistics, document, warnings, timings, cacheStats: cache.stats };
}

/** Everything that shapes a build's outputs: same key, same outputs, so an unchanged build can stand. */
function buildKeyOf(options: BuildOptions, inputsHash: string): string {
  return hashOf(codeVersion(), inputsHash, JSON.stringify([options.print, options.print ? (options.paper ?? "coated") : null, options.contentDir, options.dataDir, options.final ?? false, options.sourceDateEpoch ?? null]));
}

/** The drawn PDF made ready to publish: PDF/A for a final edition, then PDF/X-4 for the print edition. */
async function finishEdition(
  drawn: Buffer,
  options: BuildOptions,
  document: ReportDocument,
  date: Date | undefined,
  id: string | undefined,
  timings: Record<string, number>,
): Promise<{ pdf: Buffer; pdfx?: PdfXReport }> {
  let pdf = drawn;
  if (date && id) {
    const t = performance.now();
    const { finishPdfA } = await import("../final/pdfa.ts");
    pdf = await finishPdfA(pdf, { documentId: id, date, language: document.meta.language });
    timings.pdfa = performance.now() - t;
  }
  // The print edition goes to press as PDF/X-4 in CMYK (src/pdf/pdfx.ts); the screen edition stays RGB.
  if (!options.print) return { pdf };
  const t = performance.now();
  const { toPdfX } = await import("../pdf/pdfx.ts");
  const converted = await stage("pdfx", options.outDir, "The print edition could not be made PDF/X", () => toPdfX(pdf, { paper: options.paper ?? "coated" }));
  timings.pdfx = performance.now() - t;
  return { pdf: converted.pdf, pdfx: converted.report };
}

/** The PDF, the figures and the document as data, and each chart as SVG and CSV. */
function dataFiles(pdf: Buffer, statistics: Statistics, document: ReportDocument, charts: PdfResult["charts"]): OutputFiles {
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
  return files;
}

/** What build-report.json says about the build. */
function buildReport(
  options: BuildOptions,
  document: ReportDocument,
  rendered: PdfResult,
  made: { pdfx?: PdfXReport; id?: string; pageCount: number; warnings: Diagnostic[]; recovered: string[]; timings: Record<string, number> },
) {
  return {
    year: options.year,
    edition: document.meta.editionLabel,
    print: options.print,
    ...(made.pdfx && { pdfx: made.pdfx }),
    ...(options.final && { final: true, documentId: made.id }),
    pageCount: made.pageCount,
    layoutPasses: rendered.passes,
    // Parts of the book laid out by this build, and parts reused as they were laid out before.
    parts: rendered.parts,
    copyfit: rendered.fits,
    sections: rendered.pages,
    warnings: made.warnings,
    recovered: made.recovered,
    // Timings differ from run to run, so a final edition (which is archived and rebuilt to compare) has none.
    ...(!options.final && { timingsMs: Object.fromEntries(Object.entries(made.timings).map(([k, v]) => [k, Math.round(v)])) }),
  };
}

/** Charts, Markdown files and parts are many to an edition (52, 65 and 63 in 2024), and font subsets one per face and set of glyphs: keep several editions' worth of each. */
function pruneStageCaches(cacheDir: string): void {
  for (const kind of ["prepare", "markdown", "charts", "part", "part-pages", "layout", "layout-pages", "build", "fonts"]) pruneCache(cacheDir, kind, kind === "charts" || kind === "markdown" || kind === "fonts" ? 400 : kind.startsWith("part") ? 1000 : 8);
}

export interface Prepared {
  statistics: Statistics;
  document: ReportDocument;
  warnings: Diagnostic[];
}

/** Load, statistics and document, unless the same inputs were prepared by the same code before. */
export async function prepareCached(
  options: BuildOptions,
  cache: StageCache,
  timings: Record<string, number> = {},
  inputsHash = editionInputs(options.dataDir, options.contentDir, options.year).hash,
): Promise<Prepared> {
  const started = performance.now();
  const key = hashOf(codeVersion(), inputsHash, options.contentDir, options.dataDir, String(options.final ?? false));
  const kept = cache.get<Prepared>("prepare", key);
  if (kept) {
    timings.prepare = performance.now() - started;
    return kept;
  }
  const { prepare } = await import("./prepare.ts");
  // Each file's parsed Markdown is kept under its text, so an edit parses one file again.
  const trees: MarkdownTrees = {
    get: (text) => cache.get<Root>("markdown", hashOf(codeVersion(), text)),
    set: (text, tree) => cache.set("markdown", hashOf(codeVersion(), text), tree),
  };
  const { statistics, document, sink } = prepare({ ...options, trees }, timings);
  const prepared = { statistics, document, warnings: sink.warnings };
  cache.set("prepare", key, prepared);
  return prepared;
}

/**
 * Runs a stage after loading; a failure there becomes a diagnostic that says which stage and what went
 * wrong in a sentence, so the one reporter prints it like any input error (never a bare stack trace).
 */
export async function stage<T>(rule: string, file: string, what: string, run: () => Promise<T>): Promise<T> {
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
