// Below 600 px a chart set across the text block would print its 6–8 pt labels at 4–5 px: there its data
// table comes first, legible, and the disclosure holding the same table is hidden (issue 22). Opened in
// Debian's Chromium at 360 px and at desktop width.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, offlineContext, openFile } from "../helpers/browser.ts";
import { sampleBuild } from "../helpers/sampleBuild.ts";

let browser: Browser;
let htmlDir: string;

beforeAll(async () => {
  const build = await sampleBuild();
  htmlDir = path.join(path.dirname(build.pdfFile), "html");
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

interface Seen {
  charts: number;
  tableFirst: boolean[];
  tableFontPx: number[];
  disclosureShown: boolean[];
}

async function look(file: string, width: number): Promise<Seen> {
  const { context } = await offlineContext(browser, htmlDir, { viewport: { width, height: 800 } });
  const page = await context.newPage();
  await openFile(page, path.join(htmlDir, file));
  const seen = await page.evaluate(() => {
    const shown = (e: Element | null) => !!e && getComputedStyle(e).display !== "none";
    const figures = [...document.querySelectorAll("figure.chart-wide")];
    return {
      charts: figures.length,
      // The first child shown is the table, not the drawing.
      tableFirst: figures.map((f) => [...f.children].find(shown)?.classList.contains("chart-table-first") ?? false),
      tableFontPx: figures.map((f) => parseFloat(getComputedStyle(f.querySelector(".chart-table-first td") ?? f).fontSize)),
      disclosureShown: figures.map((f) => shown(f.querySelector(".chart-data"))),
    };
  });
  await context.close();
  return seen;
}

describe("wide charts in the HTML edition", () => {
  it("show their table first, at a readable size, at 360 px", async () => {
    for (const file of ["analysis-middle-management.html", "analysis-senior-leadership.html", "analysis-police-staff.html"]) {
      const seen = await look(file, 360);
      expect(seen.charts, file).toBeGreaterThanOrEqual(1);
      expect(seen.tableFirst, file).toEqual(seen.tableFirst.map(() => true));
      for (const px of seen.tableFontPx) expect(px, file).toBeGreaterThanOrEqual(12);
      expect(seen.disclosureShown, file).toEqual(seen.disclosureShown.map(() => false));
    }
  }, 120_000);

  it("show the drawing first, with the table in its disclosure, at desktop width", async () => {
    const seen = await look("analysis-middle-management.html", 1280);
    // Its two band charts and the trend chart beside them.
    expect(seen.charts).toBe(3);
    expect(seen.tableFirst).toEqual([false, false, false]);
    expect(seen.disclosureShown).toEqual([true, true, true]);
  }, 120_000);
});
