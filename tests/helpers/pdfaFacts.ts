// Reads, from a PDF file, the facts PDF/A-2b asks for that can be checked without a validator:
// version, XMP packet (identification, title, author, language, dates), Info dictionary, catalog /Lang,
// output intents and their ICC profile, trailer ID, fonts and whether each is embedded, annotation
// flags, graphics states, and forbidden entries (encryption, JavaScript, launch actions, LZW).
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFStream, PDFString } from "pdf-lib";

const text = (v: unknown) => (v instanceof PDFHexString || v instanceof PDFString ? v.decodeText() : undefined);
const raw = (v: unknown) => (v instanceof PDFString ? v.asString() : undefined);

export interface PdfAFacts {
  header: string;
  xmp: { compressed: boolean; part?: string; conformance?: string; title?: string; creator?: string; description?: string; language?: string; createDate?: string; modifyDate?: string; creatorTool?: string; producer?: string; documentId?: string };
  info: Record<string, string | undefined>;
  lang?: string;
  outputIntents: { subtype?: string; condition?: string; iccComponents?: number; iccColourSpace: string; iccSignature: string; icc: Uint8Array }[];
  trailerId: string[];
  fonts: { name: string; subtype: string; embedded: boolean }[];
  annotations: { count: number; printable: number; hidden: number };
  extGStates: string[];
  forbidden: string[];
}

export async function readPdfAFacts(bytes: Uint8Array): Promise<PdfAFacts> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context, catalog } = doc;
  const header = Buffer.from(bytes.subarray(0, 8)).toString("latin1");

  const metadata = catalog.lookup(PDFName.of("Metadata"), PDFStream) as PDFRawStream;
  const packet = Buffer.from(metadata.getContents()).toString("utf8");
  const tag = (name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(packet)?.[1];
  const li = (name: string) => {
    const inner = tag(name);
    return inner === undefined ? undefined : /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(inner)?.[1];
  };
  const xmp = {
    compressed: metadata.dict.has(PDFName.of("Filter")),
    part: tag("pdfaid:part"),
    conformance: tag("pdfaid:conformance"),
    title: li("dc:title"),
    creator: li("dc:creator"),
    description: li("dc:description"),
    language: li("dc:language"),
    createDate: tag("xmp:CreateDate"),
    modifyDate: tag("xmp:ModifyDate"),
    creatorTool: tag("xmp:CreatorTool"),
    producer: tag("pdf:Producer"),
    documentId: tag("xmpMM:DocumentID"),
  };

  const infoDict = context.lookup(context.trailerInfo.Info, PDFDict);
  const info: Record<string, string | undefined> = {};
  for (const [key, value] of infoDict.entries()) {
    const name = key.asString().slice(1);
    info[name] = /Date$/.test(name) ? raw(value) : text(value);
  }

  const outputIntents = (catalog.lookupMaybe(PDFName.of("OutputIntents"), PDFArray)?.asArray() ?? []).map((ref) => {
    const intent = context.lookup(ref, PDFDict);
    const profile = intent.lookup(PDFName.of("DestOutputProfile"), PDFStream) as PDFRawStream;
    const icc = decodePDFRawStream(profile).decode();
    return {
      subtype: intent.get(PDFName.of("S"))?.toString(),
      condition: text(intent.get(PDFName.of("OutputConditionIdentifier"))),
      iccComponents: profile.dict.lookupMaybe(PDFName.of("N"), PDFNumber)?.asNumber(),
      iccColourSpace: Buffer.from(icc.subarray(16, 20)).toString("latin1"),
      iccSignature: Buffer.from(icc.subarray(36, 40)).toString("latin1"),
      icc,
    };
  });

  const id = context.trailerInfo.ID;
  const trailerId = id instanceof PDFArray ? id.asArray().map((v) => (v instanceof PDFHexString ? v.asString().toLowerCase() : String(v))) : [];

  const fonts: PdfAFacts["fonts"] = [];
  const extGStates: string[] = [];
  const forbidden: string[] = [];
  let count = 0;
  let printable = 0;
  let hidden = 0;
  const hasFontFile = (descriptor: PDFDict | undefined) => !!descriptor && ["FontFile", "FontFile2", "FontFile3"].some((k) => descriptor.has(PDFName.of(k)));
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (!dict) continue;
    const type = dict.get(PDFName.of("Type"))?.toString();
    const subtype = dict.get(PDFName.of("Subtype"))?.toString() ?? "";
    for (const filter of [dict.get(PDFName.of("Filter"))].flat()) if (filter?.toString().includes("LZWDecode")) forbidden.push(`LZW in object ${ref.toString()}`);
    if (dict.has(PDFName.of("JS")) || dict.get(PDFName.of("S"))?.toString() === "/JavaScript") forbidden.push(`JavaScript in ${ref.toString()}`);
    if (dict.get(PDFName.of("S"))?.toString() === "/Launch") forbidden.push(`Launch action in ${ref.toString()}`);
    if (dict.has(PDFName.of("AA"))) forbidden.push(`additional actions in ${ref.toString()}`);
    if (type === "/Font" && subtype !== "/Type0") {
      const name = dict.get(PDFName.of("BaseFont"))?.toString() ?? ref.toString();
      fonts.push({ name, subtype, embedded: subtype === "/Type3" || hasFontFile(dict.lookupMaybe(PDFName.of("FontDescriptor"), PDFDict)) });
    }
    if (type === "/Annot") {
      count++;
      const flags = dict.lookupMaybe(PDFName.of("F"), PDFNumber)?.asNumber() ?? 0;
      if (flags & 4) printable++;
      if (flags & (1 | 2 | 32 | 256)) hidden++;
    }
    if (type === "/ExtGState") extGStates.push(dict.toString().replace(/\s+/g, " "));
  }
  if (context.trailerInfo.Encrypt) forbidden.push("encryption");
  if (catalog.has(PDFName.of("AA"))) forbidden.push("catalog additional actions");
  const names = catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  if (names?.has(PDFName.of("JavaScript"))) forbidden.push("document JavaScript");
  if (names?.has(PDFName.of("EmbeddedFiles"))) forbidden.push("embedded files");

  return { header, xmp, info, lang: text(catalog.get(PDFName.of("Lang"))), outputIntents, trailerId, fonts, annotations: { count, printable, hidden }, extGStates, forbidden };
}

