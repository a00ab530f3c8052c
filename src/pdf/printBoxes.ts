// Print boxes for the print edition. react-pdf writes only a MediaBox, so after layout this sets, on
// every page, the TrimBox (the finished A4 page) and the BleedBox (the trim plus the bleed), both
// centred in the sheet, which keeps a slug for the crop marks around them. A pure function of the
// PDF's bytes: the document's metadata, links and outline are kept as they are.
import { PDFDocument, PDFName } from "pdf-lib";

export interface PrintBoxOptions {
  /** Sheet edge to trim edge, in points (bleed plus slug). */
  offset: number;
  /** Trim edge to bleed edge, in points. */
  bleed: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function addPrintBoxes(pdf: Uint8Array, { offset, bleed }: PrintBoxOptions): Promise<Buffer> {
  if (!(bleed >= 0 && offset >= bleed)) throw new Error(`Print boxes: the offset (${offset} pt) must be at least the bleed (${bleed} pt).`);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const pdfPage of doc.getPages()) {
    const media = pdfPage.getMediaBox();
    const trim = { x: media.x + offset, y: media.y + offset, width: media.width - 2 * offset, height: media.height - 2 * offset };
    if (trim.width <= 0 || trim.height <= 0) throw new Error(`Print boxes: a ${media.width} × ${media.height} pt page has no room for a ${offset} pt slug.`);
    pdfPage.setTrimBox(trim.x, trim.y, trim.width, trim.height);
    pdfPage.setBleedBox(trim.x - bleed, trim.y - bleed, trim.width + 2 * bleed, trim.height + 2 * bleed);
    // The CropBox (what a viewer shows) stays the whole sheet, so the marks can be checked on screen.
    pdfPage.node.delete(PDFName.of("CropBox"));
  }
  // Same input, same bytes: no new IDs or dates, no object streams to reshuffle.
  return Buffer.from(await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
}

/** The boxes of every page, for tests and checks. */
export async function readPageBoxes(pdf: Uint8Array): Promise<{ media: Box; trim: Box; bleed: Box; hasTrimBox: boolean; hasBleedBox: boolean }[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getPages().map((p) => ({
    media: p.getMediaBox(),
    trim: p.getTrimBox(),
    bleed: p.getBleedBox(),
    hasTrimBox: p.node.get(PDFName.of("TrimBox")) !== undefined,
    hasBleedBox: p.node.get(PDFName.of("BleedBox")) !== undefined,
  }));
}
