// The sentence that tells readers what the figures count, when it is not the usual headcount of people.
import { measureNames } from "../load/measure.ts";
import type { Statistics } from "../statistics/types.ts";

/**
 * null for headcounts throughout (what the report's prose has always meant); otherwise one sentence
 * naming the measure of the officer figures and, where it differs, of the staff figures.
 */
export function measureNote(statistics: Pick<Statistics, "measure">): string | null {
  const { officers, staff } = statistics.measure;
  if (officers === "headcount" && staff === "headcount") return null;
  if (officers === staff) return `All figures are ${measureNames[officers]}, not headcounts of people.`;
  return `Officer figures are ${measureNames[officers]}; staff, PCSO and volunteer figures are ${measureNames[staff]}.`;
}
