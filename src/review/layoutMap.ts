// Where the document's text landed in a built PDF: every text run pdf.js reads on each page, tied to the
// unit of the document it prints (a block id such as "entry/kent/3", or a template part such as
// "entry/kent/lede"), and the figures (bindings) each page shows. Written as layout.json in each draft;
// the comments tool (issue 13) maps a reviewer's annotation to its source through it.
//
// Matching: the section a page belongs to comes from the build's pages map (section id → first page).
// The section's units are joined, in reading order, into one string of letters and digits; each run on
// the section's pages, read in drawing order, is looked for from where the last run matched. Hyphens,
// spaces and punctuation are dropped on both sides, so a word hyphenated across lines still matches.
// Runs that print no unit (running header, folio, chart labels, draft marks) get block null.
import type { ReportDocument } from "../document/model.ts";
import type { PdfPageText } from "./pdfText.ts";
import { sectionUnits, type TextUnit } from "./units.ts";

export interface LayoutRun {
  str: string;
  /** PDF points from the page's bottom-left corner; y is the baseline. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The unit this run prints, or null (furniture, charts, marks). */
  block: string | null;
}

export interface LayoutBinding {
  id: string;
  text: string;
  /** The unit the figure prints in. */
  block: string;
}

export interface LayoutPage {
  /** The page's number in the report (as the folio prints it). */
  page: number;
  /** The page's 1-based index in the draft PDF (the review sheet comes before the report's pages). */
  pdfPage: number;
  width: number;
  height: number;
  /** The section the page belongs to, or null for the cover. */
  section: string | null;
  runs: LayoutRun[];
  bindings: LayoutBinding[];
}

export interface LayoutMap {
  /** Review-sheet pages inserted after this many report pages (the cover), and how many. */
  inserted: { after: number; count: number };
  pages: LayoutPage[];
}

export const normalise = (text: string): string => text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Section ids with the report pages each covers, from the pages map (section id → first page). */
export function sectionRanges(pages: Record<string, number>, pageCount: number): { id: string; first: number; last: number }[] {
  const starts = Object.entries(pages).sort((a, b) => a[1] - b[1]);
  return starts.map(([id, first], i) => {
    const next = starts.slice(i + 1).find(([, p]) => p > first);
    return { id, first, last: next ? next[1] - 1 : pageCount };
  });
}

/**
 * Where a run's letters are in the section's stream: right where the last run ended (the next line of the
 * same text), a few letters on (a skipped footnote number), or, for a run long enough to be told apart
 * from a chart label (12 letters or more), the next place it occurs, or the first (templates may print
 * a unit before one that comes earlier in the document, e.g. a foreword's signature above its text).
 */
function locate(stream: string, n: string, cursor: number): number {
  if (stream.startsWith(n, cursor)) return cursor;
  const next = stream.indexOf(n, cursor);
  if (next >= 0 && next - cursor <= 3 && n.length >= 3) return next;
  if (n.length < 12) return -1;
  return next >= 0 ? next : stream.indexOf(n);
}

/**
 * Ties each run of `text` (the report's pages, in order, as pdf.js reads them) to the unit it prints.
 * `document` must be the document that was rendered (a draft's marked copy, deleted words included).
 */
export function mapLayout(document: ReportDocument, pages: Record<string, number>, text: PdfPageText[], inserted = { after: 1, count: 0 }): LayoutMap {
  const ranges = sectionRanges(pages, text.length);
  const sectionOf = new Map<number, string>();
  for (const r of ranges) for (let p = r.first; p <= r.last; p++) sectionOf.set(p, r.id);
  const unitsBySection = new Map(document.sections.map((s) => [s.id, sectionUnits(s)]));

  const out: LayoutPage[] = text.map((t) => ({
    page: t.page,
    pdfPage: t.page > inserted.after ? t.page + inserted.count : t.page,
    width: t.width,
    height: t.height,
    section: sectionOf.get(t.page) ?? null,
    runs: t.items.map((item) => ({ ...item, block: null })),
    bindings: [],
  }));

  for (const range of ranges) {
    const units = unitsBySection.get(range.id);
    if (!units) continue;
    const { stream, owner } = joinUnits(units);
    let cursor = 0;
    for (let p = range.first; p <= range.last && p <= out.length; p++) {
      for (const run of out[p - 1].runs) {
        const n = normalise(run.str);
        if (!n) continue;
        const at = locate(stream, n, cursor);
        if (at < 0) continue;
        run.block = units[owner[at]].id;
        cursor = at + n.length;
      }
    }
    for (let p = range.first; p <= range.last && p <= out.length; p++) {
      out[p - 1].bindings = pageBindings(document, units, out[p - 1].runs);
    }
  }
  return { inserted, pages: out };
}

function joinUnits(units: TextUnit[]): { stream: string; owner: number[] } {
  let stream = "";
  const owner: number[] = [];
  units.forEach((u, i) => {
    const n = normalise(u.text);
    stream += n;
    for (let k = 0; k < n.length; k++) owner.push(i);
  });
  return { stream, owner };
}

/** The figures a page shows: each binding of a unit with runs on the page whose text those runs hold. */
function pageBindings(document: ReportDocument, units: TextUnit[], runs: LayoutRun[]): LayoutBinding[] {
  const found: LayoutBinding[] = [];
  for (const unit of units) {
    if (unit.bindings.length === 0) continue;
    const printed = normalise(runs.filter((r) => r.block === unit.id).map((r) => r.str).join(""));
    if (!printed) continue;
    for (const id of new Set(unit.bindings)) {
      const binding = document.bindings[id];
      if (binding && printed.includes(normalise(binding.text))) found.push({ id, text: binding.text, block: unit.id });
    }
  }
  return found;
}

/** The report pages a unit's runs are on. */
export function pagesOfBlock(layout: LayoutMap, id: string): number[] {
  return layout.pages.filter((p) => p.runs.some((r) => r.block === id)).map((p) => p.page);
}
