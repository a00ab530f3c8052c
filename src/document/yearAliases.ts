// Year-independent names for figures kept by year: bandCounts.<level>.current is the edition's year and
// .previous the year before, so prose written once reads right in every later edition.
import type { Statistics } from "../statistics/types.ts";

export function withYearAliases(statistics: Statistics): Statistics {
  const alias = <T>(byYear: Record<string, T>): Record<string, T> => ({
    ...byYear,
    ...(byYear[statistics.year] !== undefined ? { current: byYear[statistics.year] } : {}),
    ...(statistics.previousYear !== null && byYear[statistics.previousYear] !== undefined ? { previous: byYear[statistics.previousYear] } : {}),
  });
  return {
    ...statistics,
    bandCounts: { middleManagement: alias(statistics.bandCounts.middleManagement), seniorLeadership: alias(statistics.bandCounts.seniorLeadership) },
  };
}
