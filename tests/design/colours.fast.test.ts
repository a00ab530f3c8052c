// Colour: band charts that still read in greyscale print, and text at WCAG AA contrast or better.
import { describe, expect, it } from "vitest";
import { colours } from "../../src/design/theme.ts";
import { bands } from "../../src/domain/vocabulary.ts";
import { contrastRatio, textColourOn } from "../../templates/charts/common.ts";

/** CIE L* (0 black … 100 white) of an sRGB colour: what a greyscale print keeps. */
function lightness(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const y = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
}

describe("band colours in greyscale", () => {
  it("differ from their neighbours by at least 10 L* (the three middle bands included)", () => {
    const l = bands.map((b) => lightness(colours.bands[b]));
    for (let i = 1; i < l.length; i++) expect(Math.abs(l[i] - l[i - 1]), `${bands[i - 1]} → ${bands[i]}`).toBeGreaterThanOrEqual(10);
    // Hand-computed for two of them: #F1EFF4 ≈ 94.7, #A3D6CB ≈ 81.9.
    expect(lightness(colours.bands.equal)).toBeCloseTo(94.7, 1);
    expect(lightness(colours.bands["men+1"])).toBeCloseTo(81.9, 1);
  });

  it("tell women from men at the same distance: each women's band at least 8 L* darker", () => {
    for (const size of ["1", "5", "10", "15"] as const) {
      expect(lightness(colours.bands[`men+${size}`]) - lightness(colours.bands[`women+${size}`]), size).toBeGreaterThanOrEqual(8);
    }
  });

  it("women and men in the force charts differ by at least 40 L*", () => {
    expect(lightness(colours.men) - lightness(colours.women)).toBeGreaterThanOrEqual(40);
  });
});

describe("text contrast (WCAG AA: 4.5:1)", () => {
  const pairs: [string, string, string][] = [
    ["ink on paper", colours.ink, colours.paper],
    ["muted ink on paper", colours.inkMuted, colours.paper],
    ["headings (women) on paper", colours.women, colours.paper],
    ["accent on paper", colours.accent, colours.paper],
    ["cover title", colours.coverInk, colours.coverField],
    ["cover edition name", colours.coverAccent, colours.coverField],
    ["on women's bars", colours.onWomen, colours.women],
    ["on men's bars", colours.onMen, colours.men],
  ];
  for (const [what, fg, bg] of pairs) {
    it(what, () => expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5));
  }

  it("force names on every band's boxes", () => {
    for (const band of bands) expect(contrastRatio(textColourOn(colours.bands[band]), colours.bands[band]), band).toBeGreaterThanOrEqual(4.5);
  });
});
