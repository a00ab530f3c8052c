// A force's Word submission → a good-practice entry (front matter + Markdown body + images beside it).
// mammoth turns the .docx into semantic HTML; rehype-remark turns that into Markdown. What the report
// cannot carry (tables, text boxes, pending tracked changes, comments, unplaceable footnotes) is left out
// and reported with where it was, so a person can follow up with the force.
import { count } from "../domain/plural.ts";
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import mammoth from "mammoth";
import type { FootnoteDefinition, Nodes as MdastNodes, Paragraph, PhrasingContent, Root as MdastRoot, RootContent } from "mdast";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { stringify as yamlStringify } from "yaml";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { entrySchema, type EntryFrontMatter } from "../load/contentSchemas.ts";
import type { Force } from "../load/forceRegister.ts";
import { parseMarkdownFile } from "../load/frontMatter.ts";
import { imageProblem } from "../load/imageFile.ts";
import { limits } from "../domain/limits.ts";
import { checkWholeZip, InputLimitError, readUntrustedFile, type OpenedZip } from "./untrusted.ts";

export interface ImportOptions {
  /** The .docx file. */
  file: string;
  force: Force;
  /** content/<year>/good-practice, created if missing. */
  entriesDir: string;
}

export interface ImportResult {
  entryFile: string;
  images: string[];
  frontMatter: EntryFrontMatter;
}

/** Word's built-in quote styles become block quotes; a Title paragraph is a heading like any other. */
const styleMap = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Title'] => h1:fresh",
];

const printableImages: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/jpg": "jpg" };

const words = (text: string, n = 8) => {
  const all = text.replace(/\s+/g, " ").trim().split(" ");
  return all.slice(0, n).join(" ") + (all.length > n ? "…" : "");
};

function hastText(node: HastContent | ElementContent | HastRoot): string {
  if (node.type === "text") return node.value;
  if ("children" in node) return (node.children as ElementContent[]).map(hastText).join("");
  return "";
}

function mdText(node: MdastNodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as MdastNodes[]).map(mdText).join("");
  return "";
}

/** Reads the parts mammoth passes over silently and says, for each, which paragraph it was in. */
function rawDocumentFindings(zip: OpenedZip, docx: string, sink: DiagnosticSink): void {
  const xml = zip.xml("word/document.xml") ?? "";
  // Paragraphs of the main text, in order, with their text, to say where something was: one linear pass
  // over the tags (a lazy match to each </w:p> rescanned the rest of the file for every <w:p .../>).
  // A text box holds paragraphs inside its paragraph; the words reach every open one (at most a few deep).
  const paragraphs: { start: number; text: string }[] = [];
  const open: { start: number; text: string }[] = [];
  for (const m of xml.matchAll(/<w:p\b[^<>]*?(\/?)>|<\/w:p>|<w:t(?:\s[^<>]*)?>([^<]*)<\/w:t>/g)) {
    if (m[0].startsWith("</w:p")) open.pop();
    else if (m[0].startsWith("<w:p")) {
      const paragraph = { start: m.index!, text: "" };
      paragraphs.push(paragraph);
      if (m[1] !== "/") open.push(paragraph);
    } else for (const paragraph of open.slice(-4)) paragraph.text += m[2];
  }
  const where = (offset: number) => {
    // The last paragraph starting at or before the offset, found by halving.
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paragraphs[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const p = paragraphs[lo];
    const text = p ? words(decodeXml(p.text)) : "";
    return text ? `the paragraph "${text}"` : "a paragraph without text";
  };

  const insertions = [...xml.matchAll(/<w:ins\b/g)].map((m) => m.index!);
  const deletions = [...xml.matchAll(/<w:(del|moveFrom)\b[^R]/g)].map((m) => m.index!);
  if (insertions.length + deletions.length > 0) {
    const first = Math.min(insertions[0] ?? Infinity, deletions[0] ?? Infinity);
    sink.warn(
      docx,
      "import-tracked-changes",
      `The document still has tracked changes (${count(insertions.length, "insertion")}, ${count(deletions.length, "deletion")}), the first in ${where(first)}. The entry was written as if every change were accepted; ask the force to accept or reject them and check the text.`,
    );
  }
  const commentsXml = zip.xml("word/comments.xml") ?? "";
  const commentText = new Map<string, string>();
  // One pass over the tags, as for paragraphs: a lazy match to each </w:comment> rescanned the rest of
  // the part for every comment left open. No pattern here runs past the next "<" or ">".
  let comment: string | null = null;
  for (const c of commentsXml.matchAll(/<w:comment\b[^<>]*?\bw:id="(\d+)"[^<>]*>|<\/w:comment>|<w:t(?:\s[^<>]*)?>([^<]*)<\/w:t>/g)) {
    if (c[1] !== undefined) {
      commentText.set(c[1], "");
      comment = c[0].endsWith("/>") ? null : c[1];
    } else if (c[0] === "</w:comment>") comment = null;
    else if (comment !== null) commentText.set(comment, commentText.get(comment)! + c[2]);
  }
  for (const m of xml.matchAll(/<w:commentReference\b[^<>]*?\bw:id="(\d+)"/g)) {
    sink.warn(docx, "import-comment", `A comment ("${words(decodeXml(commentText.get(m[1]) ?? ""), 12)}") on ${where(m.index!)} was not carried into the entry; read it and act on it if needed.`);
  }
  for (const m of xml.matchAll(/<w:txbxContent\b/g)) {
    sink.warn(docx, "import-text-box", `A text box in ${where(m.index!)} cannot be printed as a box; its words were placed as ordinary paragraphs at that point. Check they read well there.`);
  }
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

const MARK = "IMPORTREMOVED";

/** Converts, writes the entry and its images, and reports on `sink` everything that could not be carried. */
export async function importDocxEntry(options: ImportOptions, sink: DiagnosticSink): Promise<ImportResult | null> {
  const { file: docx, force, entriesDir } = options;
  const read = readDocx(docx, sink);
  if (!read) return null;
  const { buffer, zip } = read;

  mkdirSync(entriesDir, { recursive: true });
  const base = freeName(entriesDir, force.slug);
  const entryFile = path.join(entriesDir, `${base}.md`);
  const converted = await convertDocx(buffer, base, docx, sink);
  if (!converted) return null;
  try {
    rawDocumentFindings(zip, docx, sink);
  } catch (error) {
    sink.warn(docx, "import-unchecked", `The document could not be searched for tracked changes, comments and text boxes (${(error as Error).message}); look for them in Word.`);
  }

  const { title, lede, body, definitions, tables } = markdownTree(converted.html, docx, sink);
  const markdown = unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: "-", emphasis: "*", strong: "*", listItemIndent: "one", rule: "-" })
    .stringify({ type: "root", children: [...body, ...definitions] } as MdastRoot);

  const frontMatter = buildFrontMatter(title, lede, force, docx, sink);
  const yaml = `---\n${yamlStringify(frontMatter, { lineWidth: 0 })}---\n\n`;
  const bodyFirstLine = yaml.split("\n").length;
  const kept = removeTableMarkers(markdown.split("\n"), tables, bodyFirstLine, entryFile, sink);
  for (const message of converted.refusedImages) sink.warn(docx, "import-image", message);
  for (const type of converted.skippedImages) {
    sink.warn(docx, "import-image", `An image of type ${type} cannot be printed (only PNG and JPEG); it was left out. Ask the force for a PNG or JPEG.`);
  }
  cutToLimits(yaml, kept, entryFile, sink);
  const text = (yaml + kept.join("\n").replace(/\n{3,}/g, "\n\n")).replace(/\n*$/, "\n");
  if (text.includes("{{")) {
    sink.warn(entryFile, "import-braces", "The text contains {{, which the build reads as the start of a figure expression; reword it.");
  }

  // The written entry must pass the same front-matter check as every other entry.
  const check = parseMarkdownFile(entryFile, text, entrySchema, sink);
  if (!check) return null;
  warnImagesWithoutAlt(body, kept, bodyFirstLine, entryFile, sink);
  if (!writeEntry(entriesDir, entryFile, text, converted.images, sink)) return null;
  return { entryFile, images: converted.images.map((i) => path.join(entriesDir, i.name)), frontMatter };
}

/** The document's bytes, or null (error in sink) when it cannot be read, is not a .docx or is past the import limits. */
function readDocx(docx: string, sink: DiagnosticSink): { buffer: Buffer; zip: OpenedZip } | null {
  let buffer: Buffer;
  try {
    buffer = readUntrustedFile(docx, limits.importFileBytes);
  } catch (error) {
    if (error instanceof InputLimitError) sink.error(docx, "import-limit", `This Word document is refused: ${error.message}`);
    else sink.error(docx, "missing-file", `The file cannot be read (${(error as NodeJS.ErrnoException).code}); expected a Word document (.docx).`);
    return null;
  }
  if (buffer.subarray(0, 2).toString("latin1") !== "PK") {
    sink.error(docx, "not-docx", "This is not a Word .docx file (an older .doc, a PDF or another format?). Open it in Word and save it as .docx, then import again.");
    return null;
  }

  // Every part is inflated once within the limits (and its XML checked) before mammoth opens it.
  let zip: OpenedZip;
  try {
    zip = checkWholeZip(buffer);
    const paragraphCount = (zip.xml("word/document.xml") ?? "").match(/<w:p\b/g)?.length ?? 0;
    if (paragraphCount > limits.docxParagraphs) throw new InputLimitError(`it has ${paragraphCount.toLocaleString("en-GB")} paragraphs; the limit is ${limits.docxParagraphs.toLocaleString("en-GB")} (an entry prints a few dozen).`);
  } catch (error) {
    if (!(error instanceof InputLimitError)) throw error;
    sink.error(docx, "import-limit", `This Word document is refused: ${error.message}`);
    return null;
  }
  return { buffer, zip };
}

interface Converted {
  html: string;
  /** Images to save beside the entry, named <base>-image-N. */
  images: { name: string; data: Buffer }[];
  /** Content types of images the PDF cannot show. */
  skippedImages: string[];
  /** One message for each image the build's limits would refuse. */
  refusedImages: string[];
}

/** mammoth's HTML of the document, keeping only the images the PDF can show; null (error in sink) if Word cannot be read. */
async function convertDocx(buffer: Buffer, base: string, docx: string, sink: DiagnosticSink): Promise<Converted | null> {
  // Images: saved beside the entry, only the kinds the PDF can show.
  const images: Converted["images"] = [];
  const skippedImages: string[] = [];
  const refusedImages: string[] = [];
  let converted;
  try {
    converted = await mammoth.convertToHtml(
      { buffer },
      {
        styleMap,
        convertImage: mammoth.images.imgElement(async (image) => {
          const ext = printableImages[image.contentType];
          if (!ext) {
            skippedImages.push(image.contentType);
            return { src: `${MARK}-image:${image.contentType}` };
          }
          // The build's own image limits: an image it would refuse is left out here and said so.
          const data = await image.readAsBuffer();
          const problem = data.length > limits.imageBytes ? `is ${(data.length / 1024 / 1024).toFixed(1)} MB; the limit is ${limits.imageBytes / 1024 / 1024} MB` : imageProblem(data, `.${ext}`);
          if (problem) {
            refusedImages.push(`Image ${images.length + refusedImages.length + 1} of the document ${problem.replace(/\.$/, "")}; it was left out.`);
            return { src: `${MARK}-image:refused` };
          }
          const name = `${base}-image-${images.length + 1}.${ext}`;
          images.push({ name, data });
          return { src: name };
        }),
      },
    );
  } catch (error) {
    sink.error(docx, "not-docx", `Word could not be read: ${(error as Error).message.split("\n")[0]}. Open it in Word, save it again as .docx, and import again.`);
    return null;
  }
  for (const message of converted.messages) {
    sink.warn(docx, "import-converter", `The converter says: ${message.message}`);
  }
  return { html: converted.value, images, skippedImages, refusedImages };
}

/**
 * mammoth's HTML as a Markdown tree: the first heading as title, the first paragraph of text as lede,
 * the rest as body (tables cut out, each leaving a marker), and the footnotes the body refers to.
 */
function markdownTree(html: string, docx: string, sink: DiagnosticSink) {
  const hast = unified().use(rehypeParse, { fragment: true }).parse(html) as HastRoot;
  const notes = takeFootnotes(hast);
  const tables = cutTables(hast);
  const { title, lede, body, ledeNotes } = titleLedeAndBody(toMdast(hast), docx, sink);
  for (const id of ledeNotes) notes.delete(id);
  const referenced = normaliseBody(body);
  const definitions = footnoteDefinitions(notes, referenced, docx, sink);
  dropUnplacedReferences(body, new Set(definitions.map((d) => d.identifier)));
  return { title, lede, body, definitions, tables };
}

/** Footnotes: mammoth lists them at the end, each with a link back to its reference; taken out of the tree by id. */
function takeFootnotes(hast: HastRoot): Map<string, ElementContent[]> {
  const notes = new Map<string, ElementContent[]>();
  hast.children = hast.children.filter((node) => {
    if (node.type !== "element" || node.tagName !== "ol") return true;
    const items = node.children.filter((c): c is Element => c.type === "element" && c.tagName === "li");
    const isNotes = items.length > 0 && items.every((li) => /^(footnote|endnote)-\d+$/.test(String(li.properties?.id ?? "")));
    if (!isNotes) return true;
    for (const li of items) {
      const id = String(li.properties!.id).replace(/^footnote-/, "").replace(/^endnote-/, "e");
      notes.set(id, stripBackLinks(li.children));
    }
    return false;
  });
  return notes;
}

/** Tables: cut out, remembered with their first words; a marker keeps their place. Returns the descriptions, by marker number. */
function cutTables(parent: { children: (HastContent | ElementContent)[] }, tables: string[] = []): string[] {
  parent.children = parent.children.map((node) => {
    if (node.type === "element" && node.tagName === "table") {
      const cells: string[] = [];
      let rows = 0;
      const walk = (n: ElementContent) => {
        if (n.type !== "element") return;
        if (n.tagName === "tr") rows++;
        if (n.tagName === "td" || n.tagName === "th") cells.push(hastText(n).trim());
        else n.children.forEach(walk);
      };
      node.children.forEach(walk);
      tables.push(`A table (${count(rows, "row")}, starting "${words(cells.filter(Boolean).join(" · "))}")`);
      return { type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: `${MARK}${tables.length - 1}` }] } as Element;
    }
    if (node.type === "element") cutTables(node, tables);
    return node;
  });
  return tables;
}

/** HTML → Markdown, with mammoth's superscript links to footnotes and endnotes read as footnote references. */
const htmlToMdast = unified().use(rehypeRemark, {
  handlers: {
    sup(state, node: Element) {
      const link = node.children.find((c): c is Element => c.type === "element" && c.tagName === "a");
      const href = String(link?.properties?.href ?? "");
      const m = /^#(footnote|endnote)-(\d+)$/.exec(href);
      if (m) {
        const identifier = m[1] === "footnote" ? m[2] : `e${m[2]}`;
        return { type: "footnoteReference", identifier, label: identifier };
      }
      return state.all(node) as PhrasingContent[];
    },
  },
});

function toMdast(tree: HastRoot): MdastRoot {
  return htmlToMdast.runSync(tree) as unknown as MdastRoot;
}

/** The first heading (before any lede) is the title and the first paragraph of plain text the lede; the rest is the body. */
function titleLedeAndBody(mdast: MdastRoot, docx: string, sink: DiagnosticSink): { title: string | null; lede: string | null; body: RootContent[]; ledeNotes: string[] } {
  const body: RootContent[] = [];
  const ledeNotes: string[] = [];
  let title: string | null = null;
  let lede: string | null = null;
  for (const node of mdast.children) {
    if (title === null && lede === null && node.type === "heading") {
      title = mdText(node).trim();
      continue;
    }
    if (lede === null && node.type === "paragraph" && !node.children.some((c) => c.type === "image") && mdText(node).trim() && !mdText(node).includes(MARK)) {
      lede = mdText(node).replace(/\s+/g, " ").trim();
      if (node.children.some((c) => c.type === "link")) {
        sink.warn(docx, "import-lede-link", "The opening paragraph, used as the lede, has a link; a lede is plain text, so only the link's words were kept. Add the link under links: in the front matter if it matters.");
      }
      if (node.children.some((c) => c.type === "footnoteReference")) {
        sink.warn(docx, "import-footnote", "The opening paragraph, used as the lede, has a footnote; a lede cannot hold one, so the footnote was left out.");
        for (const c of node.children) if (c.type === "footnoteReference") ledeNotes.push(c.identifier);
      }
      continue;
    }
    body.push(...splitImages(node));
  }
  return { title, lede, body, ledeNotes };
}

/** Makes the body printable in place (heading levels, links, dropped images); returns the footnotes it refers to. */
function normaliseBody(body: RootContent[]): Set<string> {
  const referenced = new Set<string>();
  // Headings start at ## whatever level Word used.
  const depths = body.filter((n) => n.type === "heading").map((n) => (n as { depth: number }).depth);
  const shift = depths.length ? 2 - Math.min(...depths) : 0;
  const fix = (node: MdastNodes): void => {
    if (node.type === "heading") node.depth = Math.min(4, Math.max(2, node.depth + shift)) as 2 | 3 | 4;
    if (node.type === "footnoteReference") referenced.add(node.identifier);
    if (!("children" in node)) return;
    // Bookmarks and links inside the document cannot be followed in print: keep their words only.
    // Images the PDF cannot show were reported when met; they are dropped here.
    node.children = (node.children as MdastNodes[]).flatMap((c): MdastNodes[] =>
      c.type === "link" && !/^(https?:\/\/|mailto:)/.test(c.url) ? c.children : c.type === "image" && c.url.startsWith(MARK) ? [] : [c],
    ) as never;
    (node.children as MdastNodes[]).forEach(fix);
  };
  body.forEach(fix);
  return referenced;
}

/** Footnote definitions that have a reference are carried; the rest, and references without words, are reported. */
function footnoteDefinitions(notes: Map<string, ElementContent[]>, referenced: Set<string>, docx: string, sink: DiagnosticSink): FootnoteDefinition[] {
  const definitions: FootnoteDefinition[] = [];
  for (const [id, content] of notes) {
    if (!referenced.has(id)) {
      sink.warn(docx, "import-footnote", `A footnote ("${words(content.map(hastText).join(" "))}") has no place in the text and was not carried.`);
      continue;
    }
    const noteTree = toMdast({ type: "root", children: content } as HastRoot);
    definitions.push({ type: "footnoteDefinition", identifier: id, label: id, children: noteTree.children as FootnoteDefinition["children"] });
  }
  for (const id of referenced) {
    if (!notes.has(id)) sink.warn(docx, "import-footnote", `Footnote ${id} is referred to in the text but its words were not found; it was left out.`);
  }
  return definitions;
}

/** Takes out, in place, every footnote reference whose definition was not carried. */
function dropUnplacedReferences(body: RootContent[], placed: Set<string>): void {
  const dropUnplaced = (node: MdastNodes): void => {
    if ("children" in node) node.children = (node.children as MdastNodes[]).filter((c) => c.type !== "footnoteReference" || placed.has(c.identifier)) as never;
    if ("children" in node) (node.children as MdastNodes[]).forEach(dropUnplaced);
  };
  body.forEach(dropUnplaced);
}

/** Remove the markers, noting the entry line each removed table would have been on. */
function removeTableMarkers(lines: string[], tables: string[], bodyFirstLine: number, entryFile: string, sink: DiagnosticSink): string[] {
  const kept: string[] = [];
  for (const line of lines) {
    const m = new RegExp(`^${MARK}(\\d+)$`).exec(line.trim());
    if (m) {
      sink.warn(entryFile, "import-table", `${tables[Number(m[1])]} from the Word document was left out just before this line: tables cannot be printed in an entry. Describe its figures in a sentence or a list.`, {
        line: bodyFirstLine + kept.length,
      });
      if (kept.length && kept[kept.length - 1] === "") kept.pop();
      continue;
    }
    kept.push(line);
  }
  return kept;
}

/** An image without a description gets a warning on the entry line that shows it. */
function warnImagesWithoutAlt(body: RootContent[], kept: string[], bodyFirstLine: number, entryFile: string, sink: DiagnosticSink): void {
  for (const node of body) {
    if (node.type !== "paragraph") continue;
    for (const c of node.children) {
      if (c.type === "image" && !c.alt) {
        sink.warn(entryFile, "image-alt", `The image ${c.url} has no description in the Word document; write one in the [brackets] for readers who cannot see it.`, { line: bodyFirstLine + kept.findIndex((l) => l.includes(`](${c.url})`)) });
      }
    }
  }
}

/** Writes the entry and its images, never over an existing file; false (error in sink) when an image name is taken. */
function writeEntry(entriesDir: string, entryFile: string, text: string, images: Converted["images"], sink: DiagnosticSink): boolean {
  const clash = images.find((i) => existsSync(path.join(entriesDir, i.name)));
  if (clash) {
    sink.error(path.join(entriesDir, clash.name), "import-exists", "An image of this name is already there; nothing was written. Move it away, or import again.");
    return false;
  }
  writeFileSync(entryFile, text, { flag: "wx" });
  for (const image of images) writeFileSync(path.join(entriesDir, image.name), image.data, { flag: "wx" });
  return true;
}

/**
 * The build's limits on one entry (limits.textBytes, limits.markdownLines): paragraphs past them are
 * left out from the end, and the warning says from which words on, so the entry written is one the
 * build accepts.
 */
function cutToLimits(yaml: string, kept: string[], entryFile: string, sink: DiagnosticSink): void {
  let bytes = Buffer.byteLength(yaml) + kept.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0);
  const headLines = yaml.split("\n").length;
  if (bytes <= limits.textBytes && headLines + kept.length <= limits.markdownLines) return;
  const before = kept.length;
  // Drop whole lines from the end, then back to a blank line, so no paragraph is cut in two.
  while (kept.length > 0 && (bytes > limits.textBytes - 256 || headLines + kept.length > limits.markdownLines - 2)) bytes -= Buffer.byteLength(kept.pop()!) + 1;
  while (kept.length > 0 && kept[kept.length - 1] !== "") kept.pop();
  const left = before - kept.length;
  sink.warn(
    entryFile,
    "import-too-long",
    `The document is longer than an entry may be (${limits.textBytes / 1024} KB and ${limits.markdownLines} lines); its last ${count(left, "line")} of Markdown ${left === 1 ? "was" : "were"} left out. Ask the force for a shorter text.`,
    { line: headLines + kept.length },
  );
}

/** The first free name for the entry: kent, then kent-2, kent-3…; nothing existing is overwritten. */
function freeName(dir: string, slug: string): string {
  for (let n = 1; ; n++) {
    const base = n === 1 ? slug : `${slug}-${n}`;
    if (!existsSync(path.join(dir, `${base}.md`)) && !existsSync(path.join(dir, `${base}-image-1.png`)) && !existsSync(path.join(dir, `${base}-image-1.jpg`))) return base;
  }
}

function stripBackLinks(children: ElementContent[]): ElementContent[] {
  return children.map((c) => {
    if (c.type !== "element") return c;
    const kept = c.children.filter((k) => !(k.type === "element" && k.tagName === "a" && /^#(footnote|endnote)-ref-/.test(String(k.properties?.href ?? ""))));
    return { ...c, children: stripBackLinks(kept) };
  });
}

/** The report prints an image only as a paragraph of its own. */
function splitImages(node: RootContent): RootContent[] {
  if (node.type !== "paragraph" || !node.children.some((c) => c.type === "image") || node.children.length === 1) return [node];
  const out: Paragraph[] = [];
  let current: PhrasingContent[] = [];
  const flush = () => {
    if (current.some((c) => c.type !== "text" || c.value.trim())) out.push({ type: "paragraph", children: current });
    current = [];
  };
  for (const child of node.children) {
    if (child.type === "image") {
      flush();
      out.push({ type: "paragraph", children: [child] });
    } else current.push(child);
  }
  flush();
  return out;
}

function buildFrontMatter(title: string | null, lede: string | null, force: Force, docx: string, sink: DiagnosticSink): EntryFrontMatter {
  let headline = title ?? "";
  if (!headline) {
    headline = path.basename(docx, path.extname(docx)).replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim();
    headline = headline.charAt(0).toUpperCase() + headline.slice(1);
    sink.warn(docx, "import-title", `The document has no heading, so the title "${headline}" was taken from the file name; write a better one in the entry.`);
  }
  if (headline.length > 120) {
    const cut = headline.slice(0, 119).replace(/\s+\S*$/, "") + "…";
    sink.warn(docx, "import-title", `The first heading is ${headline.length} characters; headlines are at most 120, so it was shortened to "${cut}".`);
    headline = cut;
  }
  if (!lede) {
    lede = "TODO: write one or two sentences that open the entry.";
    sink.warn(docx, "import-lede", "The document has no opening paragraph to use as the lede; the entry says TODO there.");
  }
  return { force: force.slug, title: headline, lede, sample: false };
}
