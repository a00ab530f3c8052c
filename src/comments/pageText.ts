// Which printed characters an annotation covers. pdf.js gives runs of text, not glyphs, so each run's
// width is shared out over its characters in proportion to their advance widths in the report's font
// (measured with fontkit); reviewers' viewers snap highlights to glyphs, so centres are what count.
import { measureText } from "../charts/textMetrics.ts";
import type { Box } from "./comment.ts";
import type { PdfPage } from "./commentedPdf.ts";

/** One printed character and its box on the page. */
export interface PageChar {
  char: string;
  run: number;
  box: Box;
}

/** A page's characters in the order the PDF draws them (reading order for this report's layout). */
export function pageChars(page: PdfPage): PageChar[] {
  const chars: PageChar[] = [];
  page.runs.forEach((run, r) => {
    const letters = [...run.str];
    const size = run.height || 10;
    const advance = letters.map((c) => measureText(c, { fontSize: 10 }) || 5);
    const total = advance.reduce((a, b) => a + b, 0) || 1;
    let x = run.x;
    for (let i = 0; i < letters.length; i++) {
      const w = (advance[i] / total) * run.width;
      chars.push({ char: letters[i], run: r, box: { x1: x, x2: x + w, y1: run.y - 0.22 * size, y2: run.y + 0.8 * size } });
      x += w;
    }
  });
  return chars;
}

/** Indices of the characters whose centres lie in one of the boxes (a highlight's quads). */
export function charsUnder(chars: PageChar[], boxes: Box[]): number[] {
  const picked: number[] = [];
  chars.forEach((c, i) => {
    const cx = (c.box.x1 + c.box.x2) / 2;
    const height = c.box.y2 - c.box.y1;
    const hit = boxes.some((q) => {
      const overlap = Math.min(q.y2, c.box.y2) - Math.max(q.y1, c.box.y1);
      return cx >= q.x1 && cx <= q.x2 && overlap >= 0.4 * Math.min(height, q.y2 - q.y1);
    });
    if (hit) picked.push(i);
  });
  return picked;
}

function distance(box: Box, x: number, y: number, verticalWeight: number): number {
  const dx = x < box.x1 ? box.x1 - x : x > box.x2 ? x - box.x2 : 0;
  const dy = y < box.y1 ? box.y1 - y : y > box.y2 ? y - box.y2 : 0;
  return Math.hypot(dx, dy * verticalWeight);
}

/**
 * The word nearest a point (a sticky note's corner, a caret), as character indices, and how far away it
 * is; with `at`, the character the point falls before (where a caret inserts). A `verticalWeight` above
 * 1 prefers the point's own line (a text box in the margin is about the line beside it).
 */
export function wordNear(chars: PageChar[], x: number, y: number, verticalWeight = 1): { word: number[]; at: number; distance: number } | null {
  let best = -1;
  let bestDistance = Infinity;
  chars.forEach((c, i) => {
    if (/\s/.test(c.char)) return;
    const d = distance(c.box, x, y, verticalWeight);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  if (best < 0) return null;
  const sameWord = (i: number) => i >= 0 && i < chars.length && chars[i].run === chars[best].run && !/\s/.test(chars[i].char);
  let start = best;
  while (sameWord(start - 1)) start--;
  let end = best;
  while (sameWord(end + 1)) end++;
  const c = chars[best].box;
  const at = x > (c.x1 + c.x2) / 2 ? best + 1 : best;
  return { word: Array.from({ length: end - start + 1 }, (_, k) => start + k), at, distance: bestDistance };
}

/**
 * Text compared without what layout and typesetting change: case, spaces, hyphens and dashes (a word
 * broken at a line end), quotes (curly or straight); with `markup`, also Markdown's emphasis, heading, quote
 * and escape marks, link addresses and footnote carets (for source text); with `keepCase`, case too. `map[i]` is the index in the original of loose char i.
 */
export function loose(text: string, markup = false, keepCase = false): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (markup && c === "]" && text[i + 1] === "(") {
      // A link's address is not printed: skip "](…)".
      const close = text.indexOf(")", i + 2);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (markup && c === "^" && text[i - 1] === "[") continue;
    if (/[\s\u00ad\u2010-\u2015\u2212\-'"\u2018\u2019\u201c\u201d]/.test(c) || (markup && /[*_`#>\\[\]]/.test(c))) continue;
    // Typesetting turns "..." into an ellipsis; compare the three dots.
    const lower = c === "\u2026" ? "..." : keepCase ? c : c.toLowerCase();
    out += lower;
    for (let k = 0; k < lower.length; k++) map.push(i);
  }
  return { text: out, map };
}
