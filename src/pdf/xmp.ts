// XMP packets: the envelope every packet the build writes shares, and the packet of a tagged book that
// is not a final edition (a final's is src/pdf/pdfa.ts's): the title and language a PDF/UA reader
// takes from the metadata, and the PDF/UA-1 identification.
export const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A language alternative with only its default, as dc:title and dc:description take. */
export const alt = (v: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${v}</rdf:li></rdf:Alt>`;

const namespaces = {
  pdfaid: "http://www.aiim.org/pdfa/ns/id/",
  pdfuaid: "http://www.aiim.org/pdfua/ns/id/",
  dc: "http://purl.org/dc/elements/1.1/",
  xmp: "http://ns.adobe.com/xap/1.0/",
  pdf: "http://ns.adobe.com/pdf/1.3/",
  xmpMM: "http://ns.adobe.com/xap/1.0/mm/",
};

/** A packet of one description, declaring the namespaces given, around its (indented) properties. */
export function xmpEnvelope(prefixes: readonly (keyof typeof namespaces)[], properties: string): string {
  return (
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n` +
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">\n` +
    `  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n` +
    `    <rdf:Description rdf:about=""\n` +
    prefixes.map((p, i) => `        xmlns:${p}="${namespaces[p]}"${i === prefixes.length - 1 ? ">" : ""}\n`).join("") +
    properties +
    `    </rdf:Description>\n` +
    `  </rdf:RDF>\n` +
    `</x:xmpmeta>\n` +
    `<?xpacket end="r"?>`
  );
}

export function uaPacket(meta: { title: string; author: string; language: string }): string {
  return xmpEnvelope(
    ["pdfuaid", "dc"],
    `      <pdfuaid:part>1</pdfuaid:part>\n` +
      `      <dc:format>application/pdf</dc:format>\n` +
      `      <dc:title>${alt(xml(meta.title))}</dc:title>\n` +
      `      <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>\n` +
      `      <dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>\n`,
  );
}

export interface XmpOptions {
  /** 32 hex digits: the first 16 bytes of the inputs' hash. */
  documentId: string;
  /** Creation and modification date of the edition. */
  date: Date;
  /** BCP 47 language of the document, e.g. en-GB. */
  language: string;
  /** A tagged PDF (PDF/UA-1): its XMP says so (finishPdfA sets it from the structure tree). */
  tagged?: boolean;
  /** PDF/A-2 conformance level: A for a tagged file whose every glyph maps to Unicode (finishPdfA decides), else B. */
  level?: "A" | "B";
}


/** 2024-11-25T00:00:00Z: the XMP form of the date the Info dictionary holds as D:20241125000000Z. */
export const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** A UUID-shaped rendering of the document ID, as XMP's xmpMM:DocumentID expects a URI. */
const uuid = (hex: string) => `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

export interface InfoFacts {
  title: string;
  author: string;
  subject?: string;
  keywords?: string;
  creator: string;
  producer: string;
}

/** The XMP packet of the document's facts; `pdfa` false leaves out the PDF/A identification (a print edition that is not final). */
export function xmpPacket(info: InfoFacts, options: XmpOptions, pdfa = true): string {
  const date = xmpDate(options.date);
  const optional = (tag: string, value: string | undefined, wrap: (v: string) => string) => (value ? `      <${tag}>${wrap(xml(value))}</${tag}>\n` : "");
  return xmpEnvelope(
    [...(pdfa ? (["pdfaid"] as const) : []), ...(options.tagged ? (["pdfuaid"] as const) : []), "dc", "xmp", "pdf", "xmpMM"],
    (pdfa ? `      <pdfaid:part>2</pdfaid:part>\n      <pdfaid:conformance>${options.level ?? "B"}</pdfaid:conformance>\n` : "") +
      (options.tagged ? `      <pdfuaid:part>1</pdfuaid:part>\n` : "") +
      `      <dc:format>application/pdf</dc:format>\n` +
      `      <dc:title>${alt(xml(info.title))}</dc:title>\n` +
      `      <dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>\n` +
      optional("dc:description", info.subject, alt) +
      `      <dc:language><rdf:Bag><rdf:li>${xml(options.language)}</rdf:li></rdf:Bag></dc:language>\n` +
      optional("pdf:Keywords", info.keywords, (v) => v) +
      `      <pdf:Producer>${xml(info.producer)}</pdf:Producer>\n` +
      `      <xmp:CreatorTool>${xml(info.creator)}</xmp:CreatorTool>\n` +
      `      <xmp:CreateDate>${date}</xmp:CreateDate>\n` +
      `      <xmp:ModifyDate>${date}</xmp:ModifyDate>\n` +
      `      <xmp:MetadataDate>${date}</xmp:MetadataDate>\n` +
      `      <xmpMM:DocumentID>${uuid(options.documentId)}</xmpMM:DocumentID>\n` +
      `      <xmpMM:InstanceID>${uuid(options.documentId)}</xmpMM:InstanceID>\n`,
  );
}
