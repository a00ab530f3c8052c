// Force pages set their entries in two columns on a baseline grid (issue 22), read back from the 2024
// sample as a reader gets it: lines in two bands of the text block, level baselines across the columns,
// and a paragraph split from one column into the next read as one paragraph (one P, in reading order).
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Block, ReportDocument } from "../../src/document/model.ts";
import { plainText } from "../../src/document/markdown.ts";
import { page as theme, type as typeScale } from "../../src/design/theme.ts";
import { bodyColumn } from "../../templates/styles.ts";
import { readParagraphs } from "../helpers/markedContent.ts";
import { readPdfPages, type PageText } from "../helpers/pdfText.ts";
import { sampleBuild, type SampleBuild } from "../helpers/sampleBuild.ts";

let sample: SampleBuild;
let pages: PageText[];
let document: ReportDocument;

beforeAll(async () => {
  sample = await sampleBuild();
  pages = await readPdfPages(sample.pdfFile);
  document = JSON.parse(readFileSync(path.join(sample.outDir, "2024", "document.json"), "utf8"));
}, 300_000);

/** Each force page with an entry, with its body lines (column type size), one per baseline and column. */
function forceBodies(): { page: PageText; lines: { x: number; y: number; text: string; column: 0 | 1 }[] }[] {
  const starts = Object.entries(sample.pages).sort((a, b) => a[1] - b[1]);
  const withEntries = new Set(document.sections.filter((s) => s.kind === "force" && s.entries.length > 0).map((s) => s.id));
  const out: ReturnType<typeof forceBodies> = [];
  starts.forEach(([id, first], i) => {
    if (!withEntries.has(id)) return;
    const next = starts[i + 1]?.[1] ?? first + 1;
    for (let n = first; n < next; n++) {
      const page = pages[n - 1];
      const lines = new Map<string, { x: number; y: number; text: string; column: 0 | 1 }>();
      for (const item of page.items) {
        if (Math.abs(item.height - typeScale.columnBody) > 0.2 || item.str.trim() === "") continue;
        const column = item.x > theme.marginInner + bodyColumn ? 1 : 0;
        const key = `${Math.round(item.y)}:${column}`;
        const line = lines.get(key) ?? { x: item.x, y: item.y, text: "", column };
        line.x = Math.min(line.x, item.x);
        line.text += item.str;
        lines.set(key, line);
      }
      out.push({ page, lines: [...lines.values()] });
    }
  });
  return out;
}

const letters = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase();

describe("force pages in two columns", () => {
  it("set every body line in one of two columns of the text block", () => {
    const bodies = forceBodies();
    expect(bodies.length).toBeGreaterThan(50);
    const left = theme.marginInner;
    const right = theme.marginInner + bodyColumn + theme.columnGap;
    const astray: string[] = [];
    let both = 0;
    for (const { page, lines } of bodies) {
      for (const line of lines) {
        // A line starts at its column's edge, or an indent (a paragraph's first line, a list item's text) in.
        const start = line.column === 0 ? left : right;
        if (line.x < start - 0.5 || line.x > start + 16) astray.push(`p.${page.pageNumber} x=${line.x.toFixed(1)}: ${line.text.slice(0, 40)}`);
      }
      if (lines.some((l) => l.column === 0) && lines.some((l) => l.column === 1)) both++;
    }
    expect(astray).toEqual([]);
    // Every page with body text uses both columns: the last pages are balanced too.
    expect(both).toBe(bodies.filter((b) => b.lines.length > 0).length);
  });

  it("keeps both columns on one baseline grid, from the top of the text area", () => {
    const off: string[] = [];
    const bodies = forceBodies();
    // The 2024 forces set as designed (no copyfitting step): the grid is the body's leading, counted from
    // the top of the text area, under a force's name, panel, title and lede as on a continuation page.
    const depth = (page: PageText, y: number) => page.height - theme.marginTop - y;
    const first = bodies.find((b) => b.lines.length > 0)!;
    const offset = depth(first.page, Math.max(...first.lines.map((l) => l.y))) % typeScale.leading;
    let checked = 0;
    for (const { page, lines } of bodies) {
      for (const line of lines) {
        const steps = (depth(page, line.y) - offset) / typeScale.leading;
        if (Math.abs(steps - Math.round(steps)) > 0.02) off.push(`p.${page.pageNumber} column ${line.column + 1}: ${line.text.slice(0, 40)} (${steps.toFixed(2)} lines)`);
      }
      checked += lines.length;
    }
    expect(checked).toBeGreaterThan(1200);
    expect(off).toEqual([]);
  });

  it("reads a paragraph split from one column into the next as one paragraph, in reading order", async () => {
    // The document's paragraphs of force entries, whole.
    const wanted: string[] = [];
    const collect = (blocks: Block[]) => blocks.forEach((b) => (b.type === "paragraph" ? wanted.push(letters(plainText(b.children))) : b.type === "list" ? b.items.forEach(collect) : undefined));
    for (const section of document.sections) if (section.kind === "force") section.entries.forEach((e) => collect(e.body.blocks));
    const read = (await readParagraphs(sample.pdfFile)).map((p) => letters(p.text));
    // A paragraph split on its page: the last line of column 1 and the first of column 2 are in one paragraph.
    let splits = 0;
    const problems: string[] = [];
    for (const { page, lines } of forceBodies()) {
      const one = lines.filter((l) => l.column === 0).sort((a, b) => a.y - b.y)[0];
      const two = lines.filter((l) => l.column === 1).sort((a, b) => b.y - a.y)[0];
      if (!one || !two) continue;
      const seam = letters(one.text) + letters(two.text);
      const paragraph = wanted.find((p) => p.includes(seam));
      if (!paragraph) continue;
      splits++;
      // Read back whole, as one P: no P holds only the part in one column.
      const holders = read.filter((p) => p.includes(seam));
      if (holders.length !== 1 || holders[0] !== paragraph) problems.push(`p.${page.pageNumber}: ${one.text.slice(-30)} / ${two.text.slice(0, 30)}`);
      if (read.some((p) => p !== paragraph && paragraph.startsWith(p) && p.length > 20)) problems.push(`p.${page.pageNumber}: a piece read alone`);
    }
    expect(splits).toBeGreaterThanOrEqual(5);
    expect(problems).toEqual([]);
  });
});
