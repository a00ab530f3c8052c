// Times cold builds of the 2024 report (a new process each, as a user runs it) and reports medians,
// overall and per stage, from each build's build-report.json. Usage: npm run bench -- [--runs N]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, year: { type: "string", default: "2024" } } });
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const wall: number[] = [];
const stages: Record<string, number[]> = {};
let pages = 0;
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(path.join(tmpdir(), "report-bench-"));
  const started = performance.now();
  execFileSync(tsx, ["src/cli/bin.ts", "build", "--year", values.year!, "--out", out], { cwd: root, stdio: "ignore" });
  wall.push(performance.now() - started);
  const report = JSON.parse(readFileSync(path.join(out, values.year!, "build-report.json"), "utf8"));
  pages = report.pageCount;
  for (const [stage, ms] of Object.entries(report.timingsMs as Record<string, number>)) (stages[stage] ??= []).push(ms);
}

const total = median(stages.total);
console.log(`${runs} cold builds of ${values.year} (${pages} pages)`);
console.log(`  wall clock, process start to exit: median ${median(wall).toFixed(0)} ms (min ${Math.min(...wall).toFixed(0)})`);
for (const [stage, ms] of Object.entries(stages)) {
  const m = median(ms);
  console.log(`  ${stage.padEnd(10)} median ${m.toFixed(0).padStart(5)} ms${stage === "total" ? "" : `  (${((m / total) * 100).toFixed(0)} % of the build)`}`);
}
console.log(`  layout per page: ${(median(stages.layout) / pages).toFixed(1)} ms`);
