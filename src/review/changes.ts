// What changed between two drafts, and a copy of the document with the changes marked as latexdiff marks
// them: inserted words wrapped in `insert`, removed words put back in `delete`, word by word (diffArrays
// from the `diff` package over words, each figure one word). A pure function of the two documents; only drafts print the marked copy.
//
// Blocks are paired by text, not by id: block ids are numbered in reading order, so a paragraph added
// near the top would shift every id after it. Within an entry's (or section's) text, the blocks that are
// equal line up (diffArrays); in each run of differing blocks, old and new are paired in order and word-
// diffed, and the ones left over are wholly inserted or deleted.
import { diffArrays } from "diff";
import { chartFigures, type Block, type ChartFigure, type GoodPracticeEntry, type Inline, type RemovedFrom, type ReportDocument, type RichText, type Section, type SourceRef, type TableCell, type TableFigure } from "../document/model.ts";
import { inlineText } from "./units.ts";

export interface FigureChange {
  id: string;
  old: string | null;
  new: string | null;
  expression: string | null;
  source: { file: string; line: number; column: number } | null;
}

/** A chart whose data or wording changed: each changed value (or title), old → new. */
export interface ChartChange {
  id: string;
  title: string;
  values: { label: string; old: string | null; new: string | null }[];
}

export interface ChangeSummary {
  /** The draft compared with. */
  since: number | null;
  figures: FigureChange[];
  entries: { added: string[]; removed: string[]; changed: string[] };
  charts: ChartChange[];
  /** Sections whose printed text changed. */
  sections: string[];
  /** Units (block ids and template parts, as in layout.json) marked in the draft. */
  units: string[];
}

export interface MarkedDocument {
  document: ReportDocument;
  changes: ChangeSummary;
}

type Mark = Extract<Inline, { type: "insert" | "delete" }>;
const ins = (children: Inline[]): Mark => ({ type: "insert", children });
const del = (text: string, was?: RemovedFrom): Mark => ({ type: "delete", children: [{ type: "text", value: text }], ...(was ? { was } : {}) });

/**
 * Words, spaces and single marks, with each figure one token: a figure's text ("30.95 %") must never be
 * split at its "." or space, or a changed value would print as fragments ("by ~~12~~ 0.14 %").
 */
export function diffTokens(nodes: Inline[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (node.type === "figure") out.push(node.text);
    else if (node.type === "text") out.push(...(node.value.match(/\s+|[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? []));
    else if (node.type === "break") out.push(" ");
    else if (node.type === "footnoteRef") out.push(String(node.number));
    else out.push(...diffTokens(node.children));
  }
  return out;
}

/** The new inlines with the words not in `old` wrapped in insert marks and the words gone put back as delete marks. */
export function markInlines(nodes: Inline[], old: Inline[], was?: RemovedFrom): Inline[] {
  const newText = inlineText(nodes);
  if (newText === inlineText(old)) return nodes;
  const inserted: [number, number][] = [];
  const deletions = new Map<number, string>();
  let pos = 0;
  for (const part of diffArrays(diffTokens(old), diffTokens(nodes))) {
    const value = part.value.join("");
    if (part.added) {
      inserted.push([pos, pos + value.length]);
      pos += value.length;
    } else if (part.removed) {
      deletions.set(pos, (deletions.get(pos) ?? "") + value);
    } else pos += value.length;
  }
  const isInserted = (a: number, b: number) => inserted.some(([s, e]) => s < b && a < e);
  const emitted = new Set<number>();
  // A deleted word is followed by a space where the text after it does not start with one.
  const deletionAt = (k: number): Inline[] => {
    const text = deletions.get(k);
    if (text === undefined || emitted.has(k)) return [];
    emitted.add(k);
    const needsSpace = !/\s$/.test(text) && k < newText.length && !/\s/.test(newText[k]);
    return [del(needsSpace ? `${text} ` : text, was)];
  };

  let offset = 0;
  const walk = (list: Inline[]): Inline[] =>
    list.flatMap((node): Inline[] => {
      const start = offset;
      switch (node.type) {
        case "text": {
          offset += node.value.length;
          const cuts = new Set<number>([start, offset]);
          for (const [s, e] of inserted) for (const c of [s, e]) if (c > start && c < offset) cuts.add(c);
          for (const k of deletions.keys()) if (k > start && k < offset) cuts.add(k);
          const points = [...cuts].sort((a, b) => a - b);
          const out: Inline[] = [];
          for (let i = 0; i + 1 < points.length; i++) {
            const [a, b] = [points[i], points[i + 1]];
            out.push(...deletionAt(a));
            const piece: Inline = { type: "text", value: node.value.slice(a - start, b - start) };
            out.push(isInserted(a, b) ? ins([piece]) : piece);
          }
          return out;
        }
        case "figure":
        case "footnoteRef":
        case "break": {
          const length = node.type === "figure" ? node.text.length : node.type === "footnoteRef" ? String(node.number).length : 1;
          offset += length;
          // A changed figure shows its old text struck through, then the new one underlined.
          const before: Inline[] = [];
          for (let k = start; k < offset; k++) before.push(...deletionAt(k));
          return [...before, node.type === "figure" && isInserted(start, offset) ? ins([node]) : node];
        }
        default: {
          const lead = deletionAt(start);
          return [...lead, { ...node, children: walk(node.children) }];
        }
      }
    });
  const out = walk(nodes);
  return [...out, ...deletionAt(newText.length)];
}

function blockText(block: Block): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return inlineText(block.children);
    case "list":
      return block.items.map((item) => item.map(blockText).join("\n")).join("\n");
    case "quote":
      return [...block.children.map(blockText), block.attribution ? inlineText(block.attribution) : ""].join("\n");
    case "image":
      return `${block.src} ${block.alt}`;
  }
}

class Marker {
  readonly units = new Set<string>();

  constructor(readonly since: number | null) {}

  /** Where words removed from an earlier draft's block stood. */
  from(source: SourceRef | null): RemovedFrom {
    return { draft: this.since, source };
  }

  /** Every word of a block marked inserted (a new block), or the block rebuilt as deleted text. */
  whole(block: Block, mark: "insert" | "delete"): Block {
    const wrap = (children: Inline[]): Inline[] => (mark === "insert" ? [ins(children)] : [del(inlineText(children), this.from(block.source))]);
    switch (block.type) {
      case "paragraph":
      case "heading":
        this.units.add(block.id);
        return { ...block, children: wrap(block.children) };
      case "list":
        return { ...block, items: block.items.map((item) => item.map((b) => this.whole(b, mark))) };
      case "quote":
        if (block.attribution) this.units.add(`${block.id}/attribution`);
        return { ...block, children: block.children.map((b) => this.whole(b, mark)), attribution: block.attribution ? wrap(block.attribution) : null };
      case "image":
        return block;
    }
  }

  /** A new block against the old one it replaces. */
  pair(block: Block, old: Block): Block {
    if (blockText(block) === blockText(old)) return block;
    if ((block.type === "paragraph" || block.type === "heading") && (old.type === "paragraph" || old.type === "heading")) {
      this.units.add(block.id);
      return { ...block, children: markInlines(block.children, old.children, this.from(old.source)) };
    }
    if (block.type === "list" && old.type === "list") return { ...block, items: this.blockLists(block.items, old.items) };
    if (block.type === "quote" && old.type === "quote") {
      const [children] = this.blockLists([block.children], [old.children]);
      const attribution = block.attribution ? this.lede(`${block.id}/attribution`, block.attribution, old.attribution ?? [], old.source) : null;
      return { ...block, children, attribution };
    }
    return this.whole(block, "insert");
  }

  /** Blocks aligned by text; differing runs paired in order, the rest inserted or deleted. */
  blocks(current: Block[], previous: Block[]): Block[] {
    const out: Block[] = [];
    let removed: Block[] = [];
    const parts = diffArrays(previous, current, { comparator: (a, b) => blockText(a) === blockText(b) });
    for (const part of parts) {
      if (part.removed) removed.push(...part.value);
      else if (part.added) {
        part.value.forEach((b, i) => out.push(removed[i] ? this.pair(b, removed[i]) : this.whole(b, "insert")));
        removed = removed.slice(part.value.length);
      } else {
        out.push(...removed.map((b) => this.deleted(b)));
        removed = [];
        out.push(...part.value);
      }
    }
    out.push(...removed.map((b) => this.deleted(b)));
    return out;
  }

  deleted(block: Block): Block {
    return this.whole({ ...block, id: `${block.id}/deleted` } as Block, "delete");
  }

  /** List items and quote children: item by item where the shapes agree. */
  blockLists(current: Block[][], previous: Block[][]): Block[][] {
    return current.map((item, i) => (previous[i] ? this.blocks(item, previous[i]) : item.map((b) => this.whole(b, "insert"))));
  }

  richText(current: RichText, previous: RichText | null): RichText {
    if (!previous) return { ...current, blocks: current.blocks.map((b) => this.whole(b, "insert")) };
    return { ...current, blocks: this.blocks(current.blocks, previous.blocks) };
  }

  /** A table with each changed cell carrying its previous text; rows matched in order. */
  table(current: TableFigure, previous: TableFigure | null): TableFigure {
    const rowsOf = (t: TableFigure) => [...t.rows, ...(t.footerRow ? [t.footerRow] : [])];
    const old = previous ? rowsOf(previous) : [];
    const marked = rowsOf(current).map((row, i) => {
      const out: Record<string, TableCell> = {};
      for (const [key, cell] of Object.entries(row)) {
        const was = old[i]?.[key];
        if (previous && was && was.text !== cell.text) {
          out[key] = { ...cell, was: was.text };
          this.units.add(`${current.id}/row-${i + 1}`);
        } else out[key] = cell;
      }
      return out;
    });
    return { ...current, rows: marked.slice(0, current.rows.length), footerRow: current.footerRow ? marked[current.rows.length] : null };
  }

  lede(id: string, current: Inline[], previous: Inline[], source: SourceRef | null = null): Inline[] {
    const marked = markInlines(current, previous, this.from(source));
    if (marked !== current) this.units.add(id);
    return marked;
  }

  entry(current: GoodPracticeEntry, previous: GoodPracticeEntry | undefined): GoodPracticeEntry {
    const title: Inline[] = [{ type: "text", value: current.title }];
    if (!previous) {
      this.units.add(`${current.id}/title`);
      return { ...current, titleMarks: [ins(title)], lede: [ins(current.lede)], body: this.richText(current.body, null) };
    }
    // A changed title is marked word by word, as body text is.
    const titleMarks = current.title !== previous.title ? this.lede(`${current.id}/title`, title, [{ type: "text", value: previous.title }], previous.source) : undefined;
    return { ...current, ...(titleMarks ? { titleMarks } : {}), lede: this.lede(`${current.id}/lede`, current.lede, previous.lede, previous.source), body: this.richText(current.body, previous.body) };
  }

  section(current: Section, previous: Section | undefined): Section {
    if (previous && previous.kind !== current.kind) previous = undefined;
    switch (current.kind) {
      case "foreword":
      case "summary":
      case "analysis":
        if (current.kind === "analysis" && current.table) {
          const table = this.table(current.table, previous?.kind === "analysis" ? previous.table : null);
          return { ...current, table, body: this.richText(current.body, previous?.kind === "analysis" ? previous.body : null) };
        }
      // falls through
      case "back":
        return { ...current, body: this.richText(current.body, previous && "body" in previous ? previous.body : null) } as Section;
      case "force": {
        const old = previous?.kind === "force" ? previous : undefined;
        const entries = current.entries.map((e) => this.entry(e, old?.entries.find((o) => o.id === e.id)));
        const panel = current.panel
          ? {
              ...current.panel,
              differences: current.panel.differences.map((d) => {
                const was = old?.panel?.differences.find((o) => o.id === d.id);
                if (!was) return d;
                const note = this.lede(d.id, d.note, was.note);
                if (inlineText([was.value]) === inlineText([d.value])) return { ...d, note };
                // The big figure underlined, and what it was struck through beside it (BigFigure prints `was`).
                this.units.add(d.id);
                return { ...d, value: ins([d.value]), was: inlineText([was.value]), note };
              }),
            }
          : null;
        return { ...current, entries, panel };
      }
    }
  }
}

/** The document to print in a draft, changes since `previous` marked, and the list of those changes. */
export function markChanges(current: ReportDocument, previous: ReportDocument, since: number | null = null): MarkedDocument {
  const marker = new Marker(since);
  const oldSections = new Map(previous.sections.map((s) => [s.id, s]));
  const sections = current.sections.map((s) => marker.section(s, oldSections.get(s.id)));

  const figures: FigureChange[] = [];
  for (const [id, binding] of Object.entries(current.bindings)) {
    const was = previous.bindings[id];
    if (!was || was.text !== binding.text) figures.push({ id, old: was?.text ?? null, new: binding.text, expression: binding.expression, source: binding.source });
  }
  for (const [id, was] of Object.entries(previous.bindings)) {
    if (!current.bindings[id]) figures.push({ id, old: was.text, new: null, expression: was.expression, source: was.source });
  }

  const entriesOf = (d: ReportDocument) => new Map(d.sections.flatMap((s) => (s.kind === "force" ? s.entries : [])).map((e) => [e.id, e]));
  const [now, before] = [entriesOf(current), entriesOf(previous)];
  const units = [...marker.units];
  const entries = {
    added: [...now.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !now.has(id)),
    changed: [...now.keys()].filter((id) => before.has(id) && units.some((u) => u.startsWith(`${id}/`))),
  };
  const changedSections = sections.filter((s, i) => s !== current.sections[i] && JSON.stringify(s) !== JSON.stringify(current.sections[i])).map((s) => s.id);
  const removedSections = previous.sections.filter((s) => !current.sections.some((c) => c.id === s.id)).map((s) => s.id);
  return {
    document: { ...current, sections },
    changes: { since, figures, entries, charts: chartChanges(current, previous), sections: [...changedSections, ...removedSections], units },
  };
}

/**
 * Charts whose drawing changed: compared through the table each carries (the values it draws, as printed)
 * and its title. A chart has no words in the running text, so without this a moved line goes unseen.
 */
export function chartChanges(current: ReportDocument, previous: ReportDocument): ChartChange[] {
  const before = new Map(chartFigures(previous).map((c) => [c.id, c]));
  const out: ChartChange[] = [];
  for (const chart of chartFigures(current)) {
    const was = before.get(chart.id);
    const values: ChartChange["values"] = [];
    if (!was) values.push({ label: "chart", old: null, new: chart.title });
    else {
      if (was.title !== chart.title) values.push({ label: "title", old: was.title, new: chart.title });
      const [now, then] = [chartCells(chart), chartCells(was)];
      for (const [label, text] of now) if (then.get(label) !== text) values.push({ label, old: then.get(label) ?? null, new: text });
      for (const [label, text] of then) if (!now.has(label)) values.push({ label, old: text, new: null });
    }
    if (values.length > 0) out.push({ id: chart.id, title: chart.title, values });
  }
  return out;
}

/** A chart's data table as "row, column" → printed value ("2024, Middle management" → "28.22 %"). */
function chartCells(chart: ChartFigure): Map<string, string> {
  const cells = new Map<string, string>();
  const [head, ...rest] = chart.table.columns;
  for (const row of chart.table.rows) for (const c of rest) if (row[c.key]) cells.set(`${row[head.key]?.text ?? ""}, ${c.label}`, row[c.key].text);
  return cells;
}
