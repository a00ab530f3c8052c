// Women and men among police staff and designated officers, PCSOs, special constables and police
// support volunteers: 100 % stacked bars with whole-percent labels.
import type { TopLevelSpec } from "vega-lite";
import { textColumnWidth } from "./common.ts";
import { shareBars } from "./shareBars.ts";

export type StaffChartInput = { role: string; womenPct: number | null }[];

export interface StaffChartOptions {
  /** Overall width in points; default the A4 text column. */
  width?: number;
}

export function staffChart(data: StaffChartInput, options: StaffChartOptions = {}): TopLevelSpec {
  return shareBars(
    data.map((row) => ({ label: row.role, womenPct: row.womenPct })),
    {
      width: options.width ?? textColumnWidth,
      decimals: 0,
      rowColumn: "role",
      description: "Women and men as a share of each group of police staff and volunteers.",
    },
  );
}
