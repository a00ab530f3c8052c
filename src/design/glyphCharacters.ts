// fontkit keeps one glyph object per glyph, made with the characters of whoever first asked for it, and
// hands that object to every later caller: the space's glyph serves the no-break space too, and whether
// it was first made for U+0020 or U+00A0 decided whether textkit trims it at a line's end and what the
// PDF says it reads as. So a part of the book came out differently after other parts than alone (a
// one-entry rebuild, the layout thread). Here a caller that names characters gets the glyph with those
// characters, whatever was asked before; the glyph's outline and metrics are still made once.

/** The part of a fontkit glyph this needs. */
interface Glyph {
  codePoints: number[];
}

/** The part of a fontkit font this needs. */
interface GlyphStore {
  getGlyph(id: number, characters?: number[]): Glyph | null;
}

const settled = new WeakSet<object>();

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/** From now on, `font.getGlyph(id, characters)` gives a glyph whose characters are `characters`. */
export function glyphsWithOwnCharacters(font: GlyphStore): void {
  if (settled.has(font)) return;
  settled.add(font);
  const getGlyph = font.getGlyph.bind(font);
  // The same glyph for other characters: an object over fontkit's, which keeps the outline and metrics.
  const variants = new Map<string, Glyph>();
  font.getGlyph = (id, characters = []) => {
    const glyph = getGlyph(id, characters);
    if (!glyph || characters.length === 0 || same(glyph.codePoints, characters)) return glyph;
    const key = `${id} ${characters.join(" ")}`;
    let variant = variants.get(key);
    if (!variant) {
      variant = Object.create(glyph, { codePoints: { value: characters, writable: true, enumerable: true, configurable: true } }) as Glyph;
      variants.set(key, variant);
    }
    return variant;
  };
}
