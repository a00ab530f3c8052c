// The PDF renderer: draws the document's charts at the widths its templates give them, then lays the
// document out. Two passes at most: the first finds where each section starts, the second prints those
// page numbers in the contents (react-pdf has no API that returns an element's page).
import { renderToBuffer } from "@react-pdf/renderer";
import { readFileSync } from "node:fs";
import { codeVersion } from "../cache/codeVersion.ts";
import { hashOf, noCache, type StageCache } from "../cache/stageCache.ts";
import type { RenderedChart } from "../charts/renderedChart.ts";
import { realPath, type DocumentRoots } from "../document/bindings.ts";
import { chartFigures, type Block, type ReportDocument } from "../document/model.ts";
import { registerFonts } from "../pdf/registerFonts.ts";
import { AssetContext } from "../../templates/assets.tsx";
import { DraftContext, type DraftMarks } from "../../templates/draftMarks.tsx";
import { renderFigures } from "../../templates/charts/renderFigures.ts";
import { PageLog } from "../../templates/pageLog.ts";
import { ReportPdf } from "../../templates/ReportPdf.tsx";
import { chartWidths } from "../../templates/styles.ts";

export interface PdfResult {
  pdf: Buffer;
  /** The page each section starts on (section id → 1-based page). */
  pages: Record<string, number>;
  passes: number;
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
  const keptPages = keptPdf && cache.get<{ pages: Record<string, number>; passes: number }>("layout-pages", key);
  if (keptPdf && keptPages) return { pdf: keptPdf, ...keptPages, charts, timings: { charts: chartsMs, layout: performance.now() - t } };

  registerFonts();
  let known = new PageLog();
  // react-pdf resolves the contents' page numbers (dynamic texts) after paginating the whole
  // document, so one pass normally suffices. If a number was asked for before its section was
  // placed, or the sections moved, lay out again with the pages found; three passes at most.
  for (let pass = 1; pass <= 3; pass++) {
    const log = new PageLog();
    const pdf = await renderToBuffer(
      <AssetContext.Provider value={resolve}>
        <DraftContext.Provider value={options.draft ?? null}>
          <ReportPdf document={document} charts={charts} pages={known} log={log} print={options.print} creator={options.creator} conformance={options.conformance} date={options.date} />
        </DraftContext.Provider>
      </AssetContext.Provider>,
    );
    const settled = log.missing.size === 0 && (pass === 1 || log.entries().every(([id, page]) => known.pageOf(id) === page));
    if (settled) {
      const pages = Object.fromEntries(log.entries());
      cache.setBytes("layout", key, pdf);
      cache.set("layout-pages", key, { pages, passes: pass });
      return { pdf, pages, passes: pass, charts, timings: { charts: chartsMs, layout: performance.now() - t } };
    }
    known = log;
  }
  throw new Error("The contents' page numbers did not settle after three layout passes.");
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
