// Vega's text measuring replaced by fontkit's (src/charts/textMetrics.ts), so chart layout matches the PDF.
// A file of its own so that measuring text for the page templates does not load Vega.
import * as vega from "vega";
import { vegaTextWidth, type TextStyle } from "./textMetrics.ts";

interface VegaTextMetrics {
  width: (item: TextStyle, text: unknown) => number;
  height: (item: TextStyle) => number;
  estimateWidth: (item: TextStyle, text: unknown) => number;
  canvas: (use?: boolean) => void;
}

// `textMetrics` is missing from Vega's typings.
const vegaTextMetrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;

/**
 * Makes Vega measure text with fontkit. Idempotent: calling it again (even after something called
 * `textMetrics.canvas()`, which resets the override) re-installs the same function.
 */
export function installTextMetrics(): void {
  if (vegaTextMetrics.width !== vegaTextWidth) vegaTextMetrics.width = vegaTextWidth;
}

/** True when Vega currently measures text with fontkit. */
export function textMetricsInstalled(): boolean {
  return vegaTextMetrics.width === vegaTextWidth;
}
