// Registers the theme's font family with react-pdf, and British English hyphenation, once per process,
// and loads every face with a store of what it has shaped (src/design/shapeOnce.ts).
import { Font } from "@react-pdf/renderer";
import { fonts } from "../design/theme.ts";
import { hyphenate, hyphenator } from "./hyphenation.ts";
import { shapeOnce } from "../design/shapeOnce.ts";
import { glyphsWithOwnCharacters } from "../design/glyphCharacters.ts";

let loaded: Promise<void> | undefined;

/** The part of react-pdf's font store used here (its typings leave it out). */
interface FontStore {
  getFont(descriptor: { fontFamily: string; fontWeight: number; fontStyle: string }): { load(): Promise<void>; data: Parameters<typeof shapeOnce>[0] | null };
}

export function registerFonts(): Promise<void> {
  loaded ??= (async () => {
    Font.register({
      family: fonts.family,
      fonts: fonts.faces.map((face) => ({ src: face.file, fontWeight: face.weight, fontStyle: face.style })),
    });
    // British rules: src/pdf/hyphenation.ts.
    Font.registerHyphenationCallback(hyphenate);
    for (const face of fonts.faces) {
      const source = (Font as unknown as FontStore).getFont({ fontFamily: fonts.family, fontWeight: face.weight, fontStyle: face.style });
      await source.load();
      if (source.data) {
        glyphsWithOwnCharacters(source.data as unknown as Parameters<typeof glyphsWithOwnCharacters>[0]);
        shapeOnce(source.data);
      }
    }
  })();
  return loaded;
}

/**
 * Lays out with a pass's own hyphenation (the words its copyfit plan keeps whole). react-pdf reads the
 * callback from its one font store, so it is handed over for the pass and the plain rule put back after.
 */
export async function withHyphenation<T>(keptWhole: readonly string[], layout: () => Promise<T>): Promise<T> {
  Font.registerHyphenationCallback(hyphenator(keptWhole));
  try {
    return await layout();
  } finally {
    Font.registerHyphenationCallback(hyphenate);
  }
}
