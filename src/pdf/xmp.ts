// XMP packets: the envelope every packet the build writes shares, and the packet of a tagged book that
// is not a final edition (a final's is src/final/pdfa.ts's): the title and language a PDF/UA reader
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
