import type { Band } from "../domain/vocabulary.ts";
import { toHundredths } from "../load/measure.ts";
import type { Share } from "./types.ts";

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

/**
 * The band of (share of women at a level) − (share of women among all officers), decided exactly: the
 * shares' sums are integer hundredths, so the comparison with each threshold is done on integer cross
 * products (BigInt) and a difference exactly on a boundary, e.g. 20.00 % − 25.00 % = −5, is always
 * "men+5", however large the FTE sums. null where either share has no total.
 */
export function bandOfShares(level: Share, all: Share): Band | null {
  if (level.womenPct === null || all.womenPct === null) return null;
  const lw = BigInt(toHundredths(level.women));
  const lt = BigInt(toHundredths(level.total));
  const aw = BigInt(toHundredths(all.women));
  const at = BigInt(toHundredths(all.total));
  // difference in points = 100 × (lw/lt − aw/at) = 100 × numerator / denominator, denominator > 0
  const numerator = 100n * (lw * at - aw * lt);
  const denominator = lt * at;
  const size = numerator < 0n ? -numerator : numerator;
  const threshold = thresholds.find((t) => size >= BigInt(t) * denominator);
  if (threshold === undefined) return "equal";
  return `${numerator < 0n ? "men" : "women"}+${threshold}` as Band;
}
