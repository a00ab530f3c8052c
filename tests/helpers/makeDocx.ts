// Builds small .docx files for tests: a .docx is a zip of WordprocessingML parts. Only what the tests
// need is written (styles for headings and quotes, one bullet list definition, hyperlinks, PNG images).
import { strToU8, zipSync, type Zippable } from "fflate";

/** A 1×1 PNG, enough for an image part. */
export const tinyPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export type Run = string | { text: string; bold?: boolean; italic?: boolean; link?: string; comment?: string; inserted?: boolean; footnote?: string };

export type DocxBlock =
  | { heading: 1 | 2 | 3; text: string }
  | { paragraph: Run[]; style?: "Quote" }
  | { bullets: string[] }
  | { image: { alt?: string; png?: Buffer } }
  | { table: string[][] }
  | { textBox: string };

/** Everything in one document part; relationships and media are numbered as they are met. */
export async function makeDocx(blocks: DocxBlock[]): Promise<Buffer> {
  const rels: string[] = [];
  const media: Buffer[] = [];
  const comments: string[] = [];
  const footnotes: string[] = [];
  const rel = (type: string, target: string, external = false) => {
    const id = `rId${rels.length + 10}`;
    rels.push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ""}/>`);
    return id;
  };
  const runXml = (run: Run): string => {
    const r = typeof run === "string" ? { text: run } : run;
    const props = `${r.bold ? "<w:b/>" : ""}${r.italic ? "<w:i/>" : ""}`;
    let xml = `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
    if (r.link) xml = `<w:hyperlink r:id="${rel("hyperlink", r.link, true)}">${xml}</w:hyperlink>`;
    if (r.inserted) xml = `<w:ins w:id="${90 + comments.length}" w:author="A. Author" w:date="2025-01-01T00:00:00Z">${xml}</w:ins>`;
    if (r.comment) {
      const id = comments.length;
      comments.push(`<w:comment w:id="${id}" w:author="Reviewer"><w:p><w:r><w:t>${esc(r.comment)}</w:t></w:r></w:p></w:comment>`);
      xml = `<w:commentRangeStart w:id="${id}"/>${xml}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    }
    if (r.footnote) {
      const id = footnotes.length + 1;
      footnotes.push(`<w:footnote w:id="${id}"><w:p><w:r><w:t xml:space="preserve">${esc(r.footnote)}</w:t></w:r></w:p></w:footnote>`);
      xml += `<w:r><w:footnoteReference w:id="${id}"/></w:r>`;
    }
    return xml;
  };
  const para = (inner: string, style?: string, extra = "") => `<w:p>${style || extra ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ""}${extra}</w:pPr>` : ""}${inner}</w:p>`;

  const body = blocks
    .map((b) => {
      if ("heading" in b) return para(runXml(b.text), `Heading${b.heading}`);
      if ("paragraph" in b) return para(b.paragraph.map(runXml).join(""), b.style);
      if ("bullets" in b) return b.bullets.map((t) => para(runXml(t), "ListParagraph", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')).join("");
      if ("table" in b) {
        const rows = b.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${para(runXml(cell))}</w:tc>`).join("")}</w:tr>`).join("");
        return `<w:tbl><w:tblPr/><w:tblGrid/>${rows}</w:tbl>`;
      }
      if ("textBox" in b) {
        return para(
          `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${para(runXml(b.textBox))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`,
        );
      }
      media.push(b.image.png ?? tinyPng);
      const id = rel("image", `media/image${media.length}.png`);
      const n = media.length;
      return para(
        `<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="${n}" name="Picture ${n}"${b.image.alt ? ` descr="${esc(b.image.alt)}"` : ""}/>` +
          `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${n}" name="image${n}.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
          `<pic:blipFill><a:blip r:embed="${id}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
      );
    })
    .join("");

  const ns =
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:v="urn:schemas-microsoft-com:vml"';
  const parts: Zippable = {};
  const zip = { file: (name: string, data: string | Buffer) => { parts[name] = typeof data === "string" ? strToU8(data) : new Uint8Array(data); } };
  const style = (id: string, name: string, type = "paragraph") => `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  rels.push(
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>',
  );
  if (comments.length) rels.push('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>');
  if (footnotes.length) rels.push('<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>');

  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body>${body}</w:body></w:document>`);
  zip.file("word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  zip.file(
    "word/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${ns}>${style("Heading1", "heading 1")}${style("Heading2", "heading 2")}${style("Heading3", "heading 3")}${style("Quote", "Quote")}${style("ListParagraph", "List Paragraph")}</w:styles>`,
  );
  zip.file(
    "word/numbering.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${ns}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  if (comments.length) zip.file("word/comments.xml", `<?xml version="1.0" encoding="UTF-8"?><w:comments ${ns}>${comments.join("")}</w:comments>`);
  if (footnotes.length) zip.file("word/footnotes.xml", `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${ns}>${footnotes.join("")}</w:footnotes>`);
  media.forEach((png, i) => zip.file(`word/media/image${i + 1}.png`, png));
  return Buffer.from(zipSync(parts));
}
