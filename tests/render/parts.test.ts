// The book is laid out a part at a time and joined (src/render/layoutParts.tsx, joinParts.ts). These
// tests grow one entry by a page, so every part after it moves, and check what a reader relies on:
// each page's own number, the contents, the bookmarks and the links, and the same bytes as a build
// that laid everything out afresh.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build/build.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { readPdfPages, type PageText } from "../helpers/pdfText.ts";

const paragraph =
  "The scheme paired every new sergeant with a mentor from another department, and the pairs met away from their own teams so that neither had to manage the other. " +
  "Each pair agreed what they wanted from the year at the first meeting and looked back on it at the last, and the force kept a short record of both. ";

describe("a book laid out a part at a time", () => {
  const fixture = copyFixtures();
  const common = { year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, print: false };
  const outDir = path.join(fixture.root, "out");
  let first: BuildResult;
  let grown: BuildResult;
  let fresh: BuildResult;
  let pages: PageText[];

  beforeAll(async () => {
    first = await build({ ...common, outDir });
    fixture.edit("content/2024/good-practice/cumbria.md", (t) => `${t}\n\n${Array.from({ length: 7 }, () => paragraph.repeat(2)).join("\n\n")}\n`);
    grown = await build({ ...common, outDir });
    fresh = await build({ ...common, outDir: path.join(fixture.root, "fresh"), cache: false });
    pages = await readPdfPages(grown.pdfFile);
  }, 240_000);

  it("lays out again only the grown entry and the parts it moved, and writes what an uncached build writes", () => {
    expect(grown.pageCount).toBeGreaterThan(first.pageCount);
    const cumbria = first.pages["force/cumbria"];
    // Parts wholly before Cumbria are reused; Cumbria and every part after it start on new pages.
    const before = Object.entries(first.pages).filter(([, p]) => p < cumbria).length;
    expect(grown.cacheStats.part.hits).toBeGreaterThanOrEqual(Math.min(before, 3));
    expect(grown.cacheStats.part.misses).toBeGreaterThanOrEqual(2);
    expect(grown.cacheStats.part.misses).toBeLessThan(first.cacheStats.part.misses);
    expect(readFileSync(grown.pdfFile).equals(readFileSync(fresh.pdfFile))).toBe(true);
  });

  it("prints each inner page's own number at its foot", () => {
    // The cover, the parts' divider pages and the back cover carry no number.
    const dividers = [grown.pages["divider/analysis"], grown.pages["divider/good-practice"]];
    expect(dividers.every((p) => p > 0)).toBe(true);
    for (const page of pages.slice(1, -1).filter((p) => !dividers.includes(p.pageNumber))) {
      const foot = page.items.filter((i) => i.y < 60 && /^\d+$/.test(i.str.trim()));
      expect(foot.map((i) => i.str.trim()), `page ${page.pageNumber}`).toContain(String(page.pageNumber));
    }
  });

  it("starts each section on the page the build reports, and the contents, bookmarks and links say so", async () => {
    const { document } = grown;
    const contents = pages[1].text;
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(grown.pdfFile)), isEvalSupported: false }).promise;
    const outline = (await pdf.getOutline()) ?? [];
    let moved = 0;
    for (const section of document.sections.filter((s) => s.kind === "force")) {
      const start = grown.pages[section.id];
      if (start !== first.pages[section.id]) moved++;
      expect(pages[start - 1].text, section.id).toContain(section.title);
      expect(contents).toMatch(new RegExp(`${section.title.replace(/[()]/g, "\\$&")} ${start}\\b`));
      const bookmark = outline.find((o) => o.title === section.title);
      expect(bookmark, section.id).toBeDefined();
      expect(await pdf.getPageIndex((bookmark!.dest as unknown[])[0] as { num: number; gen: number })).toBe(start - 1);
      const link = await pdf.getDestination(section.id);
      expect(await pdf.getPageIndex(link![0] as { num: number; gen: number }), section.id).toBe(start - 1);
    }
    await pdf.destroy();
    // The growth moved the forces after Cumbria.
    expect(moved).toBeGreaterThan(0);
  });

  it("embeds each face once, one subset shared by every part (src/render/shareFonts.ts)", () => {
    // Embedded fonts only: an empty text run on the fixture's Guernsey page names an unembedded Helvetica
    // (whole-document layout writes it too).
    const fonts = execFileSync("pdffonts", [grown.pdfFile], { encoding: "utf8" }).trim().split("\n").slice(2).filter((line) => / yes yes yes /.test(line));
    const names = fonts.map((line) => line.split(/\s+/)[0]);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+SourceSans3-/);
    const faces = names.map((name) => name.slice(7));
    // The templates set Regular, Italic, SemiBold and Bold; each is in the book once.
    expect(faces.sort()).toEqual(["SourceSans3-Bold", "SourceSans3-Italic", "SourceSans3-Regular", "SourceSans3-SemiBold"]);
  });
});
