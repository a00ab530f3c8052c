// The HTML edition says what the PDF says: every figure it prints is a binding of the document, printed
// as in the PDF on the pages of the same section, with the value statistics.json holds; every good-practice
// entry's title and lede are the PDF's.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/document/model.ts";
import { readPdfPages, type PageText } from "../helpers/pdfText.ts";
import { sampleBuild, type SampleBuild } from "../helpers/sampleBuild.ts";

let build: SampleBuild;
let document: ReportDocument;
let statistics: Record<string, unknown>;
let pdf: PageText[];
/** Page file → its HTML. */
const html = new Map<string, string>();

const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e]);
const plain = (markup: string) => unescape(markup.replace(/<[^>]+>/g, "")).replace(/\s+/g, " ").trim();
/** As pdf.js reads it: spaces for no-break spaces, runs of white space as one. */
const spaced = (text: string) => text.replace(/\u00a0/g, " ").replace(/\s+/g, " ");
/** Letters and digits only: hyphenation, line breaks and curly quotes do not change what was said. */
const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

beforeAll(async () => {
  build = await sampleBuild();
  const dir = path.dirname(build.pdfFile);
  document = JSON.parse(readFileSync(path.join(dir, "document.json"), "utf8"));
  statistics = JSON.parse(readFileSync(path.join(dir, "statistics.json"), "utf8"));
  pdf = await readPdfPages(build.pdfFile);
  for (const file of readdirSync(path.join(dir, "html")).filter((f) => f.endsWith(".html"))) html.set(file, readFileSync(path.join(dir, "html", file), "utf8"));
});

/** A statistics.json path: "forces.kent.middleManagement.womenPct" (lists are entered by slug or key). */
function statisticAt(pathText: string): unknown {
  let here: unknown = statistics;
  for (const part of pathText.split(".")) {
    if (Array.isArray(here)) here = here.find((item) => item.slug === part || item.key === part);
    else here = (here as Record<string, unknown> | undefined)?.[part];
  }
  return here;
}

/** The PDF's text on the pages of a section: from its first page to the page before the next section. */
function pdfTextOf(sectionId: string): string {
  const starts = Object.values(build.pages).sort((a, b) => a - b);
  const first = build.pages[sectionId];
  if (first === undefined) throw new Error(`The PDF has no page for ${sectionId}`);
  const last = (starts.find((p) => p > first) ?? pdf.length + 1) - 1;
  return spaced(pdf.slice(first - 1, last).map((p) => p.text).join(" "));
}

const sectionOfPage = (file: string) => document.sections.find((s) => `${s.id.replace(/[^A-Za-z0-9_-]+/g, "-")}.html` === file);

function figuresOf(markup: string): { binding: string; text: string }[] {
  return [...markup.matchAll(/<span class="figure" data-binding="([^"]+)">([^<]*)<\/span>/g)].map((m) => ({ binding: unescape(m[1]), text: unescape(m[2]) }));
}

describe("the HTML edition against the PDF and statistics.json", () => {
  it("prints every figure of the document, and no figure the document does not have", () => {
    const printed = new Set([...html.values()].flatMap((markup) => figuresOf(markup).map((f) => f.binding)));
    expect([...printed].filter((id) => !(id in document.bindings))).toEqual([]);
    expect(Object.keys(document.bindings).filter((id) => !printed.has(id))).toEqual([]);
    expect(printed.size).toBeGreaterThan(350);
  });

  it("prints each figure as the document binds it, with the value statistics.json holds", () => {
    let compared = 0;
    for (const [file, markup] of html) {
      for (const figure of figuresOf(markup)) {
        const binding = document.bindings[figure.binding];
        expect(figure.text, `${file}: ${figure.binding}`).toBe(binding.text);
        if (binding.statistics.length !== 1 || typeof binding.value !== "number") continue;
        const value = statisticAt(binding.statistics[0]);
        expect(binding.value, `${file}: ${figure.binding} = ${binding.statistics[0]}`).toBe(value);
        // And the printed text is that value, rounded as it says: "28.19 %" is 28.19 ± 0.005.
        const number = /^([+\u2212-]?)(\d+(?:\.(\d+))?)(?:\u00a0(?:%|pp))?$/.exec(figure.text);
        if (number) {
          const printed = Number(number[2]) * (number[1] === "\u2212" || number[1] === "-" ? -1 : 1);
          const tolerance = 0.5 * 10 ** -(number[3]?.length ?? 0) + 1e-9;
          expect(Math.abs(printed - (value as number)), `${file}: ${figure.text} for ${value}`).toBeLessThanOrEqual(tolerance);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it("prints each figure where the PDF prints it: on the pages of the same section", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [file, markup] of html) {
      const section = sectionOfPage(file);
      if (!section) continue;
      const text = pdfTextOf(section.id);
      for (const figure of figuresOf(markup)) {
        checked++;
        if (!text.includes(spaced(figure.text))) missing.push(`${file}: "${figure.text}" (${figure.binding})`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(350);
  });

  it("gives every good-practice entry the title and lede the PDF prints", () => {
    let entries = 0;
    for (const section of document.sections) {
      if (section.kind !== "force") continue;
      const markup = html.get(`force-${section.slug}.html`)!;
      const text = normalise(pdfTextOf(section.id));
      for (const entry of section.entries) {
        const anchor = entry.id.replace(/[^A-Za-z0-9_-]+/g, "-");
        const found = new RegExp(`<article class="entry" id="${anchor}"[^>]*>\\s*<h2 id="${anchor}-title">([\\s\\S]*?)</h2>\\s*<p class="lede">([\\s\\S]*?)</p>`).exec(markup);
        expect(found, `${entry.id} in force-${section.slug}.html`).not.toBeNull();
        const [title, lede] = [plain(found![1]), plain(found![2])];
        expect(title).toBe(entry.title);
        expect(lede).toBe(entry.lede.map((i) => (i.type === "text" ? i.value : "")).join(""));
        expect(text, `${entry.id}: title in the PDF`).toContain(normalise(title));
        expect(text, `${entry.id}: lede in the PDF`).toContain(normalise(lede));
        entries++;
      }
    }
    expect(entries).toBeGreaterThan(40);
  });

  it("carries the PDF it was built with, byte for byte, and the PDF's contents page points to the edition online", () => {
    const dir = path.dirname(build.pdfFile);
    expect(Buffer.compare(readFileSync(path.join(dir, "html", "report.pdf")), readFileSync(build.pdfFile))).toBe(0);
    const contents = spaced(pdf[build.pages.contents - 1].text);
    expect(contents).toContain(`${document.labels.onlineEditionNote} www.heforshe.org`);
  });

  it("lists every section in its contents in the document's order, each page titled with the section's full name", () => {
    const contents = /<nav id="contents"[\s\S]*?<\/nav>/.exec(html.get("index.html")!)![0];
    const linked = [...contents.matchAll(/<a href="([a-z0-9-]+\.html)">/g)].map((m) => m[1]);
    expect(linked).toEqual(document.sections.map((s) => `${s.id.replace(/[^A-Za-z0-9_-]+/g, "-")}.html`));
    for (const section of document.sections) {
      const file = `${section.id.replace(/[^A-Za-z0-9_-]+/g, "-")}.html`;
      expect(plain(/<title>([^<]*)<\/title>/.exec(html.get(file)!)![1]), file).toBe(`${section.outlineTitle} \u2013 ${document.meta.runningHeader}`);
    }
  });
});
