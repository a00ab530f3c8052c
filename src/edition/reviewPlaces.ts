// Places in text carried into a new edition that probably need a person: things typed by hand that
// were true for the year they were written in. Figures in {{ }} and web addresses are left alone.

import { maskUntouchable, positionAt } from "../document/editionChecks.ts";

export interface ReviewPlace {
  line: number;
  column: number;
  /** A short stable id: typed-date, typed-year, typed-number, years-span, relative-figure. */
  rule: string;
  message: string;
  /** The words the place is about, as they stand in the text (the checklist finds them by these). */
  text: string;
}

const months = "January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|winter";
const numberWords = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty";

export function findReviewPlaces(text: string): ReviewPlace[] {
  const masked = maskUntouchable(text);
  const places: (ReviewPlace & { offset: number })[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => !taken.some(([a, b]) => start < b && end > a);
  const add = (match: RegExpMatchArray, rule: string, message: string) => {
    const start = match.index!;
    const end = start + match[0].length;
    if (!free(start, end)) return;
    taken.push([start, end]);
    places.push({ offset: start, ...positionAt(text, start), rule, message, text: match[0] });
  };

  for (const m of masked.matchAll(new RegExp(`\\b(?:\\d{1,2}\\s+)?(?:${months})\\s+(?:19|20)\\d{2}\\b`, "g"))) {
    add(m, "typed-date", `"${m[0]}" is a typed date: is it still the right one for this edition?`);
  }
  for (const m of masked.matchAll(/\b(?:19|20)\d{2}-\d{2}-\d{2}\b/g)) add(m, "typed-date", `"${m[0]}" is a typed date: is it still the right one for this edition?`);
  // A day and month alone ("31 March") is the same every year: not a figure.
  for (const m of masked.matchAll(new RegExp(`\\b\\d{1,2}\\s+(?:${months})\\b`, "g"))) taken.push([m.index!, m.index! + m[0].length]);
  for (const m of masked.matchAll(/\b(?:19|20)\d{2}\b/g)) {
    const phrase = /\b(?:in|since|from|of|by|until|to|during)\s+$/i.exec(masked.slice(Math.max(0, m.index! - 8), m.index!));
    add(m, "typed-year", `${phrase ? `"${phrase[0].trim()} ${m[0]}"` : `"${m[0]}"`} is a typed year: still right, or should it be {{ year }} or {{ previousYear }}?`);
  }
  const numberPatterns: [RegExp, string][] = [
    [/\b\d+(?:\.\d+)?\s?(?:%|per ?cent\b|pp\b|percentage points?\b)/g, "a typed percentage"],
    [/\b\d+(?:\.\d+)?\s+(?:million|billion|thousand)\b/g, "a typed figure"],
    [/\b\d{1,3}(?:,\d{3})+\b/g, "a typed figure"],
    [/\b\d+\.\d+\b/g, "a typed figure"],
    [/\b\d{2,}\b/g, "a typed number"],
  ];
  for (const [pattern, what] of numberPatterns) {
    for (const m of masked.matchAll(pattern)) add(m, "typed-number", `"${m[0].trim()}" is ${what}: if it comes from the data, write a {{ }} expression (npm run figures lists the names); otherwise check it is still true.`);
  }
  for (const m of masked.matchAll(new RegExp(`\\b(?:${numberWords}|\\d+)\\s+years?\\b(?:\\s+ago)?`, "gi"))) {
    add(m, "years-span", `"${m[0]}" counts years: check it is still right in the new edition.`);
  }
  for (const m of masked.matchAll(new RegExp(`\\bturns\\s+(?:${numberWords}|\\d+)\\b`, "gi"))) {
    add(m, "years-span", `"${m[0]}" gives an age, which moves on each edition.`);
  }
  // "last year" beside a typed figure: the figure was last year's when written and is two years old now.
  const figures = places.filter((p) => p.rule === "typed-number");
  for (const m of masked.matchAll(/\b(?:last year|this year|next year|a year (?:ago|earlier|before)|the previous year)\b/gi)) {
    const near = figures
      .filter((f) => Math.abs(f.offset - m.index!) < 80 && positionAt(text, f.offset).line >= positionAt(text, m.index!).line - 1)
      .sort((a, b) => Math.abs(a.offset - m.index!) - Math.abs(b.offset - m.index!))[0];
    if (near) {
      places.push({ offset: m.index!, ...positionAt(text, m.index!), text: m[0], rule: "relative-figure", message: `"${m[0]}" next to the typed figure "${masked.slice(near.offset).match(/^\S+(?:\s?%)?/)?.[0] ?? ""}": in the new edition both refer to a different year.` });
    }
  }
  return places.sort((a, b) => a.offset - b.offset).map(({ offset: _offset, ...p }) => p);
}

/**
 * Year-numbered names in {{ }} rewritten to year-independent ones: `.<fromYear>.` → `.current.` and
 * `.<fromYear-1>.` → `.previous.`, where fromYear is the edition the text was written for. Any other
 * year left in an expression is returned for a person to look at.
 */
export function rewriteYearNames(
  text: string,
  fromYear: number,
): { text: string; rewrites: { line: number; column: number; from: string; to: string }[]; left: ReviewPlace[] } {
  const rewrites: { offset: number; from: string; to: string }[] = [];
  const left: { offset: number; name: string }[] = [];
  const current = new RegExp(`(?<=\\.)${fromYear}(?=\\.|$)`, "g");
  const previous = new RegExp(`(?<=\\.)${fromYear - 1}(?=\\.|$)`, "g");
  let out = "";
  let last = 0;
  for (const m of text.matchAll(/\{\{[\s\S]*?\}\}/g)) {
    out += text.slice(last, m.index!);
    let inner = "";
    let at = 0;
    for (const t of m[0].matchAll(/[A-Za-z0-9_+\-]+(?:\.[A-Za-z0-9_+\-]+)+/g)) {
      inner += m[0].slice(at, t.index!);
      const name = t[0];
      const to = name.replace(current, "current").replace(previous, "previous");
      const offset = out.length + inner.length;
      if (to !== name) rewrites.push({ offset, from: name, to });
      else if (/\.(?:19|20)\d{2}(?:\.|$)/.test(name)) left.push({ offset, name });
      inner += to;
      at = t.index! + name.length;
    }
    out += inner + m[0].slice(at);
    last = m.index! + m[0].length;
  }
  out += text.slice(last);
  return {
    text: out,
    rewrites: rewrites.map((r) => ({ ...positionAt(out, r.offset), from: r.from, to: r.to })),
    left: left.map((l) => ({
      ...positionAt(out, l.offset),
      text: l.name,
      rule: "year-in-expression",
      message: `"${l.name}" names a year that is neither this edition's nor the previous one; change it by hand.`,
    })),
  };
}
