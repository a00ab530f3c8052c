// The cover's title is balanced over its lines (issue 22): never one word alone, never "UK Policing"
// parted, and a title twice as long set over three even lines. The cover is drawn by react-pdf and read
// back with pdf.js, so the lines tested are the lines printed.
import { Document, renderToBuffer } from "@react-pdf/renderer";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/document/model.ts";
import { registerFonts } from "../../src/pdf/registerFonts.ts";
import { pageGeometry } from "../../templates/geometry.tsx";
import { Cover, coverTitle } from "../../templates/pages/Cover.tsx";
import { readPdfPages } from "../helpers/pdfText.ts";

const meta = {
  title: "Gender Equality in UK Policing",
  year: 2024,
  edition: 6,
  editionName: "Sixth Annual Report",
  editionLabel: "Sixth Annual Report 2024",
} as ReportDocument["meta"];

async function titleLines(title: string): Promise<{ lines: string[]; widths: number[]; text: string }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "cover-")), "cover.pdf");
  writeFileSync(file, await renderToBuffer(<Document><Cover meta={{ ...meta, title }} bookmark="Cover" geometry={pageGeometry(false)} /></Document>));
  const [page] = await readPdfPages(file);
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
});
