// Vega-Lite spec → SVG string (sized in points) plus the chart's data as CSV, headless and deterministic.
//
// One vega View per chart, renderer "none" (no canvas package), text measured with fontkit through
// textMetrics.ts, and vega.resetSVGDefIds() before each toSVG(): the same spec gives the same bytes.
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
function compileFresh(spec: TopLevelSpec): vega.Spec {
  const messages: string[] = [];
  const result = compile(spec, { logger: collectingLogger(messages) });
  if (messages.length > 0) throw new Error(`Vega-Lite warned while compiling a chart:\n${messages.join("\n")}`);
  return result.spec;
}

// Vega-Lite compiles a spec's structure: its top-level rows go into the Vega spec as they are (the same
// array), and nothing else depends on them. 46 of the 2024 book's 52 charts (one on each force page) differ in
// their rows alone, so each structure is compiled once and its Vega spec copied with the chart's own rows.
/** Structures kept before the store starts again (a 2024 build has 7; the preview lives on). */
const structureLimit = 200;
const rowsMark = "\u0000rows";

/** A Vega-Lite compiler that compiles a spec differing from one before in its rows alone no more. */
export function chartCompiler(compileOne: (spec: TopLevelSpec) => vega.Spec = compileFresh): (spec: TopLevelSpec) => vega.Spec {
  const structures = new Map<string, { spec: vega.Spec; rows: unknown[] }>();
  return (spec) => {
    const rows = (spec as { data?: { values?: unknown } }).data?.values;
    if (!Array.isArray(rows)) return compileOne(spec);
    const structure = JSON.stringify(spec, (_key, value: unknown) => (value === rows ? rowsMark : value));
    let kept = structures.get(structure);
    if (!kept) {
      if (structures.size >= structureLimit) structures.clear();
      structures.set(structure, (kept = { spec: compileOne(spec), rows }));
    }
    // A copy each time (vega's parser is handed it), the first chart's rows replaced by this one's.
    let placed = 0;
    const from = kept.rows;
    const copy = (value: unknown): unknown => {
      if (value === from) return placed++, rows;
      if (Array.isArray(value)) return value.map(copy);
      if (value === null || typeof value !== "object") return value;
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, copy(inner)]));
    };
    const own = copy(kept.spec) as vega.Spec;
    if (placed === 0) throw new Error("Vega-Lite no longer puts a chart's rows into its Vega spec as they are: check chartCompiler");
    return own;
  };
}

/** Vega-Lite → Vega, failing on any compiler warning. */
export const compileChart = chartCompiler();

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

/** Renders one Vega-Lite spec to SVG (and its data to CSV). */
export async function renderChart(spec: TopLevelSpec): Promise<ChartSvg> {
  installTextMetrics();
  const csv = chartDataCsv(spec);
  const messages: string[] = [];
  const view = new vega.View(vega.parse(compileChart(spec)), {
    renderer: "none",
    logger: collectingLogger(messages),
  });
  try {
    await view.runAsync();
    vega.resetSVGDefIds();
    const svg = await view.toSVG();
    if (messages.length > 0) throw new Error(`Vega warned while rendering a chart:\n${messages.join("\n")}`);
    return { svg, ...rootSize(svg), csv };
  } finally {
    view.finalize();
  }
}

/**
 * Renders many charts, one after another (Vega's SVG id counters are global, so charts are not
 * interleaved). Returns them in the order given, with whatever else each entry carries.
 */
export async function renderCharts<T extends { spec: TopLevelSpec }>(list: readonly T[]): Promise<(T & ChartSvg)[]> {
  const out: (T & ChartSvg)[] = [];
  for (const entry of list) out.push({ ...entry, ...(await renderChart(entry.spec)) });
  return out;
}
