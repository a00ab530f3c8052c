// Times rendering a realistic set of one edition's charts (4 band charts of 46 forces, 46 force charts,
// the staff chart and the trend chart) from fixture data. Run: npx tsx bench/charts.ts [runs]
import { renderCharts } from "../src/charts/renderChart.ts";
import { svgToPdf } from "../src/pdf/svg/svgToPdf.tsx";
import { bandChart, forceRepresentationChart, staffChart, trendChart } from "../templates/charts/index.ts";
import { bandInput, fixtureStatistics, forceInput, staffInput, trendInput } from "../tests/charts/fixtures.ts";

const runs = Number(process.argv[2] ?? 7);
const current = fixtureStatistics({ seed: 2024, year: 2024 });
const previous = fixtureStatistics({ seed: 2023, year: 2023 });

function specs() {
  return [
    { id: "band-mm-2024", spec: bandChart(bandInput(current, "middleManagement")) },
    { id: "band-sl-2024", spec: bandChart(bandInput(current, "seniorLeadership")) },
    { id: "band-mm-2023", spec: bandChart(bandInput(previous, "middleManagement")) },
    { id: "band-sl-2023", spec: bandChart(bandInput(previous, "seniorLeadership")) },
    ...current.forces.slice(0, 46).map((f) => ({ id: `force-${f.slug}`, spec: forceRepresentationChart(forceInput(f)) })),
    { id: "staff", spec: staffChart(staffInput(current)) },
    { id: "trend", spec: trendChart(trendInput(current)) },
  ];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const totals: number[] = [];
const renders: number[] = [];
const conversions: number[] = [];
let count = 0;
let firstRun = 0;
for (let run = 0; run <= runs; run++) {
  const t0 = performance.now();
  const list = specs();
  const charts = await renderCharts(list);
  const t1 = performance.now();
  for (const chart of charts) svgToPdf(chart.svg);
  const t2 = performance.now();
  count = charts.length;
  if (run === 0) {
    firstRun = t2 - t0; // warm-up: JIT, font parsing, caches
    continue;
  }
  totals.push(t2 - t0);
  renders.push(t1 - t0);
  conversions.push(t2 - t1);
}

const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)} ms`;
console.log(`${count} charts, ${runs} runs after one warm-up run (${firstRun.toFixed(0)} ms)`);
console.log(`  specs + Vega render to SVG: ${fmt(renders)}`);
console.log(`  SVG → react-pdf elements:   ${fmt(conversions)}`);
console.log(`  total:                      ${fmt(totals)}`);
