// A force's women and men among all officers, middle management and senior leadership: 100 % stacked
// bars with each share printed as a whole percentage at 7.5 pt: a side panel is read at a glance, and the
// differences beside it give the precise figures.
import type { TopLevelSpec } from "vega-lite";
import { halfColumnWidth } from "./common.ts";
import { shareBars } from "./shareBars.ts";

import type { ChartInputs } from "../../src/document/model.ts";

export type ForceRepresentationInput = ChartInputs["forceRepresentation"];

export interface ForceRepresentationOptions {
  /** Overall width in points; default half the A4 text column (about 235 pt). */
  width?: number;
}

export function forceRepresentationChart(data: ForceRepresentationInput, options: ForceRepresentationOptions = {}): TopLevelSpec {
  return shareBars(
    data.rows.map((row) => ({ label: row.label, womenPct: row.womenPct })),
    {
      width: options.width ?? halfColumnWidth,
      decimals: 0,
      valueFontSize: 7.5,
      rowColumn: "level",
      description: "Women and men as a share of all officers, of middle management and of senior leadership.",
    },
  );
}
