// react-pdf shapes a paragraph's text (fontkit's layout: glyph substitution and positioning) every time
// yoga measures the paragraph at a width, and again on every layout pass and in every part of the book:
// the same strings, shaped over and over, were a quarter of a cold build. Shaping is a pure function of
// the font, the string and the features, so each face keeps what it shaped and shapes a string once.
// textkit copies positions before changing them; the arrays handed back are copies all the same.

interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
}

type Layout = (text: string, features?: unknown, script?: string, language?: string, direction?: string) => GlyphRun;

/**
 * Strings kept per face before the store starts again. A 2024 build shapes about 1,900 different strings
 * in all, and repeats come within a part, so a small store keeps nearly every hit and little memory.
 */
const limit = 5_000;
const wrapped = new WeakSet<object>();

export function shapeOnce(font: { layout: Layout }): void {
  if (wrapped.has(font)) return;
  wrapped.add(font);
  const shape = font.layout.bind(font);
  const shaped = new Map<string, GlyphRun>();
  font.layout = (text, features, script, language, direction) => {
    const key = `${JSON.stringify(features ?? null)}\u0000${script ?? ""}\u0000${language ?? ""}\u0000${direction ?? ""}\u0000${text}`;
    let run = shaped.get(key);
    if (!run) {
      if (shaped.size >= limit) shaped.clear();
      run = shape(text, features, script, language, direction);
      shaped.set(key, run);
    }
    const copy = Object.create(Object.getPrototypeOf(run)) as GlyphRun;
    return Object.assign(copy, run, { glyphs: run.glyphs.slice(), positions: run.positions.slice() });
  };
}
