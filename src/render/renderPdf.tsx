// The PDF renderer: draws the document's charts at the widths its templates give them, then lays the
// document out, reading each pass back to fit the pages (react-pdf has no API that returns an element's
// page or a line's position).
import { renderToBuffer } from "@react-pdf/renderer";
import { readFileSync } from "node:fs";
import { codeVersion } from "../cache/codeVersion.ts";
import { hashOf, noCache, type StageCache } from "../cache/stageCache.ts";
import type { RenderedChart } from "../charts/renderedChart.ts";
import { realPath, type DocumentRoots } from "../document/bindings.ts";
import { chartFigures, type Block, type ReportDocument } from "../document/model.ts";
import { registerFonts } from "../pdf/registerFonts.ts";
import { AssetContext } from "../../templates/assets.tsx";
import { renderFigures } from "../../templates/charts/renderFigures.ts";
import { PageLog } from "../../templates/pageLog.ts";
import { ReportPdf } from "../../templates/ReportPdf.tsx";
import { chartWidths } from "../../templates/styles.ts";
import { printOffset } from "../../templates/geometry.tsx";
import { page } from "../design/theme.ts";
import { addPrintBoxes } from "./printBoxes.ts";
import { countPages } from "./countPages.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { keepWhole } from "../pdf/hyphenation.ts";
import { pagesToCheck, planFits, sectionSpans, strandedWarning } from "./copyfit.ts";
import { inspectPages } from "./inspectPages.ts";
import { HeadingsToBreak } from "../../templates/text/edition.tsx";
import { DraftContext, type DraftMarks } from "../../templates/draftMarks.tsx";

export interface PdfResult {
  pdf: Buffer;
  /** The page each section starts on (section id → 1-based page). */
  pages: Record<string, number>;
  passes: number;
  /** Copyfit step each force was set at (absent: as designed). */
  fits: Record<string, number>;
  /** Stranded tails the copyfitting rule could not fix. */
  warnings: Diagnostic[];
  /** Every chart as drawn in this PDF, keyed by chart id. */
  charts: Map<string, RenderedChart>;
  timings: { charts: number; layout: number };
}

export interface PdfOptions {
  print: boolean;
  creator: string;
  /** Where the document's logical paths ("content/…") point, for images. */
  roots: DocumentRoots;
  /** Keeps chart SVGs and the laid-out PDF under hashes of what shapes them. */
  cache?: StageCache;
  /** "PDF/A-2b" for final editions. */
  conformance?: string;
  /** The edition's date for the PDF metadata (default: its publication date). */
  date?: Date;
  /** Draft builds only: the marks to print, and the keyword that identifies the draft (last in Keywords). */
  draft?: DraftMarks & { keyword: string };
}

/** Logical paths of every image the document shows. */
function assetsOf(document: ReportDocument): string[] {
  const fromBlocks = (blocks: Block[]): string[] =>
    blocks.flatMap((b) => (b.type === "image" ? [b.src] : b.type === "list" ? b.items.flatMap(fromBlocks) : b.type === "quote" ? fromBlocks(b.children) : []));
  return document.sections.flatMap((s) => [
    ...(s.kind === "foreword" || s.kind === "summary" ? [s.person.portrait].filter((p): p is string => p !== null) : []),
    ...(s.kind === "force" ? s.entries.flatMap((e) => fromBlocks(e.body.blocks)) : fromBlocks(s.body.blocks)),
  ]);
}

type KeptLayout = Pick<PdfResult, "pages" | "passes" | "fits" | "warnings">;

export async function renderPdf(document: ReportDocument, options: PdfOptions): Promise<PdfResult> {
  if (options.draft) document = { ...document, meta: { ...document.meta, keywords: [...document.meta.keywords, options.draft.keyword] } };
  const cache = options.cache ?? noCache();
  let t = performance.now();
  // Charts are drawn at the size the page templates give them, so their text is never scaled.
  const charts = await renderFigures(chartFigures(document), { widths: chartWidths, cache });
  const chartsMs = performance.now() - t;

  t = performance.now();
  const resolve = (logical: string) => realPath(logical, options.roots);
  // The same document, charts, images, options and code lay out to the same bytes: keep them.
  const key = hashOf(
    codeVersion(),
    JSON.stringify(document),
    JSON.stringify([options.print, options.conformance ?? null, options.date?.toISOString() ?? null, options.draft ?? null]),
    options.creator,
    ...assetsOf(document).flatMap((logical) => [logical, readFileSync(resolve(logical))]),
  );
  const keptPdf = cache.getBytes("layout", key);
  const kept = keptPdf && cache.get<KeptLayout>("layout-pages", key);
  if (keptPdf && kept) return { pdf: keptPdf, ...kept, charts, timings: { charts: chartsMs, layout: performance.now() - t } };

  registerFonts();
  const offset = options.print ? printOffset : 0;
  const sections = new Map(document.sections.map((section) => [section.id, section]));
  // Copyfitting tightens an entry's text; a force without an entry has none to tighten.
  const fittable = (id: string) => {
    const section = sections.get(id);
    return section?.kind === "force" && section.entries.length > 0;
  };
  let known = new PageLog();
  let plan = { steps: {} as Record<string, number>, keepWhole: [] as string[], keepWithNext: [] as string[] };
  // Printed as a book, the back cover must be an even (left-hand) page: if the count comes out odd,
  // a blank page goes before it in the next pass.
  const hasBack = document.sections.some((s) => s.kind === "back");
  let blankBeforeBack = false;
  keepWhole([]);
  // react-pdf resolves the contents' page numbers (dynamic texts) after paginating the whole
  // document, so one pass normally suffices for them. After each pass the pages that continue a
  // section are read back (src/render/copyfit.ts): a stranded tail sets that force one copyfit step
  // tighter, a word broken across a page turn is kept whole, and the document is laid out again.
  // If a contents number was asked for before its section was placed, or the sections moved, the
  // next pass prints the pages found. Six passes at most; what the last pass leaves is a warning.
  const maxPasses = 6;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const log = new PageLog();
    const pdf = await renderToBuffer(
      <AssetContext.Provider value={resolve}>
        <DraftContext.Provider value={options.draft ?? null}>
          <HeadingsToBreak.Provider value={new Set(plan.keepWithNext)}>
            <ReportPdf document={document} charts={charts} pages={known} log={log} print={options.print} creator={options.creator} fits={plan.steps} blankBeforeBack={blankBeforeBack} conformance={options.conformance} date={options.date} />
          </HeadingsToBreak.Provider>
        </DraftContext.Provider>
      </AssetContext.Provider>,
    );
    // The contents print this pass's pages (resolved after pagination), so they are right once every
    // number was found; a pass that moved sections needs no further pass for the contents' sake.
    const settled = log.missing.size === 0;
    const spans = sectionSpans(log.entries(), countPages(pdf));
    const inspected = new Map((await inspectPages(pdf, offset, pagesToCheck(spans))).map((p) => [p.pageNumber, p]));
    const next = planFits(spans, inspected, plan, fittable);
    if (hasBack && countPages(pdf) % 2 === 1) {
      blankBeforeBack = !blankBeforeBack;
      next.changed = true;
    }
    if ((settled && !next.changed) || pass === maxPasses) {
      if (!settled) throw new Error(`The contents' page numbers did not settle after ${maxPasses} layout passes.`);
      const warnings = next.stranded.map((tail) => strandedWarning(tail, sections.get(tail.id), options.roots));
      // The print edition's TrimBox and BleedBox, which react-pdf cannot write.
      const out = options.print ? await addPrintBoxes(pdf, { offset: printOffset, bleed: page.bleed }) : pdf;
      const laidOut: KeptLayout = { pages: Object.fromEntries(log.entries()), passes: pass, fits: next.steps, warnings };
      cache.setBytes("layout", key, out);
      cache.set("layout-pages", key, laidOut);
      return { pdf: out, ...laidOut, charts, timings: { charts: chartsMs, layout: performance.now() - t } };
    }
    plan = next;
    keepWhole(next.keepWhole);
    known = log;
  }
  throw new Error("unreachable: the last layout pass returns");
}


/**
 * Lays out a few sections on their own, without cover, contents or a cache: what the preview shows
 * first after an edit, while the whole draft is laid out behind it. Folios count from 1.
 */
export async function renderSectionsPdf(document: ReportDocument, sectionIds: readonly string[], options: PdfOptions): Promise<Buffer> {
  const only = new Set(sectionIds);
  const wanted = chartFigures({ ...document, sections: document.sections.filter((s) => only.has(s.id)) });
  const charts = await renderFigures(wanted, { widths: chartWidths, cache: options.cache });
  registerFonts();
  const resolve = (logical: string) => realPath(logical, options.roots);
  return renderToBuffer(
    <AssetContext.Provider value={resolve}>
      <ReportPdf document={document} charts={charts} pages={new PageLog()} log={new PageLog()} print={options.print} creator={options.creator} only={only} />
    </AssetContext.Provider>,
  );
}
