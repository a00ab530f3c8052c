// The one pipeline: load → statistics → document → charts → layout → outputs. Every command that reads an
// edition runs it, in one of its modes:
//
// - "figures": load the data → statistics (the names usable in {{ }}; content errors do not stop it);
// - "check": load → statistics → document, every error and warning, nothing drawn or written;
// - "build": the ordinary edition, or the print (`print`) or final (`final`) one, as options say;
// - "preview": a build that first shows the sections an edit touched (the preview's worker);
// - "draft": a numbered draft for reviewers, laid out by the review stage (src/review/draftBuild.ts).
//
// The stages are imported as a mode reaches them, so a rebuild that finds nothing changed loads none.
// Charts are a stage of their own, drawn once and handed to both renderers, and every mode that
// writes does so here: its files at once or not at all, with build-report.json from one writer.
import path from "node:path";
import { codeVersion } from "../cache/codeVersion.ts";
import { diskCache, hashOf, noCache, pruneCache, type StageCache } from "../cache/stageCache.ts";
import { BuildError, DiagnosticSink, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ReportDocument } from "../document/model.ts";
import type { Statistics } from "../statistics/types.ts";
import { editionInputs, type EditionInputs } from "../load/editionInputs.ts";
import type { DrawnCharts } from "../render/drawCharts.ts";
import { previousBuild, recordBuild, type BuiltOutputs } from "./unchanged.ts";
import { checkOutputFolder } from "./outputFolder.ts";
import { assertNotArchive, carriedFolders, strictJson, writeOutputsAtomically, type OutputFiles } from "./writeOutputs.ts";
import { projectVersion } from "./version.ts";
import { documentId, editionDate } from "../final/final.ts";
import type { Paper } from "../design/printColours.ts";
import type { PdfXReport } from "../pdf/pdfx.ts";
import { buildReportJson, type ReportFacts } from "./buildReport.ts";
import type { LoadedData, PrepareOptions } from "./prepare.ts";
import { earlyDocument, prepareCached, type Prepared } from "./prepareCached.ts";
import { stage } from "./stage.ts";

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

/** What the stages before layout made, handed to a mode's own layout (a draft's). */
export interface EditionSoFar {
  prepared: Prepared;
  charts: DrawnCharts;
  inputs: EditionInputs;
  cache: StageCache;
  /** Stage timings: a mode's layout adds its own. */
  timings: Record<string, number>;
}

/** What a draft's layout gives back to be written: where, which files, and what its build report says. */
export interface LaidOutDraft {
  dir: string;
  files: OutputFiles;
  report: Omit<ReportFacts, "year" | "edition" | "print" | "timings">;
}

export type EditionMode =
  | { kind: "figures" }
  | { kind: "check" }
  | { kind: "build"; inputs?: EditionInputs }
  // The first look is given the document twice when a save changed only entries' words: early, from the
  // last prepare with those entries assembled again, and once the whole prepare has run.
  | { kind: "preview"; firstLook: (document: ReportDocument, cache: StageCache) => Promise<void> }
  | { kind: "draft"; layout: (soFar: EditionSoFar) => Promise<LaidOutDraft> };

/** The data and its statistics: what `figures` lists names from. */
export interface EditionStatistics extends LoadedData {
  statistics: Statistics;
  sink: DiagnosticSink;
}

export function runEdition(options: PrepareOptions, mode: { kind: "figures" }): Promise<EditionStatistics>;
export function runEdition(options: PrepareOptions, mode: { kind: "check" }): Promise<DiagnosticSink>;
export function runEdition(options: BuildOptions, mode: Extract<EditionMode, { kind: "build" | "preview" }>): Promise<BuildResult>;
export function runEdition(options: BuildOptions, mode: Extract<EditionMode, { kind: "draft" }>): Promise<{ dir: string; timings: Record<string, number> }>;
export function runEdition(options: PrepareOptions | BuildOptions, mode: EditionMode): Promise<unknown> {
  switch (mode.kind) {
    case "figures":
      return statisticsOnly(options);
    case "check":
      return checkOnly(options);
    case "draft":
      return runDraft(options as BuildOptions, mode.layout);
    default:
      return runBuild(options as BuildOptions, mode);
  }
}

/** Load the data → statistics; data errors stop it, as every value would be doubtful. */
async function statisticsOnly(options: PrepareOptions): Promise<EditionStatistics> {
  const [{ loadData }, { computeStatistics }] = await Promise.all([import("./prepare.ts"), import("../statistics/computeStatistics.ts")]);
  const sink = new DiagnosticSink();
  const loaded = loadData(options, sink);
  sink.throwIfErrors();
  return { ...loaded, statistics: computeStatistics({ register: loaded.register, years: loaded.years, year: options.year }), sink };
}

/** Load → statistics → document; the sink keeps what was found up to the first stage with errors. */
async function checkOnly(options: PrepareOptions): Promise<DiagnosticSink> {
  const { prepare } = await import("./prepare.ts");
  const sink = new DiagnosticSink();
  try {
    prepare(options, {}, sink);
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
  }
  return sink;
}

/** The stages every writing mode shares, up to layout: prepare (through the cache) and charts. */
async function stagesBeforeLayout(options: BuildOptions, inputs: EditionInputs, cache: StageCache, timings: Record<string, number>, firstLook?: (document: ReportDocument, cache: StageCache) => Promise<void>): Promise<EditionSoFar> {
  const prepared = await prepareCached(options, cache, timings, inputs, firstLook && ((p) => firstLook(p.document, cache)));
  const started = performance.now();
  const { drawCharts } = await import("../render/drawCharts.ts");
  const charts = await stage("charts", options.outDir, "The charts could not be drawn", () => drawCharts(prepared.document, cache));
  timings.charts = performance.now() - started;
  return { prepared, charts, inputs, cache, timings };
}

/** The ordinary, print or final edition (and the preview's whole draft), into <out>/<year>/. */
async function runBuild(options: BuildOptions, mode: Extract<EditionMode, { kind: "build" | "preview" }>): Promise<BuildResult> {
  const recovered = checkOutputFolder(options.outDir, options.year);
  const started = performance.now();
  const timings: Record<string, number> = {};
  const cacheDir = path.join(options.outDir, ".cache");
  const cache = stageCacheOf(options);
  const outputDir = path.join(options.outDir, String(options.year));

  // Nothing changed since the last build into this folder: its outputs stand as they are. The check
  // comes before the heavy stages are even loaded, so a rebuild with no edit starts and ends at once.
  // The edition's inputs are read and hashed once; every key and the final's ID derive from them.
  const inputs = (mode.kind === "build" && mode.inputs) || editionInputs(options.dataDir, options.contentDir, options.year);
  const buildKey = buildKeyOf(options, inputs.hash);
  if (options.cache !== false) {
    const unchanged = previousBuild(cacheDir, buildKey, outputDir);
    if (unchanged) return { ...unchanged, timings: { total: performance.now() - started }, cacheStats: { build: { hits: 1, misses: 0 } } };
  }
  if (mode.kind === "preview") {
    // An entry the early look cannot read is left to the whole prepare, which reports it.
    const early = await earlyDocument(options, inputs, cache).catch((error) => {
      if (error instanceof BuildError) return null;
      throw error;
    });
    if (early) await mode.firstLook(early, cache);
  }
  const soFar = await stagesBeforeLayout(options, inputs, cache, timings, mode.kind === "preview" ? mode.firstLook : undefined);
  const made = await publishedEdition(options, soFar);
  timings.total = performance.now() - started;
  const { document } = soFar.prepared;
  made.files["build-report.json"] = buildReportJson({ year: options.year, edition: document.meta.editionLabel, print: options.print, ...made.report, recovered, ...(!options.final && { timings }) });
  await stage("write", outputDir, "The outputs could not be written", async () => writeOutputsAtomically(outputDir, made.files, { keep: carriedFolders }));
  if (options.cache !== false) recordBuild(cacheDir, buildKey, outputDir, made.files);
  pruneStageCaches(cacheDir);
  const { pageCount, sections: pages, warnings } = made.report;
  return { outputDir, pdfFile: path.join(outputDir, "report.pdf"), pageCount, pages, statistics: soFar.prepared.statistics, document, warnings, timings, cacheStats: cache.stats };
}

/** Layout and outputs of a published edition: the PDF (finished as PDF/A or PDF/X), the data files, the HTML. */
async function publishedEdition(options: BuildOptions, soFar: EditionSoFar): Promise<{ files: OutputFiles; report: Omit<ReportFacts, "year" | "edition" | "print"> }> {
  const { prepared, charts, inputs, cache, timings } = soFar;
  const { statistics, document } = prepared;
  // Loaded here, not at the top: check and figures run this module and never draw.
  const [{ renderPdf }, { countPages }] = await Promise.all([import("../render/renderPdf.tsx"), import("../pdf/countPages.ts")]);
  const roots = { contentDir: options.contentDir, dataDir: options.dataDir };
  const date = options.final ? editionDate(document.meta.publicationDate, options.sourceDateEpoch) : undefined;
  const rendered = await stage("layout", options.outDir, "The PDF could not be drawn", () =>
    renderPdf(document, { print: options.print, creator: `gender-equality-report ${projectVersion()}`, roots, cache, charts, ...(date && { date }) }),
  );
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
  // Stranded tails the copyfitting rule could not fit (src/render/copyfit.ts) join the input's warnings.
  const warnings: Diagnostic[] = [...prepared.warnings, ...rendered.warnings];
  const report = { ...(pdfx && { pdfx }), ...(id !== undefined && { documentId: id }), pageCount, layoutPasses: rendered.passes, parts: rendered.parts, copyfit: rendered.fits, sections: rendered.pages, warnings };
  return { files, report };
}

/** A numbered draft: the shared stages, the review stage's layout, then its files written at once. */
async function runDraft(options: BuildOptions, layout: (soFar: EditionSoFar) => Promise<LaidOutDraft>): Promise<{ dir: string; timings: Record<string, number> }> {
  assertNotArchive(options.outDir);
  const started = performance.now();
  const timings: Record<string, number> = {};
  // The parts of the book laid out by earlier builds and drafts into this folder are reused.
  const cache = stageCacheOf(options);
  const inputs = editionInputs(options.dataDir, options.contentDir, options.year);
  const soFar = await stagesBeforeLayout(options, inputs, cache, timings);
  const draft = await layout(soFar);
  timings.total = performance.now() - started;
  const { document } = soFar.prepared;
  draft.files["build-report.json"] = buildReportJson({ year: options.year, edition: document.meta.editionLabel, print: options.print, ...draft.report, timings });
  await stage("write", draft.dir, "The draft could not be written", async () => writeOutputsAtomically(draft.dir, draft.files));
  return { dir: draft.dir, timings };
}

/** The stage cache a build into `outDir` keeps in <outDir>/.cache, or none with `cache: false`. */
function stageCacheOf(options: BuildOptions): StageCache {
  return options.cache === false ? noCache() : diskCache(path.join(options.outDir, ".cache"));
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
    const { finishPdfA } = await import("../pdf/pdfa.ts");
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
function dataFiles(pdf: Buffer, statistics: Statistics, document: ReportDocument, charts: DrawnCharts): OutputFiles {
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

/** Charts, Markdown files, parts and font subsets are many to an edition (52, 65, 63 and a few in 2024): keep several editions' worth of each. */
function pruneStageCaches(cacheDir: string): void {
  for (const kind of ["prepare", "markdown", "charts", "part", "part-pages", "layout", "layout-pages", "build", "fonts"]) pruneCache(cacheDir, kind, kind === "charts" || kind === "markdown" || kind === "fonts" ? 400 : kind.startsWith("part") ? 1000 : 8);
}
