import type { OfficerCount, StaffCount } from "../load/workforce.ts";
import { levelDefinitions, type Level } from "../domain/vocabulary.ts";
import { toHundredths } from "../load/measure.ts";
import type { Share } from "./types.ts";

export function share(women: number, total: number): Share {
  return { women, total, womenPct: total > 0 ? (women / total) * 100 : null };
}

/**
 * A share from exact sums in integer hundredths (see load/measure.ts). The percentage is one division of
 * the two exact integers, so it is the same number whether the data are headcounts or FTE, and for
 * headcounts exactly what women / total gave before. women and total are the sums divided by 100 once.
 */
export function shareFromHundredths(women: number, total: number): Share {
  return { women: women / 100, total: total / 100, womenPct: total > 0 ? (women / total) * 100 : null };
}

/** Women and total of stated sex among the given rows; "Not stated" is left out of both. */
export function shareOf(rows: readonly (OfficerCount | StaffCount)[]): Share {
  let women = 0;
  let total = 0;
  for (const row of rows) {
    if (row.sex === "Not stated") continue;
    total += row.hundredths;
    if (row.sex === "Female") women += row.hundredths;
  }
  return shareFromHundredths(women, total);
}

export function levelShare(officers: readonly OfficerCount[], level: Level): Share {
  const ranks = levelDefinitions[level].ranks;
  return shareOf(officers.filter((o) => ranks.includes(o.rank)));
}

/** % change in the number of women; null where it is undefined (no women, or no data, last year). */
export function percentChange(previousWomen: number | null, currentWomen: number): number | null {
  if (previousWomen === null || previousWomen === 0) return null;
  // Taken over exact integer hundredths, so FTE values (e.g. 10.1 → 10.2) do not carry float noise.
  const before = toHundredths(previousWomen);
  return ((toHundredths(currentWomen) - before) / before) * 100;
}

export function mean(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}
