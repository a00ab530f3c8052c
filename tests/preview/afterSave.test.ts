// The preview page in Debian's Chromium after saves: the edited pages are drawn in "Changed just now",
// then the whole draft, and pdf.js's workers are started once for the page, not once for every PDF drawn.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type Preview } from "../../src/preview/server.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = copyFixtures();
const logged: string[] = [];
let browser: Browser;
let preview: Preview;

beforeAll(async () => {
  browser = await launchBrowser();
  preview = await startPreview({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), port: 0, templatesDir: path.join(root, "templates"), log: (line) => logged.push(line) });
}, 240_000);

afterAll(async () => {
  await preview?.close();
  await browser?.close();
});

describe("the preview page after a save", () => {
  it("draws the edited pages, then the whole draft, and keeps its pdf.js workers", async () => {
    const page = await browser.newPage();
    const workerScripts: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/pdf.worker.mjs") workerScripts.push(request.url());
    });
    const failed: string[] = [];
    page.on("pageerror", (error) => failed.push(error.message));
    await page.goto(preview.url);
    await page.waitForFunction(() => document.querySelectorAll("#pages canvas").length > 5, undefined, { timeout: 120_000 });
    for (const n of [1, 2]) {
      const before = preview.status();
      fixture.edit("content/2024/good-practice/cumbria.md", (t) => `${t.trimEnd()}\n\nSaved by the page test, time ${n}.\n`);
      await page.waitForFunction((v) => Number(document.getElementById("first-pages")?.dataset.version ?? 0) > v, before.sectionsVersion, { timeout: 120_000 });
      await page.waitForFunction((v) => Number(document.getElementById("pages")?.dataset.version ?? 0) > v, before.version, { timeout: 120_000 });
      expect(preview.status()).toMatchObject({ lastOk: true, changedSections: ["force/cumbria"] });
      expect(logged.filter((line) => line.startsWith("Draft rebuilt"))).toHaveLength(n + 1);
    }
    expect(await page.locator("#first").isVisible()).toBe(true);
    expect(await page.locator("#first-pages canvas").count()).toBeGreaterThan(0);
    // One worker for the first look and one for the whole draft, though five PDFs were drawn.
    expect(workerScripts).toHaveLength(2);
    expect(failed).toEqual([]);
    await page.close();
  }, 300_000);
});
