// A chart drawn as vectors from the SVG the chart stage rendered, scaled to the space it is given.
import { View } from "@react-pdf/renderer";
import type { RenderedChart } from "../../src/charts/renderedChart.ts";
import { svgToPdf } from "../../src/pdf/svg/svgToPdf.tsx";
import { useMeasuringPass } from "../measuringPass.ts";

export type ChartSet = ReadonlyMap<string, RenderedChart>;

export function ChartView({ chart, width, alt }: { chart: RenderedChart | undefined; width: number; alt: string }) {
  if (!chart) throw new Error("A chart the document needs was not rendered; the chart stage must render every ChartFigure.");
  const scale = Math.min(1, width / chart.width);
  const box = { width: chart.width * scale, height: chart.height * scale };
  // Its box alone measures the same: a measuring pass is never drawn.
  if (useMeasuringPass()) return <View style={box} />;
  return <View role="Figure" alt={alt} style={box}>{svgToPdf(chart.svg, { width: box.width })}</View>;
}
