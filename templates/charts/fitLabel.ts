// Fits a short label (a force's name) into a fixed box: one line or two, at the largest size up to
// the chart label size. Breaks at spaces and hyphens first, inside a word (hyphenated) only if needed.
import hyphen from "hyphen/en-gb/index.js";
import { LINE_HEIGHT, capHeight, textWidth, type Weight } from "./common.ts";

export interface FittedLabel {
  lines: string[];
  fontSize: number;
}

export interface FitOptions {
  /** Space for the text inside the box's padding. */
  width: number;
  height: number;
  maxFontSize: number;
  /** A layout that reaches this size beats any that does not, whatever its breaks. */
  minFontSize?: number;
  fontWeight?: Weight;
}

interface Candidate {
  lines: string[];
  penalty: number;
  /** Among layouts of equal size, the lower wins. */
  tie: number;
}

// Preferences, in points of font size a layout must gain to be chosen over a simpler one.
const TWO_LINE_PENALTY = 0.3;
const HYPHENATION_PENALTY = 0.6;
const MIN_FRAGMENT = 3; // letters either side of a hyphenation break

const hyphenCache = new Map<string, string[]>();
function syllables(word: string): string[] {
  let parts = hyphenCache.get(word);
  if (!parts) {
    parts = hyphen.hyphenateSync(word, { hyphenChar: "\u00ad" }).split("\u00ad");
    hyphenCache.set(word, parts);
  }
  return parts;
}

function candidates(text: string): Candidate[] {
  const out: Candidate[] = [{ lines: [text], penalty: 0, tie: 0 }];
  // Between words (balanced lines first), never starting a line with "&" ("Devon &" / "Cornwall").
  for (let i = text.indexOf(" "); i > 0; i = text.indexOf(" ", i + 1)) {
    const lines = [text.slice(0, i), text.slice(i + 1)];
    if (lines[1].startsWith("&")) continue;
    out.push({ lines, penalty: TWO_LINE_PENALTY, tie: Math.abs(lines[0].length - lines[1].length) });
  }
  // After a hyphen ("Dyfed-Powys").
  for (let i = text.indexOf("-"); i > 0; i = text.indexOf("-", i + 1)) {
    if (i < text.length - 1) out.push({ lines: [text.slice(0, i + 1), text.slice(i + 1)], penalty: TWO_LINE_PENALTY, tie: 0 });
  }
  // Inside a word, at a hyphenation point, adding a hyphen.
  const words = text.split(" ");
  let offset = 0;
  for (const word of words) {
    const parts = syllables(word);
    let at = 0;
    for (let k = 0; k < parts.length - 1; k++) {
      at += parts[k].length;
      const left = word.slice(0, at);
      const right = word.slice(at);
      if (left.replace(/[^\p{L}]/gu, "").length >= MIN_FRAGMENT && right.replace(/[^\p{L}]/gu, "").length >= MIN_FRAGMENT) {
        // The latest break that fits reads best ("Nottingham-" / "shire").
        const lines = [`${text.slice(0, offset)}${left}-`, `${right}${text.slice(offset + word.length)}`];
        out.push({ lines, penalty: TWO_LINE_PENALTY + HYPHENATION_PENALTY, tie: lines[1].length });
      }
    }
    offset += word.length + 1;
  }
  return out;
}

/** Height of a block of lines from the first line's cap height to the last baseline, in em. */
export const blockHeightEm = (lineCount: number, fontWeight: Weight = 400): number =>
  capHeight(1, fontWeight) + (lineCount - 1) * LINE_HEIGHT;

/** The best layout of `text` within the space: the largest font size, preferring fewer breaks. */
export function fitLabel(text: string, options: FitOptions): FittedLabel {
  const weight = options.fontWeight ?? 400;
  let best: (FittedLabel & { score: number; tie: number }) | null = null;
  for (const candidate of candidates(text)) {
    const widest = Math.max(...candidate.lines.map((line) => textWidth(line, 1, weight)));
    const byWidth = widest > 0 ? options.width / widest : Infinity;
    const byHeight = options.height / blockHeightEm(candidate.lines.length, weight);
    const fontSize = Math.min(options.maxFontSize, byWidth, byHeight);
    const tooSmall = options.minFontSize !== undefined && fontSize < options.minFontSize - 1e-9;
    const score = fontSize - candidate.penalty - (tooSmall ? 100 : 0);
    const better = !best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && candidate.tie < best.tie);
    if (better) best = { lines: candidate.lines, fontSize, score, tie: candidate.tie };
  }
  // Sizes to 1/100 pt, rounded down so the text still fits.
  return { lines: best!.lines, fontSize: Math.floor(best!.fontSize * 100) / 100 };
}
