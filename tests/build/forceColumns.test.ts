// Bad content still sets in two columns (issue 22): an entry with no subheads, a 40-word lede and a body
// ten times the usual length runs over pages of two columns without overflow, every paragraph read back
// whole and in order; a block taller than a column is an error at its file and line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { BuildError } from "../../src/diagnostics/diagnostic.ts";
import { page as theme, type as typeScale } from "../../src/design/theme.ts";
import { bodyColumn, textBlock } from "../../templates/styles.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { readParagraphs } from "../helpers/markedContent.ts";
import { readPdfPages } from "../helpers/pdfText.ts";

const ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];
/** Paragraph n: four sentences, about 75 words, its number in its first and last words. */
const paragraph = (n: number) =>
  `Paragraph ${n} opens with what the mentoring scheme set out to change for officers and staff in the county. ` +
  `Each ${ordinals[n % 8]} cohort met monthly, and mentors kept short notes of what their mentees asked for and what they tried next. ` +
  `Supervisors were asked to make room for the meetings in rotas, which took longer to arrange than anyone expected at the start. ` +
  `The notes were read together at the end of the year, closing paragraph ${n}.`;

const lede = "Cumbria ran a county-wide mentoring scheme for a whole year, pairing officers and staff who wanted to progress with mentors from other departments, and it kept careful notes on what changed for the people who took part in every cohort.";

const count = 48;
const body = [
  ...Array.from({ length: 20 }, (_, i) => paragraph(i + 1)),
  "The scheme asked three things of every mentor:",
  "",
  "- a monthly meeting kept in the diary, whatever the shift pattern;",
  "- a short note of each meeting, shared with the mentee;",
  "- a review at the end of the year, written together.",
  "",
  ...Array.from({ length: count - 20 }, (_, i) => paragraph(i + 21)),
].join("\n\n");

function entry(extra = ""): string {
  return ["---", "force: Cumbria", "title: A long fixture entry about mentoring", `lede: ${lede}`, "sample: true", "---", body, extra].join("\n");
}

describe("an entry far over length, with no subheads and a 40-word lede", () => {
  it("sets over pages of two columns without overflow, every paragraph whole and in order", async () => {
    expect(lede.split(/\s+/).length).toBe(40);
    const fixture = copyFixtures();
    fixture.edit("content/2024/good-practice/cumbria.md", () => entry());
    const result = await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), print: false });
    // The limit breached is a warning at the entry's file.
    expect(result.warnings.find((w) => w.rule === "long-entry")?.file).toMatch(/cumbria\.md$/);

    const pages = await readPdfPages(result.pdfFile);
    const first = result.pages["force/cumbria"];
    const next = Math.min(...Object.values(result.pages).filter((p) => p > first));
    const mine = pages.slice(first - 1, next - 1);
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const left = theme.marginInner;
    const right = theme.marginInner + bodyColumn + theme.columnGap;
    for (const page of mine) {
      const words = page.items.filter((i) => i.str.trim() !== "");
      // Nothing below the text area but the folio, nothing past the text block's right edge.
      expect(words.filter((i) => !/^\d+$/.test(i.str.trim()) && i.y < theme.marginBottom - 3).map((i) => i.str)).toEqual([]);
      expect(words.filter((i) => i.x + i.width > left + textBlock + 1).map((i) => i.str)).toEqual([]);
      // Body lines stand in the two columns, and both columns are used.
      const body = words.filter((i) => Math.abs(i.height - typeScale.columnBody) < 0.2);
      const starts = [...new Set(body.map((i) => Math.round(i.y)))].map((y) => Math.min(...body.filter((i) => Math.round(i.y) === y && i.x < right - 5).map((i) => i.x)));
      expect(body.some((i) => Math.abs(i.x - right) < 16)).toBe(true);
      expect(starts.filter((x) => Number.isFinite(x) && (x < left - 0.5 || x > left + 16))).toEqual([]);
    }
    // The last paragraph is set, on the force's last page.
    expect(mine.at(-1)!.text).toContain(`closing paragraph ${count}.`);

    // Each paragraph read back as one paragraph (a page turn aside), in the order written.
    // pdf.js joins a line's end to the next line's start without a space: compared letter by letter.
    const letters = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase();
    const read = (await readParagraphs(result.pdfFile)).map((p) => letters(p.text));
    let at = 0;
    for (let n = 1; n <= count; n++) {
      const found = read.findIndex((p, i) => i >= at && p.startsWith(letters(`Paragraph ${n} opens`)));
      expect(found, `paragraph ${n}`).toBeGreaterThanOrEqual(at);
      const end = letters(`closing paragraph ${n}`);
      // Whole on its page, or continued as the next page's first paragraph.
      if (read[found].endsWith(end)) expect(read[found], `paragraph ${n}`).toBe(letters(paragraph(n)));
      else expect(read[found] + read[found + 1], `paragraph ${n} over a page turn`).toBe(letters(paragraph(n)));
      at = found + 1;
    }
  }, 180_000);

  it("still copyfits in columns: a short tail is pulled back a step tighter, and one that cannot be is a warning", async () => {
    // Eleven paragraphs leave a few lines on a second page, which the first step pulls back; twelve
    // leave a whole paragraph that even the last step cannot.
    const built = async (n: number) => {
      const fixture = copyFixtures();
      const text = Array.from({ length: n }, (_, i) => paragraph(i + 1)).join("\n\n");
      fixture.edit("content/2024/good-practice/cumbria.md", () => ["---", "force: Cumbria", "title: A fixture entry about mentoring", "lede: Cumbria ran a mentoring scheme for the tests.", "sample: true", "---", text, ""].join("\n"));
      const result = await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), print: false });
      const first = result.pages["force/cumbria"];
      const next = Math.min(...Object.values(result.pages).filter((p) => p > first));
      const report = JSON.parse(readFileSync(path.join(path.dirname(result.pdfFile), "build-report.json"), "utf8")) as { copyfit: Record<string, number> };
      return { result, pages: next - first, step: report.copyfit["force/cumbria"] ?? 0 };
    };
    const eleven = await built(11);
    expect(eleven.step).toBeGreaterThanOrEqual(1);
    expect(eleven.pages).toBe(1);
    expect(eleven.result.warnings.filter((w) => w.rule === "stranded-tail")).toEqual([]);
    const twelve = await built(12);
    expect(twelve.pages).toBe(2);
    const warning = twelve.result.warnings.find((w) => w.rule === "stranded-tail");
    expect(warning?.file).toMatch(/cumbria\.md$/);
    expect(warning?.message).toContain("words alone on page");
  }, 180_000);

  it("stops with an error at the file and line of a quote taller than a column", async () => {
    const fixture = copyFixtures();
    const quote = Array.from({ length: 60 }, (_, i) => `> ${paragraph(i + 1)}`).join("\n>\n");
    fixture.edit("content/2024/good-practice/cumbria.md", () => ["---", "force: Cumbria", "title: A quote too tall", "lede: A short lede.", "sample: true", "---", "Before the quote.", "", quote, ""].join("\n"));
    const error = await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), print: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    const [diagnostic] = (error as BuildError).diagnostics;
    expect(diagnostic.file).toMatch(/cumbria\.md$/);
    expect(diagnostic.line).toBe(9);
    expect(diagnostic.rule).toBe("block-too-tall");
  }, 180_000);
});
