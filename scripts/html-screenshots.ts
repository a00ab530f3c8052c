// Screenshots of the HTML edition for looking at it as a reader would: the home page, a force page and an
// analysis page with charts at 320 px and at desktop width, and the national table at 400 % zoom.
// Usage: npm run html:screenshots -- [--html output/2024/html] [--out .tmp/html-screenshots]
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser, offlineContext, openFile } from "../tests/helpers/browser.ts";

const { values } = parseArgs({
  options: { html: { type: "string", default: "output/2024/html" }, out: { type: "string", default: ".tmp/html-screenshots" }, help: { type: "boolean", default: false } },
});
if (values.help) {
  console.log("npm run html:screenshots -- [--html DIR] [--out DIR]: PNGs of the HTML edition at 320 px, desktop width and 400 % zoom");
  process.exit(0);
}
const htmlDir = values.html!;
const outDir = values.out!;
if (!existsSync(path.join(htmlDir, "index.html"))) {
  console.error(`${htmlDir}: no index.html here; build first (npm run build) or give --html the edition's html/ folder.`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const pages = { home: "index.html", force: "force-avon-and-somerset.html", charts: "analysis-middle-management.html", table: "analysis-national-representation.html" };
const browser = await launchBrowser();
try {
  // 400 % zoom of a 1280 px window is a 320 px layout viewport drawn at four times the pixels.
  const sizes = { narrow: { width: 320, height: 900, scale: 1 }, desktop: { width: 1280, height: 1000, scale: 1 }, zoom400: { width: 320, height: 256, scale: 4 } };
  for (const [size, { width, height, scale }] of Object.entries(sizes)) {
    const { context, outside } = await offlineContext(browser, path.resolve(htmlDir), { viewport: { width, height }, deviceScaleFactor: scale });
    const page = await context.newPage();
    for (const [name, file] of Object.entries(pages)) {
      if (size === "zoom400" && name !== "table") continue;
      await openFile(page, path.resolve(htmlDir, file));
      if (size === "zoom400") await page.locator("table").first().scrollIntoViewIfNeeded();
      const png = path.join(outDir, `${name}-${size}.png`);
      await page.screenshot({ path: png, fullPage: size !== "zoom400" });
      console.log(`${png}: page ${await page.evaluate(() => document.documentElement.scrollWidth)} px wide in a ${width} px window`);
      if (name === "table") await page.locator(".national-table").screenshot({ path: path.join(outDir, `${name}-${size}-table.png`) });
      const regions = await page.evaluate(() =>
        [...document.querySelectorAll(".table-region, .chart-region")].filter((r) => r.scrollWidth > r.clientWidth + 1).map((r) => `${r.getAttribute("aria-labelledby") ?? r.getAttribute("aria-label")} (${r.scrollWidth} in ${r.clientWidth})`),
      );
      if (regions.length > 0) console.log(`  scrolls inside its own region: ${regions.join("; ")}`);
    }
    if (outside.length > 0) console.error(`Requests outside the folder: ${outside.join(", ")}`);
    await context.close();
  }
} finally {
  await browser.close();
}
