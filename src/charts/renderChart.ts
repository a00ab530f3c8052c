// Vega-Lite spec → SVG string (sized in points) plus the chart's data as CSV, headless and deterministic.
//
// One vega View per chart structure (charts differing in their rows alone share it, below), renderer
// "none" (no canvas package), text measured with fontkit through textMetrics.ts, and
// vega.resetSVGDefIds() before each toSVG(): the same spec gives the same bytes.
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { installTextMetrics } from "./vegaTextMetrics.ts";
import { csvText } from "../domain/csvWriter.ts";

export interface ChartSvg {
  /** Vega's SVG; 1 SVG px = 1 PDF pt. */
  svg: string;
  width: number;
  height: number;
  /** The rows the spec was fed (its top-level inline data), as CSV text. */
  csv: string;
}

/** Spec metadata the builders set: which data columns the CSV shows, in order. */
export interface ChartUserMeta {
  csvColumns?: string[];
}

type LogLevelName = "warn" | "error";

/** A Vega logger that records warnings and errors so a chart with a spec mistake fails loudly. */
function collectingLogger(messages: string[]): vega.LoggerInterface {
  let level = vega.Warn;
  const record = (kind: LogLevelName) => (...args: readonly unknown[]) => {
    messages.push(`${kind}: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ")}`);
    return logger;
  };
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: record("error"),
    warn: record("warn"),
    info: () => logger,
    debug: () => logger,
  } as unknown as vega.LoggerInterface;
  return logger;
}

/** Vega-Lite → Vega, failing on any compiler warning. */
export function compileChart(spec: TopLevelSpec): vega.Spec {
  const messages: string[] = [];
  const result = compile(spec, { logger: collectingLogger(messages) });
  if (messages.length > 0) throw new Error(`Vega-Lite warned while compiling a chart:\n${messages.join("\n")}`);
  return result.spec;
}

function rootSize(svg: string): { width: number; height: number } {
  const open = /^<svg\b[^>]*>/.exec(svg);
  const width = open && /\swidth="([\d.]+)"/.exec(open[0]);
  const height = open && /\sheight="([\d.]+)"/.exec(open[0]);
  if (!width || !height) throw new Error("Vega's SVG has no width/height on its root");
  return { width: Number(width[1]), height: Number(height[1]) };
}

// --- CSV ---------------------------------------------------------------------------------------

/** RFC 4180 CSV of rows, with the given columns (default: every key, in first-seen order). */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return csvText(cols, rows.map((row) => cols.map((c) => row[c])), "\r\n");
}

/** The CSV of the rows a spec was fed: its top-level inline data. */
export function chartDataCsv(spec: TopLevelSpec): string {
  const data = (spec as { data?: { values?: unknown } }).data;
  if (!data || !Array.isArray(data.values)) throw new Error("A chart spec must carry its rows as top-level inline data (data.values)");
  const meta = (spec as { usermeta?: ChartUserMeta }).usermeta;
  return toCsv(data.values as Record<string, unknown>[], meta?.csvColumns);
}

// --- rendering ---------------------------------------------------------------------------------

// Vega-Lite compiles a spec's structure: its top-level rows go into the Vega spec as they are (the same
// array), and nothing else depends on them. 46 of the 2024 book's 52 charts (one on each force page)
// differ in their rows alone, so each structure is compiled and parsed into a Vega view once, and a chart
// of the same structure is drawn by that view given its own rows: the same SVG (the test draws both ways).
/** Views kept before the pool starts again (a 2024 build has 7 structures; the preview lives on). */
const viewLimit = 100;

interface PooledView {
  view: vega.View;
  /** What the view's logger recorded for the chart being drawn. */
  messages: string[];
  /** The Vega data set the top-level rows are. */
  source: string;
}

/**
 * A chart renderer with its own pool of views (`compile` turns Vega-Lite into Vega). It draws one chart
 * at a time, as Vega's SVG id counters are global and a pooled view draws one chart's rows at a time.
 */
export function chartRenderer(compile: (spec: TopLevelSpec) => vega.Spec = compileChart): (spec: TopLevelSpec) => Promise<ChartSvg> {
  const views = new Map<string, PooledView>();
  const draw = async (spec: TopLevelSpec): Promise<ChartSvg> => {
    installTextMetrics();
    const csv = chartDataCsv(spec);
    const rows = (spec as { data: { values: unknown[] } }).data.values;
    const structure = JSON.stringify(spec, (_key, value: unknown) => (value === rows ? "\u0000rows" : value));
    let pooled = views.get(structure);
    if (pooled) pooled.view.data(pooled.source, rows);
    else {
      const vegaSpec = compile(spec);
      const source = vegaSpec.data?.find((d) => (d as { values?: unknown }).values === rows)?.name;
      if (!source) throw new Error("Vega-Lite no longer puts a chart's rows into its Vega spec as they are: check chartRenderer");
      const messages: string[] = [];
      const view = new vega.View(vega.parse(vegaSpec), { renderer: "none", logger: collectingLogger(messages) });
      if (views.size >= viewLimit) {
        for (const kept of views.values()) kept.view.finalize();
        views.clear();
      }
      views.set(structure, (pooled = { view, messages, source }));
    }
    pooled.messages.length = 0;
    try {
      await pooled.view.runAsync();
      vega.resetSVGDefIds();
      const svg = await pooled.view.toSVG();
      if (pooled.messages.length > 0) throw new Error(`Vega warned while rendering a chart:\n${pooled.messages.join("\n")}`);
      return { svg, ...rootSize(svg), csv };
    } catch (error) {
      views.delete(structure);
      pooled.view.finalize();
      throw error;
    }
  };
  let queue: Promise<unknown> = Promise.resolve();
  return (spec) => {
    const drawn = queue.then(() => draw(spec));
    queue = drawn.catch(() => {});
    return drawn;
  };
}

/** Renders one Vega-Lite spec to SVG (and its data to CSV). */
export const renderChart = chartRenderer();

/**
 * Renders many charts, one after another (Vega's SVG id counters are global, so charts are not
 * interleaved). Returns them in the order given, with whatever else each entry carries.
 */
export async function renderCharts<T extends { spec: TopLevelSpec }>(list: readonly T[]): Promise<(T & ChartSvg)[]> {
  const out: (T & ChartSvg)[] = [];
  for (const entry of list) out.push({ ...entry, ...(await renderChart(entry.spec)) });
  return out;
}
