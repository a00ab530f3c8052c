// The theme's font files opened with fontkit once per process, for everything outside react-pdf that
// reads them: chart text measured (src/charts/textMetrics.ts) and the book's one subset per face
// (src/render/shareFonts.ts). Each font's shaping is kept per word (src/design/shapeOnce.ts).
import * as fontkitModule from "fontkit";
import { shapeOnce } from "./shapeOnce.ts";
import { glyphsWithOwnCharacters } from "./glyphCharacters.ts";

/** The part of fontkit's API the project uses (fontkit ships no typings). */
export interface FontkitGlyphRun {
  advanceWidth: number;
  glyphs: unknown[];
  positions: unknown[];
}
export interface FontkitSubset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
  cff?: unknown;
}
export interface FontkitFont {
  postscriptName: string;
  numGlyphs: number;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  layout(text: string): FontkitGlyphRun;
  createSubset(): FontkitSubset;
}
const fontkit = fontkitModule as unknown as { openSync(file: string): FontkitFont };

const open = new Map<string, FontkitFont>();

/** The font in `file`, opened once. */
export function fontFile(file: string): FontkitFont {
  let font = open.get(file);
  if (!font) {
    font = fontkit.openSync(file);
    glyphsWithOwnCharacters(font as unknown as Parameters<typeof glyphsWithOwnCharacters>[0]);
    shapeOnce(font as unknown as Parameters<typeof shapeOnce>[0]);
    open.set(file, font);
  }
  return font;
}
