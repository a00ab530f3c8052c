// Partners' marks on the cover (report.yml partners): SVG files inside the content folder, checked at the
// line that names them; a mark the PDF could not draw faithfully is an error naming the file and what to change.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { markAttributes, markElements, markProblem } from "../../src/load/partnerMark.ts";
import { svgToPdf } from "../../src/pdf/svg/svgToPdf.tsx";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { prepareErrors, type Fixture } from "../helpers/hostile.ts";

const root = path.resolve(import.meta.dirname, "../..");
const sampleMark = readFileSync(path.join(root, "content/2024/marks/sample-partner-one.svg"), "utf8");

/** The fixture with partners added to report.yml (partners: at line 10, the first mark: at 12) and mark files written. */
function withPartners(partners: string, files: Record<string, string | Buffer> = {}): Fixture {
  const fixture = copyFixtures();
  for (const [name, bytes] of Object.entries(files)) {
    const file = path.join(fixture.contentDir, "2024", name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  fixture.edit("content/2024/report.yml", (t) => `${t.trimEnd()}\npartners:\n${partners}`);
  return fixture;
}

const reportYml = (fixture: Fixture) => path.join(fixture.contentDir, "2024/report.yml");

describe("partners' marks", () => {
  it("accepts a mark of plain shapes and gives the document its SVG and the line that names it", () => {
    const fixture = withPartners("  - name: A partner\n    mark: marks/a.svg\n", { "marks/a.svg": sampleMark });
    const { document } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    expect(document.meta.partners).toEqual([{ name: "A partner", svg: sampleMark, source: { file: "content/2024/report.yml", line: 12, column: 1 } }]);
  });

  it("names a missing file at its mark: line, and never fetches one from the network", () => {
    const fixture = withPartners("  - name: One\n    mark: marks/one.svg\n  - name: Two\n    mark: https://example.org/two.svg\n");
    const errors = prepareErrors(fixture);
    expect(errors).toEqual([
      expect.objectContaining({ file: reportYml(fixture), line: 12, rule: "missing-file", message: expect.stringContaining('"marks/one.svg": The file does not exist; expected an SVG file') }),
      expect.objectContaining({ file: reportYml(fixture), line: 14, rule: "partner-mark", message: expect.stringContaining("the build never fetches from the network") }),
    ]);
  });

  it("refuses a mark outside the content folder, or one that is not an SVG file", () => {
    const outside = withPartners("  - name: Out\n    mark: ../../data/forces.csv\n");
    expect(prepareErrors(outside)).toEqual([expect.objectContaining({ line: 12, rule: "partner-mark", message: expect.stringContaining("lies outside") })]);
    const png = withPartners("  - name: Png\n    mark: marks/p.png\n", { "marks/p.png": Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    expect(prepareErrors(png)).toEqual([expect.objectContaining({ line: 12, rule: "partner-mark", message: expect.stringContaining("expected a name ending .svg") })]);
  });

  it("says what in an SVG the cover cannot draw: broken XML, text, images, styles", () => {
    const cases: [string, RegExp][] = [
      ["<svg viewBox='0 0 10 10'><rect", /is not well-formed SVG/],
      ["<svg viewBox='0 0 10 10'>\n<rect width='5' height='5'/>\n<text x='1' y='5'>Logo</text></svg>", /uses <text> \(line 3 of the SVG\).*convert text to outlines/],
      ["<svg viewBox='0 0 10 10'><image href='https://example.org/logo.png' width='5' height='5'/></svg>", /uses <image>/],
      ["<svg viewBox='0 0 10 10'><rect style='fill:red' width='5' height='5'/></svg>", /uses the attribute style on <rect>/],
      ["<svg><rect width='5' height='5'/></svg>", /neither a viewBox nor a width and height/],
      ["<html/>", /outermost element is not <svg>/],
    ];
    for (const [svg, message] of cases) {
      const fixture = withPartners("  - name: Bad\n    mark: marks/bad.svg\n", { "marks/bad.svg": svg });
      const errors = prepareErrors(fixture);
      expect(errors, svg).toEqual([expect.objectContaining({ file: reportYml(fixture), line: 12, column: 1, rule: "partner-mark" })]);
      expect(errors[0].message, svg).toMatch(/^The mark "marks\/bad\.svg" of Bad /);
      expect(errors[0].message, svg).toMatch(message);
    }
  });

  it("allows only what the PDF's SVG drawing renders: every allowed element and attribute draws", () => {
    const paint: Record<string, string> = { fill: "#FFFFFF", stroke: "#FFFFFF", "fill-rule": "evenodd", "stroke-linecap": "round", "stroke-linejoin": "round", id: "a", d: "M0 0 L5 5" };
    const shapeAttributes = [...markAttributes].filter((a) => !["xmlns", "version", "viewBox", "width", "height", "d", "x", "y", "rx", "ry", "cx", "cy", "r", "x1", "y1", "x2", "y2"].includes(a));
    const attributes = shapeAttributes.map((a) => `${a}="${paint[a] ?? "0.5"}"`).join(" ");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 10 10" width="10" height="10"><title>t</title><desc>d</desc><g ${attributes}><path d="M0 0 L5 5" ${attributes}/><rect x="1" y="1" width="3" height="3" rx="1" ry="1" ${attributes}/><circle cx="5" cy="5" r="2" ${attributes}/><line x1="0" y1="0" x2="9" y2="9" ${attributes}/></g></svg>`;
    expect(markProblem(svg)).toBeNull();
    expect(() => svgToPdf(svg, { width: 40 })).not.toThrow();
    expect([...markElements].sort()).toEqual(["circle", "desc", "g", "line", "path", "rect", "svg", "title"]);
  });

  it("holds the sample marks to the same rule", () => {
    for (const name of ["sample-partner-one.svg", "sample-partner-two.svg"]) {
      const svg = readFileSync(path.join(root, "content/2024/marks", name), "utf8");
      expect(markProblem(svg), name).toBeNull();
      expect(svg, name).toMatch(/<title>[^<]*sample[^<]*not any organisation’?'?s mark<\/title>/i);
    }
  });
});
