// react-pdf shapes a paragraph's text (fontkit's layout: glyph substitution and positioning) every time
// yoga measures the paragraph at a width, and again on every layout pass and in every part of the book:
// the same words, shaped over and over, were a quarter of a cold build. Shaping is a pure function of
// the font, the string, the script and the features, so each face shapes a word once.
//
// A paragraph is shaped a word at a time (a word with the spaces after it) and the words' glyphs put
// side by side. That is the same as shaping the whole paragraph when no substitution or kerning in the
// face reaches across a space, which holds for the theme's faces: tests/design/shapeOnce.test.ts shapes
// every paragraph of the sample both ways, and every letter beside a space, and expects the same glyphs
// and positions. The script is the whole text's, as fontkit would have found it, so a word of digits
// in a Latin sentence is shaped as Latin.
//
// textkit copies positions before changing them; the arrays handed back are copies all the same.

interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
}

type Layout = (text: string, features?: unknown, script?: string, language?: string, direction?: string) => GlyphRun;

/** Runs kept per face (words and whole texts) before the store starts again; a 2024 build needs about 8,000. */
const limit = 50_000;
const wrapped = new WeakSet<object>();

// Text whose letters are all Latin (or common to all scripts: digits, punctuation, spaces) is shaped a
// word at a time with fontkit's tag for Latin; any other text is shaped whole, as fontkit would.
const notLatin = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
const latin = /\p{Script=Latin}/u;
const words = / *[^ ]+ */g;

export function shapeOnce(font: { layout: Layout }): void {
  if (wrapped.has(font)) return;
  wrapped.add(font);
  const shape = font.layout.bind(font);
  // Runs kept by what shapes them besides the text (features, script, language, direction), then by text.
  const stores = new Map<string, Map<string, GlyphRun>>();
  let kept = 0;

  const storeFor = (features: unknown, script?: string, language?: string, direction?: string): Map<string, GlyphRun> => {
    const key = `${JSON.stringify(features ?? null)}\u0000${script ?? ""}\u0000${language ?? ""}\u0000${direction ?? ""}`;
    let store = stores.get(key);
    if (!store) stores.set(key, (store = new Map()));
    return store;
  };

  const shapeKept = (store: Map<string, GlyphRun>, text: string, features: unknown, script?: string, language?: string, direction?: string): GlyphRun => {
    let run = store.get(text);
    if (!run) {
      if (kept >= limit) {
        for (const s of stores.values()) s.clear();
        kept = 0;
      }
      run = shape(text, features, script, language, direction);
      store.set(text, run);
      kept++;
    }
    return run;
  };

  font.layout = (text, features, script, language, direction) => {
    const parts = typeof text === "string" && text.includes(" ") && !notLatin.test(text) ? text.match(words) : null;
    if (parts && parts.length > 1 && parts.reduce((n, part) => n + part.length, 0) === text.length) {
      const wordScript = script ?? (latin.test(text) ? "latn" : undefined);
      const store = storeFor(features, wordScript, language, direction);
      const glyphs: unknown[] = [];
      const positions: unknown[] = [];
      let first: GlyphRun | undefined;
      for (const part of parts) {
        const run = shapeKept(store, part, features, wordScript, language, direction);
        first ??= run;
        for (const glyph of run.glyphs) glyphs.push(glyph);
        for (const position of run.positions) positions.push(position);
      }
      return Object.assign(Object.create(Object.getPrototypeOf(first)) as GlyphRun, first, { glyphs, positions });
    }
    const run = shapeKept(storeFor(features, script, language, direction), text, features, script, language, direction);
    const copy = Object.create(Object.getPrototypeOf(run)) as GlyphRun;
    return Object.assign(copy, run, { glyphs: run.glyphs.slice(), positions: run.positions.slice() });
  };
}
