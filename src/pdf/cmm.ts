// Colour management for the print edition: Little CMS (lcms-wasm) converts sRGB to the printing
// condition's CMYK through its ICC profile, for colours the theme's table does not name and for images,
// and CMYK back to L*a*b* so tests and checks can compare a print build with its screen colour.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Cmyk } from "../design/printColours.ts";

export interface ProfileConverter {
  /** sRGB (0–1 each) to CMYK percentages, relative colorimetric with black-point compensation. */
  rgbToCmyk(rgb: readonly number[]): Cmyk;
  /** 8-bit RGB pixels to 8-bit CMYK pixels (images), perceptual, as photographs are converted. */
  rgbPixelsToCmyk(pixels: Uint8Array): Uint8Array;
  /** CMYK percentages to D50 L*a*b* as the profile predicts them on paper. */
  cmykToLab(cmyk: Cmyk): [number, number, number];
}

const require = createRequire(import.meta.url);

/** Loads Little CMS and the profile (an output profile for CMYK; anything else is refused). */
export async function profileConverter(profile: Uint8Array, name: string): Promise<ProfileConverter> {
  // require() rather than import(), as for pdf.js (src/pdf/readPdf.ts): the command line runs as a script,
  // which Node 20 gives no loader for import(). lcms-wasm stays outside the bundle, its .wasm beside it.
  const lcmsModule = require("lcms-wasm") as typeof import("lcms-wasm");
  const wasmBinary = readFileSync(path.join(path.dirname(require.resolve("lcms-wasm")), "lcms.wasm"));
  const lcms = await lcmsModule.instantiate({ wasmBinary });
  const cmyk = lcms.cmsOpenProfileFromMem(profile, profile.byteLength);
  if (!cmyk || lcms.cmsGetColorSpaceASCII(cmyk) !== "CMYK") throw new Error(`${name} is not a CMYK ICC profile.`);
  const srgb = lcms.cmsCreate_sRGBProfile();
  const lab = lcms.cmsCreateLab4Profile(null);
  const { TYPE_RGB_16, TYPE_RGB_8, TYPE_CMYK_16, TYPE_CMYK_8, TYPE_Lab_16, INTENT_RELATIVE_COLORIMETRIC, INTENT_PERCEPTUAL, cmsFLAGS_BLACKPOINTCOMPENSATION } = lcmsModule;
  const toCmyk = lcms.cmsCreateTransform(srgb, TYPE_RGB_16, cmyk, TYPE_CMYK_16, INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_BLACKPOINTCOMPENSATION);
  const pixels = lcms.cmsCreateTransform(srgb, TYPE_RGB_8, cmyk, TYPE_CMYK_8, INTENT_PERCEPTUAL, cmsFLAGS_BLACKPOINTCOMPENSATION);
  const toLab = lcms.cmsCreateTransform(cmyk, TYPE_CMYK_16, lab, TYPE_Lab_16, INTENT_RELATIVE_COLORIMETRIC, 0);
  if (!toCmyk || !pixels || !toLab) throw new Error(`Little CMS could not make a transform with ${name}.`);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    rgbToCmyk(rgb) {
      const out = lcms.cmsDoTransform(toCmyk, rgb.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 65535)), 1);
      return [round((out[0] / 65535) * 100), round((out[1] / 65535) * 100), round((out[2] / 65535) * 100), round((out[3] / 65535) * 100)];
    },
    rgbPixelsToCmyk(input) {
      if (input.length % 3 !== 0) throw new Error("RGB pixels come in threes.");
      return lcms.cmsDoTransform(pixels, input, input.length / 3) as Uint8Array;
    },
    cmykToLab(value) {
      const out = lcms.cmsDoTransform(toLab, value.map((v) => Math.round((Math.min(100, Math.max(0, v)) / 100) * 65535)), 1);
      // ICC v4 16-bit L*a*b*: L 0–100 over 0–65535, a and b −128–127 over 0–65535 (257 a step).
      return [(out[0] / 65535) * 100, out[1] / 257 - 128, out[2] / 257 - 128];
    },
  };
}
