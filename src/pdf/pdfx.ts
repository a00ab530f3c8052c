// Makes the print edition a PDF/X-4 file for a commercial printer: every page's colours in CMYK through
// the theme's print table (src/design/printColours.ts), 100 % black overprinting, RGB images converted
// through the paper's ICC profile, and the PDF/X-4 identification: GTS_PDFXVersion in the Info dictionary
// and the XMP packet, an output intent (/S /GTS_PDFX) that embeds the CMYK profile, Trapped stated, no
// annotation on the printed sheet. Runs after the print boxes are set (src/pdf/printBoxes.ts), and
// after PDF/A finishing for a final print edition, which then carries both identifications over one
// output intent profile. A pure function of the PDF and the options: no clock, no random numbers.
import { sha256 } from "../domain/sha256.ts";
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { decode as decodeJpeg } from "jpeg-js";
import {
  decodePDFRawStream,
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFPage,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from "pdf-lib";
import { cmykByHex, printConditions, type Cmyk, type Paper, type PrintCondition } from "../design/printColours.ts";
import { xmpPacket } from "./xmp.ts";
import { profileConverter, type ProfileConverter } from "./cmm.ts";
import { newColourState, overprintStates, rewriteContentColours, type ColourState } from "./contentColours.ts";

export const PDFX_VERSION = "PDF/X-4";

export interface PdfXOptions {
  paper: Paper;
}

export interface PdfXReport {
  version: typeof PDFX_VERSION;
  paper: Paper;
  /** The output intent's characterisation (FOGRA39, FOGRA29) and the ink limit the table keeps. */
  outputCondition: string;
  inkLimit: number;
  /** RGB colours met on the pages that the theme's table does not name, converted through the profile. */
  outsideTable: string[];
  /** Images converted from RGB to CMYK through the profile. */
  imagesConverted: number;
  /** Annotations taken off the sheet (links: the print edition prints their addresses). */
  annotationsRemoved: number;
}

const hex2 = (v: number) =>
  Math.round(Math.min(1, Math.max(0, v)) * 255)
    .toString(16)
    .padStart(2, "0")
    .toUpperCase();

/** The print edition as PDF/X-4 for the paper, and what the conversion did. */
export async function toPdfX(pdf: Uint8Array, options: PdfXOptions): Promise<{ pdf: Buffer; report: PdfXReport }> {
  const condition = printConditions[options.paper];
  const profile = readFileSync(condition.profileFile);
  const cmm = await profileConverter(profile, condition.profileFile);
  const colours = tableThenProfile(options.paper, cmm);

  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const conversion: Conversion = { context: doc.context, toCmyk: colours.toCmyk, cmm, done: new Set(), rewrittenStreams: new Map() };
  let imagesConverted = 0;
  let annotationsRemoved = 0;
  doc.getPages().forEach((page, index) => {
    const converted = convertPage(conversion, page, index);
    imagesConverted += converted.imagesConverted;
    annotationsRemoved += converted.annotationsRemoved;
  });

  const pdfA = isPdfA(doc);
  setOutputIntents(doc, profile, condition, pdfA);
  const { title, created } = setPdfXInfo(doc, pdfA);
  const id = keepOrMakeFileId(doc.context, pdf);
  setXmpPacket(doc, { title, created, id, pdfA });
  const out = await savePdf16(doc);
  return { pdf: out, report: { version: PDFX_VERSION, paper: options.paper, outputCondition: condition.outputCondition, inkLimit: condition.inkLimit, outsideTable: [...colours.outsideTable].sort(), imagesConverted, annotationsRemoved } };
}

/**
 * RGB to CMYK: a colour the theme's print table names takes the table's CMYK (chosen by hand for the
 * paper); any other goes through the profile and is listed in the report, so a stray colour shows.
 */
function tableThenProfile(paper: Paper, cmm: ProfileConverter): { toCmyk: (rgb: number[]) => Cmyk; outsideTable: Set<string> } {
  const table = cmykByHex(paper);
  const outsideTable = new Set<string>();
  const toCmyk = (rgb: number[]): Cmyk => {
    const key = `#${rgb.map(hex2).join("")}`;
    const known = table.get(key);
    if (known) return known.cmyk;
    outsideTable.add(key);
    return cmm.rgbToCmyk(rgb);
  };
  return { toCmyk, outsideTable };
}

/** One PDF's conversion under way: what every page's conversion shares. */
interface Conversion {
  context: PDFContext;
  toCmyk: (rgb: number[]) => Cmyk;
  cmm: ProfileConverter;
  /** XObjects converted so far, by reference: a form or image many pages use is converted once. */
  done: Set<string>;
  /**
   * Streams rewritten so far, by reference, as they read before and after: joinParts shares a page's
   * opening "q" and closing overlay call between pages, and a shared stream must come out the same each time.
   */
  rewrittenStreams: Map<string, { before: string; after: string }>;
}

/** One page's content, forms and images in CMYK, its annotations gone; how many images and annotations. */
function convertPage(conversion: Conversion, page: PDFPage, index: number): { imagesConverted: number; annotationsRemoved: number } {
  const where = `page ${index + 1}`;
  const resources = page.node.Resources();
  if (!resources) throw new Error(`${where}: no resources.`);
  groupToCmyk(page.node);
  const contents = page.node.get(PDFName.of("Contents"));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  let usesOverprint = false;
  const carried = newColourState();
  for (const ref of refs) {
    if (!(ref instanceof PDFRef)) throw new Error(`${where}: content that is not an indirect stream.`);
    const stream = conversion.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) throw new Error(`${where}: content that is not a stream.`);
    // Page content streams are parts of one stream: the colour state runs on from one to the next.
    usesOverprint = rewriteStream(conversion, ref, stream, where, carried) || usesOverprint;
  }
  if (usesOverprint) addOverprintStates(conversion.context, resources);
  const imagesConverted = walkResources(conversion, resources, where);
  return { imagesConverted, annotationsRemoved: removeAnnotations(conversion.context, page) };
}

/** Nothing but printer's marks may sit on a PDF/X sheet; a printed page has no use for links. */
function removeAnnotations(context: PDFContext, page: PDFPage): number {
  const annots = page.node.Annots();
  if (!annots) return 0;
  page.node.delete(PDFName.of("Annots"));
  // pdf-lib writes every object it holds, referenced or not: the annotations themselves go too.
  for (const entry of annots.asArray()) if (entry instanceof PDFRef) context.delete(entry);
  return annots.size();
}

/** Rewrites a stream's colours in place; true when it now names the overprint states. */
function rewriteStream(conversion: Conversion, ref: PDFRef, stream: PDFRawStream, where: string, carried?: ColourState): boolean {
  const earlier = conversion.rewrittenStreams.get(ref.toString());
  const text = earlier?.before ?? Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
  const rewritten = rewriteContentColours(text, conversion.toCmyk, where, carried);
  if (earlier) {
    if (earlier.after !== rewritten) throw new Error(`${where}: content stream ${ref.toString()} is shared with another page but its colours convert differently there.`);
  } else {
    conversion.context.assign(ref, flateStream(conversion.context, stream.dict, Buffer.from(rewritten, "latin1"), ["Filter", "DecodeParms", "Length"]));
    conversion.rewrittenStreams.set(ref.toString(), { before: text, after: rewritten });
  }
  return Object.values(overprintStates).some((name) => rewritten.includes(`/${name} gs`));
}

/** A copy of the stream's dictionary, without the keys dropped, over the bytes deflated. */
function flateStream(context: PDFContext, dict: PDFDict, bytes: Buffer, drop: string[]): PDFRawStream {
  const copy = dict.clone(context);
  for (const key of drop) copy.delete(PDFName.of(key));
  copy.set(PDFName.of("Filter"), PDFName.of("FlateDecode"));
  const deflated = deflateSync(bytes);
  copy.set(PDFName.of("Length"), PDFNumber.of(deflated.length));
  return PDFRawStream.of(copy, deflated);
}

/** The graphics states rewritten content names to switch overprint (src/pdf/contentColours.ts). */
function addOverprintStates(context: PDFContext, resources: PDFDict): void {
  let states = resources.lookupMaybe(PDFName.of("ExtGState"), PDFDict);
  if (!states) {
    states = context.obj({}) as PDFDict;
    resources.set(PDFName.of("ExtGState"), states);
  }
  const make = (stroke: boolean, on: boolean) => context.obj({ Type: "ExtGState", [stroke ? "OP" : "op"]: on, OPM: 1 });
  states.set(PDFName.of(overprintStates.fillOn), make(false, true));
  states.set(PDFName.of(overprintStates.fillOff), make(false, false));
  states.set(PDFName.of(overprintStates.strokeOn), make(true, true));
  states.set(PDFName.of(overprintStates.strokeOff), make(true, false));
}

/** A transparency group blended in RGB would bring RGB back: it blends in CMYK, the output intent's space. */
function groupToCmyk(dict: PDFDict): void {
  const group = dict.lookupMaybe(PDFName.of("Group"), PDFDict);
  const cs = group?.get(PDFName.of("CS"));
  if (group && cs) {
    if (cs === PDFName.of("DeviceRGB") || cs instanceof PDFRef || cs instanceof PDFArray) group.set(PDFName.of("CS"), PDFName.of("DeviceCMYK"));
  }
}

/** Every form and image a resource dictionary names, converted once each; how many images were converted. */
function walkResources(conversion: Conversion, resources: PDFDict | undefined, where: string): number {
  if (!resources) return 0;
  refuseUnconvertible(resources, where);
  let imagesConverted = 0;
  const xobjects = resources.lookupMaybe(PDFName.of("XObject"), PDFDict);
  for (const key of xobjects?.keys() ?? []) {
    const ref = xobjects!.get(key);
    if (!(ref instanceof PDFRef)) throw new Error(`${where}: XObject ${key.toString()} is not an indirect object.`);
    if (conversion.done.has(ref.toString())) continue;
    conversion.done.add(ref.toString());
    const stream = conversion.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const subtype = stream.dict.get(PDFName.of("Subtype"));
    const name = `XObject ${ref.toString()}`;
    if (subtype === PDFName.of("Form")) imagesConverted += convertForm(conversion, ref, stream, resources, name);
    else if (subtype === PDFName.of("Image")) {
      if (convertImage(conversion, ref, stream, name)) imagesConverted++;
    }
  }
  return imagesConverted;
}

/** Named colour spaces, shadings, patterns and soft masks: colour the conversion does not reach, refused. */
function refuseUnconvertible(resources: PDFDict, where: string): void {
  const colourSpaces = resources.lookupMaybe(PDFName.of("ColorSpace"), PDFDict);
  if (colourSpaces && colourSpaces.keys().length > 0) throw new Error(`${where}: named colour spaces (${colourSpaces.keys().join(", ")}), which the print edition's CMYK conversion does not handle.`);
  if (resources.lookupMaybe(PDFName.of("Shading"), PDFDict)?.keys().length || resources.lookupMaybe(PDFName.of("Pattern"), PDFDict)?.keys().length) {
    throw new Error(`${where}: a shading or pattern, which the print edition's CMYK conversion does not handle.`);
  }
  const states = resources.lookupMaybe(PDFName.of("ExtGState"), PDFDict);
  for (const key of states?.keys() ?? []) {
    const state = states!.lookup(key);
    if (state instanceof PDFDict && state.lookup(PDFName.of("SMask")) instanceof PDFDict) throw new Error(`${where}: a soft mask in graphics state ${key.toString()}, which the print edition's CMYK conversion does not handle.`);
  }
}

/** A form XObject's content and its own resources converted; how many images that converted. */
function convertForm(conversion: Conversion, ref: PDFRef, stream: PDFRawStream, resources: PDFDict, name: string): number {
  const own = stream.dict.lookupMaybe(PDFName.of("Resources"), PDFDict);
  groupToCmyk(stream.dict);
  const usesOverprint = rewriteStream(conversion, ref, stream, `form ${name}`);
  const replaced = conversion.context.lookup(ref, PDFStream) as PDFRawStream;
  if (usesOverprint) {
    // A form without resources of its own uses its page's: give it those, with the overprint states.
    if (!own) replaced.dict.set(PDFName.of("Resources"), resources);
    addOverprintStates(conversion.context, own ?? resources);
  }
  return walkResources(conversion, own, `form ${name}`);
}

const isRgbSpace = (cs: unknown) =>
  cs === PDFName.of("DeviceRGB") || (cs instanceof PDFArray && cs.lookup(0) === PDFName.of("ICCBased") && (cs.lookup(1) as PDFStream).dict.get(PDFName.of("N"))?.toString() === "3");

/** Converts an RGB image to CMYK through the profile; a CMYK or grey image is kept as it is. */
function convertImage(conversion: Conversion, ref: PDFRef, stream: PDFRawStream, name: string): boolean {
  const { context, cmm } = conversion;
  const space = stream.dict.get(PDFName.of("ColorSpace"));
  const resolved = space instanceof PDFRef ? context.lookup(space) : space;
  if (resolved === PDFName.of("DeviceCMYK") || resolved === PDFName.of("DeviceGray") || stream.dict.get(PDFName.of("ImageMask"))) return false;
  if (resolved instanceof PDFArray && resolved.lookup(0) === PDFName.of("Indexed") && isRgbSpace(resolved.lookup(1))) {
    convertPalette(conversion, stream, space, resolved, name);
    return true;
  }
  if (!isRgbSpace(resolved)) throw new Error(`Image ${name}: colour space ${String(resolved)}, which the print edition's CMYK conversion does not handle.`);
  const cmyk = cmm.rgbPixelsToCmyk(rgbPixels(stream, name));
  const replacement = flateStream(context, stream.dict, Buffer.from(cmyk.buffer, cmyk.byteOffset, cmyk.byteLength), ["Filter", "DecodeParms", "Length", "ColorSpace", "Decode"]);
  replacement.dict.set(PDFName.of("ColorSpace"), PDFName.of("DeviceCMYK"));
  context.assign(ref, replacement);
  return true;
}

/** A palette image (PNG with a palette): its palette is converted, its indices kept. */
function convertPalette(conversion: Conversion, stream: PDFRawStream, space: unknown, resolved: PDFArray, name: string): void {
  const { context, cmm } = conversion;
  const table = resolved.lookup(3);
  const rgbTable = table instanceof PDFRawStream ? decodePDFRawStream(table).decode() : table instanceof PDFString || table instanceof PDFHexString ? table.asBytes() : undefined;
  if (!rgbTable) throw new Error(`Image ${name}: a palette the print edition's CMYK conversion cannot read.`);
  const cmykTable = cmm.rgbPixelsToCmyk(rgbTable.subarray(0, rgbTable.length - (rgbTable.length % 3)));
  const indexed = context.obj([PDFName.of("Indexed"), PDFName.of("DeviceCMYK"), resolved.lookup(2), PDFHexString.of(Buffer.from(cmykTable).toString("hex"))]);
  if (space instanceof PDFRef) context.assign(space, indexed);
  else stream.dict.set(PDFName.of("ColorSpace"), indexed);
}

/** An 8-bit RGB image's pixels, decoded from JPEG or Flate (PNG predictors undone), checked against its size. */
function rgbPixels(stream: PDFRawStream, name: string): Uint8Array {
  if (stream.dict.get(PDFName.of("BitsPerComponent"))?.toString() !== "8") throw new Error(`Image ${name}: an RGB image with other than 8 bits a component.`);
  const width = (stream.dict.lookup(PDFName.of("Width"), PDFNumber) as PDFNumber).asNumber();
  const height = (stream.dict.lookup(PDFName.of("Height"), PDFNumber) as PDFNumber).asNumber();
  const filter = stream.dict.get(PDFName.of("Filter"));
  let pixels: Uint8Array;
  if (filter === PDFName.of("DCTDecode")) {
    // A JPEG portrait: decoded, converted, and kept losslessly (Flate) so it is compressed only once.
    const decoded = decodeJpeg(stream.getContents(), { useTArray: true, formatAsRGBA: false });
    if (decoded.width !== width || decoded.height !== height) throw new Error(`Image ${name}: a JPEG of ${decoded.width} × ${decoded.height} pixels where the PDF says ${width} × ${height}.`);
    pixels = decoded.data;
  } else if (filter === PDFName.of("FlateDecode") || filter === undefined) {
    pixels = decodePDFRawStream(stream).decode();
    const parms = stream.dict.lookupMaybe(PDFName.of("DecodeParms"), PDFDict);
    const predictor = parms?.lookupMaybe(PDFName.of("Predictor"), PDFNumber)?.asNumber() ?? 1;
    if (predictor >= 10) pixels = unpredictPng(pixels, width, height, 3);
    else if (predictor !== 1) throw new Error(`Image ${name}: TIFF predictor ${predictor}, which the print edition's CMYK conversion does not handle.`);
  } else throw new Error(`Image ${name}: an RGB image stored as ${String(filter)}, which the print edition's CMYK conversion does not read.`);
  if (pixels.length !== width * height * 3) throw new Error(`Image ${name}: ${pixels.length} bytes for ${width} × ${height} RGB pixels.`);
  return pixels;
}

/** The output intent: the paper's CMYK profile, embedded. A PDF/A final keeps its intent on the same profile. */
function setOutputIntents(doc: PDFDocument, profile: Buffer, condition: PrintCondition, pdfA: boolean): void {
  const { context, catalog } = doc;
  const profileStream = context.register(context.flateStream(profile, { N: 4 }));
  const intent = (kind: string) =>
    context.obj({
      Type: "OutputIntent",
      S: kind,
      OutputConditionIdentifier: PDFString.of(condition.outputCondition),
      OutputCondition: PDFString.of(condition.outputConditionText),
      RegistryName: PDFString.of("http://www.color.org"),
      Info: PDFString.of(condition.outputConditionText),
      DestOutputProfile: profileStream,
    });
  // The profiles of the intents replaced (a final's sRGB) would stay in the file unreferenced: they go.
  for (const entry of catalog.lookupMaybe(PDFName.of("OutputIntents"), PDFArray)?.asArray() ?? []) {
    const old = context.lookup(entry);
    const profileRef = old instanceof PDFDict ? old.get(PDFName.of("DestOutputProfile")) : undefined;
    if (profileRef instanceof PDFRef) context.delete(profileRef);
    if (entry instanceof PDFRef) context.delete(entry);
  }
  catalog.set(PDFName.of("OutputIntents"), context.obj([intent("GTS_PDFX"), ...(pdfA ? [intent("GTS_PDFA1")] : [])]));
}

/** Info: the standard keys as they are, plus the PDF/X version and trapping (the printer traps if needed). */
function setPdfXInfo(doc: PDFDocument, pdfA: boolean): { title: string; created: Date } {
  const infoRef = doc.context.trailerInfo.Info;
  const info = infoRef instanceof PDFRef ? doc.context.lookup(infoRef, PDFDict) : undefined;
  if (!info) throw new Error("The PDF has no Info dictionary; PDF/X needs its title and dates.");
  info.set(PDFName.of("GTS_PDFXVersion"), PDFString.of(PDFX_VERSION));
  info.set(PDFName.of("Trapped"), PDFName.of("False"));
  const title = doc.getTitle();
  const created = doc.getCreationDate();
  if (!title || !created) throw new Error("The PDF has no title or no creation date; PDF/X needs both.");
  // The XMP states one date for creation and modification, as the Info dictionary must agree with it.
  if (!pdfA) info.set(PDFName.of("ModDate"), PDFString.fromDate(created));
  return { title, created };
}

/** The file's ID: kept when the PDF has one (a final edition's comes from its inputs), else from its bytes. */
function keepOrMakeFileId(context: PDFContext, pdf: Uint8Array): string {
  const kept = context.trailerInfo.ID instanceof PDFArray ? context.trailerInfo.ID.lookup(0) : undefined;
  const keptId = kept instanceof PDFHexString ? kept.asString() : "";
  const id = /^[0-9a-fA-F]{32}$/.test(keptId) ? keptId : sha256(pdf).slice(0, 32);
  if (id !== keptId) context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return id;
}

/**
 * A PDF/A final's packet (src/pdf/pdfa.ts) gains the PDF/X properties; any other print edition gets
 * the same packet without the PDF/A identification.
 */
function setXmpPacket(doc: PDFDocument, edition: { title: string; created: Date; id: string; pdfA: boolean }): void {
  const { context, catalog } = doc;
  const { title, created, id, pdfA } = edition;
  const metadataRef = catalog.get(PDFName.of("Metadata"));
  const existing = metadataRef instanceof PDFRef ? context.lookup(metadataRef) : undefined;
  const lang = catalog.lookup(PDFName.of("Lang"));
  const language = lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : "en-GB";
  const facts = { title, author: doc.getAuthor() ?? "", subject: doc.getSubject(), keywords: doc.getKeywords(), creator: doc.getCreator() ?? "", producer: doc.getProducer() ?? "" };
  if (pdfA && !(existing instanceof PDFRawStream)) throw new Error("The PDF/A edition has no XMP packet to add PDF/X to.");
  const base = existing instanceof PDFRawStream && pdfA ? Buffer.from(decodePDFRawStream(existing).decode()).toString("utf8") : xmpPacket(facts, { documentId: id.toLowerCase(), date: created, language, tagged: catalog.get(PDFName.of("StructTreeRoot")) !== undefined }, false);
  const packet = addPdfXToXmp(base, pdfA);
  const bytes = new TextEncoder().encode(packet);
  const metadata = context.stream(bytes, { Type: "Metadata", Subtype: "XML", Length: bytes.length });
  if (metadataRef instanceof PDFRef) context.assign(metadataRef, metadata);
  else catalog.set(PDFName.of("Metadata"), context.register(metadata));
}

/**
 * PDF/X-4 is PDF 1.6, and the file uses nothing later; pdf-lib always writes a 1.7 header, which has
 * the same length, so the cross-reference offsets stand. Objects go in object streams (PDF 1.5, allowed
 * in PDF/X-4), as the joiner packs them: written one by one, the structure elements made a third of the
 * print edition's bytes (898 against 602 KB for 2024).
 */
async function savePdf16(doc: PDFDocument): Promise<Buffer> {
  doc.catalog.delete(PDFName.of("Version"));
  const out = Buffer.from(await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false }));
  if (out.subarray(0, 8).toString("latin1") !== "%PDF-1.7") throw new Error("pdf-lib no longer writes a %PDF-1.7 header.");
  out.write("%PDF-1.6", 0, "latin1");
  return out;
}

/** A PDF/A final carries a GTS_PDFA1 output intent (src/pdf/pdfa.ts keeps pdfkit's). */
function isPdfA(doc: PDFDocument): boolean {
  const intents = doc.catalog.lookupMaybe(PDFName.of("OutputIntents"), PDFArray);
  return (intents?.asArray() ?? []).some((entry) => {
    const dict = doc.context.lookup(entry);
    return dict instanceof PDFDict && dict.get(PDFName.of("S")) === PDFName.of("GTS_PDFA1");
  });
}

/** The PDF/X properties (ISO 15930-7 asks for the version, trapping, and the document's version ID and rendition). */
const pdfxProperties = () =>
  `      <pdfxid:GTS_PDFXVersion>${PDFX_VERSION}</pdfxid:GTS_PDFXVersion>\n` +
  `      <pdf:Trapped>False</pdf:Trapped>\n` +
  `      <xmpMM:VersionID>1</xmpMM:VersionID>\n` +
  `      <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n`;

/**
 * The packet src/pdf/pdfa.ts writes, with the PDF/X properties added. PDF/A accepts a property outside
 * its predefined schemas only when the packet describes that schema, so a PDF/A final describes pdfxid.
 */
function addPdfXToXmp(packet: string, pdfA: boolean): string {
  const close = packet.lastIndexOf("    </rdf:Description>");
  if (close < 0 || !packet.includes('xmlns:dc="')) throw new Error("The edition's XMP packet is not the one src/pdf/pdfa.ts writes.");
  const extension =
    `    <rdf:Description rdf:about=""\n` +
    `        xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"\n` +
    `        xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"\n` +
    `        xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">\n` +
    `      <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">\n` +
    `        <pdfaSchema:schema>PDF/X ID Schema</pdfaSchema:schema>\n` +
    `        <pdfaSchema:namespaceURI>http://www.npes.org/pdfx/ns/id/</pdfaSchema:namespaceURI>\n` +
    `        <pdfaSchema:prefix>pdfxid</pdfaSchema:prefix>\n` +
    `        <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">\n` +
    `          <pdfaProperty:name>GTS_PDFXVersion</pdfaProperty:name>\n` +
    `          <pdfaProperty:valueType>Text</pdfaProperty:valueType>\n` +
    `          <pdfaProperty:category>internal</pdfaProperty:category>\n` +
    `          <pdfaProperty:description>ID of PDF/X standard</pdfaProperty:description>\n` +
    `        </rdf:li></rdf:Seq></pdfaSchema:property>\n` +
    `      </rdf:li></rdf:Bag></pdfaExtension:schemas>\n` +
    `    </rdf:Description>\n`;
  const withNamespace = packet.replace('xmlns:dc="', 'xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"\n        xmlns:dc="');
  const at = withNamespace.lastIndexOf("    </rdf:Description>");
  const end = at + "    </rdf:Description>\n".length;
  return withNamespace.slice(0, at) + pdfxProperties() + withNamespace.slice(at, end) + (pdfA ? extension : "") + withNamespace.slice(end);
}

/** Undoes PNG row filters (predictors 10–15): the bytes of the image's rows as they are. */
function unpredictPng(data: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  if (data.length < height * (stride + 1)) throw new Error("A PNG-predicted image is shorter than its rows.");
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const row = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const at = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? out[at + x - channels] : 0;
      const up = y > 0 ? out[at - stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? out[at - stride + x - channels] : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else throw new Error(`A PNG-predicted image with row filter ${filter}.`);
      out[at + x] = (row[x] + predicted) & 0xff;
    }
  }
  return out;
}
