// Vega-Lite spec builders: pure functions from plain chart data to a spec, reading the theme (src/design/theme.ts).
export { bandChart, type BandChartInput, type BandChartOptions } from "./bandChart.ts";
export {
  forceRepresentationChart,
  type ForceRepresentationInput,
  type ForceRepresentationOptions,
} from "./forceRepresentationChart.ts";
export { staffChart, type StaffChartInput, type StaffChartOptions } from "./staffChart.ts";
export { trendChart, type TrendChartInput, type TrendChartOptions } from "./trendChart.ts";
export { halfColumnWidth, textColumnWidth } from "./common.ts";
