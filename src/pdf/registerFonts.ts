// Registers the theme's font family with react-pdf, and British English hyphenation, once per process.
import { Font } from "@react-pdf/renderer";
import { fonts } from "../design/theme.ts";
import { hyphenate } from "./hyphenation.ts";

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  Font.register({
    family: fonts.family,
    fonts: fonts.faces.map((face) => ({ src: face.file, fontWeight: face.weight, fontStyle: face.style })),
  });
  // British rules: src/pdf/hyphenation.ts.
  Font.registerHyphenationCallback((word: string) => hyphenate(word));
  registered = true;
}
