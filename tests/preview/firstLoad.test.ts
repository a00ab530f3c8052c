// The preview's first load, in Debian's Chromium: opened while the first draft is still building, the
// page asks for no PDF that is not there yet (no 404), shows no error or "not answering" text, keeps
// empty panels hidden, and shows the pages when the draft is ready. A preview started again over the
// same output shows the last good draft at once, while its first rebuild runs.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type Preview } from "../../src/preview/server.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = copyFixtures();
const options = { year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), port: 0, templatesDir: path.join(root, "templates") };
let browser: Browser;
let preview: Preview | null = null;

/** What a visit saw: every answer that failed, and the page's words as they changed, until pages showed. */
interface Visit {
  failed: string[];
  seen: Set<string>;
  canvases: number;
  /** Whether each panel was visible at the end. */
  visible: Record<string, boolean>;
  /** The page's state line when the pages first showed. */
  stateWhenShown: string;
}

async function visit(url: string): Promise<Visit> {
  const context = await browser.newContext();
  const origin = new URL(url).origin;
  const failed: string[] = [];
  // Only the preview server may be asked; anything else is refused and counted as a failure.
  await context.route("**/*", (route) => (route.request().url().startsWith(origin) ? route.continue() : (failed.push(route.request().url()), route.abort())));
  const page: Page = await context.newPage();
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on("pageerror", (error) => failed.push(`page error: ${error.message}`));
  await page.goto(url);
  const seen = new Set<string>();
  let stateWhenShown = "";
  for (let i = 0; i < 900; i++) {
    const now = await page.evaluate(() => ({
      state: document.getElementById("state")!.textContent ?? "",
      visible: [...document.querySelectorAll("main *")].filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e.tagName === "H2" || e.tagName === "P" || e.tagName === "LI" ? e.textContent ?? "" : "")).filter(Boolean),
      canvases: document.querySelectorAll("#pages canvas").length,
    }));
    seen.add(now.state);
    for (const text of now.visible) seen.add(text);
    if (now.canvases > 0) {
      stateWhenShown = now.state;
      break;
    }
    await page.waitForTimeout(200);
  }
  const canvases = await page.locator("#pages canvas").count();
  const visible = Object.fromEntries(await Promise.all(["first", "errors-box", "warnings-box"].map(async (id) => [id, await page.locator(`#${id}`).isVisible()] as const)));
  await context.close();
  return { failed, seen, canvases, visible, stateWhenShown };
}

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await preview?.close();
  await browser?.close();
});

describe("the preview's first load", () => {
  it("shows 'building…', then the pages: no 404, no error text, no empty panel", async () => {
    preview = await startPreview(options);
    // Opened at once: the first draft is still being built.
    expect(preview.status().building).toBe(true);
    expect(preview.status().version).toBe(0);
    const v = await visit(preview.url);
    expect(v.failed).toEqual([]);
    expect(v.canvases).toBeGreaterThan(5);
    expect([...v.seen]).toContain("Building the draft…");
    expect([...v.seen].filter((t) => /not answering|error|Errors|Changed just now/i.test(t))).toEqual([]);
    expect(v.visible).toEqual({ first: false, "errors-box": false, "warnings-box": true });
    await preview.close();
    preview = null;
  }, 240_000);

  it("started again, shows the last good draft while the first rebuild runs", async () => {
    preview = await startPreview(options);
    // The draft of the last run is served before this run's build has finished.
    expect(preview.status()).toMatchObject({ building: true, version: 1 });
    const v = await visit(preview.url);
    expect(v.failed).toEqual([]);
    expect(v.canvases).toBeGreaterThan(5);
    expect([...v.seen].filter((t) => /not answering|error|Errors/i.test(t))).toEqual([]);
  }, 240_000);
});
