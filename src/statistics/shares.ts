import type { OfficerCount, StaffCount } from "../load/workforce.ts";
import { levelDefinitions, type Level } from "../domain/vocabulary.ts";
import type { Share } from "./types.ts";

export function share(women: number, total: number): Share {
  return { women, total, womenPct: total > 0 ? (women / total) * 100 : null };
}

/** Women and total of stated sex among the given rows; "Not stated" is left out of both. */
export function shareOf(rows: readonly (OfficerCount | StaffCount)[]): Share {
  let women = 0;
  let total = 0;
  for (const row of rows) {
    if (row.sex === "Not stated") continue;
    total += row.headcount;
    if (row.sex === "Female") women += row.headcount;
  }
  return share(women, total);
}

export function levelShare(officers: readonly OfficerCount[], level: Level): Share {
  const ranks = levelDefinitions[level].ranks;
  return shareOf(officers.filter((o) => ranks.includes(o.rank)));
}

/** % change in the number of women; null where it is undefined (no women, or no data, last year). */
export function percentChange(previousWomen: number | null, currentWomen: number): number | null {
  if (previousWomen === null || previousWomen === 0) return null;
  return ((currentWomen - previousWomen) / previousWomen) * 100;
}

export function mean(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}
