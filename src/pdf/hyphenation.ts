// Where a word may break at a line's end. British readers object to breaks that split a word against
// its sound or its parts ("adjus-ted", "dir-ection", "loc-ally"), and to short fragments. The rule:
//
//   1. Only plain lower-case words of at least 9 letters (no capitals, figures, addresses or names): an
//      eight-letter word broken leaves a stub a reader trips on ("ses-sions", "cam-paign", "chil-dren").
//   2. A break must be one that BOTH the British (en-gb) and the American (en-us) TeX patterns allow:
//      each set alone makes its own kind of mistake, and where they agree the break falls between
//      the word's parts ("direc-tion", "investiga-tions", "organ-isation").
//   3. At least 3 letters before the break and 4 after it (trailing punctuation does not count), so
//      no line starts with "ty," or "ed.".
//   4. An exception list for words the rule still gets wrong or that should never break.
//
// The last line of a paragraph never ends on a fragment: templates tie a paragraph's last two words
// together (templates/text/ties.ts), so the word before the paragraph's end is never broken.
import gb from "hyphen/en-gb/index.js";
import us from "hyphen/en-us/index.js";

export const hyphenationRule = { minWordLength: 9, minBefore: 3, minAfter: 4 } as const;

/** Words set by hand: the breaks given (with "-"), or the word alone for "never break". */
export const hyphenationExceptions: Record<string, string> = {
  representative: "represent-ative",
  representatives: "represent-atives",
  representation: "representa-tion",
  particular: "partic-ular",
  particularly: "partic-ularly",
  represented: "repre-sented",
  candidates: "candi-dates",
  prioritised: "prior-itised",
  everyone: "everyone",
  something: "something",
  themselves: "themselves",
  throughout: "throughout",
  officers: "officers",
  business: "business",
};

const SOFT = "\u00ad";
const TRAILING = /[,.;:)!?\u2019"]+$/;

function breakOffsets(hyphenated: string): Set<number> {
  const offsets = new Set<number>();
  let letters = 0;
  for (const part of hyphenated.split(SOFT).slice(0, -1)) {
    letters += part.length;
    offsets.add(letters);
  }
  return offsets;
}

// Every word's breaks by the rule: a memo of a pure function, the same for every layout.
const cache = new Map<string, string[]>();

/** The word in pieces at its allowed breaks (one piece: no break). Punctuation stays on the last piece. */
export function hyphenate(word: string): string[] {
  const cached = cache.get(word);
  if (cached) return cached;
  const result = split(word);
  cache.set(word, result);
  return result;
}

/**
 * The hyphenation of one layout pass: the rule, except for the words this pass keeps whole (found by the
 * renderer after the pass before: a word the last line of a page broke across the page turn).
 */
export function hyphenator(keptWhole: Iterable<string>): (word: string) => string[] {
  const kept = new Set([...keptWhole].map((w) => w.toLowerCase()));
  if (kept.size === 0) return hyphenate;
  return (word) => (kept.has(word.slice(0, word.length - (word.match(TRAILING)?.[0] ?? "").length)) ? [word] : hyphenate(word));
}

function split(word: string): string[] {
  const trailing = word.match(TRAILING)?.[0] ?? "";
  const bare = word.slice(0, word.length - trailing.length);
  if (bare.length < hyphenationRule.minWordLength || !/^[a-z\u00e0-\u00ff]+$/.test(bare)) return [word];
  let offsets: number[];
  const exception = hyphenationExceptions[bare];
  if (exception !== undefined) {
    offsets = [...breakOffsets(exception.replaceAll("-", SOFT))];
  } else {
    const british = breakOffsets(gb.hyphenateSync(bare, { hyphenChar: SOFT, minWordLength: 4 }));
    const american = breakOffsets(us.hyphenateSync(bare, { hyphenChar: SOFT, minWordLength: 4 }));
    offsets = [...british].filter((o) => american.has(o) && o >= hyphenationRule.minBefore && bare.length - o >= hyphenationRule.minAfter);
  }
  if (offsets.length === 0) return [word];
  offsets.sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const o of offsets) {
    parts.push(bare.slice(from, o));
    from = o;
  }
  parts.push(bare.slice(from) + trailing);
  return parts;
}
