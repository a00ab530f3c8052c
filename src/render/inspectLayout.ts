// Reads a laid-out part back, page by page, for the checks react-pdf cannot make while it lays out: how
// full each page's text area is, how many words it holds, whether its last line ends in a hyphen that
// breaks a word, and whether that last line is a heading. It reads react-pdf's layout (the tree it draws
// the PDF from: src/render/layoutParts.tsx, layOut), placing each line where react-pdf's renderer
// draws it (@react-pdf/render: renderChildren, renderText, renderLine), so no PDF is parsed again.
import { page as theme } from "../design/theme.ts";

export interface PageInspection {
  pageNumber: number;
  /** From the top of the text area to its lowest baseline, as a share of the text area's height (0 to 1). */
  fill: number;
  /** Words in the text area (running header and folio left out). */
  words: number;
  /** The last line's text, when it ends in a hyphen that breaks a word. */
  brokenWord: { start: string; end: string } | null;
  /** The first word in the text area, for joining a broken word. */
  firstWord: string;
  /** The last line's text when it is set as a heading (a size no body text uses): a heading left at a page's foot. */
  headingAtFoot: string | null;
}

/** The parts of react-pdf's layout tree read here. */
interface LayoutNode {
  type?: string;
  box?: { top: number; left: number; height: number; paddingTop?: number; paddingLeft?: number };
  lines?: { string: string; ascent?: number; box?: { x: number; y: number }; runs: { attributes: { fontSize?: number } }[] }[];
  alignOffset?: number;
  children?: LayoutNode[];
}

interface Line {
  text: string;
  /** Baseline, from the top of the page. */
  y: number;
  x: number;
  sizes: number[];
}

/** Sizes only headings are set at (entry titles, h2, h3 and h4 of the theme). */
const headingSizes = [15, 12, 10.5, 17];

/** Drawings (charts, images): their words are not the page's text, but what stands lowest on a page may be one. */
const figureTypes = new Set(["SVG", "IMAGE", "CANVAS"]);

function linesOf(node: LayoutNode, top: number, left: number, into: Line[], figures: number[]): void {
  const box = node.box;
  if (box && node.type && figureTypes.has(node.type)) {
    figures.push(top + box.top + box.height);
    return;
  }
  if (node.lines && box) {
    const initialY = node.lines[0]?.box?.y ?? 0;
    const y0 = top + box.top + (box.paddingTop ?? 0) - initialY;
    const x0 = left + box.left + (box.paddingLeft ?? 0) - (node.alignOffset ?? 0);
    for (const line of node.lines) {
      if (!line.box) continue;
      into.push({ text: line.string, y: y0 + line.box.y + (line.ascent ?? 0), x: x0 + line.box.x, sizes: line.runs.map((run) => run.attributes.fontSize ?? 0) });
    }
  }
  // Children are placed within their parent's box; a text's own children are in its lines already.
  if (node.type === "TEXT") return;
  for (const child of node.children ?? []) linesOf(child, top + (box?.top ?? 0), left + (box?.left ?? 0), into, figures);
}

/** `layout`: the document node react-pdf passed to onRender; `offset`: sheet edge to trim edge (0 on screen). */
export function inspectLayout(layout: unknown, offset = 0): PageInspection[] {
  const pages = ((layout as LayoutNode).children ?? []).filter((node) => node.type === "PAGE");
  return pages.map((pageNode, i) => {
    const top = offset + theme.marginTop;
    const bottom = (pageNode.box?.height ?? 0) - offset - theme.marginBottom;
    const lines: Line[] = [];
    const figures: number[] = [];
    for (const child of pageNode.children ?? []) linesOf(child, 0, 0, lines, figures);
    const inArea = lines.filter((line) => line.text.trim() !== "" && line.y > top - 2 && line.y < bottom + 2);
    const figureFoot = Math.max(-Infinity, ...figures.filter((y) => y > top && y < bottom + 2));
    if (inArea.length === 0) return { pageNumber: i + 1, fill: figureFoot > top ? Math.min(1, (figureFoot - top) / (bottom - top)) : 0, words: 0, brokenWord: null, firstWord: "", headingAtFoot: null };
    const lowestText = Math.max(...inArea.map((line) => line.y));
    // A drawing below the last line of text ends the page: that line is neither at the foot nor broken across the turn.
    const endsInFigure = figureFoot > lowestText + 1;
    const lowest = Math.max(lowestText, figureFoot);
    const highest = Math.min(...inArea.map((line) => line.y));
    const words = inArea.map((line) => line.text).join(" ").split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
    // The last line: every line on the lowest baseline, left to right (columns, table cells).
    const last = endsInFigure ? [] : inArea.filter((line) => Math.abs(line.y - lowest) < 1).sort((a, b) => a.x - b.x);
    const lastText = last.map((line) => line.text).join("").trimEnd();
    const isHeading = last.length > 0 && last.every((line) => line.sizes.every((size) => headingSizes.some((s) => Math.abs(size - s) < 0.2)));
    const broken = /([A-Za-z]{2,})-$/.exec(lastText);
    const firstLine = inArea.filter((line) => Math.abs(line.y - highest) < 1).sort((a, b) => a.x - b.x).map((line) => line.text).join("");
    return {
      pageNumber: i + 1,
      fill: Math.min(1, (lowest - top) / (bottom - top)),
      words,
      brokenWord: broken ? { start: broken[1], end: "" } : null,
      firstWord: firstLine.trim().split(/\s+/)[0] ?? "",
      headingAtFoot: isHeading ? lastText.replace(/\u00a0/g, " ") : null,
    };
  });
}
