// Finishes a final edition as PDF/A-2: level a for the tagged book that meets it (see below), else b.
// The final is the same joined book as the ordinary edition (PDF 1.7, every face embedded once): this
// step adds what PDF/A asks beyond it. The sRGB output intent (the ICC profile pdfkit ships in
// pdfkit/js/data/, as pdfkit's own PDF/A mode writes it), the Info dictionary with the standard keys, an
// XMP packet that states exactly the same facts, and the trailer /ID derived from the inputs.
// Everything here is a function of the PDF and the arguments: no clock, no random numbers.
import { xmpPacket, type InfoFacts, type XmpOptions } from "./xmp.ts";
import { PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from "pdf-lib";
import { glyphUnicodeFindings } from "./glyphUnicode.ts";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The facts a final edition's XMP packet states (src/pdf/xmp.ts writes it). */
export type PdfAOptions = XmpOptions;

/** The sRGB profile pdfkit ships, the output intent pdfkit's PDF/A mode writes. */
function srgbProfile(): Buffer {
  const pdfkit = createRequire(import.meta.url).resolve("pdfkit");
  return readFileSync(path.join(path.dirname(pdfkit), "data", "sRGB_IEC61966_2_1.icc"));
}

/** Takes the joined book and returns the finished PDF/A-2 file (level a or b). */
export async function finishPdfA(pdf: Uint8Array, options: PdfAOptions): Promise<Buffer> {
  if (!/^[0-9a-f]{32}$/.test(options.documentId)) throw new Error(`The document ID must be 32 hex digits, not "${options.documentId}".`);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const context = doc.context;
  const catalog = doc.catalog;
  if (!catalog.get(PDFName.of("OutputIntents"))) {
    const profile = srgbProfile();
    const intent = context.obj({
      Type: "OutputIntent",
      S: "GTS_PDFA1",
      Info: PDFString.of("sRGB IEC61966-2.1"),
      OutputConditionIdentifier: PDFString.of("sRGB IEC61966-2.1"),
      DestOutputProfile: context.register(context.flateStream(profile, { N: 3 })),
    });
    catalog.set(PDFName.of("OutputIntents"), context.obj([context.register(intent)]));
  }
  const existing = catalog.get(PDFName.of("Metadata"));
  const metadataRef = existing instanceof PDFRef ? existing : context.nextRef();
  catalog.set(PDFName.of("Metadata"), metadataRef);
  const need = (value: string | undefined, what: string) => {
    if (!value) throw new Error(`The PDF has no ${what}; a PDF/A edition must state it.`);
    return value;
  };
  const info: InfoFacts = {
    title: need(doc.getTitle(), "title"),
    author: need(doc.getAuthor(), "author"),
    subject: doc.getSubject(),
    keywords: doc.getKeywords(),
    creator: need(doc.getCreator(), "creator"),
    producer: need(doc.getProducer(), "producer"),
  };

  // The Info dictionary, with the standard keys only and the same facts the XMP states.
  const infoDict = context.obj({}) as PDFDict;
  infoDict.set(PDFName.of("Title"), PDFHexString.fromText(info.title));
  infoDict.set(PDFName.of("Author"), PDFHexString.fromText(info.author));
  if (info.subject) infoDict.set(PDFName.of("Subject"), PDFHexString.fromText(info.subject));
  if (info.keywords) infoDict.set(PDFName.of("Keywords"), PDFHexString.fromText(info.keywords));
  infoDict.set(PDFName.of("Creator"), PDFHexString.fromText(info.creator));
  infoDict.set(PDFName.of("Producer"), PDFHexString.fromText(info.producer));
  infoDict.set(PDFName.of("CreationDate"), PDFString.fromDate(options.date));
  infoDict.set(PDFName.of("ModDate"), PDFString.fromDate(options.date));
  const infoRef = context.trailerInfo.Info;
  if (infoRef instanceof PDFRef) context.assign(infoRef, infoDict);
  else context.trailerInfo.Info = context.register(infoDict);

  // The XMP packet, uncompressed as PDF/A asks, in place of pdfkit's.
  // A tagged book (a structure tree) is identified as PDF/UA-1 as well, and as PDF/A-2 level A when it
  // meets what level A adds to B: marked as tagged, a language (set below), and every character code
  // shown mapped to Unicode (6.2.11.7.2, read glyph by glyph); else level B.
  const tagged = catalog.get(PDFName.of("StructTreeRoot")) !== undefined;
  const marked = catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict)?.lookup(PDFName.of("Marked")) === PDFBool.True;
  const level = tagged && marked && glyphUnicodeFindings(doc).length === 0 ? "A" : "B";
  const packet = new TextEncoder().encode(xmpPacket(info, { ...options, tagged, level }));
  context.assign(metadataRef, context.stream(packet, { Type: "Metadata", Subtype: "XML", Length: packet.length }));
  catalog.set(PDFName.of("Lang"), PDFString.of(options.language));

  // Annotations must be printable and never hidden (pdfkit already sets /F 4 on links; make it certain).
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i, PDFDict);
      const flags = annot.lookupMaybe(PDFName.of("F"), PDFNumber)?.asNumber() ?? 0;
      annot.set(PDFName.of("F"), PDFNumber.of((flags | 4) & ~(1 | 2 | 32 | 256)));
    }
  }

  const id = PDFHexString.of(options.documentId);
  context.trailerInfo.ID = context.obj([id, id]);
  // A tagged book has thousands of small structure elements: in object streams (which PDF/A-2 allows)
  // they cost a fifth of their bytes as objects of their own.
  return Buffer.from(await doc.save({ useObjectStreams: tagged, addDefaultPage: false, updateFieldAppearances: false }));
}
