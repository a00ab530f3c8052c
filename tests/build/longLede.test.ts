// Bad content still builds (issue 22): an entry with a 60-word lede and no subheads sets without overflow,
// its lede's last line is never one word, and the limit breached is a warning at the lede's file and line.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { ledeWords } from "../../src/document/checks.ts";
import { page as theme, type as typeScale } from "../../src/design/theme.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { readPdfPages } from "../helpers/pdfText.ts";

const longLede = Array.from({ length: 6 }, (_, i) => `In its ${["first", "second", "third", "fourth", "fifth", "sixth"][i]} month the scheme paired mentors and mentees across`).join(" ") + " the county.";

describe("a long lede", () => {
  it("sets without overflow or a lone last word, and warns at the lede's line", async () => {
    const words = longLede.split(" ").length;
    expect(words).toBeGreaterThan(ledeWords + 15);
    const fixture = copyFixtures();
    fixture.edit("content/2024/good-practice/cumbria.md", (text) => text.replace(/^lede: .*$/m, `lede: ${longLede}`).replace(/^#+ .*$/gm, ""));
    const result = await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), print: false });
    const warning = result.warnings.find((w) => w.rule === "lede-length");
    expect(warning?.file).toMatch(/cumbria\.md$/);
    expect(warning?.line).toBe(4);
    expect(warning?.message).toContain(`${words} words`);

    const pages = await readPdfPages(result.pdfFile);
    const cumbria = pages[result.pages["force/cumbria"] - 1];
    const lede = cumbria.items.filter((i) => Math.abs(i.height - typeScale.lede) < 0.2 && i.str.trim() !== "").sort((a, b) => b.y - a.y);
    const lines = [...new Set(lede.map((i) => Math.round(i.y)))].map((y) => lede.filter((i) => Math.round(i.y) === y).map((i) => i.str).join(""));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.join(" ").replace(/\s+/g, " ")).toContain("the county.");
    expect(lines.at(-1)!.trim().split(/\s+/).length).toBeGreaterThanOrEqual(2);
    // Nothing below the text area but the folio (a page number alone).
    const below = cumbria.items.filter((i) => i.str.trim() !== "" && !/^\d+$/.test(i.str.trim()) && i.y < theme.marginBottom - 3);
    expect(below.map((i) => i.str)).toEqual([]);
  }, 120_000);
});
