// Print boxes: the TrimBox is the A4 page, the BleedBox 3 mm beyond it, the MediaBox leaves a slug for
// crop marks, and the marks stand in the slug, in line with the trim, never on the bleed.
import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { mm, page } from "../../src/design/theme.ts";
import { addPrintBoxes, readPageBoxes } from "../../src/pdf/printBoxes.ts";
import { cropMarkLines, printOffset } from "../../templates/geometry.tsx";
import { sampleBuild, type SampleBuilds } from "../helpers/sampleBuild.ts";

const A4 = { width: (210 * 72) / 25.4, height: (297 * 72) / 25.4 };
const bleed = (3 * 72) / 25.4;

describe("addPrintBoxes", () => {
  it("sets TrimBox and BleedBox inside the sheet and keeps the page count", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 400]);
    doc.addPage([300, 400]);
    const out = await addPrintBoxes(await doc.save(), { offset: 20, bleed: 8 });
    const boxes = await readPageBoxes(out);
    expect(boxes).toHaveLength(2);
    for (const b of boxes) {
      expect(b.hasTrimBox && b.hasBleedBox).toBe(true);
      expect(b.trim).toEqual({ x: 20, y: 20, width: 260, height: 360 });
      expect(b.bleed).toEqual({ x: 12, y: 12, width: 276, height: 376 });
      expect(b.media).toEqual({ x: 0, y: 0, width: 300, height: 400 });
    }
  });

  it("refuses a slug smaller than the bleed, saying why", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 400]);
    await expect(addPrintBoxes(await doc.save(), { offset: 2, bleed: 8 })).rejects.toThrow(/offset \(2 pt\) must be at least the bleed \(8 pt\)/);
  });
});

describe("crop marks", () => {
  const sheet = { width: page.width + 2 * printOffset, height: page.height + 2 * printOffset };
  const bleedBox = { x0: printOffset - page.bleed, y0: printOffset - page.bleed, x1: sheet.width - printOffset + page.bleed, y1: sheet.height - printOffset + page.bleed };

  it("are eight segments in line with the trim, each wholly in the slug (outside the bleed, inside the sheet)", () => {
    const lines = cropMarkLines();
    expect(lines).toHaveLength(8);
    for (const [x1, y1, x2, y2] of lines) {
      for (const [x, y] of [[x1, y1], [x2, y2]]) {
        expect(x >= 0 && x <= sheet.width && y >= 0 && y <= sheet.height).toBe(true);
        const insideBleed = x >= bleedBox.x0 && x <= bleedBox.x1 && y >= bleedBox.y0 && y <= bleedBox.y1;
        expect(insideBleed).toBe(false);
      }
      // Vertical marks stand on a trim x, horizontal ones on a trim y.
      if (x1 === x2) expect([printOffset, sheet.width - printOffset].map((v) => Math.abs(v - x1) < 1e-9)).toContain(true);
      else expect([printOffset, sheet.height - printOffset].map((v) => Math.abs(v - y1) < 1e-9)).toContain(true);
      expect(Math.hypot(x2 - x1, y2 - y1)).toBeCloseTo(mm(6), 6);
    }
  });
});

describe("the 2024 print edition", () => {
  let build: SampleBuilds;
  beforeAll(async () => {
    build = await sampleBuild({ print: true });
  });

  it("has on every page an A4 TrimBox, a BleedBox 3 mm beyond it and a MediaBox with a slug of at least 8 mm", async () => {
    const boxes = await readPageBoxes(readFileSync(build.printPdfFile));
    expect(boxes.length).toBe(build.pageCount);
    for (const b of boxes) {
      expect(b.hasTrimBox && b.hasBleedBox).toBe(true);
      expect(b.trim.width).toBeCloseTo(A4.width, 2);
      expect(b.trim.height).toBeCloseTo(A4.height, 2);
      expect(b.trim.x - b.bleed.x).toBeCloseTo(bleed, 2);
      expect(b.trim.y - b.bleed.y).toBeCloseTo(bleed, 2);
      expect(b.bleed.width).toBeCloseTo(A4.width + 2 * bleed, 2);
      expect(b.bleed.height).toBeCloseTo(A4.height + 2 * bleed, 2);
      expect(b.bleed.x - b.media.x).toBeGreaterThanOrEqual(mm(8));
      expect(b.media.width - b.bleed.x - b.bleed.width).toBeCloseTo(b.bleed.x - b.media.x, 2);
    }
  });

  it("screen edition has no print boxes and is trimmed A4", async () => {
    const boxes = await readPageBoxes(readFileSync(build.pdfFile));
    expect(boxes[0].hasTrimBox).toBe(false);
    expect(boxes[0].media.width).toBeCloseTo(A4.width, 2);
  });
});
