// The HTML renderer on the small fixture edition and on hand-made SVG: what it writes, what it escapes,
// how it nests headings, and how it makes a chart's SVG safe to sit inline beside others.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import type { RenderedChart } from "../../src/charts/renderedChart.ts";
import { chartFigures, type ReportDocument } from "../../src/document/model.ts";
import { renderHtml, type HtmlFiles } from "../../src/render/renderHtml.ts";
import { renderFigures } from "../../templates/charts/renderFigures.ts";
import { html } from "../../templates/html/escape.ts";
import { inlineSvg } from "../../templates/html/chart.ts";
import { Headings } from "../../templates/html/site.ts";
import { fonts } from "../../src/design/theme.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const text = (files: HtmlFiles, name: string) => {
  const content = files[name];
  if (typeof content !== "string") throw new Error(`${name} was not written as text`);
  return content;
};

describe("the HTML renderer on the fixture edition", () => {
  let document: ReportDocument;
  let charts: Map<string, RenderedChart>;
  let files: HtmlFiles;
  const pdf = Buffer.from("%PDF-1.7 stand-in for the tests");

  beforeAll(async () => {
    const fixture = copyFixtures();
    // Hostile and unusual content: markup in a title, an image, a footnote, a heading jump.
    fixture.edit("content/2024/good-practice/cumbria.md", (t) =>
      t
        .replace("title: A fixture entry about mentoring", 'title: "Mentoring <script>alert(1)</script> & more"')
        .concat("\n\n#### A deep heading\n\nSee [the guide](https://example.org/guide).[^1]\n\n![A purple swatch](images/swatch.png)\n\n[^1]: A note for the tests.\n"),
    );
    const roots = { dataDir: fixture.dataDir, contentDir: fixture.contentDir };
    document = prepare({ year: 2024, ...roots }).document;
    charts = await renderFigures(chartFigures(document));
    files = renderHtml(document, { charts, pdf, roots });
  });

  it("writes a home page, a page per section, styles, the theme's fonts and the PDF", () => {
    const pages = Object.keys(files).filter((f) => f.endsWith(".html")).sort();
    expect(pages).toEqual(["index.html", ...document.sections.map((s) => `${s.id.replace(/\//g, "-")}.html`)].sort());
    expect(pages).toContain("force-cumbria.html");
    expect(files["report.pdf"]).toBe(pdf);
    expect(Object.keys(files).filter((f) => f.startsWith("fonts/"))).toHaveLength(fonts.faces.length);
    for (const face of fonts.faces) expect(Buffer.compare(files[`fonts/${path.basename(face.file)}`] as Buffer, readFileSync(face.file))).toBe(0);
    expect(text(files, "style.css")).toContain('src: url("fonts/SourceSans3_400Regular.ttf") format("truetype")');
    expect(text(files, "print.css")).toContain("@page");
    // Nothing refers outside the folder: no absolute or external address for a style, font or script.
    for (const page of pages) expect(text(files, page)).not.toMatch(/<(?:link|script|img)[^>]+(?:href|src)="(?:https?:|\/\/|\/)/);
  });

  it("escapes what the content says", () => {
    const page = text(files, "force-cumbria.html");
    expect(page).toContain("Mentoring &lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(page).not.toContain("<script");
    expect(page).toContain('See <a href="https://example.org/guide">the guide</a>');
  });

  it("copies images into the folder and links them relatively, with their alt text", () => {
    const page = text(files, "force-cumbria.html");
    const src = /<img src="([^"]+)" alt="A purple swatch">/.exec(page)?.[1];
    const swatch = readFileSync(path.resolve(import.meta.dirname, "../fixtures/content/2024/good-practice/images/swatch.png"));
    // Named by its path and a hash of its bytes (issue 28: names that fold alike stay apart).
    expect(src).toBe(`images/content-2024-good-practice-images-swatch-${createHash("sha256").update(swatch).digest("hex").slice(0, 12)}.png`);
    expect(files[src!]).toEqual(swatch);
  });

  it("nests the entry's headings under its title without a gap, and numbers its footnotes", () => {
    const page = text(files, "force-cumbria.html");
    const levels = [...page.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    // h1 force, h2 figures, h2 entry, h3 the "####" heading (not h4), h3 the notes.
    expect(levels).toEqual([1, 2, 2, 3, 3]);
    expect(page).toContain('<h3>A deep heading</h3>');
    expect(page).toMatch(/<sup><a href="#entry-cumbria-fn-1" id="entry-cumbria-fn-1-ref" class="footnote-ref" aria-label="Footnote 1">1<\/a><\/sup>/);
    expect(page).toContain('<li id="entry-cumbria-fn-1" value="1"><p>A note for the tests.</p></li>');
  });

  it("links each page to the one before and after it, and the first back to the home page", () => {
    const first = document.sections[0];
    const second = document.sections[1];
    const page = text(files, `${first.id.replace(/\//g, "-")}.html`);
    expect(page).toContain(`<a href="index.html" rel="prev"><span class="pager-label">Previous<span class="visually-hidden">:</span></span> <span class="pager-title">${document.meta.title}</span></a>`);
    expect(page).toContain(`<a href="${second.id.replace(/\//g, "-")}.html" rel="next">`);
    const last = document.sections[document.sections.length - 1];
    expect(text(files, `${last.id.replace(/\//g, "-")}.html`)).not.toContain('rel="next"');
  });

  it("fails loudly when a chart of the document was not drawn", () => {
    const some = new Map([...charts].slice(1));
    const missing = chartFigures(document)[0].id;
    expect(() => renderHtml(document, { charts: some, pdf, roots: { dataDir: "", contentDir: "" } })).toThrow(`The chart ${missing} was not rendered`);
  });
});

describe("a chart's SVG inline", () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="100" height="50" viewBox="0 0 100 50" role="graphics-document" aria-roledescription="visualization">' +
    '<defs><clipPath id="clip1"><rect width="10" height="10"/></clipPath></defs>' +
    '<g clip-path="url(#clip1)"><path role="graphics-symbol" aria-label="x: 1" d="M0,0h1"/><use xlink:href="#clip1"/><use href="#clip1"/></g></svg>';

  it("prefixes its ids and the references to them, so two charts on a page never share one", () => {
    const out = inlineSvg(svg, "chart-a", "chart-a-alt", "Alt");
    expect(out).toContain('<clipPath id="chart-a-clip1">');
    expect(out).toContain('clip-path="url(#chart-a-clip1)"');
    expect(out).toContain('xlink:href="#chart-a-clip1"');
    expect(out).toContain(' href="#chart-a-clip1"');
    expect(out).not.toMatch(/"#clip1"|url\(#clip1\)/);
  });

  it("is one image named by its text alternative, sized by its viewBox", () => {
    const out = inlineSvg(svg, "chart-a", "chart-a-alt", 'Women were 28.19 % of "middle" <managers> & more');
    expect(out).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 100 50" class="chart-svg" role="img" aria-labelledby="chart-a-alt" focusable="false"><title id="chart-a-alt">Women were 28.19 % of &quot;middle&quot; &lt;managers&gt; &amp; more<\/title><defs>/);
    expect(out).not.toMatch(/graphics-|aria-label=|aria-roledescription|width="100"/);
  });

  it("refuses an SVG that cannot scale", () => {
    expect(() => inlineSvg('<svg width="10" height="10"></svg>', "chart-b", "t", "Alt")).toThrow("chart-b: the chart's SVG has no viewBox, so it cannot scale.");
  });
});

describe("html``", () => {
  it("escapes every value and joins lists; trusted markup only where the renderer made it", () => {
    const name = '<b onclick="x">Tom & Jerry\'s</b>';
    expect(html`<p title="${name}">${name}</p>`.value).toBe("<p title=\"&lt;b onclick=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;\">&lt;b onclick=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;</p>");
    expect(html`<ul>${["a", "<b>"].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe("<ul><li>a</li><li>&lt;b&gt;</li></ul>");
    expect(html`<p>${null}${undefined}${false}${0}</p>`.value).toBe("<p>0</p>");
  });

  it("keeps heading levels without gaps: ## then #### is h2 then h3", () => {
    const headings = new Headings();
    expect([2, 4, 3, 2, 6].map((level) => headings.level(level))).toEqual([2, 3, 3, 2, 3]);
  });
});
