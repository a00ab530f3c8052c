// The build's speed against its targets, as a user meets it: each build is a new process started the
// way `npm run build` starts it (node scripts/cli.mjs), timed from start to exit, with its peak memory.
// Medians of several runs. The build times are targets as multiples of Typst's time for the same words,
// measured in the same run (issue 29), so a slower or faster machine moves both alike.
// Usage: npm run bench -- [--runs N] [--scale] [--preview]
//
//   cold         no cache, a fresh output folder
//   unchanged    the same build again, nothing edited
//   one entry    one good-practice entry edited, cache warm
//   preview      `npm run preview` with its page in Chromium: save → the edited pages (first look) served →
//                drawn in Chromium → the whole draft (bench/preview.ts; alone: npm run bench:preview)
//   scale        (--scale) ten times the entries, no cache
//   typst        the reference: Typst typesetting the same words (bench/typstReference.ts)
//   check        `npm run check`: every error and warning without charts or layout (its test checks
//                that it loads none of that code; its time against the cold build is measured here)
import { execFileSync } from "node:child_process";
import { nodeFlagsOf } from "./nodeFlags.ts";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PDFDocument } from "pdf-lib";
import { median } from "./preview.ts";
import { typstSource } from "./typstReference.ts";

const usage = "Usage: npm run bench -- [--runs N] [--scale] [--no-preview]   (rows: see the top of bench/build.ts)";
let values: { runs: string; scale: boolean; preview: boolean; help: boolean };
try {
  values = parseArgs({
    options: { runs: { type: "string", default: "5" }, scale: { type: "boolean", default: false }, preview: { type: "boolean", default: true }, help: { type: "boolean", short: "h", default: false } },
    allowNegative: true,
  }).values as typeof values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number from 1, not "${values.runs}".\n${usage}`);
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "scripts/cli.mjs");
// Started with the Node flags package.json gives `npm run build`.
const nodeFlags = nodeFlagsOf(root, "build");


function parseTimings(out: string): Record<string, number> {
  const line = /Timings: (.*)/.exec(out)?.[1] ?? "";
  return Object.fromEntries([...line.matchAll(/(\w[\w-]*) (\d+) ms/g)].map((m) => [m[1], Number(m[2])]));
}

/** One build in a new process: wall-clock ms, peak memory (from GNU time) and the stages it printed. */
function buildWithMemory(args: string[]) {
  const memoryFile = path.join(mkdtempSync(path.join(tmpdir(), "bench-mem-")), "time.txt");
  const started = performance.now();
  const stdout = execFileSync("/usr/bin/time", ["-o", memoryFile, "-f", "%M", process.execPath, ...nodeFlags, cli, "build", "--timings", ...args], { cwd: root, encoding: "utf8" });
  const ms = performance.now() - started;
  const mb = Number(readFileSync(memoryFile, "utf8").trim().split("\n").pop()) / 1024;
  return { ms, mb, stages: parseTimings(stdout), pages: Number(/: (\d+) pages/.exec(stdout)?.[1] ?? 0) };
}

function copyInputs(): { dir: string; content: string; data: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-inputs-"));
  cpSync(path.join(root, "content"), path.join(dir, "content"), { recursive: true });
  cpSync(path.join(root, "data"), path.join(dir, "data"), { recursive: true });
  return { dir, content: path.join(dir, "content"), data: path.join(dir, "data") };
}

const report: string[] = [];
const line = (text: string) => {
  report.push(text);
  console.log(text);
};

// Make sure the bundle is current before timing anything (the first run would otherwise pay for it).
execFileSync(process.execPath, [...nodeFlags, cli, "build", "--help"], { cwd: root, stdio: "ignore" });

const inputs = copyInputs();
const common = ["--data", inputs.data, "--content", inputs.content];
const cold: ReturnType<typeof buildWithMemory>[] = [];
const unchanged: ReturnType<typeof buildWithMemory>[] = [];
const oneEntry: ReturnType<typeof buildWithMemory>[] = [];
const entry = path.join(inputs.content, "2024", "good-practice", "kent.md");
const original = readFileSync(entry, "utf8");
// The reference: Typst's compiler from npm setting the same words in a comparable book (bench/typstReference.ts),
// timed in a process of its own, alternated with the cold builds.
const typst: { ms: number; pages: number }[] = [];
const typstSourceFile = path.join(mkdtempSync(path.join(tmpdir(), "bench-typst-")), "report.typ");
async function typstRun() {
  const pdf = typstSourceFile.replace(/\.typ$/, ".pdf");
  const started = performance.now();
  execFileSync(process.execPath, [path.join(root, "bench/typstCompile.mjs"), typstSourceFile, pdf], { cwd: root });
  const ms = performance.now() - started;
  return { ms, pages: (await PDFDocument.load(readFileSync(pdf), { updateMetadata: false })).getPageCount() };
}
const checks: number[] = [];
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(path.join(tmpdir(), "bench-out-"));
  cold.push(buildWithMemory([...common, "--out", out]));
  const checkStarted = performance.now();
  execFileSync(process.execPath, [...nodeFlags, cli, "check", ...common], { cwd: root, stdio: "ignore" });
  checks.push(performance.now() - checkStarted);
  if (i === 0) writeFileSync(typstSourceFile, typstSource(JSON.parse(readFileSync(path.join(out, "2024", "document.json"), "utf8"))));
  typst.push(await typstRun());
  unchanged.push(buildWithMemory([...common, "--out", out]));
  writeFileSync(entry, original.replace(/\n\n([A-Z])/, `\n\nEdited for the benchmark, run ${i}. $1`));
  oneEntry.push(buildWithMemory([...common, "--out", out]));
  writeFileSync(entry, original);
}

const typstMs = median(typst.map((t) => t.ms));
const summary = (name: string, times: number, xs: ReturnType<typeof buildWithMemory>[]) => {
  const stages = Object.keys(xs[0].stages)
    .map((k) => `${k} ${median(xs.map((x) => x.stages[k] ?? 0)).toFixed(0)}`)
    .join(", ");
  const ms = median(xs.map((x) => x.ms));
  line(`${name.padEnd(24)} median ${ms.toFixed(0).padStart(6)} ms  (min ${Math.min(...xs.map((x) => x.ms)).toFixed(0)}; ${(ms / typstMs).toFixed(2)}× Typst, target ≤ ${times}×)  peak ${median(xs.map((x) => x.mb)).toFixed(0)} MB  [${stages} ms]`);
};
line(`${runs} runs each, 2024 sample (${cold[0].pages} pages); wall clock from process start to exit`);
summary("cold build", 10, cold);
line(`${"typst, same words".padEnd(24)} median ${typstMs.toFixed(0).padStart(6)} ms  (min ${Math.min(...typst.map((t) => t.ms)).toFixed(0)})  ${typst[0].pages} pages: the reference, Typst's compiler from npm, alternated with the cold builds`);
line(`${"check (no layout)".padEnd(24)} median ${median(checks).toFixed(0).padStart(6)} ms  (min ${Math.min(...checks).toFixed(0)}, target under a third of the cold build: ${(median(checks) / median(cold.map((x) => x.ms))).toFixed(2)} of it)`);
summary("rebuild, nothing changed", 2, unchanged);
summary("rebuild, one entry edited", 5, oneEntry);

if (values.preview) {
  // The preview as `npm run preview` runs it, in its own process, with its page in Chromium (bench/preview.ts).
  const { benchPreview, launchBenchBrowser, previewLines } = await import("./preview.ts");
  const browser = await launchBenchBrowser();
  try {
    for (const text of previewLines(await benchPreview(root, runs, browser))) line(text);
  } finally {
    await browser.close();
  }
}

if (values.scale) {
  // Ten times the entries: each entry copied nine times more, under new file names.
  const big = copyInputs();
  const folder = path.join(big.content, "2024", "good-practice");
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".md"))) {
    for (let k = 2; k <= 10; k++) cpSync(path.join(folder, name), path.join(folder, name.replace(/\.md$/, `-copy${k}.md`)));
  }
  const scaled = buildWithMemory(["--data", big.data, "--content", big.content, "--out", mkdtempSync(path.join(tmpdir(), "bench-out-")), "--no-cache"]);
  const base = median(cold.map((x) => x.ms));
  line(`${"scale: 10× entries".padEnd(24)} ${scaled.ms.toFixed(0).padStart(13)} ms for ${scaled.pages} pages (${(scaled.ms / base).toFixed(1)}× the 2024 cold build, target < 10×)  peak ${scaled.mb.toFixed(0)} MB (target < 1024)`);
}
line(`2024 cold build peak memory: ${median(cold.map((x) => x.mb)).toFixed(0)} MB (target < 400)`);
