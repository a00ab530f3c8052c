// The preview's edit-to-screen time, as a person meets it: `npm run preview` started as its own process
// (the bundled command and worker, production React), the page open in Debian's Chromium, one entry saved
// again and again. For each save: when the first look was announced (/events), when the edited pages
// were drawn in Chromium, and when the whole draft was announced. The next save waits until the whole
// draft is drawn, as a person looks before saving again.
//
//   tsx bench/preview.ts [--runs N] [--root DIR]
//
// --root runs the preview of another checkout of the project (its scripts/cli.mjs, content/ and data/),
// so a change can be compared with the code before it in one run, alternating the two.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { nodeFlagsOf } from "./nodeFlags.ts";

export interface PreviewTimes {
  /** Save → the first look announced on /events. */
  served: number[];
  /** Of that, the builder's own time: from the build's start in the worker to the first look made (firstLookMs). */
  worker: number[];
  /** Save → the edited pages drawn in Chromium. */
  screen: number[];
  /** Save → the whole draft announced on /events. */
  draft: number[];
}

interface Status {
  rebuilds: number;
  sectionsVersion: number;
  version: number;
  firstLookMs: number | null;
}

/** Starts `npm run preview` of `root` on a free port over a copy of its inputs; resolves with its address. */
function startPreviewProcess(root: string, dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...nodeFlagsOf(root, "preview"), path.join(root, "scripts/cli.mjs"), "preview", "--port", "0", "--year", "2024", "--data", path.join(dir, "data"), "--content", path.join(dir, "content"), "--out", path.join(dir, "out")], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      out += chunk;
      const url = /Preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
      if (url) resolve({ url, child });
    });
    child.once("exit", (code) => reject(new Error(`The preview stopped (exit ${code}) before it listened:\n${out}`)));
  });
}

/** The statuses pushed at /events, each with the time it arrived. */
function listen(url: string): { statuses: { at: number; status: Status }[]; close: () => void } {
  const statuses: { at: number; status: Status }[] = [];
  let buffered = "";
  const req = request(new URL("events", url), (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffered += chunk;
      for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
        statuses.push({ at: performance.now(), status: JSON.parse(buffered.slice(0, end).replace(/^data: /, "")) as Status });
        buffered = buffered.slice(end + 2);
      }
    });
  });
  req.on("error", () => {});
  req.end();
  return { statuses, close: () => req.destroy() };
}

export async function benchPreview(root: string, runs: number, browser: Browser): Promise<PreviewTimes> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-preview-"));
  cpSync(path.join(root, "content"), path.join(dir, "content"), { recursive: true });
  cpSync(path.join(root, "data"), path.join(dir, "data"), { recursive: true });
  const { url, child } = await startPreviewProcess(root, dir);
  const events = listen(url);
  const after = async (since: number, done: (s: Status) => boolean) => {
    for (;;) {
      const hit = events.statuses.find((e) => e.at >= since && done(e.status));
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const times: PreviewTimes = { served: [], worker: [], screen: [], draft: [] };
  try {
    await after(0, (s) => s.rebuilds >= 1);
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.getElementById("pages")?.dataset.version !== undefined, undefined, { timeout: 120_000 });
    const onScreen = () => page.evaluate(() => Number(document.getElementById("first-pages")?.dataset.version ?? 0));
    const entry = path.join(dir, "content", "2024", "good-practice", "kent.md");
    const text = readFileSync(entry, "utf8");
    for (let i = 0; i <= runs; i++) {
      const before = events.statuses.at(-1)!.status;
      const shown = await onScreen();
      const saved = performance.now();
      writeFileSync(entry, text.replace(/\n\n([A-Z])/, `\n\nPreview edit ${i}. $1`));
      const drawn = page
        .waitForFunction((v) => Number(document.getElementById("first-pages")?.dataset.version ?? 0) > v, shown, { polling: 5, timeout: 120_000 })
        .then(() => performance.now() - saved);
      const firstLook = await after(saved, (s) => s.sectionsVersion > before.sectionsVersion);
      const screen = await drawn;
      const rebuilt = await after(saved, (s) => s.rebuilds > before.rebuilds);
      await page.waitForFunction((v) => Number(document.getElementById("pages")?.dataset.version ?? 0) >= v, rebuilt.status.version, { polling: 10, timeout: 120_000 });
      // The first edit warms the worker's layout code; it is not counted.
      if (i > 0) {
        times.served.push(firstLook.at - saved);
        times.worker.push(firstLook.status.firstLookMs ?? Number.NaN);
        times.screen.push(screen);
        times.draft.push(rebuilt.at - saved);
      }
    }
    await page.close();
  } finally {
    events.close();
    child.kill("SIGTERM");
  }
  return times;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The bench's three preview rows. */
export function previewLines(times: PreviewTimes, label = "preview"): string[] {
  const row = (name: string, xs: number[], note: string) => `${`${label}: ${name}`.padEnd(24)} median ${median(xs).toFixed(0).padStart(6)} ms  (min ${Math.min(...xs).toFixed(0)}, ${note})`;
  return [
    row("edited pages", times.served, `from save to the first look being served; in the builder ${median(times.worker).toFixed(0)} ms of it`),
    row("on screen", times.screen, "target ≤ 300 ms, from save to the edited pages drawn in Chromium"),
    row("whole draft", times.draft, "target ≤ 1000 ms"),
  ];
}

export async function launchBenchBrowser(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const usage = "Usage: npm run bench:preview -- [--runs N] [--root DIR]   (DIR: another checkout whose preview to time)";
  let values: { runs: string; root?: string; help: boolean };
  try {
    values = parseArgs({ options: { runs: { type: "string", default: "5" }, root: { type: "string" }, help: { type: "boolean", short: "h", default: false } } }).values as typeof values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help || !(Number(values.runs) >= 1)) {
    (values.help ? console.log : console.error)(usage);
    process.exit(values.help ? 0 : 2);
  }
  const root = path.resolve(values.root ?? path.join(import.meta.dirname, ".."));
  const browser = await launchBenchBrowser();
  try {
    const times = await benchPreview(root, Number(values.runs), browser);
    for (const text of previewLines(times)) console.log(text);
    console.log(`raw: ${JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, xs.map(Math.round)])))}`);
  } finally {
    await browser.close();
  }
}
