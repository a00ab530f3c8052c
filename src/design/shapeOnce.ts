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
//
// A Latin word (or one of figures and signs) is shaped by HarfBuzz (src/design/harfbuzz.ts), ten times as fast as fontkit, and handed
// back as fontkit's glyphs and positions: the test shapes every word of the sample, and every character
// of each face beside letters, both ways and expects the same. Only what both shape alike goes to
// HarfBuzz: characters the face maps, with no marks (HarfBuzz composes them), no default ignorables
// (HarfBuzz hides them) and no fraction slash (HarfBuzz makes fractions); the rest goes to fontkit.

import { harfBuzzFont, type HarfBuzzFont } from "./harfbuzz.ts";

interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
}

/** The part of a fontkit font shaping needs besides layout(). */
interface FontkitFace {
  stream?: { buffer?: Uint8Array };
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphsForString(text: string): unknown[];
  getGlyph(id: number, codePoints: number[]): unknown;
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

const latinWord = /^[\p{Script=Latin}\p{Script=Common}]+$/u;
const notForHarfBuzz = /[\p{M}\p{Default_Ignorable_Code_Point}\u2044]/u;

// fontkit plans these for the characters around a fraction slash, and a request to turn them on (react-pdf
// passes back every feature fontkit planned) leaves them so; HarfBuzz would apply them to all the text.
const fractionFeatures = new Set(["frac", "numr", "dnom"]);

/**
 * The features to ask HarfBuzz for, to shape as fontkit does with `features` (a list of tags to turn on,
 * or react-pdf's object of tags, all true), or undefined when they say more (a feature turned off).
 */
function harfBuzzFeatures(features: unknown): string[] | undefined {
  const tags = features == null ? [] : Array.isArray(features) ? features : typeof features === "object" && Object.values(features).every((on) => on === true) ? Object.keys(features) : undefined;
  if (!tags?.every((f) => typeof f === "string" && /^[ -~]{4}$/.test(f))) return undefined;
  return (tags as string[]).filter((f) => !fractionFeatures.has(f));
}

/** A face's HarfBuzz shaping, standing in for fontkit's where both shape alike. */
interface HarfBuzzShaper {
  /** Whether HarfBuzz shapes this text with these settings as fontkit does. */
  shapes(text: string, features: unknown, script?: string, language?: string, direction?: string): boolean;
  /**
   * The text shaped by HarfBuzz, as the run fontkit would give: `template` is the run fontkit gives for no
   * text with the same settings (its class, script, direction and features; making it parses no table).
   */
  shape(template: GlyphRun, text: string, features: unknown, script?: string): GlyphRun;
}

function harfBuzzShaper(face: FontkitFace): HarfBuzzShaper | undefined {
  const bytes = face.stream?.buffer;
  if (!bytes) return undefined;
  let harfBuzz: HarfBuzzFont | undefined;
  const mapped = new Map<number, boolean>();
  return {
    shapes(text, features, script, language, direction) {
      // A text with no script's letters (figures, signs) fontkit shapes as script "zzzz", which it finds
      // no table for, as HarfBuzz does not.
      if ((script !== "latn" && !(script == null && !latin.test(text))) || language != null || (direction != null && direction !== "ltr")) return false;
      if (harfBuzzFeatures(features) === undefined || !latinWord.test(text) || notForHarfBuzz.test(text)) return false;
      for (const char of text) {
        const code = char.codePointAt(0)!;
        let has = mapped.get(code);
        if (has === undefined) mapped.set(code, (has = face.hasGlyphForCodePoint(code)));
        if (!has) return false;
      }
      return true;
    },
    // HarfBuzz's glyphs as fontkit's: each glyph the characters of its cluster (a ligature all of them,
    // the second glyph of one character split in two none), made in fontkit's order, the characters' own
    // glyphs first (fontkit's glyph store keeps the characters a glyph was first made with).
    shape(template, text, features, script) {
      harfBuzz ??= harfBuzzFont(bytes);
      const { ids, clusters, positions: places } = harfBuzz.shape(text, harfBuzzFeatures(features)!, script === "latn");
      face.glyphsForString(text);
      const glyphs: unknown[] = [];
      const positions: unknown[] = [];
      for (let i = 0; i < ids.length; i++) {
        let end = i + 1;
        while (end < ids.length && clusters[end] === clusters[i]) end++;
        const first = i === 0 || clusters[i - 1] !== clusters[i];
        const codePoints = first ? Array.from(text.slice(clusters[i], end < ids.length ? clusters[end] : text.length), (c) => c.codePointAt(0)!) : [];
        glyphs.push(face.getGlyph(ids[i], codePoints));
        positions.push({ xAdvance: places[i * 4], yAdvance: places[i * 4 + 1], xOffset: places[i * 4 + 2], yOffset: places[i * 4 + 3] });
      }
      return Object.assign(Object.create(Object.getPrototypeOf(template)) as GlyphRun, template, { glyphs, positions });
    },
  };
}

export function shapeOnce(font: { layout: Layout }): void {
  if (wrapped.has(font)) return;
  wrapped.add(font);
  const shape = font.layout.bind(font);
  const harfBuzz = harfBuzzShaper(font as unknown as FontkitFace);
  // Runs kept by what shapes them besides the text (features, script, language, direction), then by text.
  const stores = new Map<string, Map<string, GlyphRun>>();
  // Per store, fontkit's run for no text: what a run made from HarfBuzz's glyphs copies besides them.
  const templates = new Map<Map<string, GlyphRun>, GlyphRun>();
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
      if (harfBuzz?.shapes(text, features, script, language, direction)) {
        let template = templates.get(store);
        if (!template) templates.set(store, (template = shape("", features, script, language, direction)));
        run = harfBuzz.shape(template, text, features, script);
      } else run = shape(text, features, script, language, direction);
      store.set(text, run);
      kept++;
    }
    return run;
  };

  font.layout = (text, features, script, language, direction) => {
    const parts = typeof text === "string" && !notLatin.test(text) ? text.match(words) : null;
    if (parts && parts.reduce((n, part) => n + part.length, 0) === text.length) {
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
