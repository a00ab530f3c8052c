/** A chart after the chart stage: vector SVG sized in points, plus the data it shows as CSV. */
export interface RenderedChart {
  id: string;
  svg: string;
  width: number;
  height: number;
  csv: string;
}
