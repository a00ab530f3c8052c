// The XMP packet of a tagged book that is not a final edition (a final's is src/final/pdfa.ts's): the
// title and language a PDF/UA reader takes from the metadata, and the PDF/UA-1 identification.
export const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function uaPacket(meta: { title: string; author: string; language: string }): string {
  return (
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n` +
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">\n` +
    `  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n` +
    `    <rdf:Description rdf:about=""\n` +
    `        xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"\n` +
    `        xmlns:dc="http://purl.org/dc/elements/1.1/">\n` +
    `      <pdfuaid:part>1</pdfuaid:part>\n` +
    `      <dc:format>application/pdf</dc:format>\n` +
    `      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>\n` +
    `      <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>\n` +
    `      <dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>\n` +
    `    </rdf:Description>\n` +
    `  </rdf:RDF>\n` +
    `</x:xmpmeta>\n` +
    `<?xpacket end="r"?>`
  );
}
