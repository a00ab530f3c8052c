// A force's women and men among all officers, middle management and senior leadership: 100 % stacked
// bars with each share printed to two decimals.
import type { TopLevelSpec } from "vega-lite";
import { halfColumnWidth } from "./common.ts";
import { shareBars } from "./shareBars.ts";

export interface ForceRepresentationInput {
  officers: { womenPct: number | null };
  middleManagement: { womenPct: number | null };
  seniorLeadership: { womenPct: number | null };
}

export interface ForceRepresentationOptions {
  /** Overall width in points; default half the A4 text column (about 235 pt). */
  width?: number;
}

export const levelLabels = {
  officers: "All officers",
  middleManagement: "Middle management",
  seniorLeadership: "Senior leadership",
} as const;

export function forceRepresentationChart(data: ForceRepresentationInput, options: ForceRepresentationOptions = {}): TopLevelSpec {
  return shareBars(
    (["officers", "middleManagement", "seniorLeadership"] as const).map((level) => ({
      label: levelLabels[level],
      womenPct: data[level].womenPct,
    })),
    {
      width: options.width ?? halfColumnWidth,
      decimals: 2,
      rowColumn: "level",
      description: "Women and men as a share of all officers, of middle management and of senior leadership.",
    },
  );
}
