// The print edition as PDF/X-4 in CMYK (src/pdf/pdfx.ts): read back from the file (version, output
// intent, embedded CMYK profile, no RGB anywhere) and separated into plates by Ghostscript, as a printer's
// RIP would: text on the black plate alone, black overprinting, white knocking out, no pixel over the
// ink limit.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { encode as encodeJpeg } from "jpeg-js";
import { concatTransformationMatrix, decodePDFRawStream, drawObject, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFOperator, PDFOperatorNames, PDFRawStream, PDFRef, popGraphicsState, pushGraphicsState, rgb } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { colours } from "../../src/design/theme.ts";
import { printColours, printConditions } from "../../src/design/printColours.ts";
import { toPdfX } from "../../src/pdf/pdfx.ts";
import { xmpPacket } from "../../src/pdf/xmp.ts";
import { readPdfAFacts } from "../helpers/pdfaFacts.ts";
import { sampleBuild, type SampleBuilds } from "../helpers/sampleBuild.ts";
import { inkCoverage, separatePage, type Separation } from "../helpers/separations.ts";

const hexRgb = (hex: string) => rgb(...([1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number]));
const full = (percent: number) => Math.round((percent / 100) * 255);

/** Every colour-space name and three-operand colour operator left in the file's uncompressed objects. */
function rgbLeft(pdfFile: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "pdfx-"));
  const qdf = path.join(dir, "qdf.pdf");
  execFileSync("qpdf", ["--qdf", "--object-streams=disable", pdfFile, qdf]);
  const text = readFileSync(qdf).toString("latin1");
  return [...text.matchAll(/\/(DeviceRGB|CalRGB|ICCBased|Lab)\b|(?<![-\d.]\s+)(?<=\s)-?[\d.]+\s+-?[\d.]+\s+-?[\d.]+\s+(rg|RG|sc|SC|scn|SCN)(?=\s)/g)].map((m) => m[0]);
}

/** Ink as Ghostscript renders a percentage: 0–255, within one step of rounding. */
const near = (plates: number[], percents: readonly number[]) => plates.every((v, i) => Math.abs(v - full(percents[i])) <= 1);

/** Ink of each plate at a point given in PDF units from the bottom left of a page `pageHeight` high. */
function inkAt(sep: Separation, x: number, y: number, pageHeight: number, dpi: number) {
  const at = Math.floor((pageHeight - y) * (dpi / 72)) * sep.width + Math.floor(x * (dpi / 72));
  return [sep.plates.Cyan[at], sep.plates.Magenta[at], sep.plates.Yellow[at], sep.plates.Black[at]];
}

describe("toPdfX on a hand-made page", () => {
  let dir: string;
  let source: Uint8Array;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "pdfx-page-"));
    const doc = await PDFDocument.create();
    doc.setTitle("Hand-made page");
    const page = doc.addPage([200, 200]);
    // A women-purple field; black ink over its left part, white over its right, an orange patch outside the theme.
    page.drawRectangle({ x: 20, y: 100, width: 160, height: 60, color: hexRgb(colours.women) });
    page.drawRectangle({ x: 30, y: 110, width: 40, height: 40, color: hexRgb(colours.ink) });
    page.drawRectangle({ x: 130, y: 110, width: 40, height: 40, color: hexRgb(colours.onWomen) });
    page.drawRectangle({ x: 20, y: 20, width: 40, height: 40, color: rgb(1, 0.5, 0) });
    // A pure red 4 × 4 PNG image.
    const png = new PNG({ width: 4, height: 4 });
    for (let i = 0; i < 16; i++) png.data.set([255, 0, 0, 255], i * 4);
    const image = await doc.embedPng(PNG.sync.write(png, { colorType: 2 }));
    page.drawImage(image, { x: 120, y: 20, width: 40, height: 40 });
    // The same red as a JPEG (a portrait's format), and a two-colour palette image, red then blue.
    const jpeg = encodeJpeg({ width: 8, height: 8, data: Buffer.alloc(8 * 8 * 4, Buffer.from([255, 0, 0, 255])) }, 90).data;
    page.drawImage(await doc.embedJpg(new Uint8Array(jpeg)), { x: 70, y: 20, width: 40, height: 40 });
    const palette = doc.context.register(
      doc.context.stream(new Uint8Array([0, 1]), { Type: "XObject", Subtype: "Image", Width: 2, Height: 1, BitsPerComponent: 8, ColorSpace: [PDFName.of("Indexed"), PDFName.of("DeviceRGB"), 1, PDFHexString.of("FF00000000FF")] }),
    );
    page.node.setXObject(PDFName.of("Pal"), palette);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(40, 0, 0, 30, 120, 165), drawObject("Pal"), popGraphicsState());
    const link = doc.context.register(doc.context.obj({ Type: "Annot", Subtype: "Link", Rect: [20, 20, 60, 60], Border: [0, 0, 0] }));
    page.node.set(PDFName.of("Annots"), doc.context.obj([link]));
    source = await doc.save({ useObjectStreams: false });
  });

  it("writes PDF/X-4 with the coated profile as its output intent, and reports what it converted", async () => {
    const { pdf, report } = await toPdfX(source, { paper: "coated" });
    const facts = await readPdfAFacts(pdf);
    expect(facts.header).toBe("%PDF-1.6");
    expect(facts.info.GTS_PDFXVersion).toBe("PDF/X-4");
    expect(facts.outputIntents).toHaveLength(1);
    expect(facts.outputIntents[0]).toMatchObject({ subtype: "/GTS_PDFX", condition: "FOGRA39", iccComponents: 4, iccColourSpace: "CMYK", iccSignature: "acsp" });
    expect(Buffer.from(facts.outputIntents[0].icc).equals(readFileSync(printConditions.coated.profileFile))).toBe(true);
    expect(facts.annotations.count).toBe(0);
    expect(facts.trailerId).toHaveLength(2);
    expect(report).toEqual({ version: "PDF/X-4", paper: "coated", outputCondition: "FOGRA39", inkLimit: 300, outsideTable: ["#FF8000"], imagesConverted: 3, annotationsRemoved: 1 });
    const doc = await PDFDocument.load(pdf);
    const packet = Buffer.from((doc.catalog.lookup(PDFName.of("Metadata")) as PDFRawStream).getContents()).toString("utf8");
    expect(packet).toContain("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>");
    expect(packet).toContain("<pdf:Trapped>False</pdf:Trapped>");
    expect(doc.context.lookup(doc.context.trailerInfo.Info)?.toString()).toContain("/Trapped /False");
    const file = path.join(dir, "coated.pdf");
    writeFileSync(file, pdf);
    expect(rgbLeft(file)).toEqual([]);
  });

  it("separates as a press would: black overprints the purple, white knocks it out, the image is CMYK", async () => {
    const { pdf } = await toPdfX(source, { paper: "coated" });
    const file = path.join(dir, "separate.pdf");
    writeFileSync(file, pdf);
    const dpi = 72;
    const sep = separatePage(file, 1, { dpi });
    const [c, m] = printColours.coated.women;
    // The field alone: the table's two inks.
    expect(near(inkAt(sep, 100, 155, 200, dpi), [c, m, 0, 0]), String(inkAt(sep, 100, 155, 200, dpi))).toBe(true);
    // Black over it keeps the field's inks under it (overprint), so no white gap can open round a letter.
    expect(near(inkAt(sep, 50, 130, 200, dpi), [c, m, 0, 100]), String(inkAt(sep, 50, 130, 200, dpi))).toBe(true);
    // White over it leaves bare paper (knockout).
    expect(inkAt(sep, 150, 130, 200, dpi)).toEqual([0, 0, 0, 0]);
    // The orange patch outside the table went through the profile: magenta and yellow, little else.
    const [oc, om, oy] = inkAt(sep, 40, 40, 200, dpi);
    expect(om).toBeGreaterThan(100);
    expect(oy).toBeGreaterThan(200);
    expect(oc).toBeLessThan(30);
    // The red image went through the profile too: full magenta and yellow, no cyan.
    const [ic, im, iy] = inkAt(sep, 140, 40, 200, dpi);
    expect(im).toBeGreaterThan(200);
    expect(iy).toBeGreaterThan(200);
    expect(ic).toBeLessThan(30);
    // The JPEG likewise, and the palette's two entries.
    const [jc, jm, jy] = inkAt(sep, 90, 40, 200, dpi);
    expect([jc < 30, jm > 200, jy > 200]).toEqual([true, true, true]);
    const [rc, rm, ry] = inkAt(sep, 130, 180, 200, dpi);
    expect([rc < 30, rm > 200, ry > 200]).toEqual([true, true, true]);
    const [bc, bm, by] = inkAt(sep, 150, 180, 200, dpi);
    expect([bc > 200, bm > 150, by < 30]).toEqual([true, true, true]);
    const doc = await PDFDocument.load(pdf);
    const images = [...doc.context.enumerateIndirectObjects()].filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of("Subtype")) === PDFName.of("Image")) as [unknown, PDFRawStream][];
    expect(images).toHaveLength(3);
    const sizes = images.filter(([, image]) => image.dict.get(PDFName.of("ColorSpace")) === PDFName.of("DeviceCMYK")).map(([, image]) => decodePDFRawStream(image).decode().length);
    expect(sizes.sort((a, b) => a - b)).toEqual([4 * 4 * 4, 8 * 8 * 4]);
  });

  it("--paper uncoated embeds the uncoated profile and prints the uncoated table", async () => {
    const { pdf, report } = await toPdfX(source, { paper: "uncoated" });
    const facts = await readPdfAFacts(pdf);
    expect(facts.outputIntents[0]).toMatchObject({ subtype: "/GTS_PDFX", condition: "FOGRA29", iccColourSpace: "CMYK" });
    expect(Buffer.from(facts.outputIntents[0].icc).equals(readFileSync(printConditions.uncoated.profileFile))).toBe(true);
    expect(report.inkLimit).toBe(260);
    const file = path.join(dir, "uncoated.pdf");
    writeFileSync(file, pdf);
    const sep = separatePage(file, 1);
    expect(near(inkAt(sep, 100, 155, 200, 72), printColours.uncoated.women), String(inkAt(sep, 100, 155, 200, 72))).toBe(true);
  });

  it("makes a PDF/A final both PDF/A-2b and PDF/X-4, over one CMYK profile, with the pdfxid schema described", async () => {
    const doc = await PDFDocument.load(source);
    const packet = new TextEncoder().encode(xmpPacket({ title: "Hand-made page", author: "Tests", creator: "tests", producer: "tests" }, { documentId: "0".repeat(32), date: new Date("2024-11-25T00:00:00Z"), language: "en-GB" }));
    doc.catalog.set(PDFName.of("Metadata"), doc.context.register(doc.context.stream(packet, { Type: "Metadata", Subtype: "XML" })));
    const srgb = doc.context.register(doc.context.stream(new Uint8Array(128), { N: 3 }));
    doc.catalog.set(PDFName.of("OutputIntents"), doc.context.obj([doc.context.obj({ Type: "OutputIntent", S: "GTS_PDFA1", DestOutputProfile: srgb })]));
    const { pdf } = await toPdfX(await doc.save({ useObjectStreams: false }), { paper: "coated" });
    const facts = await readPdfAFacts(pdf);
    expect(facts.outputIntents.map((i) => [i.subtype, i.iccColourSpace])).toEqual([
      ["/GTS_PDFX", "CMYK"],
      ["/GTS_PDFA1", "CMYK"],
    ]);
    const out = await PDFDocument.load(pdf);
    const intents = (out.catalog.lookup(PDFName.of("OutputIntents")) as PDFArray).asArray().map((i) => (out.context.lookup(i) as PDFDict).get(PDFName.of("DestOutputProfile"))!.toString());
    expect(new Set(intents).size).toBe(1);
    // The sRGB profile went with its intent.
    expect(out.context.lookup(srgb)).toBeUndefined();
    expect(facts.xmp).toMatchObject({ part: "2", conformance: "B", title: "Hand-made page" });
    const xmp = Buffer.from((out.catalog.lookup(PDFName.of("Metadata")) as PDFRawStream).getContents()).toString("utf8");
    expect(xmp).toContain("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>");
    expect(xmp).toMatch(/<pdfaSchema:prefix>pdfxid<\/pdfaSchema:prefix>[\s\S]*<pdfaProperty:name>GTS_PDFXVersion<\/pdfaProperty:name>/);
  });

  it("stops, naming the page, at a colour it cannot convert", async () => {
    const doc = await PDFDocument.create();
    doc.setTitle("Shaded");
    doc.addPage([100, 100]).pushOperators(PDFOperator.of(PDFOperatorNames.ShadingFill, [PDFName.of("Sh1")]));
    await expect(toPdfX(await doc.save(), { paper: "coated" })).rejects.toThrow(/^page 1: a shading \(sh\), which the print edition's CMYK conversion does not handle$/);
  });

  it("keeps a CMYK image as it is", async () => {
    const doc = await PDFDocument.load(source);
    const images = [...doc.context.enumerateIndirectObjects()].filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of("Subtype")) === PDFName.of("Image")) as [PDFRef, PDFRawStream][];
    const png = images.find(([, image]) => image.dict.get(PDFName.of("Filter")) === PDFName.of("FlateDecode"))!;
    png[1].dict.set(PDFName.of("ColorSpace"), PDFName.of("DeviceCMYK"));
    const before = Buffer.from(png[1].getContents());
    const { pdf, report } = await toPdfX(await doc.save(), { paper: "coated" });
    expect(report.imagesConverted).toBe(2);
    const kept = (await PDFDocument.load(pdf)).context.lookup(png[0]) as PDFRawStream;
    expect(Buffer.from(kept.getContents()).equals(before)).toBe(true);
  });
});

describe("the sample print edition", () => {
  let build: SampleBuilds;
  let forcePage: number;
  let backPage: number;
  beforeAll(async () => {
    build = await sampleBuild({ print: true });
    const report = JSON.parse(readFileSync(path.join(path.dirname(build.printPdfFile), "build-report.json"), "utf8")) as { sections: Record<string, number> };
    forcePage = report.sections["force/kent"];
    backPage = report.sections["back-page"];
  }, 900_000);
  // The back page at 100 dpi is read by two tests: Ghostscript separates it once.
  let backAt100: ReturnType<typeof separatePage> | undefined;
  const backSeparation = () => (backAt100 ??= separatePage(build.printPdfFile, backPage, { dpi: 100 }));

  it("is PDF/X-4 with the coated CMYK intent, fonts embedded, and no RGB left", async () => {
    const facts = await readPdfAFacts(readFileSync(build.printPdfFile));
    expect(facts.header).toBe("%PDF-1.6");
    expect(facts.info.GTS_PDFXVersion).toBe("PDF/X-4");
    expect(facts.outputIntents.map((i) => [i.subtype, i.condition, i.iccComponents, i.iccColourSpace])).toEqual([["/GTS_PDFX", "FOGRA39", 4, "CMYK"]]);
    expect(facts.fonts.length).toBeGreaterThan(0);
    expect(facts.fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(facts.annotations.count).toBe(0);
    expect(rgbLeft(build.printPdfFile)).toEqual([]);
  });

  it("keeps the screen edition in RGB", () => {
    expect(rgbLeft(build.pdfFile).length).toBeGreaterThan(100);
  });

  it("prints a force page's black text on the black plate alone, and no text in more than two inks", () => {
    const text = separatePage(build.printPdfFile, forcePage, { dpi: 150, textOnly: true });
    let black = 0;
    let richBlack = 0;
    let overTwoInks = 0;
    for (let i = 0; i < text.plates.Black.length; i++) {
      const ink = [text.plates.Cyan[i], text.plates.Magenta[i], text.plates.Yellow[i], text.plates.Black[i]];
      if (ink.filter((v) => v > 0).length > 2) overTwoInks++;
      if (ink[3] !== 255) continue;
      black++;
      if (ink[0] || ink[1] || ink[2]) richBlack++;
    }
    // Body text, captions and chart text are 100 % K alone; headings and kickers are the brand's two-ink colours.
    expect(black).toBeGreaterThan(20_000);
    expect(richBlack).toBe(0);
    expect(overTwoInks).toBe(0);
  });

  it.each(["force", "back"])("keeps every pixel of the %s page under the ink limit of 300 per cent", (which) => {
    const sep = which === "force" ? separatePage(build.printPdfFile, forcePage, { dpi: 100 }) : backSeparation();
    let max = 0;
    for (let i = 0; i < sep.plates.Black.length; i++) max = Math.max(max, sep.plates.Cyan[i] + sep.plates.Magenta[i] + sep.plates.Yellow[i] + sep.plates.Black[i]);
    expect(max).toBeGreaterThan(0);
    expect((max / 255) * 100).toBeLessThanOrEqual(300);
  });

  it("reverses the back page's white type out of a two-ink field", () => {
    const sep = backSeparation();
    let threeInks = 0;
    for (let i = 0; i < sep.plates.Black.length; i++) if ([sep.plates.Cyan[i], sep.plates.Magenta[i], sep.plates.Yellow[i], sep.plates.Black[i]].filter((v) => v > 0).length > 2) threeInks++;
    expect(threeInks).toBe(0);
    const coverage = inkCoverage(build.printPdfFile, backPage);
    expect(coverage.Cyan).toBeGreaterThan(0.5);
    expect(coverage.Magenta).toBeGreaterThan(0.5);
    expect(coverage.Yellow).toBe(0);
    // Black only in the crop marks, outside the field.
    expect(coverage.Black).toBeLessThan(0.001);
  });
});
