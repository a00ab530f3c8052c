import { distance } from "fastest-levenshtein";

/** The closest candidate to a misspelt name, if it is close enough to be a plausible typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    const score = hay.includes(needle) || needle.includes(hay) ? 0.5 : distance(needle, hay);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return bestScore <= Math.max(3, needle.length * 0.4) ? best : undefined;
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closest(input, candidates);
  return match ? ` Did you mean "${match}"?` : "";
}

/**
 * The candidate nearest to a misspelt name by edit distance alone (ties go to the earlier candidate),
 * comparing normalised forms; undefined if even the nearest is too far to be a typo. Unlike closest(), a
 * candidate that merely contains the input does not win: "Hamshire" is one edit from "Hampshire" and
 * seven from "Nottinghamshire".
 */
export function nearest(input: string, candidates: readonly string[], normalise: (s: string) => string = (s) => s.toLowerCase()): string | undefined {
  const needle = normalise(input);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = distance(needle, normalise(candidate));
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  if (bestScore <= Math.max(1, Math.floor(needle.length * 0.4))) return best;
  // Nothing is a plausible typo; a name that starts with the input word for word may still be meant ("Avon").
  return needle.length >= 3 ? candidates.find((c) => normalise(c).startsWith(`${needle} `)) : undefined;
}
