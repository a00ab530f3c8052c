// What a workforce file counts: people (headcount) or full-time equivalents (fte, up to two decimals).
// Every amount is held as an exact integer number of hundredths, so sums of any number of FTE values
// are exact (integer additions) and shares are ratios of exact integers.

export const measures = ["headcount", "fte"] as const;
export type Measure = (typeof measures)[number];

export const measureNames: Record<Measure, string> = {
  headcount: "headcounts (people)",
  fte: "full-time equivalents (FTE)",
};

/** Largest amount a file may hold (a billion), far below where integer hundredths stop being exact. */
const maxDigits = 9;

/**
 * Parses a count as written in a file of the given measure into integer hundredths, or null if it is
 * not a valid value: headcounts are whole numbers; FTE values are decimals with at most two places.
 * The digits are read as text, never through a float, so "0.29" is exactly 29 hundredths.
 */
export function parseHundredths(text: string, measure: Measure): number | null {
  const pattern = measure === "headcount" ? /^(\d{1,9})$/ : /^(\d{1,9})(?:\.(\d{1,2}))?$/;
  const match = pattern.exec(text);
  if (!match || match[1].length > maxDigits) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** What a valid value looks like, for error messages. */
export function expectedValue(measure: Measure): string {
  return measure === "headcount" ? "a whole number of people, 0 or more" : "a full-time equivalent, 0 or more, with at most two decimals (e.g. 12.5 or 12.50)";
}

/** Writes integer hundredths back in a file's notation: whole numbers for headcounts, two decimals for FTE. */
export function formatHundredths(hundredths: number, measure: Measure): string {
  if (!Number.isSafeInteger(hundredths) || hundredths < 0) throw new RangeError(`not a count in hundredths: ${hundredths}`);
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  if (measure === "headcount") {
    if (cents !== 0) throw new RangeError(`a headcount must be whole: ${hundredths / 100}`);
    return String(whole);
  }
  return `${whole}.${String(cents).padStart(2, "0")}`;
}

/** Integer hundredths of a value that is itself a sum of hundredths divided by 100 once (see shares.ts). */
export const toHundredths = (value: number): number => Math.round(value * 100);
