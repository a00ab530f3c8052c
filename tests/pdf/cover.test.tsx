// The cover's title is balanced over its lines (issue 22): never one word alone, never "UK Policing"
// parted, and a title twice as long set over three even lines. The cover is drawn by react-pdf and read
// back with pdf.js, so the lines tested are the lines printed.
import { Document, renderToBuffer } from "@react-pdf/renderer";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/document/model.ts";
import { registerFonts } from "../../src/pdf/registerFonts.ts";
import { pageGeometry } from "../../templates/geometry.tsx";
import { page } from "../../src/design/theme.ts";
import { Cover, coverArt, coverSquares, coverTitle, markHeight } from "../../templates/pages/Cover.tsx";
import { readPdfPages } from "../helpers/pdfText.ts";

const meta = {
  title: "Gender Equality in UK Policing",
  year: 2024,
  edition: 6,
  editionName: "Sixth Annual Report",
  editionLabel: "Sixth Annual Report 2024",
  coverGraphic: null,
  partners: [],
} as unknown as ReportDocument["meta"];

async function coverPages(changed: Partial<ReportDocument["meta"]>) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "cover-")), "cover.pdf");
  writeFileSync(file, await renderToBuffer(<Document><Cover meta={{ ...meta, ...changed }} bookmark="Cover" geometry={pageGeometry(false)} /></Document>));
  return readPdfPages(file);
}

async function titleLines(title: string): Promise<{ lines: string[]; widths: number[]; text: string }> {
  const [page] = await coverPages({ title });
  const items = page.items.filter((i) => Math.abs(i.height - coverTitle.fontSize) < 1 && i.str.trim() !== "").sort((a, b) => b.y - a.y);
  const byLine = new Map<number, { text: string; width: number }>();
  for (const item of items) {
    const line = byLine.get(Math.round(item.y)) ?? { text: "", width: 0 };
    line.text += item.str;
    line.width += item.width;
    byLine.set(Math.round(item.y), line);
  }
  const lines = [...byLine.values()];
  return { lines: lines.map((l) => l.text.replace(/\s+/g, " ").trim()), widths: lines.map((l) => l.width), text: page.text };
}

beforeAll(async () => {
  await registerFonts();
});

describe("the cover title", () => {
  it("breaks the report's title as \"Gender Equality / in UK Policing\", with the edition and the year", async () => {
    const { lines, text } = await titleLines(meta.title);
    expect(lines).toEqual(["Gender Equality", "in UK Policing"]);
    expect(text).toContain("Sixth Annual Report");
    expect(text).toContain("2024");
  });

  it("balances a title twice as long over three lines, no word alone, \"UK Policing\" whole", async () => {
    const long = "Gender Equality in UK Policing: Officers, Staff and Leaders";
    expect(long.length).toBeGreaterThanOrEqual(2 * meta.title.length - 2);
    const { lines, widths } = await titleLines(long);
    expect(lines).toHaveLength(3);
    expect(lines.join(" ")).toBe(long);
    for (const line of lines) expect(line.split(" ").length).toBeGreaterThanOrEqual(2);
    expect(lines.some((line) => line.includes("UK Policing"))).toBe(true);
    // Even lines: the shortest at least two thirds of the longest.
    expect(Math.min(...widths) / Math.max(...widths)).toBeGreaterThan(2 / 3);
  });

  it("keeps a long title, the data graphic at its tallest and four partners' marks on one page, each in its own band", async () => {
    const long = "Gender Equality in UK Policing: Officers, Staff and Leaders";
    // Every force in one band: the tallest stack of squares the graphic can have.
    const bands = ["men+15", "men+10", "men+5", "men+1", "equal", "women+1", "women+5", "women+10", "women+15"] as const;
    const coverGraphic = { bands: bands.map((band) => ({ band, forces: band === "men+5" ? 48 : 0 })), alt: "All in one band" };
    const mark = readFileSync(path.join(import.meta.dirname, "../../content/2024/marks/sample-partner-one.svg"), "utf8");
    const partners = [1, 2, 3, 4].map((n) => ({ name: `Partner ${n}`, svg: mark, source: { file: "2024/report.yml", line: n, column: 1 } }));
    const pages = await coverPages({ title: long, coverGraphic, partners });
    expect(pages).toHaveLength(1);
    const caption = pages[0].items.find((i) => i.str.startsWith("Each square is a force"))!;
    const title = pages[0].items.filter((i) => Math.abs(i.height - coverTitle.fontSize) < 1);
    const year = pages[0].items.find((i) => i.str === "2024")!;
    // Top to bottom without touching: the title's last line, the graphic's caption, the year at the foot.
    expect(Math.min(...title.map((i) => i.y))).toBeGreaterThan(caption.y + coverArt.height);
    expect(caption.y).toBeGreaterThan(year.y + year.height);
    // Four marks fit beside the year, made smaller than the design's height to do so.
    const height = markHeight(partners, 2024);
    expect(height).toBeLessThan(coverArt.markHeight);
    expect(year.x + year.width + 4 * height * (132 / 40) + 4 * 18).toBeLessThanOrEqual(pages[0].width - page.marginInner + 1);
    // The squares: every one inside the graphic's space, none overlapping another.
    const { size, squares } = coverSquares(coverGraphic);
    expect(squares).toHaveLength(48);
    for (const sq of squares) {
      expect(sq.x).toBeGreaterThanOrEqual(0);
      expect(sq.y).toBeGreaterThanOrEqual(-1e-9);
      expect(sq.x + size).toBeLessThanOrEqual(coverArt.width + 1e-9);
      expect(sq.y + size).toBeLessThanOrEqual(coverArt.height + 1e-9);
    }
    const overlapping = squares.filter((a, i) => squares.some((b, j) => j !== i && Math.abs(a.x - b.x) < size && Math.abs(a.y - b.y) < size));
    expect(overlapping).toEqual([]);
  });
});
