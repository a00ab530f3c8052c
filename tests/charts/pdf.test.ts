// Charts drawn into a real PDF with react-pdf: labels are text (not pictures), nothing is an image,
// and clipping lands where SVG puts it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Font, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PNG } from "pngjs";
import React from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { renderChart } from "../../src/charts/renderChart.ts";
import { svgToPdf } from "../../src/pdf/svg/svgToPdf.tsx";
import { bandChart } from "../../templates/charts/bandChart.ts";
import { bandLabel } from "../../src/domain/vocabulary.ts";
import { forceRepresentationChart } from "../../templates/charts/forceRepresentationChart.ts";
import { fonts } from "../../src/design/theme.ts";
import { bands } from "../../src/domain/vocabulary.ts";
import { bandInput, fixtureStatistics, forceShares } from "./fixtures.ts";

const h = React.createElement;
const dir = mkdtempSync(path.join(tmpdir(), "charts-pdf-"));
const has = (tool: string) => {
  try {
    execFileSync(tool, ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

beforeAll(() => {
  Font.register({ family: fonts.family, fonts: fonts.faces.map((f) => ({ src: f.file, fontWeight: f.weight, fontStyle: f.style })) });
});

async function pdfText(file: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  await pdf.destroy();
  return parts.join(" ");
}

async function writePdf(name: string, page: React.ReactElement, size: "A4" | [number, number] = "A4"): Promise<string> {
  const file = path.join(dir, name);
  const doc = h(Document, { creationDate: new Date(Date.UTC(2024, 0, 1)) }, h(Page, { size, style: { padding: size === "A4" ? 54 : 0 } }, page));
  writeFileSync(file, await renderToBuffer(doc));
  return file;
}

const statistics = fixtureStatistics();
const input = bandInput(statistics, "seniorLeadership");
const letters = (s: string) => s.replace(/[^\p{L}\p{N}&']/gu, "");

describe("charts in a PDF", () => {
  let file: string;

  beforeAll(async () => {
    const band = await renderChart(bandChart(input));
    const force = await renderChart(forceRepresentationChart(forceShares(38.0234, 27.5, 12.25)));
    file = await writePdf(
      "charts.pdf",
      h(
        View,
        null,
        h(Text, { style: { fontFamily: fonts.family, fontSize: 12 } }, "Charts"),
        svgToPdf(band.svg),
        h(View, { style: { height: 20 } }),
        svgToPdf(force.svg),
      ),
    );
  }, 60_000);

  // The force chart prints whole percentages (38.0234 → 38 %, 27.5 → 28 %, each man's share its complement).
  it("has every label as text", async () => {
    const text = await pdfText(file);
    const normalised = text.replace(/\u00a0/g, " ");
    for (const band of bands) expect(normalised).toContain(bandLabel(band).replace(/\u00a0/g, " "));
    for (const label of ["All officers", "Middle management", "Senior leadership", "Women", "Men", "38 %", "62 %", "28 %", "72 %", "12 %", "88 %"]) {
      expect(normalised).toContain(label);
    }
    // Force names, some set on two lines or hyphenated: compare letters in order.
    const all = letters(text);
    for (const force of input.forces) expect(all).toContain(letters(force.shortName).slice(0, 6));
  });

  it.skipIf(!has("pdfimages"))("has no images (pdfimages -list lists none)", () => {
    const listing = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n");
    expect(listing.slice(0, 2).join("\n")).toMatch(/page\s+num\s+type/);
    expect(listing.slice(2)).toEqual([]);
  });

  it("embeds the theme's font, not a fallback", () => {
    const raw = readFileSync(file, "latin1");
    expect(raw).toMatch(/SourceSans3/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});

describe.skipIf(!has("pdftoppm"))("clipping in the PDF", () => {
  it("clips a transformed group once, in its own coordinates", async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">' +
      '<g transform="translate(10,5)" clip-path="url(#clip1)"><g transform="translate(-20,0)"><rect width="100" height="100" fill="#ff00ff"/></g></g>' +
      '<defs><clipPath id="clip1"><rect x="0" y="0" width="50" height="30"/></clipPath></defs></svg>';
    const file = await writePdf("clip.pdf", svgToPdf(svg), [100, 50]);
    execFileSync("pdftoppm", ["-png", "-r", "72", "-singlefile", file, path.join(dir, "clip")]);
    const png = PNG.sync.read(readFileSync(path.join(dir, "clip.png")));
    const at = (x: number, y: number) => {
      const i = (png.width * y + x) * 4;
      return [png.data[i], png.data[i + 1], png.data[i + 2]];
    };
    expect(at(12, 20)).toEqual([255, 0, 255]); // inside the clip, left
    expect(at(55, 20)).toEqual([255, 0, 255]); // inside, where a second clip in the child's space would cut
    expect(at(65, 20)).toEqual([255, 255, 255]); // right of the clip
    expect(at(30, 40)).toEqual([255, 255, 255]); // below it
    expect(at(5, 20)).toEqual([255, 255, 255]); // left of it
  });
});
