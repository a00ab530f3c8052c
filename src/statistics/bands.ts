import type { Band } from "../domain/vocabulary.ts";

const thresholds = [15, 10, 5, 1] as const;

/**
 * The band of a difference in percentage points.
 * |d| < 1 is "equal"; otherwise the side is men (d < 0) or women (d > 0) and the band is the largest
 * threshold of 15, 10, 5, 1 that |d| reaches, boundaries included (exactly −5 is "men+5").
 * d is first rounded to 9 decimals so that a difference that is exactly on a boundary in exact
 * arithmetic (e.g. 30 % − 25 %) is not pushed below it by floating-point noise.
 */
export function bandOf(difference: number): Band {
  const d = Math.round(difference * 1e9) / 1e9;
  const size = Math.abs(d);
  const threshold = thresholds.find((t) => size >= t);
  if (threshold === undefined) return "equal";
  return `${d < 0 ? "men" : "women"}+${threshold}` as Band;
}
