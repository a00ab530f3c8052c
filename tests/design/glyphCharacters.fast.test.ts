// A glyph two characters share (the space and the no-break space, the hyphen and its kin) must say which
// character it stands for in the text at hand, not in whichever text asked for it first: textkit trims a
// space's glyph at a line's end and keeps a no-break space's, and the PDF reads the glyph back as that
// character. Found when a part of the book laid out after other parts came out unlike the same part
// laid out alone (a table heading's "↑ " line centred 1.6 pt apart).
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { fonts } from "../../src/design/theme.ts";
import { glyphsWithOwnCharacters } from "../../src/design/glyphCharacters.ts";

type Glyph = { id: number; codePoints: number[]; advanceWidth: number };
type Font = { layout(text: string): { glyphs: Glyph[] }; getGlyph(id: number, characters?: number[]): Glyph };
const fontkit = createRequire(import.meta.url)("fontkit") as { openSync(file: string): Font };
const regular = fonts.faces.find((face) => face.weight === 400 && face.style === "normal")!.file;

/** The characters of each glyph of `text`, laid out in `font` after `before`. */
function charactersAfter(font: Font, before: string, text: string): number[][] {
  font.layout(before);
  return font.layout(text).glyphs.map((glyph) => glyph.codePoints);
}

describe("a glyph's characters are those of the text laid out (src/design/glyphCharacters.ts)", () => {
  it("gives the space and the no-break space their own characters, whichever came first", () => {
    const font = fontkit.openSync(regular);
    glyphsWithOwnCharacters(font);
    expect(charactersAfter(font, "a\u00a0b", "a b")).toEqual([[0x61], [0x20], [0x62]]);
    expect(charactersAfter(font, "a b", "a\u00a0b")).toEqual([[0x61], [0xa0], [0x62]]);
    // One glyph all the same: the same id and width.
    const [space, noBreak] = [font.layout(" ").glyphs[0], font.layout("\u00a0").glyphs[0]];
    expect(noBreak.id).toBe(space.id);
    expect(noBreak.advanceWidth).toBe(space.advanceWidth);
  });

  it("gives the hyphen and the non-breaking hyphen their own characters", () => {
    const font = fontkit.openSync(regular);
    glyphsWithOwnCharacters(font);
    expect(charactersAfter(font, "co\u2011op", "co-op")[2]).toEqual([0x2d]);
    expect(charactersAfter(font, "co-op", "co\u2011op")[2]).toEqual([0x2011]);
  });

  it("is what fontkit alone gets wrong: the glyph keeps the characters it was first asked for", () => {
    const font = fontkit.openSync(regular);
    expect(charactersAfter(font, "a\u00a0b", "a b")[1]).toEqual([0xa0]);
  });

  it("keeps a ligature's characters, and a glyph asked for with none is fontkit's own", () => {
    const font = fontkit.openSync(regular);
    glyphsWithOwnCharacters(font);
    const ff = font.layout("staff").glyphs.at(-1)!;
    expect(ff.codePoints).toEqual([0x66, 0x66]);
    expect(font.getGlyph(ff.id)).toBe(font.getGlyph(ff.id, []));
  });
});
