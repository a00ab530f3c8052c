// Everything the draft prints that a comment can be about, flattened from its document: each printed
// text with the figures in it and how to find its source (a block knows where it starts; a title or a
// lede is looked for in its file; fixed wording in the builder's labels), and each chart's heading.
import type { Block, ChartFigure, DataRows, Inline, RemovedFrom, ReportDocument, Section, SourceRef } from "../document/model.ts";
import { loose } from "./pageText.ts";

/** A span of the printed text that is a figure (a binding) rather than written words. */
export interface FigureSpan {
  start: number;
  end: number;
  binding: string;
}

/** A span of the printed text that a later draft prints struck through: words removed since an earlier draft. */
export interface RemovedSpan {
  start: number;
  end: number;
  was: RemovedFrom | null;
}

export interface TextTarget {
  sectionId: string;
  /** The document id of what is printed ("entry/kent/3", "entry/kent/title", "table/change"). */
  id: string;
  text: string;
  loose: { text: string; map: number[] };
  figures: FigureSpan[];
  /** Words struck through in a draft (not in the source any more); empty outside a marked draft. */
  removed: RemovedSpan[];
  /**
   * How to find the words' source: "block" starts exactly at `source`; "search" looks for the words in
   * `file` (front matter, report.yml, the force register); "wording" is the builder's fixed wording;
   * "setting" is made from a setting of report.yml (the id's last part names it).
   */
  how: "block" | "search" | "wording" | "table" | "setting";
  source: SourceRef | null;
  file: string | null;
}

/** The words a chart is headed by on the page, which mark where the chart's drawing begins. */
export interface ChartAnchor {
  sectionId: string;
  chart: ChartFigure;
  heading: string;
}

export interface Targets {
  texts: TextTarget[];
  charts: ChartAnchor[];
}

/** The rows of this year's data among a figure's or chart's (a trend chart also reads earlier years). */
export function currentRows(data: DataRows[], year: number): DataRows[] {
  const now = data.filter((d) => d.file.startsWith(`data/${year}/`));
  return now.length > 0 ? now : data;
}

/** The section id of words printed around the sections (headings of parts), candidates on every page. */
export const ANY_SECTION = "*";

/** The builder's file of fixed wording, searched for words that are not in the content. */
export const WORDING_FILE = "src/document/labels.ts";
/** Where the fixed wording takes the names of ranks, levels and roles from. */
export const VOCABULARY_FILE = "src/domain/vocabulary.ts";

export function documentTargets(document: ReportDocument): Targets {
  const texts: TextTarget[] = [];
  const charts: ChartAnchor[] = [];
  for (const section of document.sections) collectSection(section, texts, charts, document);
  // The cover's words, set in report.yml (or made by the builder: the edition's name).
  const meta = document.meta;
  for (const key of ["title", "subject"] as const) {
    const t = make(ANY_SECTION, `meta/${key}`, meta[key], "search", null, meta.source.file);
    if (t) texts.push(t);
  }
  // "Sixth Annual Report 2024" is counted from the year.
  const edition = make(ANY_SECTION, "meta/year", meta.editionLabel, "setting", null, meta.source.file);
  if (edition) texts.push(edition);
  // Headings of parts and the contents page's own words, printed outside any section.
  for (const [key, text] of Object.entries(document.labels)) {
    const t = make(ANY_SECTION, `labels/${key}`, text, "wording", null, WORDING_FILE);
    if (t) texts.push(t);
  }
  return { texts, charts };
}

function make(sectionId: string, id: string, inlines: Inline[] | string, how: TextTarget["how"], source: SourceRef | null, file: string | null): TextTarget | null {
  const { text, figures, removed } = typeof inlines === "string" ? { text: inlines, figures: [], removed: [] } : flatten(inlines);
  if (text.trim() === "") return null;
  return { sectionId, id, text, loose: loose(text), figures, removed, how, source, file };
}

/** Printed text of inlines, and where its figures are in it. */
export function flatten(inlines: Inline[]): { text: string; figures: FigureSpan[]; removed: RemovedSpan[] } {
  let text = "";
  const figures: FigureSpan[] = [];
  const removed: RemovedSpan[] = [];
  const walk = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (node.type === "text") text += node.value;
      else if (node.type === "figure") {
        figures.push({ start: text.length, end: text.length + node.text.length, binding: node.binding });
        text += node.text;
      } else if (node.type === "break") text += "\n";
      else if (node.type === "footnoteRef") text += String(node.number);
      else if (node.type === "delete") {
        const start = text.length;
        walk(node.children);
        removed.push({ start, end: text.length, was: node.was ?? null });
      } else walk(node.children);
    }
  };
  walk(inlines);
  return { text, figures, removed };
}

function collectBlocks(sectionId: string, blocks: Block[], file: string | null, out: TextTarget[]): void {
  for (const block of blocks) {
    const push = (t: TextTarget | null) => t && out.push(t);
    switch (block.type) {
      case "paragraph":
      case "heading":
        push(make(sectionId, block.id, block.children, block.source ? "block" : "search", block.source, block.source?.file ?? file));
        break;
      case "list":
        for (const item of block.items) collectBlocks(sectionId, item, file, out);
        break;
      case "quote":
        collectBlocks(sectionId, block.children, file, out);
        if (block.attribution) push(make(sectionId, `${block.id}/attribution`, block.attribution, "search", null, block.source?.file ?? file));
        break;
      case "image":
        push(make(sectionId, block.id, block.alt, "search", null, block.source?.file ?? file));
        break;
    }
  }
}

function collectSection(section: Section, texts: TextTarget[], charts: ChartAnchor[], document: ReportDocument): void {
  const sid = section.id;
  const file = section.source?.file ?? null;
  const push = (t: TextTarget | null) => t && texts.push(t);
  const body = (rich: { blocks: Block[]; footnotes: { children: Block[] }[] }, bodyFile: string | null) => {
    collectBlocks(sid, rich.blocks, bodyFile, texts);
    for (const note of rich.footnotes) collectBlocks(sid, note.children, bodyFile, texts);
  };
  switch (section.kind) {
    case "foreword":
    case "summary":
      push(make(sid, `${sid}/title`, section.title, "search", null, file));
      for (const key of ["author", "role", "organisation"] as const) push(make(sid, `${sid}/${key}`, section.person[key], "search", null, file));
      body(section.body, file);
      // The summary's key figures: words of the builder, figures bound to the data.
      if (section.kind === "summary" && section.keyFigures) {
        const k = section.keyFigures;
        push(make(sid, `${sid}/key-figures`, k.label, "wording", null, WORDING_FILE));
        for (const [i, share] of k.shares.entries()) {
          push(make(sid, `${sid}/key-share-${i + 1}/label`, share.label, "wording", null, WORDING_FILE));
          push(make(sid, `${sid}/key-share-${i + 1}`, [share.now, ...(share.before ? [{ type: "text", value: " " } as Inline, share.before, { type: "text", value: ` ${share.beforeLabel}` } as Inline] : [])], "wording", null, WORDING_FILE));
        }
        push(make(sid, `${sid}/key-changes`, k.changesLabel, "wording", null, WORDING_FILE));
        for (const [i, change] of k.changes.entries()) push(make(sid, `${sid}/key-change-${i + 1}`, [{ type: "text", value: `${change.label} ` }, change.value], "wording", null, WORDING_FILE));
      }
      break;
    case "analysis":
      push(make(sid, `${sid}/kicker`, section.kicker, "wording", null, WORDING_FILE));
      push(make(sid, `${sid}/title`, section.title, "search", null, file));
      body(section.body, file);
      for (const chart of section.charts) {
        charts.push({ sectionId: sid, chart, heading: chart.title });
        // Printed under the chart, outside its drawing: the builder's words around the report's first source.
        if (chart.sourceNote) push(make(sid, `${chart.id}/source-note`, chart.sourceNote, "wording", null, WORDING_FILE));
      }
      if (section.table) {
        const t = section.table;
        push(make(sid, t.id, t.title, "table", null, null));
        for (const c of t.columns) push(make(sid, `${t.id}/${c.key}`, c.label, "wording", null, WORDING_FILE));
        for (const row of [...t.rows, ...(t.footerRow ? [t.footerRow] : [])]) {
          for (const [key, cell] of Object.entries(row)) {
            const inl: Inline[] = cell.binding ? [{ type: "figure", binding: cell.binding, text: cell.text }] : [{ type: "text", value: cell.text }];
            // A draft prints a changed cell's previous text struck through before it.
            if (cell.was !== undefined) inl.unshift({ type: "delete", children: [{ type: "text", value: `${cell.was} ` }] });
            push(make(sid, `${t.id}/${key}`, inl, "table", null, null));
          }
        }
        for (const [i, note] of t.notes.entries()) push(make(sid, `${t.id}/note-${i + 1}`, note, "wording", null, WORDING_FILE));
      }
      break;
    case "force":
      push(make(sid, `${sid}/kicker`, section.kicker, "wording", null, WORDING_FILE));
      push(make(sid, `${sid}/title`, section.title, "search", null, "data/forces.csv"));
      if (section.chart && section.panel) charts.push({ sectionId: sid, chart: section.chart, heading: section.panel.chartLabel });
      for (const d of section.panel?.differences ?? []) {
        push(make(sid, `${d.id}/label`, d.label, "wording", null, WORDING_FILE));
        const was: Inline[] = d.was !== undefined ? [{ type: "delete", children: [{ type: "text", value: `${d.was} ` }] }] : [];
        push(make(sid, d.id, [...was, d.value, { type: "text", value: ` ${d.unit}` }], "wording", null, WORDING_FILE));
        push(make(sid, `${d.id}/note`, d.note, "wording", null, WORDING_FILE));
      }
      if (section.noFigures) push(make(sid, `${sid}/no-figures`, section.noFigures, "wording", null, WORDING_FILE));
      if (section.noEntry) push(make(sid, `${sid}/no-entry`, section.noEntry, "wording", null, WORDING_FILE));
      for (const entry of section.entries) {
        push(make(sid, `${entry.id}/title`, entry.titleMarks ?? entry.title, "search", null, entry.source.file));
        push(make(sid, `${entry.id}/lede`, entry.lede, "search", null, entry.source.file));
        body(entry.body, entry.source.file);
        for (const [i, link] of entry.links.entries()) push(make(sid, `${entry.id}/link-${i + 1}`, link.text, "search", null, entry.source.file));
      }
      break;
    case "back":
      push(make(sid, `${sid}/title`, section.title, "search", null, file));
      body(section.body, file);
      push(make(sid, `${sid}/sources-label`, section.sourcesLabel, "wording", null, WORDING_FILE));
      for (const [i, s] of section.sources.entries()) push(make(sid, `${sid}/source-${i + 1}`, s.text, "search", null, document.meta.source.file));
      push(make(sid, `${sid}/online-edition-label`, section.onlineEditionLabel, "wording", null, WORDING_FILE));
      break;
  }
}

/** The sections printed on a page, from the page each starts on; every section when the map is missing. */
export function sectionsOnPage(page: number, sectionPages: Record<string, number> | null): Set<string> | null {
  if (!sectionPages) return null;
  const starts = Object.entries(sectionPages).sort((a, b) => a[1] - b[1]);
  const on = new Set<string>();
  starts.forEach(([id, start], i) => {
    const next = starts.slice(i + 1).find(([, p]) => p > start)?.[1] ?? Infinity;
    if (page >= start && page < next) on.add(id);
  });
  return on;
}
