// Places one annotation: which printed characters it covers (or is next to), what in the draft's
// document those are (a block's words, a figure, a chart, the running header, the folio), and where
// their source is now.
import { existsSync } from "node:fs";
import path from "node:path";
import { realPath, type DocumentRoots } from "../document/bindings.ts";
import type { RemovedFrom, SourceRef } from "../document/model.ts";
import type { DraftRecord } from "./draftRecord.ts";
import type { Box, RawAnnotation, Target } from "./comment.ts";
import { charsUnder, loose, pageChars, wordNear, type PageChar } from "./pageText.ts";
import type { PdfPage } from "./commentedPdf.ts";
import { afterFigures, figureStillThere, findPrinted, offsetOf, positionOf, sourceFile } from "./sourcePosition.ts";
import { ANY_SECTION, currentRows, sectionsOnPage, VOCABULARY_FILE, WORDING_FILE, type ChartAnchor, type Targets, type TextTarget } from "./targets.ts";

/** How far (in points) a note may sit from the nearest word and still be about it: an inch. */
export const NEAR_LIMIT = 72;
/** How much printed context either side decides between two places with the same words. */
const CONTEXT = 40;

export interface Placement {
  covered: string;
  target: Target;
  /** Logical source ("content/…", "data/…", or a project file). */
  source: SourceRef | null;
  changed: string | null;
}

export interface PlaceContext {
  draft: DraftRecord;
  targets: Targets;
  roots: DocumentRoots;
  /** The project folder, where the builder's own files (wording, templates) are. */
  projectDir: string;
}

/** A page read once for all its annotations: characters, their loose text, and the special areas. */
export interface PageModel {
  page: PdfPage;
  chars: PageChar[];
  /** Loose text of the whole page, and for each character the loose index it starts at (-1: dropped). */
  looseText: string;
  looseAt: number[];
  charLoose: string[];
  sections: Set<string> | null;
  charts: { anchor: ChartAnchor; runs: Set<number>; box: Box }[];
  header: Set<number>;
  folio: Set<number>;
  stamp: Set<number>;
}

export function pageModel(page: PdfPage, ctx: PlaceContext): PageModel {
  const chars = pageChars(page);
  let looseText = "";
  const looseAt: number[] = [];
  const charLoose: string[] = [];
  for (const c of chars) {
    const l = loose(c.char).text;
    looseAt.push(l ? looseText.length : -1);
    charLoose.push(l);
    looseText += l;
  }
  const reportPage = ctx.draft.reportPage(page.number);
  const sections = reportPage === null ? new Set<string>() : sectionsOnPage(reportPage, ctx.draft.sectionPages);
  const onPage = <T extends { sectionId: string }>(xs: T[]) => (sections ? xs.filter((x) => sections.has(x.sectionId)) : xs);
  const runLoose = page.runs.map((r) => loose(r.str).text);
  const header = new Set<number>();
  const folio = new Set<number>();
  const stamp = new Set<number>();
  const headerLoose = loose(ctx.draft.document.meta.runningHeader).text;
  page.runs.forEach((run, r) => {
    if (runLoose[r] === headerLoose) header.add(r);
    if (run.str.trim() === String(page.number) && run.y < page.height * 0.1) folio.add(r);
    // The draft's own marks: its footer stamp, the DRAFT watermark and the CHANGED label over a change
    // bar (templates/draftMarks.tsx); a mark on them is about the draft, not "over nothing".
    if (/^\s*Draft\s+\d+\s+·/.test(run.str) || run.str.trim() === "DRAFT" || run.str.trim() === "CHANGED") stamp.add(r);
  });
  return { page, chars, looseText, looseAt, charLoose, sections, charts: chartRegions(page, runLoose, onPage(ctx.targets.charts), onPage(ctx.targets.texts)), header, folio, stamp };
}

/**
 * Where each chart is drawn. Charts are vectors; what marks one is its heading and the labels drawn
 * with it, which come after the heading in the page's drawing order until the next written text.
 */
function chartRegions(page: PdfPage, runLoose: string[], anchors: ChartAnchor[], texts: TextTarget[]): PageModel["charts"] {
  const found = anchors
    .map((anchor) => ({ anchor, run: runLoose.indexOf(loose(anchor.heading).text) }))
    .filter((a) => a.run >= 0)
    .sort((a, b) => a.run - b.run);
  const anchorRuns = new Set(found.map((f) => f.run));
  // Table cells repeat chart labels (force names); only the table's title ends a chart.
  const stops = texts.filter((t) => t.how !== "table" || t.id.split("/").length === 2).map((t) => t.loose.text);
  const isWritten = (l: string) => l.length >= 8 && stops.some((s) => s.startsWith(l));
  return found.map(({ anchor, run }) => {
    const runs = new Set<number>([run]);
    for (let r = run + 1; r < page.runs.length && !anchorRuns.has(r) && !isWritten(runLoose[r]); r++) runs.add(r);
    const boxes = [...runs].map((r) => runBox(page, r));
    const pad = 4;
    const box = { x1: Math.min(...boxes.map((b) => b.x1)) - pad, y1: Math.min(...boxes.map((b) => b.y1)) - pad, x2: Math.max(...boxes.map((b) => b.x2)) + pad, y2: Math.max(...boxes.map((b) => b.y2)) + pad };
    return { anchor, runs, box };
  });
}

function runBox(page: PdfPage, r: number): Box {
  const run = page.runs[r];
  return { x1: run.x, x2: run.x + run.width, y1: run.y - 0.25 * run.height, y2: run.y + run.height };
}

const inside = (b: Box, x: number, y: number) => x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2;
const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Places an annotation on its page. `area` is what it marks (quads or its box); a point for notes and carets. */
export function place(a: RawAnnotation, pm: PageModel, ctx: PlaceContext, how: { area: Box[] } | { point: [number, number]; beside?: boolean }): Placement {
  let selected: number[];
  let insertAfter = false;
  if ("area" in how) {
    selected = charsUnder(pm.chars, how.area);
  } else {
    const near = wordNear(pm.chars, how.point[0], how.point[1], how.beside ? 3 : 1);
    selected = near && near.distance <= NEAR_LIMIT ? near.word : [];
    // A caret at the end of a word inserts after it.
    insertAfter = a.subtype === "Caret" && near !== null && near.at > near.word[near.word.length - 1];
  }
  // The watermark runs across the text under it: a mark on words is about the words, not the watermark.
  if (selected.some((i) => !pm.stamp.has(pm.chars[i].run))) selected = selected.filter((i) => !pm.stamp.has(pm.chars[i].run));
  const runs = new Set(selected.map((i) => pm.chars[i].run));
  const all = (set: Set<number>) => runs.size > 0 && [...runs].every((r) => set.has(r));
  const covered = () => selected.map((i) => pm.chars[i].char).join("").trim();

  if (all(pm.header)) return setting(ctx, covered(), "runningHeader", { type: "running-header", id: "runningHeader" });
  if (all(pm.folio)) return folio(ctx, covered());
  if (all(pm.stamp)) return { covered: covered(), target: { type: "draft-stamp", id: "draft" }, source: null, changed: null };

  // A note dropped on a chart's drawing is about the chart, whatever word is nearest; a mark is about
  // a chart when it covers only the chart's labels, or nothing but the chart's area.
  const chart = pm.charts.find((c) => ("point" in how && inside(c.box, ...how.point)) || (runs.size > 0 ? all(c.runs) : "area" in how && how.area.some((b) => overlaps(b, c.box))));
  if (chart) return chartPlacement(chart.anchor, ctx, runs.size > 0 ? covered() : "");

  if (selected.length === 0) return { covered: "", target: { type: "nothing", id: null }, source: null, changed: null };
  const match = matchText(selected, pm, ctx) ?? matchText(selected.filter((i) => pm.chars[i].run === pm.chars[selected[0]].run), pm, ctx);
  if (!match) return { covered: covered(), target: { type: "nothing", id: null }, source: null, changed: null };
  return textPlacement(match.target, match.start, match.end, ctx, insertAfter);
}

/** The text target and printed range the selected characters are, judged by their words and context. */
function matchText(selected: number[], pm: PageModel, ctx: PlaceContext): { target: TextTarget; start: number; end: number } | null {
  const words = selected.map((i) => pm.charLoose[i]).join("");
  const looseIdx = selected.map((i) => pm.looseAt[i]).filter((i) => i >= 0);
  if (words.length === 0 || looseIdx.length === 0) return null;
  const first = looseIdx[0];
  const last = looseIdx[looseIdx.length - 1] + pm.charLoose[selected[selected.length - 1]].length;
  // The words of the sections printed on the page; every section's when the page has none of them.
  const onPage = pm.sections ? ctx.targets.texts.filter((t) => pm.sections!.has(t.sectionId)) : [];
  const candidates = [...(onPage.length > 0 ? onPage : ctx.targets.texts.filter((t) => t.sectionId !== ANY_SECTION)), ...ctx.targets.texts.filter((t) => t.sectionId === ANY_SECTION)];
  let best: { target: TextTarget; at: number; score: number } | null = null;
  for (const target of candidates) {
    const hay = target.loose.text;
    for (let at = hay.indexOf(words); at >= 0; at = hay.indexOf(words, at + 1)) {
      let score = 0;
      for (let k = 1; k <= CONTEXT && at - k >= 0 && first - k >= 0 && hay[at - k] === pm.looseText[first - k]; k++) score++;
      for (let k = 0; k < CONTEXT && at + words.length + k < hay.length && last + k < pm.looseText.length && hay[at + words.length + k] === pm.looseText[last + k]; k++) score++;
      if (!best || score > best.score) best = { target, at, score };
    }
  }
  if (!best) return null;
  const map = best.target.loose.map;
  return { target: best.target, start: map[best.at], end: map[best.at + words.length - 1] + 1 };
}

/**
 * A logical path of the draft's document as a path here; null for one that would leave its folder
 * (document.json is input like any other, and is not trusted to name files outside the given folders).
 */
function real(logical: string, ctx: PlaceContext): string | null {
  if (path.isAbsolute(logical) || logical.split(/[\\/]/).includes("..")) return null;
  return /^(content|data)\//.test(logical) ? realPath(logical, ctx.roots) : path.join(ctx.projectDir, logical);
}

function readSource(logical: string, ctx: PlaceContext) {
  const file = real(logical, ctx);
  return file === null ? null : sourceFile(file);
}

function changedNote(ctx: PlaceContext): string {
  return `text has changed since draft ${ctx.draft.id.number}`;
}

/** Where struck words stood, said as such: "on text removed since draft 1, was content/…/kent.md:12". */
function removedNote(was: RemovedFrom | null, also = false): string {
  const since = was?.draft ?? null;
  const where = was?.source ? `, was ${was.source.file}:${was.source.line}` : "";
  return `${also ? "also " : ""}on text removed since ${since !== null ? `draft ${since}` : "the previous draft"}${where}`;
}

/**
 * The printed text without the struck-through words, which are not in the source any more, and where
 * each printed index lands in it.
 */
function withoutRemoved(t: TextTarget): { kept: TextTarget; at: (i: number) => number } {
  const at = (i: number) => i - t.removed.reduce((n, r) => n + Math.max(0, Math.min(i, r.end) - r.start), 0);
  let text = "";
  let from = 0;
  for (const r of [...t.removed].sort((a, b) => a.start - b.start)) {
    text += t.text.slice(from, r.start);
    from = r.end;
  }
  text += t.text.slice(from);
  const figures = t.figures.map((f) => ({ ...f, start: at(f.start), end: at(f.end) }));
  return { kept: { ...t, text, loose: loose(text), figures, removed: [] }, at };
}

/** The source place of the kept text at `at`: the next word's start, or the end of the word before. */
function standingPlace(kept: TextTarget, at: number, ctx: PlaceContext): SourceRef | null {
  const next = kept.text.slice(at).match(/^\s*(\S+)/);
  const prev = kept.text.slice(0, at).match(/(\S+)\s*$/);
  const place = next
    ? textPlacement(kept, at + next[0].length - next[1].length, at + next[0].length, ctx)
    : prev
      ? textPlacement(kept, at - prev[0].length, at - prev[0].length + prev[1].length, ctx, true)
      : null;
  return place && place.changed === null ? place.source : null;
}

/**
 * A mark over struck words maps to where they stood in the earlier draft's source; over inserted and
 * unchanged words, to the source as it is now; over both, to the words now, with the removed ones named.
 */
function textPlacement(t: TextTarget, start: number, end: number, ctx: PlaceContext, after = false): Placement {
  if (t.removed.length > 0) {
    const covered = t.text.slice(start, end).trim();
    const over = t.removed.filter((r) => start < r.end && end > r.start);
    const { kept, at } = withoutRemoved(t);
    const [from, to] = [at(start), at(end)];
    if (kept.text.slice(from, to).trim() === "") {
      const was = over[0]?.was ?? null;
      const targetOf: Target = t.how === "wording" || t.how === "setting" ? { type: "wording", id: t.id } : t.how === "table" ? { type: "table", id: t.id } : { type: "text", id: t.id };
      // Where the words stood in the source now: at the word that follows them (or after the one before),
      // so an editor lands where they would go back; the earlier draft's line is in the note.
      const here = standingPlace(kept, from, ctx);
      return { covered, target: targetOf, source: here ?? was?.source ?? t.source, changed: removedNote(was) };
    }
    const inner = textPlacement(kept, from, to, ctx, after);
    const notes = [inner.changed, ...(over.length ? [removedNote(over[0].was, true)] : [])].filter((n): n is string => n !== null);
    return { ...inner, covered, changed: notes.length ? notes.join("; ") : null };
  }
  const covered = t.text.slice(start, end).trim();
  const figure = t.figures.find((f) => start < f.end && end > f.start && start >= f.start);
  if (figure) return figurePlacement(figure.binding, covered, ctx);
  const segStart = Math.max(0, ...t.figures.filter((f) => f.end <= start).map((f) => f.end));
  const segEnd = Math.min(t.text.length, ...t.figures.filter((f) => f.start >= start).map((f) => f.start));
  const wanted = t.text.slice(segStart, Math.min(end, segEnd));
  const skip = start - segStart;
  const targetOf = (): Target => (t.how === "wording" ? { type: "wording", id: t.id } : t.how === "table" ? { type: "table", id: t.id } : { type: "text", id: t.id });

  if (t.how === "setting") {
    const key = t.id.split("/").at(-1)!;
    return setting(ctx, covered, key, { type: "setting", id: key });
  }
  if (t.how === "block" && t.source) {
    const file = readSource(t.source.file, ctx);
    const figuresBefore = t.figures.filter((f) => f.end <= start).length;
    const blockAt = file ? offsetOf(file.text, t.source.line, t.source.column) : 0;
    const from = file ? afterFigures(file.text, blockAt, figuresBefore) : null;
    // The run of words starts where the block (or the figure before it) ends, past a few marks ("## ", "> ", "*").
    const found = file && from !== null ? findPrinted(file, wanted, skip, from, from + 8, after) : null;
    if (found) return { covered, target: targetOf(), source: { file: t.source.file, ...found }, changed: null };
    // Lines added or removed above the block move it: the same words once elsewhere in the file are it.
    const moved = file ? findPrinted(file, wanted, skip, 0, Infinity, after) : null;
    if (file && moved && findPrinted(file, wanted, skip, offsetOf(file.text, moved.line, moved.column) + 1, Infinity) === null) {
      return { covered, target: targetOf(), source: { file: t.source.file, ...moved }, changed: `text has moved since draft ${ctx.draft.id.number} (it was at line ${t.source.line})` };
    }
    return { covered, target: targetOf(), source: t.source, changed: changedNote(ctx) };
  }
  if (t.how === "wording" || t.how === "search") {
    // Fixed wording is put together from phrases (labels, then the vocabulary's names): look for the
    // words with their context, then the words alone, then their first three words.
    const words = t.text.slice(start, Math.min(end, segEnd));
    const tries: [string, number][] = [[wanted, skip], [words, 0], [words.trim().split(/\s+/).slice(0, 3).join(" "), 0]];
    // Words looked for in their content file first (titles, ledes, names in front matter).
    if (t.how === "search" && t.file) {
      const file = readSource(t.file, ctx);
      const found = file ? findPrinted(file, wanted, skip, 0, Infinity, after) : null;
      if (found) return { covered, target: targetOf(), source: { file: t.file, ...found }, changed: null };
      if (!file) return { covered, target: targetOf(), source: { file: t.file, line: 1, column: 1 }, changed: changedNote(ctx) };
    }
    for (const [w, k] of tries) {
      for (const logical of [WORDING_FILE, VOCABULARY_FILE]) {
        const file = readSource(logical, ctx);
        const found = file && w.trim() ? findPrinted(file, w, k, 0, Infinity, after) : null;
        if (found) return { covered, target: { type: "wording", id: t.id }, source: { file: logical, ...found }, changed: null };
      }
    }
    // Content words no longer in their file: point at the file, and say so.
    if (t.how === "search" && t.file) return { covered, target: targetOf(), source: { file: t.file, line: 1, column: 1 }, changed: changedNote(ctx) };
    return { covered, target: targetOf(), source: null, changed: null };
  }
  return { covered, target: targetOf(), source: null, changed: null };
}

function firstRow(data: { file: string; lines: string }[]): SourceRef | null {
  const d = data[0];
  if (!d) return null;
  return { file: d.file, line: Number(d.lines.match(/^\d+/)?.[0] ?? 1), column: 1 };
}

function figurePlacement(bindingId: string, covered: string, ctx: PlaceContext): Placement {
  const b = ctx.draft.document.bindings[bindingId];
  if (!b) return { covered, target: { type: "figure", id: bindingId, expression: null, statistics: [], data: [] }, source: null, changed: null };
  const target: Target = { type: "figure", id: b.id, expression: b.expression, statistics: b.statistics, data: b.data };
  if (b.source) {
    const file = readSource(b.source.file, ctx);
    const there = file !== null && figureStillThere(file, b.source, b.expression);
    return { covered, target, source: b.source, changed: there ? null : changedNote(ctx) };
  }
  return { covered, target, source: firstRow(b.data), changed: null };
}

function chartPlacement(anchor: ChartAnchor, ctx: PlaceContext, covered: string): Placement {
  const c = anchor.chart;
  // The chart's own data file, when the draft kept its charts/ folder.
  const file = path.join(ctx.draft.dir, "charts", `${c.id.replace(/^chart\//, "")}.csv`);
  const csv = existsSync(file) ? file : null;
  // The chart's rows for the edition's year (not the oldest year a trend starts from).
  return { covered, target: { type: "chart", id: c.id, title: c.title, statistics: c.statistics, data: c.data, csv }, source: firstRow(currentRows(c.data, ctx.draft.draft.year)), changed: null };
}

/** A setting of report.yml: the line that sets it. */
function setting(ctx: PlaceContext, covered: string, key: string, target: Target): Placement {
  const logical = ctx.draft.document.meta.source.file;
  const file = readSource(logical, ctx);
  const at = file?.text.search(new RegExp(`^${key}\\s*:`, "m")) ?? -1;
  const source = file && at >= 0 ? { file: logical, ...positionOf(file.text, at) } : ctx.draft.document.meta.source;
  return { covered, target, source, changed: file && at >= 0 ? null : changedNote(ctx) };
}

/** The folio is drawn by the folio template (in place, or over a book joined from parts); no setting changes it. */
export const FOLIO_TEMPLATE = "templates/folios.tsx";

function folio(ctx: PlaceContext, covered: string): Placement {
  const file = readSource(FOLIO_TEMPLATE, ctx);
  const at = file?.text.indexOf("styles.folio") ?? -1;
  const lineStart = file && at >= 0 ? file.text.lastIndexOf("\n", at) + 1 : -1;
  return { covered, target: { type: "folio", id: "folio" }, source: file && at >= 0 ? { file: FOLIO_TEMPLATE, ...positionOf(file.text, lineStart) } : null, changed: null };
}
