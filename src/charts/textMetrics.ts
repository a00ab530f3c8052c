// Vega text measurement with fontkit, using the same TTF files the PDF embeds (theme.fonts).
//
// Without the `canvas` package Vega estimates a label's width as 0.8 × characters × font size, which
// truncates labels and changes chart widths. Vega's `textMetrics` object is mutable: replacing its
// `width(item, text)` makes Vega's layout match the PDF (see /work/shared/notes/charts-in-react-pdf.md).
//
// The same fontkit module react-pdf loads (its ES build), so a process holds one copy of it; each face
// is opened once (src/design/fontFiles.ts).
// Vega itself is not loaded here: src/charts/vegaTextMetrics.ts installs the measure into it.
import { fonts, type FontFace } from "../design/theme.ts";
import { fontFile } from "../design/fontFiles.ts";

/** The properties of a Vega scenegraph item that affect a text's width. */
export interface TextStyle {
  font?: string;
  fontSize?: number | string;
  fontWeight?: number | string | null;
  fontStyle?: string | null;
  limit?: number;
}

const DEFAULT_FONT_SIZE = 11; // Vega's default when an item has no fontSize

/** CSS font-weight keyword or number → number. */
export function numericFontWeight(weight: number | string | null | undefined): number {
  if (weight == null || weight === "" || weight === "normal") return 400;
  if (weight === "bold") return 700;
  if (weight === "lighter") return 300;
  if (weight === "bolder") return 700;
  const n = typeof weight === "number" ? weight : Number(weight);
  if (!Number.isFinite(n) || n < 1 || n > 1000) {
    throw new Error(`Unsupported font weight: ${String(weight)}`);
  }
  return n;
}

/** "italic" and "oblique" are both drawn with the italic faces. */
export function fontStyleOf(style: string | null | undefined): "normal" | "italic" {
  if (style == null || style === "" || style === "normal") return "normal";
  if (style === "italic" || style === "oblique" || style.startsWith("oblique")) return "italic";
  throw new Error(`Unsupported font style: ${style}`);
}

/**
 * The theme face closest to a weight and style, by the CSS font-matching rules: an exact weight;
 * for 400–500 the weights up to 500 then below then above; for < 400 below then above; for > 500
 * above then below. react-pdf's font store follows the same rules.
 */
export function fontFaceFor(weight: number | string | null | undefined, style?: string | null): FontFace {
  const w = numericFontWeight(weight);
  const s = fontStyleOf(style);
  const faces = fonts.faces.filter((face) => face.style === s);
  const pool = faces.length > 0 ? faces : fonts.faces;
  const exact = pool.find((face) => face.weight === w);
  if (exact) return exact;
  const below = pool.filter((f) => f.weight < w).sort((a, b) => b.weight - a.weight);
  const above = pool.filter((f) => f.weight > w).sort((a, b) => a.weight - b.weight);
  if (w >= 400 && w <= 500) {
    const upTo500 = above.filter((f) => f.weight <= 500);
    return upTo500[0] ?? below[0] ?? above[0];
  }
  return w < 400 ? (below[0] ?? above[0]) : (above[0] ?? below[0]);
}

// Advance widths in em, per face file and text: width = em × font size.
const emCache = new Map<string, Map<string, number>>();
const EM_CACHE_LIMIT = 50_000;

function emWidth(file: string, text: string): number {
  let cache = emCache.get(file);
  if (!cache) {
    cache = new Map();
    emCache.set(file, cache);
  }
  let em = cache.get(text);
  if (em === undefined) {
    const font = fontFile(file);
    em = font.layout(text).advanceWidth / font.unitsPerEm;
    if (cache.size >= EM_CACHE_LIMIT) cache.clear();
    cache.set(text, em);
  }
  return em;
}

function fontSizeOf(item: TextStyle): number {
  return item.fontSize != null ? +item.fontSize || 0 : DEFAULT_FONT_SIZE;
}

/**
 * The width in points (= Vega pixels) of one line of text set in the theme font, as fontkit lays it
 * out (kerning included), like react-pdf does when it draws the PDF.
 */
export function measureText(
  text: string,
  style: { fontSize: number; fontWeight?: number | string | null; fontStyle?: string | null },
): number {
  if (!text || style.fontSize <= 0) return 0;
  const face = fontFaceFor(style.fontWeight, style.fontStyle);
  return emWidth(face.file, text) * style.fontSize;
}

/** Vertical metrics of a theme face, in em (multiply by the font size): descent is negative. */
export function fontMetrics(
  weight?: number | string | null,
  style?: string | null,
): { ascent: number; descent: number; capHeight: number; xHeight: number } {
  const font = fontFile(fontFaceFor(weight, style).file);
  const em = font.unitsPerEm;
  return { ascent: font.ascent / em, descent: font.descent / em, capHeight: font.capHeight / em, xHeight: font.xHeight / em };
}

/** The replacement for Vega's `textMetrics.width`: fontkit width, clamped to `item.limit`. */
export function vegaTextWidth(item: TextStyle, text: unknown): number {
  const size = fontSizeOf(item);
  if (size <= 0 || text == null) return 0;
  const line = String(text).trim(); // Vega trims each line before drawing it
  if (!line) return 0;
  const width = measureText(line, { fontSize: size, fontWeight: item.fontWeight, fontStyle: item.fontStyle });
  const limit = item.limit != null ? +item.limit : 0;
  // Vega truncates a label longer than its limit (with an ellipsis) to fit within the limit.
  return limit > 0 ? Math.min(width, limit) : width;
}
