// Rewriting a content stream's colours (src/pdf/contentColours.ts): RGB operators become CMYK from the
// table, 100 % black switches overprint on and any other colour off, strings are left alone, and what
// the conversion cannot handle fails with the stream named.
import { describe, expect, it } from "vitest";
import type { Cmyk } from "../../src/design/printColours.ts";
import { newColourState, rewriteContentColours, UnconvertibleColour } from "../../src/pdf/contentColours.ts";

// A stand-in table: near-black to 100 % K, white to no ink, anything else to a fixed purple.
const toCmyk = (rgb: number[]): Cmyk => (rgb.every((v) => v < 0.2) ? [0, 0, 0, 100] : rgb.every((v) => v === 1) ? [0, 0, 0, 0] : [80, 95, 0, 0]);
const rewrite = (content: string) => rewriteContentColours(content, toCmyk, "page 3");

describe("rewriteContentColours", () => {
  it("turns pdfkit's RGB fill and stroke into CMYK, with overprint for black only", () => {
    const out = rewrite("/DeviceRGB cs\n0.10980 0.10588 0.13333 scn\nBT (Body text) Tj ET\n/DeviceRGB CS\n1 1 1 SCN\n0 0 m 10 0 l S\n/DeviceRGB cs\n0.35686 0.16471 0.52549 scn\n0 0 5 5 re f");
    expect(out).toBe(
      "/DeviceCMYK cs\n0 0 0 1 scn /PdfxOpF1 gs\nBT (Body text) Tj ET\n/DeviceCMYK CS\n0 0 0 0 SCN /PdfxOpS0 gs\n0 0 m 10 0 l S\n/DeviceCMYK cs\n0.8 0.95 0 0 scn /PdfxOpF0 gs\n0 0 5 5 re f",
    );
  });

  it("rewrites rg and RG as k and K, and leaves look-alikes inside strings alone", () => {
    expect(rewrite("1 1 1 rg (0 0 0 rg) Tj <0a> Tj 0 0 0 RG")).toBe("0 0 0 0 k /PdfxOpF0 gs (0 0 0 rg) Tj <0a> Tj 0 0 0 1 K /PdfxOpS1 gs");
  });

  it("sets overprint only when it changes, and knows q/Q restore it", () => {
    const out = rewrite("0 0 0 rg q 0.1 0.1 0.1 rg 1 1 1 rg Q 0 0 0 rg 1 1 1 rg");
    // Black (on), inside q: black again (no change), white (off); after Q overprint is on again, so
    // black needs no switch, and white switches it off.
    expect(out).toBe("0 0 0 1 k /PdfxOpF1 gs q 0 0 0 1 k 0 0 0 0 k /PdfxOpF0 gs Q 0 0 0 1 k 0 0 0 0 k /PdfxOpF0 gs");
  });

  it("carries the colour state from one of a page's content streams to the next", () => {
    const state = newColourState();
    rewriteContentColours("q /DeviceRGB cs", toCmyk, "page 1", state);
    expect(rewriteContentColours("1 1 1 scn Q", toCmyk, "page 1", state)).toBe("0 0 0 0 scn /PdfxOpF0 gs Q");
  });

  it("keeps CMYK colours and grey, switching overprint by the same rule", () => {
    expect(rewrite("0 0 0 1 k 0.5 g")).toBe("0 0 0 1 k /PdfxOpF1 gs 0.5 g /PdfxOpF0 gs");
  });

  it("refuses what it cannot convert, naming the stream", () => {
    expect(() => rewrite("/CS0 cs 0.5 scn")).toThrow(UnconvertibleColour);
    expect(() => rewrite("/CS0 cs 0.5 scn")).toThrow(/^page 3: the colour space \/CS0/);
    expect(() => rewrite("/Sh1 sh")).toThrow(/page 3: a shading/);
    expect(() => rewrite("BI /W 1 /H 1 ID x EI")).toThrow(/page 3: an inline image/);
    expect(() => rewrite("Q")).toThrow(/page 3: Q without q/);
    expect(() => rewrite("(never closed")).toThrow(/page 3: a string that never ends/);
    expect(() => rewrite("/DeviceRGB cs 0.5 0.5 scn")).toThrow(/page 3: "scn" with 2 operands, not 3/);
  });
});
