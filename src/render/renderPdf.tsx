// The PDF renderer: places the charts stage's drawings (src/render/drawCharts.ts; drawn here when a caller
// gives none), lays the book out a part at a time (src/render/layoutParts.tsx) and joins the parts, each
// face embedded once for the book (src/render/shareFonts.ts). Every edition, the final too, is this
// joined book; a final is then finished as PDF/A (src/pdf/pdfa.ts).
import { noCache, type StageCache } from "../cache/stageCache.ts";
import type { RenderedChart } from "../charts/renderedChart.ts";
import type { DocumentRoots } from "../document/bindings.ts";
import type { ReportDocument } from "../document/model.ts";
import { drawCharts, type DrawnCharts } from "./drawCharts.ts";
import { PageLog } from "../../templates/pageLog.ts";
import { bookParts, reportMetadata } from "../../templates/ReportPdf.tsx";
import { printOffset } from "../../templates/geometry.tsx";
import { page } from "../design/theme.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { strandedWarning, type Stranded } from "./copyfit.ts";
import { layoutPart, sectionsOf, type LaidOutPart, type PartContext } from "./layoutParts.tsx";
import { joinParts } from "./joinParts.ts";
import { layoutOverlays } from "./overlays.tsx";
import type { OverlayPage } from "../../templates/folios.tsx";
import type { DraftMarks } from "../../templates/draftMarks.tsx";

export interface PdfResult {
  pdf: Buffer;
  /** The page each section starts on (section id → 1-based page). */
  pages: Record<string, number>;
  /** The most layout passes any part needed. */
  passes: number;
  /** Copyfit step each force was set at (absent: as designed). */
  fits: Record<string, number>;
  /** Stranded tails the copyfitting rule could not fix. */
  warnings: Diagnostic[];
  /** Every chart as drawn in this PDF, keyed by chart id. */
  charts: Map<string, RenderedChart>;
  /** Parts laid out in this build, and parts reused from the cache. */
  parts: { laidOut: number; reused: number };
  /** `charts`: only when this call drew them (no charts were given). */
  timings: { charts?: number; layout: number; join?: number };
}

export interface PdfOptions {
  print: boolean;
  creator: string;
  /** Where the document's logical paths ("content/…") point, for images. */
  roots: DocumentRoots;
  /** Keeps chart SVGs and the laid-out parts under hashes of what shapes them. */
  cache?: StageCache;
  /** The charts stage's drawings (src/render/drawCharts.ts); drawn here when not given. */
  charts?: DrawnCharts;
  /** The edition's date for the PDF metadata (default: its publication date). */
  date?: Date;
  /** Draft builds only: the marks to print, and the keyword that identifies the draft (last in Keywords). */
  draft?: DraftMarks & { keyword: string };
}

/** A part laid out, and the page of the book it starts on. */
export interface PlacedPart extends LaidOutPart {
  first: number;
}

/** The book's parts laid out and placed in order. */
export interface LaidOutBook {
  parts: PlacedPart[];
  /** The page of the book each section starts on. */
  pages: Record<string, number>;
  pageCount: number;
  /** For each page of the book, its folio (null: none). */
  overlays: OverlayPage[];
  laidOut: number;
  reused: number;
}

/** A part's pages as overlays: each page that records a folio is numbered from the book page `first`. */
function overlayPages(part: LaidOutPart, first: number): OverlayPage[] {
  return Array.from({ length: part.pageCount }, (_, i) => ({ folio: part.folios.includes(i + 1) ? first + i : null }));
}

/**
 * Lays out every part (none depends on where it falls), then places them: printed as a book, the back
 * cover must be a left-hand page, so an odd count puts a blank page before it. The contents, laid out
 * first with blank numbers for their length, are laid out again with the pages found.
 */
export async function layoutBook(context: PartContext): Promise<LaidOutBook> {
  const { document, cache } = context;
  const before = { ...(cache.stats.part ?? { hits: 0, misses: 0 }) };
  const placed: PlacedPart[] = [];
  let next = 1;
  for (const part of bookParts(document)) {
    const isBack = part.kind === "section" && document.sections.find((s) => s.id === part.id)?.kind === "back";
    // The back cover is a single page: a left-hand page when the pages before it are odd in number.
    if (isBack && (next - 1) % 2 === 0) {
      placed.push({ ...(await layoutPart({ kind: "blank" }, context)), first: next });
      next += 1;
    }
    const done = await layoutPart(part, context);
    placed.push({ ...done, first: next });
    next += done.pageCount;
  }
  const starts = new PageLog();
  for (const done of placed) for (const [id, p] of done.starts) starts.record(id, done.first + p - 1);
  const contents = placed.findIndex((done) => done.part.kind === "contents");
  const numbered = await layoutPart({ kind: "contents" }, context, starts);
  if (numbered.pageCount !== placed[contents].pageCount) {
    throw new Error(`The contents took ${numbered.pageCount} pages with their page numbers and ${placed[contents].pageCount} without.`);
  }
  placed[contents] = { ...numbered, first: placed[contents].first };
  const overlays = placed.flatMap((done) => overlayPages(done, done.first));
  const stats = cache.stats.part ?? { hits: 0, misses: 0 };
  return { parts: placed, pages: Object.fromEntries(starts.entries()), pageCount: next - 1, overlays, reused: stats.hits - before.hits, laidOut: stats.misses - before.misses };
}

export async function renderPdf(document: ReportDocument, options: PdfOptions): Promise<PdfResult> {
  const cache = options.cache ?? noCache();
  let t = performance.now();
  const charts = options.charts ?? (await drawCharts(document, cache));
  const chartsMs = options.charts ? undefined : performance.now() - t;

  t = performance.now();
  const { keyword, ...marks } = options.draft ?? {};
  const book = await layoutBook({ document, charts, print: options.print, roots: options.roots, cache });
  const layoutMs = performance.now() - t;
  const sections = new Map(document.sections.map((s) => [s.id, s]));
  const fits: Record<string, number> = {};
  for (const done of book.parts) Object.assign(fits, done.plan.steps);
  const stranded: Stranded[] = book.parts.flatMap((done) => done.stranded.map((tail) => ({ ...tail, page: done.first + tail.page - 1 })));
  const warnings = stranded.map((tail) => strandedWarning(tail, sections.get(tail.id), options.roots));
  const passes = Math.max(...book.parts.map((done) => done.passes));
  const metadata = reportMetadata(document, options.creator, options.date);
  const common = { fits, warnings, passes, charts, parts: { laidOut: book.laidOut, reused: book.reused } };

  t = performance.now();
  const keywords = keyword ? [...document.meta.keywords, keyword].join(", ") : metadata.keywords;
  const overlay = await layoutOverlays(book.overlays, { print: options.print, cache, ...(options.draft && { draft: marks as DraftMarks }) });
  const joined = await joinParts(
    book.parts.map((done) => done.pdf),
    { ...metadata, keywords },
    overlay,
    cache,
  );
  // The print edition's TrimBox and BleedBox, which react-pdf cannot write.
  const pdf = options.print ? await withPrintBoxes(joined) : joined;
  return { pdf, pages: book.pages, ...common, timings: { ...(chartsMs !== undefined && { charts: chartsMs }), layout: layoutMs, join: performance.now() - t } };
}

/** The print edition's boxes; pdf-lib, which sets them, is loaded only for a print edition. */
async function withPrintBoxes(pdf: Buffer): Promise<Buffer> {
  const { addPrintBoxes } = await import("../pdf/printBoxes.ts");
  return addPrintBoxes(pdf, { offset: printOffset, bleed: page.bleed });
}

/**
 * The parts holding some sections, laid out from the pages they started on in the last build and
 * joined: what the preview shows first after an edit, while the whole book is put together behind it.
 * The parts are kept in the cache, so the whole build that follows reuses them when nothing moved.
 */
export async function renderSectionsPdf(document: ReportDocument, sectionIds: readonly string[], options: PdfOptions & { pages: Record<string, number> }): Promise<Buffer> {
  const cache = options.cache ?? noCache();
  const wanted = new Set(sectionIds);
  const parts = bookParts(document).filter((part) => sectionsOf(part, document).some((s) => wanted.has(s.id)));
  const shown = parts.flatMap((part) => sectionsOf(part, document));
  const charts = await drawCharts({ ...document, sections: shown }, cache);
  const context: PartContext = { document, charts, print: options.print, roots: options.roots, cache };
  const pdfs: Buffer[] = [];
  const overlays: OverlayPage[] = [];
  for (const part of parts) {
    const done = await layoutPart(part, context);
    pdfs.push(done.pdf);
    // Numbered from the page the part started on in the last build.
    overlays.push(...overlayPages(done, part.kind === "section" ? (options.pages[part.id] ?? 1) : 1));
  }
  return joinParts(pdfs, reportMetadata(document, options.creator), await layoutOverlays(overlays, { print: options.print, cache }), cache);
}
