// The review sheet: what a reviewer of a draft reads first. Every warning and proofing finding with the
// file and line to fix and the page it concerns, how each force's pages fill, and what changed since the
// previous draft with the pages it changed. Written as review.json and drawn at the front of the draft.
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { count, verb } from "../domain/plural.ts";
import type { Block, ReportDocument, SourceRef } from "../document/model.ts";
import { page as pageSize } from "../design/theme.ts";
import type { ChangeSummary } from "./changes.ts";
import { normalise, pagesOfBlock, sectionRanges, type LayoutMap } from "./layoutMap.ts";
import type { ProofFinding, ProofResult } from "./proofing.ts";

export interface PageFit {
  section: string;
  title: string;
  firstPage: number;
  pages: number;
  /** How much of the last page's text area is used, 0–1. */
  lastPageFull: number;
  /** Set when the section's last entry runs a few lines onto its last page. */
  spill: { lines: number; wordsToCut: number } | null;
}

export interface ReviewSheet {
  year: number;
  draft: number;
  revision: string;
  builtAt: string;
  warnings: Diagnostic[];
  pageFit: PageFit[];
  proofing: { findings: ProofFinding[]; silenced: ProofResult["silenced"]; wordList: number };
  changes:
    | (Omit<ChangeSummary, "figures" | "charts"> & {
        figures: (ChangeSummary["figures"][number] & { pages: number[] })[];
        charts: (ChangeSummary["charts"][number] & { pages: number[] })[];
        pages: number[];
      })
    | null;
}

/** Where each block and section was written: unit id → section and source. */
function sourcesOf(document: ReportDocument): { section: string; id: string; source: SourceRef }[] {
  const out: { section: string; id: string; source: SourceRef }[] = [];
  const walk = (section: string, blocks: Block[]) => {
    for (const b of blocks) {
      if (b.source) out.push({ section, id: b.id, source: b.source });
      if (b.type === "list") b.items.forEach((item) => walk(section, item));
      if (b.type === "quote") walk(section, b.children);
    }
  };
  for (const s of document.sections) {
    if (s.source) out.push({ section: s.id, id: `${s.id}/title`, source: s.source });
    if ("body" in s) walk(s.id, s.body.blocks);
    if (s.kind === "force") {
      for (const e of s.entries) {
        out.push({ section: s.id, id: `${e.id}/title`, source: e.source });
        walk(s.id, e.body.blocks);
      }
    }
  }
  return out;
}

export interface Locator {
  /** The section and page a source place (logical file, line) prints on, where known. */
  place(logicalFile: string, line?: number): { section: string; page: number } | null;
  /** The section whose title a message names, e.g. a missing entry's force. */
  named(message: string): { section: string; page: number } | null;
}

export function locator(document: ReportDocument, pages: Record<string, number>, layout: LayoutMap): Locator {
  const sources = sourcesOf(document);
  return {
    place(file, line) {
      const inFile = sources.filter((s) => s.source.file === file);
      if (inFile.length === 0) return null;
      const before = inFile.filter((s) => line === undefined || s.source.line <= line).sort((a, b) => b.source.line - a.source.line)[0] ?? inFile[0];
      const page = pagesOfBlock(layout, before.id)[0] ?? pages[before.section];
      return page ? { section: before.section, page } : null;
    },
    named(message) {
      const s = [...document.sections].sort((a, b) => b.title.length - a.title.length).find((x) => x.kind === "force" && message.includes(x.title));
      return s && pages[s.id] ? { section: s.id, page: pages[s.id] } : null;
    },
  };
}

/** The logical "content/…" name of a path under the content folder, or null. */
export function logicalContentPath(file: string, contentDir: string): string | null {
  const rel = path.relative(path.resolve(contentDir), path.resolve(file));
  return rel.startsWith("..") || path.isAbsolute(rel) ? null : `content/${rel.split(path.sep).join("/")}`;
}

const bodyTop = pageSize.height - pageSize.marginTop;
const bodyBottom = pageSize.marginBottom;

/** Pages each force takes, how full its last page is (from the text's lowest line), and how much to cut. */
export function pageFit(document: ReportDocument, pages: Record<string, number>, layout: LayoutMap): PageFit[] {
  const ranges = new Map(sectionRanges(pages, layout.pages.length).map((r) => [r.id, r]));
  const out: PageFit[] = [];
  for (const s of document.sections) {
    if (s.kind !== "force") continue;
    const range = ranges.get(s.id);
    if (!range) continue;
    const runsOn = (p: number) => (layout.pages[p - 1]?.runs ?? []).filter((r) => r.block !== null);
    const last = runsOn(range.last);
    const lowest = Math.min(...last.map((r) => r.y - r.height * 0.25));
    const full = last.length ? Math.max(0, Math.min(1, (bodyTop - lowest) / (bodyTop - bodyBottom))) : 0;
    let spill: PageFit["spill"] = null;
    const entryOf = (block: string) => s.entries.find((e) => block.startsWith(`${e.id}/`))?.id ?? null;
    if (range.last > range.first && last.length) {
      const entry = entryOf(last[0].block!);
      const continues = entry !== null && runsOn(range.last - 1).some((r) => entryOf(r.block!) === entry);
      const lines = new Set(last.map((r) => Math.round(r.y))).size;
      if (continues && full < 0.3) {
        const words = last.map((r) => r.str).join(" ").split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
        spill = { lines, wordsToCut: words };
      }
    }
    out.push({ section: s.id, title: s.title, firstPage: range.first, pages: range.last - range.first + 1, lastPageFull: Math.round(full * 100) / 100, spill });
  }
  return out;
}

export interface SheetInputs {
  year: number;
  draft: number;
  revision: string;
  builtAt: string;
  document: ReportDocument;
  pages: Record<string, number>;
  layout: LayoutMap;
  warnings: Diagnostic[];
  proofing: ProofResult;
  changes: ChangeSummary | null;
  contentDir: string;
}

export function assembleSheet(input: SheetInputs): ReviewSheet {
  const where = locator(input.document, input.pages, input.layout);
  const withPage = <D extends Diagnostic>(d: D): D => {
    const logical = logicalContentPath(d.file, input.contentDir);
    const found = (logical ? where.place(logical, d.line) : null) ?? where.named(d.message);
    return found ? { ...d, page: found.page } : d;
  };
  let changes: ReviewSheet["changes"] = null;
  if (input.changes) {
    const figurePages = (id: string) => input.layout.pages.filter((p) => p.bindings.some((b) => b.id === id)).map((p) => p.page);
    const figures = input.changes.figures.map((f) => ({ ...f, pages: figurePages(f.id) }));
    const pages = new Set<number>();
    for (const unit of input.changes.units) for (const p of pagesOfBlock(input.layout, unit)) pages.add(p);
    for (const f of figures) for (const p of f.pages) pages.add(p);
    const charts = input.changes.charts.map((c) => ({ ...c, pages: chartPages(input.document, input.pages, input.layout, c.id) }));
    for (const c of charts) for (const p of c.pages) pages.add(p);
    changes = { ...input.changes, figures, charts, pages: [...pages].sort((a, b) => a - b) };
  }
  return {
    year: input.year,
    draft: input.draft,
    revision: input.revision,
    builtAt: input.builtAt,
    warnings: input.warnings.map(withPage),
    pageFit: pageFit(input.document, input.pages, input.layout),
    proofing: { findings: input.proofing.findings.map(withPage), silenced: input.proofing.silenced, wordList: input.proofing.wordList },
    changes,
  };
}

/**
 * The pages a chart is drawn on: among its section's pages, those printing its heading (a force's chart
 * is headed by the panel's label, an analysis chart by its title); the section's first page otherwise.
 */
function chartPages(document: ReportDocument, pages: Record<string, number>, layout: LayoutMap, id: string): number[] {
  const section = document.sections.find((s) => (s.kind === "analysis" ? s.charts.some((c) => c.id === id) : s.kind === "force" && s.chart?.id === id));
  if (!section) return [];
  const range = sectionRanges(pages, layout.pages.length).find((r) => r.id === section.id);
  if (!range) return [];
  const chart = section.kind === "analysis" ? section.charts.find((c) => c.id === id)! : null;
  const heading = normalise(section.kind === "force" ? (section.panel?.chartLabel ?? "") : chart!.title);
  const found = layout.pages.filter((p) => p.page >= range.first && p.page <= range.last && heading !== "" && p.runs.some((r) => normalise(r.str) === heading)).map((p) => p.page);
  return found.length > 0 ? found : [range.first];
}

/** The sheet as lines for the terminal (diagnostics themselves go through the reporter). */
export function sheetSummary(sheet: ReviewSheet): string[] {
  const lines: string[] = [];
  const spills = sheet.pageFit.filter((f) => f.spill);
  lines.push(`Page fit: ${count(sheet.pageFit.length, "force")}; ${spills.length} ${verb(spills.length, "runs", "run")} a few lines onto a last page.`);
  for (const f of spills) lines.push(`  ${f.title} (p. ${f.firstPage}, ${count(f.pages, "page")}): ${count(f.spill!.lines, "line")} on the last page; cut about ${count(f.spill!.wordsToCut, "word")}.`);
  lines.push(`Proofing: ${count(sheet.proofing.findings.length, "finding")}, ${sheet.proofing.silenced.total} silenced by review-ignore comments.`);
  if (sheet.changes) {
    const c = sheet.changes;
    lines.push(`Changes since draft ${c.since}: ${count(c.figures.length, "figure")}, ${count(c.entries.added.length, "entry", "entries")} added, ${c.entries.removed.length} removed, ${c.entries.changed.length} changed; pages ${c.pages.join(", ") || "none"}.`);
    for (const f of c.figures) lines.push(`  ${f.id}: ${f.old ?? "(new)"} → ${f.new ?? "(removed)"}${f.pages.length ? ` (p. ${f.pages.join(", ")})` : ""}`);
    for (const ch of c.charts) lines.push(`  ${ch.id}${ch.pages.length ? ` (p. ${ch.pages.join(", ")})` : ""}: ${ch.values.map((v) => `${v.label} ${v.old ?? "(new)"} → ${v.new ?? "(removed)"}`).join("; ")}`);
  }
  return lines;
}
