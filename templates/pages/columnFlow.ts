// A force entry's body in two columns, on a baseline grid. react-pdf cannot flow text from one column
// into the next (diegomura/react-pdf#304), so the body is first laid out at column width
// (src/render/forceColumns.tsx measures it), and this plan deals its units to columns a whole grid line
// at a time: a paragraph is split between lines, a list between items; every other block moves whole.
//
// The rules: a paragraph leaves at least two lines on each side of a column end (no widow, no orphan),
// and is never split after a line that ends in a broken word; a heading keeps with the first lines of
// what follows it (never at a column's foot); a list's lead-in keeps with its first item (it is measured
// as part of it). The last page's columns are balanced, so an entry ends level rather than with one full
// column and one short one; but no lower than `minLast` lines, so a short ending stands in one column
// tall enough to be read as the page's end, not spread thin over two (the copyfitting rule measures it).

/** One unit of an entry's body as measured at column width, in grid lines. */
export type MeasuredUnit =
  /** A subhead: its own lines; `above` more when it does not open a column. */
  | { kind: "heading"; lines: number; above: number }
  /** A paragraph: `breaks[k]` says whether it may be split after its k-th line (k from 1). */
  | { kind: "paragraph"; lines: number; breaks: boolean[] }
  /** A list: lines per item (a lead-in counted with the first), and the space after the list. */
  | { kind: "list"; items: number[]; after: number }
  /** Anything moved whole (quote, image, footnotes, further reading). */
  | { kind: "block"; lines: number };

/** Part of a unit in one column: lines [from, to) of a paragraph, items [from, to) of a list, or a whole unit. */
export interface Piece {
  unit: number;
  from: number;
  to: number;
  /** Grid lines the piece takes in its column. */
  lines: number;
  /** A heading or list that opens a column drops its space above; a list piece that does not end the list has no space after. */
  top: boolean;
}

export type Column = Piece[];

/** Where the dealing stands: the unit, and the line or item of it the next column starts at. */
interface Cursor {
  unit: number;
  at: number;
}

/** Lines of a piece, and whether it may end a column there (a paragraph's line, a list's item). */
const listLines = (items: number[], from: number, to: number): number => items.slice(from, to).reduce((a, b) => a + b, 0);

/** The least that may follow a heading in its column: two lines of a paragraph, a list's first item, a whole block. */
function leastOf(unit: MeasuredUnit | undefined, at = 0): number {
  if (!unit) return 0;
  switch (unit.kind) {
    case "paragraph":
      return Math.min(2, unit.lines - at);
    case "list":
      return unit.items[at] ?? 0;
    case "heading":
      return unit.lines + unit.above;
    case "block":
      return unit.lines;
  }
}

/**
 * Fills one column of `capacity` lines from `start`. Gives the pieces and where the next column starts;
 * a unit taller than a whole column is set alone in it (`over` says by how many lines it runs over). A
 * column that is not whole (under a title and lede, or a last page being balanced) leaves a unit that
 * does not fit for the next column instead: it may fit a whole one.
 */
function fillColumn(units: MeasuredUnit[], start: Cursor, capacity: number, whole = true): { column: Column; next: Cursor; over: Over | null } {
  const column: Column = [];
  let used = 0;
  let { unit: u, at } = start;
  let over: Over | null = null;
  while (u < units.length) {
    const unit = units[u];
    const room = capacity - used;
    const top = column.length === 0;
    // Only a whole column's top takes a unit however tall: a shorter column leaves it for the next.
    const takesAny = top && whole;
    if (unit.kind === "heading") {
      const lines = unit.lines + (top ? 0 : unit.above);
      // The heading and the first lines after it, or the next column.
      if (lines + leastOf(units[u + 1]) > room && !takesAny) break;
      column.push({ unit: u, from: 0, to: 1, lines, top });
      used += lines;
      u++;
      continue;
    }
    if (unit.kind === "block") {
      if (unit.lines > room && !takesAny) break;
      if (unit.lines > capacity) over = { unit: u, lines: unit.lines - capacity };
      column.push({ unit: u, from: 0, to: 1, lines: unit.lines, top });
      used += unit.lines;
      u++;
      continue;
    }
    if (unit.kind === "paragraph") {
      const rest = unit.lines - at;
      if (rest <= room) {
        column.push({ unit: u, from: at, to: unit.lines, lines: rest, top });
        used += rest;
        u++;
        at = 0;
        continue;
      }
      // Split after the most lines that fit and leave two on each side, at a line that ends a word.
      let k = Math.min(room, rest - 2);
      while (k >= 2 && !unit.breaks[at + k]) k--;
      if (k >= 2) {
        column.push({ unit: u, from: at, to: at + k, lines: k, top });
        at += k;
      } else if (takesAny) {
        // No break fits a whole column (a paragraph of unbreakable lines): it is set whole, and runs over.
        over = { unit: u, lines: rest - capacity };
        column.push({ unit: u, from: at, to: unit.lines, lines: rest, top });
        u++;
        at = 0;
      }
      break;
    }
    const items = listItemsFitting(unit, at, room);
    if (items === at && !takesAny) break;
    // An item taller than a column (at a whole column's top): set alone, and it runs over.
    const k = items === at ? at + 1 : items;
    const ends = k === unit.items.length;
    const lines = listLines(unit.items, at, k) + (ends ? unit.after : 0);
    if (items === at && unit.items[at] > capacity) over = { unit: u, lines: unit.items[at] - capacity };
    column.push({ unit: u, from: at, to: k, lines, top });
    used += lines;
    if (!ends) {
      at = k;
      break;
    }
    u++;
    at = 0;
  }
  return { column, next: { unit: u, at }, over };
}

/**
 * How far a list's items from `at` fill `room` lines: whole items, the space after the list only with its
 * last. A list of three items or more never leaves its first item alone at a column's foot, nor its last
 * alone at the next column's head. `at` itself: not one item fits.
 */
function listItemsFitting(unit: Extract<MeasuredUnit, { kind: "list" }>, at: number, room: number): number {
  const n = unit.items.length;
  const least = n >= 3 ? 2 : 1;
  let k = at;
  while (k < n && listLines(unit.items, at, k + 1) + (k + 1 === n ? unit.after : 0) <= room) k++;
  if (k < n) k = Math.min(k, n - least);
  if (k < n && k - at < (at === 0 ? least : 1)) k = at;
  return k;
}

/** A unit taller than a whole column, and by how many lines. */
export interface Over {
  unit: number;
  lines: number;
}

export interface ColumnPlan {
  /** Per page, its two columns (the second may be empty). */
  pages: [Column, Column][];
  /** The first unit too tall for any column (null: none); the caller makes this an error. */
  over: Over | null;
}

const used = (column: Column): number => column.reduce((sum, piece) => sum + piece.lines, 0);

/**
 * Deals an entry's units to pages of two columns: `first` lines a column on the entry's first page (under
 * its title and lede), `full` on every later page; the last page balanced down to `minLast` lines at
 * the least (Infinity: not balanced).
 */
export function planColumns(units: MeasuredUnit[], first: number, full: number, minLast = 0): ColumnPlan {
  const pages: [Column, Column][] = [];
  let cursor: Cursor = { unit: 0, at: 0 };
  let over: Over | null = null;
  while (cursor.unit < units.length) {
    const capacity = pages.length === 0 ? first : full;
    // Not room for a paragraph's first two lines under a long title and lede: the body starts on the next page.
    if (pages.length === 0 && capacity < 2) {
      pages.push([[], []]);
      continue;
    }
    const start = cursor;
    const whole = capacity >= full;
    const one = fillColumn(units, start, capacity, whole);
    const two = fillColumn(units, one.next, capacity, whole);
    over ??= one.over ?? two.over;
    if (one.column.length === 0) {
      // The first page's room takes nothing of the body (a heading and its first lines need more): it starts on the next.
      if (pages.length === 0) {
        pages.push([[], []]);
        continue;
      }
      throw new Error("planColumns: a whole column took nothing.");
    }
    if (two.next.unit >= units.length) {
      // The last page: the shortest column height that still holds the rest in two columns.
      const total = used(one.column) + used(two.column);
      for (let height = Math.max(Math.ceil(total / 2), minLast); height < capacity; height++) {
        const a = fillColumn(units, start, height, false);
        const b = fillColumn(units, a.next, height, false);
        if (b.next.unit >= units.length && !a.over && !b.over && a.column.length > 0) {
          pages.push([a.column, b.column]);
          return { pages, over };
        }
      }
      pages.push([one.column, two.column]);
      return { pages, over };
    }
    pages.push([one.column, two.column]);
    cursor = two.next;
  }
  return { pages, over };
}
