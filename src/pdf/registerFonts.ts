// Registers the theme's font family with react-pdf, and British English hyphenation, once per process.
import { Font } from "@react-pdf/renderer";
import hyphen from "hyphen/en-gb/index.js";
import { fonts } from "../design/theme.ts";

let registered = false;
const SOFT_HYPHEN = "\u00ad";
const cache = new Map<string, string[]>();

/** Words worth breaking: long, plain lower-case words (no figures, addresses or names in capitals). */
function hyphenateWord(word: string): string[] {
  if (word.length < 7 || !/^[a-z\u00e0-\u00ff]+[,.;:)]?$/.test(word)) return [word];
  const cached = cache.get(word);
  if (cached) return cached;
  const parts = hyphen.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 7 }).split(SOFT_HYPHEN);
  // Keep at least three letters either side of a break, as British house styles ask.
  while (parts.length > 1 && parts[0].length < 3) parts.splice(0, 2, parts[0] + parts[1]);
  while (parts.length > 1 && parts[parts.length - 1].replace(/[,.;:)]$/, "").length < 3) parts.splice(-2, 2, parts[parts.length - 2] + parts[parts.length - 1]);
  cache.set(word, parts);
  return parts;
}

export function registerFonts(): void {
  if (registered) return;
  Font.register({
    family: fonts.family,
    fonts: fonts.faces.map((face) => ({ src: face.file, fontWeight: face.weight, fontStyle: face.style })),
  });
  Font.registerHyphenationCallback((word: string) => hyphenateWord(word));
  registered = true;
}
