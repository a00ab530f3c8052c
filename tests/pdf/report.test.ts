// The built 2024 PDF, read back as a reader's software would: pages, contents, headers, text, fonts, images.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { beforeAll, describe, expect, it } from "vitest";
import { page as pageGeometry } from "../../src/design/theme.ts";
import { curlQuotes } from "../../src/document/typography.ts";
import { readOutline, readPdfPages, type PageText } from "../helpers/pdfText.ts";
import { checkPdfFile } from "../helpers/checkedPdf.ts";
import type { ReportDocument } from "../../src/document/model.ts";
import { sampleBuild, type SampleBuilds } from "../helpers/sampleBuild.ts";

const root = path.resolve(import.meta.dirname, "../..");
let build: SampleBuilds;
let pages: PageText[];

/** Letters and digits only: hyphenation, curly quotes and line breaks do not change what was said. */
const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
const spaced = (text: string) => text.replace(/\u00a0/g, " ");

beforeAll(async () => {
  build = await sampleBuild({ print: true });
  pages = await readPdfPages(build.pdfFile);
});

const forces = readFileSync(path.join(root, "data/forces.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  // As printed: the document stage makes the register's apostrophes typographic.
  .map((line) => curlQuotes(line.split(",")[1]));

describe("the 2024 PDF", () => {
  it("has the pages the build reported, all A4", () => {
    expect(pages).toHaveLength(build.pageCount);
    expect(build.pageCount).toBeGreaterThan(60);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(pageGeometry.width, 0);
      expect(page.height).toBeCloseTo(pageGeometry.height, 0);
    }
  });

  it("opens with a cover that carries the title, the edition and the year, and no running header", () => {
    const cover = pages[0].text;
    expect(cover).toContain("Gender Equality in UK Policing");
    expect(cover).toContain("Sixth Annual Report");
    expect(cover).toContain("2024");
    expect(cover).not.toContain("GENDER EQUALITY IN UK POLICING ·");
  });

  it("carries on its cover a graphic of the edition's own data and the partners' marks from report.yml", async () => {
    const document = JSON.parse(readFileSync(path.join(path.dirname(build.pdfFile), "document.json"), "utf8")) as ReportDocument;
    const statistics = JSON.parse(readFileSync(path.join(path.dirname(build.pdfFile), "statistics.json"), "utf8")) as { forces: { middleManagementBand: string | null }[] };
    // One square per force with a middle-management band this year, in its band's column.
    const graphic = document.meta.coverGraphic!;
    const banded = statistics.forces.filter((f) => f.middleManagementBand !== null);
    expect(graphic.bands.reduce((sum, b) => sum + b.forces, 0)).toBe(banded.length);
    for (const b of graphic.bands) expect(b.forces, b.band).toBe(banded.filter((f) => f.middleManagementBand === b.band).length);
    expect(graphic.alt).toMatch(/^One square per force, .*, 2024: /);
    const { tree } = await checkPdfFile(build.pdfFile);
    const figures: { alt?: string }[] = [];
    const walk = (nodes: { type: string; alt?: string; children: unknown[] }[]) => {
      for (const node of nodes) {
        if (node.type === "Figure") figures.push(node);
        walk(node.children as typeof nodes);
      }
    };
    walk(tree as never);
    // First in reading order: the graphic, then each mark by its partner's name.
    expect(figures.slice(0, 3).map((f) => f.alt)).toEqual([graphic.alt, "Sample partner one", "Sample partner two"]);
    expect(spaced(pages[0].text)).toContain("Each square is a force, placed by the gap between women’s share of its middle management and of all its officers, 2024");
    // The marks are drawn as vectors from the sample SVGs: their shapes are on the cover's page, no image.
    expect(execFileSync("pdfimages", ["-list", "-f", "1", "-l", "1", build.pdfFile], { encoding: "utf8" }).trim().split("\n")).toHaveLength(2);
  });

  it("has the running header and its own page number on every page but the front and back covers", () => {
    const backCover = build.pages["back-page"];
    expect(backCover).toBe(build.pageCount);
    // The blank verso the book takes before its back cover when its pages are odd carries nothing, by design.
    const blank = build.pages["blank-before-back"];
    // The parts' divider pages are designed whole pages, like the cover: no header, no folio.
    const dividers = [build.pages["divider/analysis"], build.pages["divider/good-practice"]];
    expect(dividers.every((p) => p > 0)).toBe(true);
    for (const page of pages.slice(1, backCover - 1).filter((p) => p.pageNumber !== blank && !dividers.includes(p.pageNumber))) {
      // A force's continuation pages add its name under the running header ("Kent Police, continued").
      const header = page.items.filter((i) => i.y > page.height - pageGeometry.marginTop && !/, continued$/.test(i.str.replace(/\u00a0/g, " "))).map((i) => i.str).join("");
      expect(normalise(header), `page ${page.pageNumber}`).toBe(normalise("GENDER EQUALITY IN UK POLICING · SIXTH ANNUAL REPORT 2024"));
      const folio = page.items.filter((i) => i.y < pageGeometry.marginBottom && i.str.trim() !== "");
      expect(folio.map((i) => i.str.trim()), `folio of page ${page.pageNumber}`).toEqual([String(page.pageNumber)]);
    }
  });

  it("has no empty page but the blank verso before the back cover", () => {
    for (const page of pages.filter((p) => p.pageNumber !== build.pages["blank-before-back"])) {
      const body = page.items.filter((i) => i.y > pageGeometry.marginBottom && i.y < page.height - pageGeometry.marginTop + 4);
      expect(body.map((i) => i.str).join("").trim().length, `page ${page.pageNumber}`).toBeGreaterThan(40);
    }
  });

  it("draws no text outside the page's text area (no overflow)", () => {
    const tolerance = 1;
    for (const page of pages.slice(1)) {
      for (const item of page.items) {
        if (!item.str.trim()) continue;
        const where = `page ${page.pageNumber}: "${item.str}"`;
        expect(item.x, where).toBeGreaterThanOrEqual(pageGeometry.marginInner - tolerance);
        expect(item.x + item.width, where).toBeLessThanOrEqual(page.width - pageGeometry.marginOuter + tolerance);
        const isHeader = item.y > page.height - pageGeometry.marginTop;
        const isFolio = item.y < pageGeometry.marginBottom;
        if (isHeader) expect(item.y, where).toBeLessThan(page.height - pageGeometry.headerOffset);
        if (isFolio) expect(item.y, where).toBeGreaterThan(pageGeometry.footerOffset - 12);
      }
    }
  });

  it("lists every force in the contents with the page its section really starts on", () => {
    const contents = pages[1];
    for (const name of forces) {
      const label = contents.items.find((i) => i.str === name);
      expect(label, `${name} in the contents`).toBeDefined();
      const number = contents.items.find((i) => /^\d+$/.test(i.str) && Math.abs(i.y - label!.y) < 2 && i.x > label!.x);
      expect(number, `page number for ${name}`).toBeDefined();
      const target = pages[Number(number!.str) - 1];
      const heading = target.items.find((i) => i.str === name && i.height > 20);
      expect(heading, `${name} as the title of page ${number!.str}`).toBeDefined();
      const earlier = pages[Number(number!.str) - 2].items.find((i) => i.str === name && i.height > 20);
      expect(earlier, `${name} must not start before page ${number!.str}`).toBeUndefined();
    }
  });

  it("gives the front sections their real page numbers in the contents", () => {
    const contents = pages[1];
    for (const title of ["Executive summary", "Middle management", "Senior leadership", "National representation of women officers", "Police staff"]) {
      const label = contents.items.find((i) => i.str === title)!;
      const number = contents.items.find((i) => /^\d+$/.test(i.str) && Math.abs(i.y - label.y) < 2 && i.x > label.x)!;
      const target = pages[Number(number.str) - 1];
      expect(normalise(target.text), `${title} on page ${number.str}`).toContain(normalise(title));
    }
  });

  it("holds every good-practice entry's title and lede, in register order, on its force's pages", () => {
    const dir = path.join(root, "content/2024/good-practice");
    const all = normalise(pages.map((p) => p.text).join(" "));
    let lastPosition = -1;
    const files = readdirSync(dir).filter((f) => f.endsWith(".md"));
    expect(files.length).toBeGreaterThanOrEqual(51);
    const entries = files.map((f) => matter(readFileSync(path.join(dir, f), "utf8")).data as { force: string; title: string; lede: string; order?: number });
    for (const slug of readFileSync(path.join(root, "data/forces.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0])) {
      for (const entry of entries.filter((e) => e.force === slug).sort((a, b) => (a.order ?? 0) - (b.order ?? 0))) {
        const position = all.indexOf(normalise(entry.title));
        expect(position, `title "${entry.title}"`).toBeGreaterThan(lastPosition);
        expect(all.indexOf(normalise(entry.lede), position), `lede of "${entry.title}"`).toBeGreaterThan(position);
        lastPosition = position;
      }
    }
  });

  it("prints the published national figures in the analysis, from the statistics", () => {
    const analysis = spaced(pages.slice(2, 14).map((p) => p.text).join(" "));
    for (const figure of ["27 %", "28 %", "30 %", "2.33 %", "7.24 %", "6.82 %", "63 %", "47 %"]) expect(analysis).toContain(figure);
    expect(analysis).toMatch(/rose\s+by\s+three/);
  });

  it("continues the national table over pages, repeating its header and saying so", () => {
    const tablePages = pages.filter((p) => p.text.includes("% change in women officers"));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    expect(tablePages[0].text).toContain("National representation of women officers");
    expect(tablePages[0].text).not.toContain("(continued)");
    for (const page of tablePages.slice(1)) expect(page.text).toContain("National representation of women officers (continued)");
    const text = spaced(tablePages.map((p) => p.text).join(" "));
    expect(text).toMatch(/Average \(unweighted\) 2\.33 % 7\.24 % 6\.82 %/);
    expect(text).toContain("Avon and Somerset 0.47 % 3.78 % 8.00 %");
    expect(text).toContain("Warwickshire 2.77 % \u221211.32 % \u221240.00 %");
  });

  it("opens the data analysis and the good practice with divider pages: numbered, titled, saying what they hold, listed in the contents", async () => {
    const analysis = build.pages["divider/analysis"];
    const goodPractice = build.pages["divider/good-practice"];
    // Each right before its part's first section.
    expect(analysis).toBe(build.pages["analysis/middle-management"] - 1);
    expect(goodPractice).toBe(build.pages["force/avon-and-somerset"] - 1);
    const first = spaced(pages[analysis - 1].text);
    expect(first).toMatch(/^01 Data analysis What this year’s workforce figures show, nationally and force by force, in 5 sections: /);
    for (const title of ["Middle management", "Senior leadership", "National representation of women officers", "Police staff", "Notes on the data"]) expect(first).toContain(title);
    const document = JSON.parse(readFileSync(path.join(path.dirname(build.pdfFile), "document.json"), "utf8")) as { sections: { kind: string; entries?: unknown[] }[] };
    const forces = document.sections.filter((s) => s.kind === "force");
    const withEntries = forces.filter((s) => s.entries!.length > 0);
    const entries = withEntries.reduce((sum, s) => sum + s.entries!.length, 0);
    expect(entries).toBeGreaterThan(withEntries.length);
    expect(spaced(pages[goodPractice - 1].text)).toContain(`02 Good practice by force ${entries} examples of good practice from ${withEntries.length} forces and bodies, A to Z`);
    // The contents give each part its divider's page.
    const contents = spaced(pages[build.pages.contents - 1].text);
    expect(contents).toMatch(new RegExp(`Data analysis ${analysis} `));
    expect(contents).toMatch(new RegExp(`Good practice by force ${goodPractice} `));
    // And the outline lists them.
    const outline = await readOutline(build.pdfFile);
    expect(outline).toEqual(expect.arrayContaining(["Data analysis", "Good practice by force"]));
  });

  it("names forces in full in the four band charts and the national table: no abbreviation, long names wrapped", () => {
    const first = build.pages["analysis/middle-management"];
    const last = build.pages["analysis/police-staff"] - 1;
    const text = spaced(pages.slice(first - 1, last).map((p) => p.text).join(" "));
    // The register's abbreviations ("BTP", "PSNI", "NCA") and "&" for "and" never stand for a name there.
    const register = readFileSync(path.join(root, "data/forces.csv"), "utf8").trim().split("\n").slice(1).map((line) => line.split(","));
    const abbreviations = register.flatMap((cells) => cells[5].split("|")).filter((alias) => /^\p{Lu}{2,}$/u.test(alias));
    expect(abbreviations).toEqual(expect.arrayContaining(["BTP", "PSNI", "NCA"]));
    for (const abbreviation of abbreviations) expect(text).not.toMatch(new RegExp(`\\b${abbreviation}\\b`));
    expect(text).not.toMatch(/\p{L} & \p{L}/u);
    // Each name once in each of the four band charts (wrapped over lines in its box) and once in the table.
    for (const name of ["British Transport Police", "Police Service of Northern Ireland", "Avon and Somerset", "Devon and Cornwall"]) {
      expect(text.match(new RegExp(name.replace(/ /g, "\\s+"), "g"))?.length, name).toBe(5);
    }
  });

  it("prints each force's chart percentages and its two differences", () => {
    const avon = spaced(pages[build.pages["force/avon-and-somerset"] - 1].text);
    // The side chart in whole percentages (women, then men); the notes under the differences to two decimals.
    for (const figure of ["38 %", "62 %", "28 %", "72 %", "33 %", "67 %"]) expect(avon).toContain(figure);
    for (const figure of ["38.02 %", "28.19 %", "33.33 %"]) expect(avon).toContain(figure);
    expect(avon).toContain("\u22129.82");
    expect(avon).toContain("\u22124.69");
  });

  it("embeds every font, as subsets", () => {
    const fonts = execFileSync("pdffonts", [build.pdfFile], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+SourceSans3-/);
      expect(line).toMatch(/\syes\s+yes\s+yes\s/);
    }
  });

  it("draws charts as vectors: no raster image anywhere", () => {
    const images = execFileSync("pdfimages", ["-list", build.pdfFile], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(images).toEqual([]);
  });

  it("has a bookmark for every force and document metadata", async () => {
    const outline = await readOutline(build.pdfFile);
    for (const name of forces) expect(outline).toContain(name);
    expect(outline).toContain("Contents");
    const info = JSON.parse(outline.at(-1)!.replace("__info:", ""));
    expect(info.Title).toBe("Gender Equality in UK Policing: Sixth Annual Report 2024");
    expect(info.Creator).toMatch(/^gender-equality-report \d+\.\d+\.\d+$/);
    expect(info.Author).toBeTruthy();
    expect(info.Keywords).toContain("HeForShe");
  });

  it("print edition: a sheet with room for the bleed and the crop marks around the A4 page", async () => {
    const [first] = await readPdfPages(build.printPdfFile);
    expect(first.width).toBeCloseTo(pageGeometry.width + 2 * (pageGeometry.bleed + pageGeometry.slug), 1);
    expect(first.height).toBeCloseTo(pageGeometry.height + 2 * (pageGeometry.bleed + pageGeometry.slug), 1);
  });
});
