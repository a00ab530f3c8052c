// The HTML edition of the sample report in headless Chromium (Debian's, driven by playwright-core):
// axe-core on every page, the structure a screen-reader user relies on, nothing loaded from outside the
// folder, and no sideways scrolling at 320 px. One browser for the suite; pages are visited in a loop.
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, offlineContext, openFile } from "../helpers/browser.ts";
import { sampleBuild } from "../helpers/sampleBuild.ts";

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
// Colour contrast, about half of axe's time, depends on the theme and the template, never on an entry's
// words: it is checked on every page that is not a force's, and on two force pages (one with its chart and
// entry, one with neither figures nor chart); every other rule runs on every page.
const contrastForces = ["force-avon-and-somerset.html", "force-british-overseas-territories.html"];
const checksContrast = (file: string) => !file.startsWith("force-") || contrastForces.includes(file);

interface PageReport {
  file: string;
  lang: string | null;
  title: string;
  h1: string[];
  headingLevels: number[];
  skipLinkTarget: boolean;
  skipLinkFirst: boolean;
  landmarks: string[];
  tables: { caption: string; headers: number; headersWithScope: number; rowHeaders: number; rows: number }[];
  charts: { role: string | null; label: string; titleInSvg: boolean; dataTable: boolean; duplicateIds: string[] }[];
  links: string[];
  violations: { id: string; impact: string | null; nodes: string[] }[];
  wideAt320: number | null;
}

let browser: Browser;
let htmlDir: string;
let pages: PageReport[] = [];
const outside: string[] = [];

beforeAll(async () => {
  const build = await sampleBuild();
  htmlDir = path.join(path.dirname(build.pdfFile), "html");
  browser = await launchBrowser();
  const files = readdirSync(htmlDir).filter((f) => f.endsWith(".html")).sort();
  const desktop = await offlineContext(browser, htmlDir, { viewport: { width: 1280, height: 900 } });
  // A few tabs at once: most of the time goes to axe, and a page waits on the browser, not on Node.
  const queue = [...files];
  const tabs = await Promise.all([1, 2, 3].map(async () => ({ page: await desktop.context.newPage() })));
  await Promise.all(
    tabs.map(async ({ page }) => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        await openFile(page, path.join(htmlDir, file));
        await page.addScriptTag({ path: axeSource });
        const contrast = checksContrast(file);
        const report = await page.evaluate(async (contrast) => {
          const all = <T extends Element>(selector: string, root: ParentNode = document) => [...root.querySelectorAll<T>(selector)];
          const skip = document.querySelector<HTMLAnchorElement>("a.skip-link");
          const firstFocusable = document.querySelector("a[href], button, input, summary, [tabindex]");
          const ids = (root: Element) => all("[id]", root).map((e) => e.id);
          const allIds = ids(document.body);
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          const axe = (window as any).axe;
          const result = await axe.run(document, { resultTypes: ["violations"], rules: { "color-contrast": { enabled: contrast } } });
          return {
            lang: document.documentElement.getAttribute("lang"),
            title: document.title,
            h1: all("h1").map((h) => h.textContent ?? ""),
            headingLevels: all("h1, h2, h3, h4, h5, h6").map((h) => Number(h.tagName[1])),
            skipLinkTarget: !!skip && !!document.getElementById(skip.hash.slice(1)) && document.getElementById(skip.hash.slice(1))!.tagName === "MAIN",
            skipLinkFirst: !!skip && firstFocusable === skip,
            landmarks: all("header, nav, main, footer").filter((e) => !e.closest("main") || e.tagName === "MAIN").map((e) => e.tagName.toLowerCase()),
            tables: all<HTMLTableElement>("table").map((t) => ({
              caption: t.caption?.textContent ?? "",
              headers: all("thead th", t).length,
              headersWithScope: all('thead th[scope="col"]', t).length,
              rowHeaders: all('tbody th[scope="row"], tfoot th[scope="row"]', t).length,
              rows: all("tbody tr, tfoot tr", t).length,
            })),
            charts: all("figure.chart").map((figure) => {
              const svg = figure.querySelector("svg");
              const titleId = svg?.getAttribute("aria-labelledby") ?? "";
              const title = titleId ? document.getElementById(titleId) : null;
              return {
                role: svg?.getAttribute("role") ?? null,
                label: title?.textContent ?? "",
                titleInSvg: !!title && title.tagName.toLowerCase() === "title" && title.parentElement === svg,
                dataTable: !!figure.querySelector("details table caption"),
                duplicateIds: svg ? ids(svg).filter((id) => allIds.indexOf(id) !== allIds.lastIndexOf(id)) : [],
              };
            }),
            links: all<HTMLAnchorElement>("a[href]").map((a) => (a.getAttribute("aria-label") ?? a.textContent ?? "").replace(/\s+/g, " ").trim()),
            violations: result.violations.map((v: { id: string; impact: string | null; nodes: { target: string[] }[] }) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) })),
          };
        }, contrast);
        // The same page at 320 px: the viewport narrowed, as a phone turned or a window dragged narrow.
        await page.setViewportSize({ width: 320, height: 640 });
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        await page.setViewportSize({ width: 1280, height: 900 });
        pages.push({ file, ...report, wideAt320: wide });
      }
    }),
  );
  pages.sort((a, b) => a.file.localeCompare(b.file));
  outside.push(...desktop.outside);
  await desktop.context.close();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe("the HTML edition in a browser", () => {
  it("has a page for the home, every part and every force", () => {
    expect(pages.length).toBeGreaterThan(55);
    expect(pages.map((p) => p.file)).toEqual(expect.arrayContaining(["index.html", "summary.html", "analysis-national-representation.html", "force-kent.html", "back-page.html", ...contrastForces]));
  });

  it("has no axe-core violation on any page", () => {
    const found = pages.flatMap((p) => p.violations.map((v) => `${p.file}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).join(", ")}`));
    expect(found).toEqual([]);
  });

  it("declares British English, one h1 and headings without gaps on every page", () => {
    for (const page of pages) {
      expect(page.lang, page.file).toBe("en-GB");
      expect(page.h1, page.file).toHaveLength(1);
      expect(page.headingLevels[0], page.file).toBe(1);
      page.headingLevels.forEach((level, i) => {
        if (i > 0) expect(level - page.headingLevels[i - 1], `${page.file}: heading ${i + 1}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it("opens every page with a skip link to the main landmark, then header, nav, main and footer", () => {
    for (const page of pages) {
      expect(page.skipLinkFirst, page.file).toBe(true);
      expect(page.skipLinkTarget, page.file).toBe(true);
      expect(page.landmarks, page.file).toEqual(expect.arrayContaining(["header", "main", "nav", "footer"]));
    }
  });

  it("names the force in the title of its page", () => {
    const kent = pages.find((p) => p.file === "force-kent.html")!;
    expect(kent.title).toBe("Kent Police \u2013 Gender Equality in UK Policing \u00b7 Sixth Annual Report 2024");
    expect(kent.h1).toEqual(["Kent Police"]);
  });

  it("gives links text that says where they go, without needing the text around them", () => {
    const vague = /^(click here|here|more|read more|link|previous|next)$/i;
    for (const page of pages) for (const text of page.links) expect(text, `${page.file}: "${text}"`).not.toMatch(vague);
    const avon = pages.find((p) => p.file === "force-avon-and-somerset.html")!;
    expect(avon.links).toEqual(expect.arrayContaining(["Previous: Notes on the data", "Next: Bedfordshire Police", "Download the report as a PDF"]));
  });

  it("prints the national table as a table with a caption and header cells with their scope", () => {
    const page = pages.find((p) => p.file === "analysis-national-representation.html")!;
    const table = page.tables.find((t) => t.caption === "National representation of women officers")!;
    expect(table).toBeDefined();
    expect(table.headers).toBe(4);
    expect(table.headersWithScope).toBe(4);
    // One row per force with figures (46), then the averages; each row headed by its force.
    expect(table.rows).toBe(47);
    expect(table.rowHeaders).toBe(47);
  });

  it("draws every chart as an image named by its text alternative, with its data as a table and ids of its own", () => {
    const charts = pages.flatMap((p) => p.charts.map((c) => ({ ...c, file: p.file })));
    // 4 band charts, the staff and trend charts, and one chart per force with figures.
    expect(charts.length).toBe(6 + 46);
    for (const chart of charts) {
      expect(chart.role, chart.file).toBe("img");
      expect(chart.titleInSvg, chart.file).toBe(true);
      expect(chart.label.length, chart.file).toBeGreaterThan(40);
      expect(chart.dataTable, chart.file).toBe(true);
      expect(chart.duplicateIds, chart.file).toEqual([]);
    }
    const avon = charts.find((c) => c.file === "force-avon-and-somerset.html")!;
    expect(avon.label).toContain("28.19\u00a0% of sergeants and inspectors (9.82 points below their share of all officers)");
  });

  it("loads nothing from outside its folder", () => {
    expect(outside).toEqual([]);
  });

  it("reflows at 320 px: no page scrolls sideways", () => {
    for (const page of pages) expect(page.wideAt320, page.file).toBeLessThanOrEqual(320);
  });
});
