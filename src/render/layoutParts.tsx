// Lays the book out a part at a time (the cover, the contents, each section, a blank page before the
// back cover), each part its own react-pdf document, and keeps each part under a hash of what shapes
// it. A part does not depend on where it falls in the book: its pages record where folios go, and the
// folios (and a draft's marks) are drawn over the joined book. So an edit to one entry lays out that
// force's pages again and reuses every other part, even when the entry gains or loses a page. The
// copyfitting rule (src/render/copyfit.ts) runs on each part alone.
import { pdf as reactPdf } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { readFileSync } from "node:fs";
import { codeVersion } from "../cache/codeVersion.ts";
import { hashOf, type StageCache } from "../cache/stageCache.ts";
import { realPath, type DocumentRoots } from "../document/bindings.ts";
import type { Block, ReportDocument, Section } from "../document/model.ts";
import { registerFonts, withHyphenation } from "../pdf/registerFonts.ts";
import { AssetContext } from "../../templates/assets.tsx";
import type { ChartSet } from "../../templates/components/Chart.tsx";
import { printOffset } from "../../templates/geometry.tsx";
import { PageLog } from "../../templates/pageLog.ts";
import { contentsLines } from "../../templates/pages/Contents.tsx";
import { groupsWithoutEntries } from "../../templates/pages/ForcesWithoutEntries.tsx";
import { followersOf } from "../../templates/pages/AnalysisPage.tsx";
import { PartsPdf, type BookPart } from "../../templates/ReportPdf.tsx";
import { HeadingsToBreak } from "../../templates/text/edition.tsx";
import { planFits, type FitPlan, type Stranded } from "./copyfit.ts";
import { inspectLayout } from "./inspectLayout.ts";
import { misfits, planForce } from "./forceColumns.tsx";
import { ForceFlows } from "../../templates/pages/ForcePage.tsx";

export interface PartContext {
  document: ReportDocument;
  charts: ChartSet;
  print: boolean;
  roots: DocumentRoots;
  cache: StageCache;
}

/** What the rule decided for a part: its copyfit step, words kept whole, headings moved to the next page. */
export type PartPlan = Pick<FitPlan, "steps" | "keepWhole" | "keepWithNext">;

export interface LaidOutPart {
  part: BookPart;
  pdf: Buffer;
  pageCount: number;
  /** The page of the part (from 1) each section, or page marker, in it starts on. */
  starts: [string, number][];
  /** Pages of the part (from 1) that carry a folio. */
  folios: number[];
  plan: PartPlan;
  /** Tails still stranded at the last step, on pages of the part (from 1). */
  stranded: Stranded[];
  passes: number;
}

/** Six passes at most, as for the whole book; what the last leaves is a warning. */
const maxPasses = 6;

export function sectionsOf(part: BookPart, document: ReportDocument): Section[] {
  if (part.kind !== "section") return [];
  const section = document.sections.find((s) => s.id === part.id);
  if (!section) throw new Error(`The book has no section "${part.id}".`);
  // A part holds its section, the forces without entries grouped with it, or the short sections that follow it on its page.
  return groupsWithoutEntries(document.sections).get(section.id) ?? [section, ...followersOf(document.sections, section)];
}

/** Logical paths of every image the sections show. */
export function assetsOf(sections: Section[]): string[] {
  const fromBlocks = (blocks: Block[]): string[] =>
    blocks.flatMap((b) => (b.type === "image" ? [b.src] : b.type === "list" ? b.items.flatMap(fromBlocks) : b.type === "quote" ? fromBlocks(b.children) : []));
  return sections.flatMap((s) => [
    ...(s.kind === "foreword" || s.kind === "summary" ? [s.person.portrait].filter((p): p is string => p !== null) : []),
    ...(s.kind === "force" ? s.entries.flatMap((e) => fromBlocks(e.body.blocks)) : fromBlocks(s.body.blocks)),
  ]);
}

/** Everything a part's pages are drawn from, as one hash (with the code that draws them). */
function partKey(part: BookPart, context: PartContext, pages: PageLog): string {
  const { document } = context;
  const sections = sectionsOf(part, document);
  const shaping =
    part.kind === "cover"
      ? { meta: document.meta, label: document.labels.cover }
      : part.kind === "contents"
        ? { lines: contentsLines(document), pages: pages.entries(), meta: document.meta, labels: document.labels }
        : { sections, header: document.meta.runningHeader, onlineEdition: document.meta.onlineEdition, labels: document.labels };
  const charts = sections.flatMap((s) => (s.kind === "analysis" ? s.charts : s.kind === "force" && s.chart ? [s.chart] : [])).map((c) => context.charts.get(c.id)?.svg ?? "");
  return hashOf(
    codeVersion(),
    JSON.stringify([part, context.print, shaping]),
    ...charts,
    ...assetsOf(sections).flatMap((logical) => [logical, readFileSync(realPath(logical, context.roots))]),
  );
}

type KeptPart = Omit<LaidOutPart, "pdf" | "part">;

/** react-pdf's document instance as patched (patches/@react-pdf+renderer+*.patch): laid out and drawn in two steps. */
interface TwoStepPdf {
  toLayout(): Promise<{ children: unknown[] }>;
  toBuffer(laidOut: { children: unknown[] }, pdfkitOptions?: { fontPrograms?: boolean }): Promise<NodeJS.ReadableStream>;
}

/** One layout pass, laid out and not yet drawn: most passes only decide the next plan and are never drawn. */
export interface LaidOutPass {
  /** The layout react-pdf draws the PDF from (read by src/render/inspectLayout.ts). */
  layout: unknown;
  pageCount: number;
  /** The PDF of this very layout, drawn without laying the document out again. */
  draw(): Promise<Buffer>;
}

/**
/**
 * One layout pass under a copyfit plan: the words it keeps whole (its own hyphenation, for this pass
 * only) and the headings it moves on. Laid out, not drawn: `draw()` draws this very layout.
 */
export async function layOut(plan: PartPlan, resolve: (logical: string) => string, element: ReactElement): Promise<LaidOutPass> {
  const instance = reactPdf(
      <AssetContext.Provider value={resolve}>
        <HeadingsToBreak.Provider value={new Set(plan.keepWithNext)}>{element}</HeadingsToBreak.Provider>
      </AssetContext.Provider>,
  ) as unknown as TwoStepPdf;
  // Lines are broken while laying out, so the pass's hyphenation is needed there and not in drawing.
  const layout = await withHyphenation(plan.keepWhole, () => instance.toLayout());
  const draw = async () => {
    const chunks: Buffer[] = [];
    // The book embeds each face once (src/render/shareFonts.ts), so a part's own font programs are left empty.
    for await (const chunk of await instance.toBuffer(layout, { fontPrograms: false })) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  return { layout, pageCount: layout.children.length, draw };
}

/**
 * One part laid out, with the copyfitting rule applied to it alone. The contents are given `pages`,
 * the page of the book each section starts on.
 */
export async function layoutPart(part: BookPart, context: PartContext, pages = new PageLog()): Promise<LaidOutPart> {
  const key = partKey(part, context, pages);
  const keptPdf = context.cache.getBytes("part", key);
  const kept = keptPdf && context.cache.get<KeptPart>("part-pages", key);
  if (keptPdf && kept) return { part, pdf: keptPdf, ...kept };

  await registerFonts();
  const { document } = context;
  const section = part.kind === "section" ? document.sections.find((s) => s.id === part.id) : undefined;
  // Copyfitting tightens an entry's text; a force without an entry has none to tighten.
  const fittable = (id: string) => id === section?.id && section.kind === "force" && section.entries.length > 0;
  const resolve = (logical: string) => realPath(logical, context.roots);
  // A force with entries sets them in two columns, planned from a measuring pass (src/render/forceColumns.tsx).
  const force = section?.kind === "force" && section.entries.length > 0 ? section : undefined;
  const unsplittable = new Set<string>();
  const done = await copyfitPasses({ steps: {}, keepWhole: [], keepWithNext: [] }, async (plan) => {
    let log: PageLog;
    let laidOut: LaidOutPass;
    for (let attempt = 1; ; attempt++) {
      log = new PageLog();
      const flows = force ? new Map([[force.id, await planForce(force, plan.steps[force.id] ?? 0, document, context.charts, context.print, (element) => layOut(plan, resolve, element), unsplittable, context.roots)]]) : null;
      laidOut = await layOut(
        plan,
        resolve,
        <ForceFlows.Provider value={flows}>
          <PartsPdf document={document} charts={context.charts} pages={pages} log={log} print={context.print} creator="" fits={plan.steps} parts={[part]} />
        </ForceFlows.Provider>,
      );
      if (!force || !flows) break;
      // A paragraph's piece that broke into other lines than planned: plan again without that split.
      const check = misfits(laidOut.layout, flows.get(force.id)!);
      if (check.splits.length === 0 && check.pages) break;
      if (check.splits.length === 0 || attempt === 4) throw new Error(`${force.id}: its columns did not come out as planned (${check.splits.join(", ") || "page count"}).`);
      for (const split of check.splits) unsplittable.add(split);
    }
    const { layout, pageCount, draw } = laidOut;
    let next: FitPlan = { ...plan, changed: false, stranded: [] };
    // Only a section that runs over a page has a tail, a page turn or a heading at a page's foot.
    if (part.kind === "section" && pageCount > 1) {
      const inspected = new Map(inspectLayout(layout, context.print ? printOffset : 0).map((p) => [p.pageNumber, p]));
      next = planFits([{ id: part.id, first: 1, last: pageCount }], inspected, plan, fittable);
    }
    return { draw, log, pageCount, next, settled: true };
  });
  // Only the pass kept is drawn. What it left stranded is a warning (src/render/copyfit.ts).
  const { log, pageCount, next } = done;
  const pdf = await done.draw();
  const laidOut: KeptPart = {
    pageCount,
    starts: log.entries(),
    folios: [...log.folios].sort((a, b) => a - b),
    plan: { steps: next.steps, keepWhole: next.keepWhole, keepWithNext: next.keepWithNext },
    stranded: next.stranded,
    passes: done.passes,
  };
  context.cache.setBytes("part", key, pdf);
  context.cache.set("part-pages", key, laidOut);
  return { part, pdf, ...laidOut };
}

/**
 * The copyfitting loop, the same for a part and for a final edition's whole book: lay out under a plan,
 * read the pages back into the next plan, and again, until a pass is settled (its own test) and the
 * rule changes nothing, or six passes are done. Gives the last pass, and how many there were.
 */
export async function copyfitPasses<T extends { next: FitPlan; settled: boolean }>(first: PartPlan, pass: (plan: PartPlan) => Promise<T>): Promise<T & { passes: number }> {
  let plan = first;
  for (let n = 1; ; n++) {
    const done = await pass(plan);
    if ((done.settled && !done.next.changed) || n === maxPasses) return { ...done, passes: n };
    plan = done.next;
  }
}
