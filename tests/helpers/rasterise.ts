// Each page of a PDF drawn by poppler at a low resolution, as a digest: two PDFs whose pages digest
// alike show the same thing, whatever their internal structure (fonts subset apart, objects renumbered).
// The drawing is verify's own (src/pdf/comparePages.ts); the tests need pdftoppm installed.
import { pageImageDigests } from "../../src/pdf/comparePages.ts";

export function rasterised(pdf: Uint8Array, dpi = 30): string[] {
  const digests = pageImageDigests(pdf, dpi);
  if (!digests) throw new Error("pdftoppm is not installed (apt-get install poppler-utils).");
  return digests;
}
