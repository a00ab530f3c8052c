// Typographic ties: where a line may not break.
//
// - A paragraph's last two words are tied (no-break space), so its last line never holds a single word
//   or the tail of a hyphenated one ("tion.").
// - Headlines are balanced: broken into lines of similar length by explicit line breaks, so no word
//   stands alone on the last line, and a force's name is never split across lines ("North / Wales").
import type { Inline } from "../../src/document/model.ts";
import { measureText } from "../../src/charts/textMetrics.ts";

export const NBSP = "\u00a0";
/** Two words longer than this together (an address, say) are not tied: they could not wrap at all. */
const MAX_TIED = 24;

function tieInText(value: string): string | null {
  const at = value.trimEnd().lastIndexOf(" ");
  if (at < 0) return null;
  const before = value.slice(0, at).trimEnd();
  const lastWord = value.slice(at + 1);
  const previousWord = before.slice(before.lastIndexOf(" ") + 1);
  if (previousWord.length + lastWord.trim().length > MAX_TIED) return value;
  return `${value.slice(0, at)}${NBSP}${lastWord}`;
}

/** The inlines with the space before the last word made a no-break space (nodes are not changed in place). */
export function tieLastWords(nodes: Inline[]): Inline[] {
  const out = nodes.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    const node = out[i];
    if (node.type === "text") {
      const tied = tieInText(node.value);
      if (tied !== null) {
        out[i] = { ...node, value: tied };
        return out;
      }
    } else if (node.type === "emphasis" || node.type === "strong") {
      const children = tieLastWords(node.children);
      if (children !== node.children) {
        out[i] = { ...node, children };
        return out;
      }
    } else if (node.type === "break") {
      return nodes;
    }
  }
  return nodes;
}

export interface HeadlineStyle {
  fontSize: number;
  fontWeight?: number;
  /** The measure the headline is set in, in points. */
  width: number;
}

/** Names that must stay on one line: each force name, and its place name without "Police"/"Constabulary". */
export function unbreakableNames(names: string[]): string[] {
  const all = new Set<string>();
  for (const name of names) {
    all.add(name);
    const place = name.replace(/\s+(Police|Constabulary|Police Service)$/, "");
    if (place !== name && place.includes(" ")) all.add(place);
  }
  // Longest first, so "North Wales Police" is kept whole before "North Wales" is looked for.
  return [...all].sort((a, b) => b.length - a.length);
}

/** Greedy lines at a given width; units are words or tied names. */
function wrap(units: string[], width: number, measure: (s: string) => number): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  for (const unit of units) {
    const candidate = [...line, unit].join(" ");
    if (line.length > 0 && measure(candidate) > width) {
      lines.push(line);
      line = [unit];
    } else line.push(unit);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/**
 * The headline set in balanced lines: the narrowest width that still needs no more lines than the full
 * measure does. Each line's words are tied (no-break spaces) and lines are joined by plain spaces, so
 * react-pdf can break only there. (Not "\n": the theme font has no glyph for it, and react-pdf would
 * embed a fallback font for the break.) Names in `names` stay on one line when they fit on one.
 */
export function balanceHeadline(text: string, style: HeadlineStyle, names: string[] = []): string {
  const measure = (s: string) => measureText(s.replaceAll(NBSP, " "), { fontSize: style.fontSize, fontWeight: style.fontWeight ?? 700 });
  let protectedText = text;
  for (const name of unbreakableNames(names)) {
    if (measure(name) > style.width) continue;
    protectedText = protectedText.split(name).join(name.replaceAll(" ", NBSP));
  }
  const units = protectedText.split(/ +/).filter(Boolean);
  // A little slack: react-pdf's line must not come out wider than measured here.
  const full = style.width - 2;
  const lines = wrap(units, full, measure);
  if (lines.length <= 1) return protectedText;
  let low = measure(protectedText) / lines.length;
  let high = full;
  for (let step = 0; step < 20; step++) {
    const mid = (low + high) / 2;
    if (wrap(units, mid, measure).length <= lines.length) high = mid;
    else low = mid;
  }
  return wrap(units, high, measure)
    .map((line) => line.join(" ").replaceAll(" ", NBSP))
    .join(" ");
}
