// The 2024 build's page count and where each section starts, kept as a reference: a change in layout
// shows up here as a reviewable diff. After an intended change: UPDATE_VISUAL=1 npx vitest run tests/build/layout.test.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { readPdfPages } from "../helpers/pdfText.ts";
import { sampleBuild } from "../helpers/sampleBuild.ts";

const referenceFile = path.join(import.meta.dirname, "../reference/layout-2024.json");

describe("layout of the 2024 report", () => {
  it("matches the kept page count and section start pages", async () => {
    const sample = await sampleBuild();
    const layout = { pageCount: sample.pageCount, sections: sample.pages };
    if (process.env.UPDATE_VISUAL === "1" || !existsSync(referenceFile)) {
      writeFileSync(referenceFile, JSON.stringify(layout, null, 2) + "\n");
      throw new Error(`Wrote ${referenceFile}; review the diff, commit it, and run again without UPDATE_VISUAL.`);
    }
    expect(layout).toEqual(JSON.parse(readFileSync(referenceFile, "utf8")));
  });
});

describe("Markdown features in the PDF (fixture edition)", () => {
  it("prints links, footnotes, hard breaks, nested lists and local images; same inputs give the same bytes", async () => {
    const fixture = copyFixtures();
    const first = await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "a"), print: false });
    const second = await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "b"), print: false });
    expect(readFileSync(first.pdfFile).equals(readFileSync(second.pdfFile))).toBe(true);

    const pages = await readPdfPages(first.pdfFile);
    const guernsey = pages[first.pages["force/guernsey"] - 1];
    const text = guernsey.text;
    expect(text).toContain("symposium notes");
    expect(text).toContain("Figures supplied by the fixture\u2019s own imagination.");
    expect(text).toContain("a nested point");
    expect(text).toContain("A purple swatch standing in for a photograph");
    // The words before the hard break end their line (in the force page's column they wrap before "break").
    const hardBreak = guernsey.items.find((i) => /(^|\s)break\s*$/.test(i.str))!;
    const nextLine = guernsey.items.find((i) => i.str.startsWith("ends here."))!;
    expect(nextLine.y).toBeLessThan(hardBreak.y);
    const pdf = readFileSync(first.pdfFile).toString("latin1");
    expect(pdf).toContain("/URI (https://example.org/notes)");
    expect(pdf).toMatch(/\/Subtype \/Image/);
  });
});
