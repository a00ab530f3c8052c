// Joins parts of the book, each laid out as a PDF of its own, into one PDF: pages in order, the
// bookmarks and the named destinations (the contents' links) pointing at the joined pages, and the
// document's metadata written once. pdf-lib copies pages with their resources and link annotations
// but not a document's outline or names, so those are carried over here.
//
// Each part embeds its own subsets of the fonts, under the same six-letter tags (pdfkit derives them
// from the font's number in its document); a joined book would then hold different subsets under one
// name, which some viewers confuse, so every part's tags are made its own.
import { createHash } from "node:crypto";
import { drawObject, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, popGraphicsState, pushGraphicsState, type PDFObject, type PDFPage } from "pdf-lib";

export interface JoinMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  language: string;
  creationDate: Date;
  modificationDate: Date;
}

interface Bookmark {
  title: string;
  /** The destination, its page given as the index among the joined pages. */
  page: number;
  view: PDFObject[];
  children: Bookmark[];
}

const name = (n: string) => PDFName.of(n);

function textOf(value: PDFObject | undefined): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : "";
}

/** A subset tag (six capital letters) that is the part's own. */
function partTag(part: number, tag: string): string {
  const digest = createHash("sha256").update(`${part}:${tag}`).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
}

function retagFonts(doc: PDFDocument, part: number): void {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    for (const key of ["BaseFont", "FontName"]) {
      const value = object.get(name(key));
      if (!(value instanceof PDFName)) continue;
      const match = /^([A-Z]{6})\+(.*)$/.exec(value.decodeText());
      if (match) object.set(name(key), name(`${partTag(part, match[1])}+${match[2]}`));
    }
  }
}

/** The outline of one part, its pages given as indices into the joined book (`offset` for its first). */
function readOutline(doc: PDFDocument, pageIndex: Map<PDFRef, number>, offset: number): Bookmark[] {
  const read = (first: PDFObject | undefined): Bookmark[] => {
    const items: Bookmark[] = [];
    let ref = first;
    const seen = new Set<PDFObject>();
    while (ref instanceof PDFRef && !seen.has(ref)) {
      seen.add(ref);
      const item = doc.context.lookup(ref, PDFDict);
      const dest = item.lookup(name("Dest"));
      const array = dest instanceof PDFArray ? dest : undefined;
      const target = array?.get(0);
      const page = target instanceof PDFRef ? pageIndex.get(target) : undefined;
      if (page === undefined) throw new Error(`A bookmark ("${textOf(item.lookup(name("Title")))}") in a part of the book points at no page of it.`);
      items.push({ title: textOf(item.lookup(name("Title"))), page: offset + page, view: array!.asArray().slice(1), children: read(item.get(name("First"))) });
      ref = item.get(name("Next"));
    }
    return items;
  };
  const outlines = doc.catalog.lookup(name("Outlines"));
  return outlines instanceof PDFDict ? read(outlines.get(name("First"))) : [];
}

/** Named destinations of one part (flat or as a name tree), as name → page index and view. */
function readDestinations(doc: PDFDocument, pageIndex: Map<PDFRef, number>, offset: number, into: Map<string, { page: number; view: PDFObject[] }>): void {
  const visit = (node: PDFDict) => {
    const kids = node.lookup(name("Kids"));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) visit(kids.lookup(i, PDFDict));
    const names = node.lookup(name("Names"));
    if (!(names instanceof PDFArray)) return;
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = textOf(names.lookup(i));
      let dest = names.lookup(i + 1);
      if (dest instanceof PDFDict) dest = dest.lookup(name("D"));
      if (!(dest instanceof PDFArray)) continue;
      const target = dest.get(0);
      const page = target instanceof PDFRef ? pageIndex.get(target) : undefined;
      if (page === undefined) continue;
      if (into.has(key)) throw new Error(`Two parts of the book both name a destination "${key}".`);
      into.set(key, { page: offset + page, view: dest.asArray().slice(1) });
    }
  };
  const names = doc.catalog.lookup(name("Names"));
  const dests = names instanceof PDFDict ? names.lookup(name("Dests")) : undefined;
  if (dests instanceof PDFDict) visit(dests);
}

function writeOutline(out: PDFDocument, pages: PDFPage[], bookmarks: Bookmark[]): void {
  if (bookmarks.length === 0) return;
  const { context } = out;
  const rootRef = context.nextRef();
  const writeLevel = (items: Bookmark[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => context.nextRef());
    let count = items.length;
    items.forEach((item, i) => {
      const dict = context.obj({}) as PDFDict;
      dict.set(name("Title"), PDFHexString.fromText(item.title));
      dict.set(name("Parent"), parent);
      if (i > 0) dict.set(name("Prev"), refs[i - 1]);
      if (i + 1 < items.length) dict.set(name("Next"), refs[i + 1]);
      dict.set(name("Dest"), context.obj([pages[item.page].ref, ...item.view]));
      if (item.children.length > 0) {
        const level = writeLevel(item.children, refs[i]);
        dict.set(name("First"), level.first);
        dict.set(name("Last"), level.last);
        dict.set(name("Count"), context.obj(level.count));
        count += level.count;
      }
      context.assign(refs[i], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };
  const top = writeLevel(bookmarks, rootRef);
  context.assign(rootRef, context.obj({ Type: "Outlines", First: top.first, Last: top.last, Count: top.count }));
  out.catalog.set(name("Outlines"), rootRef);
}

function writeDestinations(out: PDFDocument, pages: PDFPage[], dests: Map<string, { page: number; view: PDFObject[] }>): void {
  if (dests.size === 0) return;
  // A name tree's keys are sorted by their bytes.
  const keys = [...dests.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const flat: PDFObject[] = keys.flatMap((key) => {
    const { page, view } = dests.get(key)!;
    return [PDFString.of(key), out.context.obj([pages[page].ref, ...view])];
  });
  const tree = out.context.obj({ Names: out.context.obj(flat) });
  out.catalog.set(name("Names"), out.context.obj({ Dests: out.context.register(tree) }));
}

function writeMetadata(out: PDFDocument, meta: JoinMetadata, id: string): void {
  out.setTitle(meta.title, { showInWindowTitleBar: true });
  out.setAuthor(meta.author);
  out.setSubject(meta.subject);
  out.setCreator(meta.creator);
  out.setProducer(meta.producer);
  out.setCreationDate(meta.creationDate);
  out.setModificationDate(meta.modificationDate);
  out.setLanguage(meta.language);
  // pdf-lib joins keywords with spaces; the report's are a comma-separated list, written as given.
  const info = out.context.lookup(out.context.trailerInfo.Info, PDFDict);
  info.set(name("Keywords"), PDFHexString.fromText(meta.keywords));
  out.catalog.set(name("PageMode"), name("UseOutlines"));
  // The same parts and metadata give the same file identifier, so the same inputs give the same bytes.
  out.context.trailerInfo.ID = out.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

/**
 * One PDF from the parts' PDFs, in order. `overlay`, a PDF with a page for every page of the book, is
 * drawn over the book's pages (folios and draft marks: src/render/overlays.tsx).
 */
export async function joinParts(parts: Uint8Array[], meta: JoinMetadata, overlay?: Uint8Array): Promise<Buffer> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const pages: PDFPage[] = [];
  const bookmarks: Bookmark[] = [];
  const dests = new Map<string, { page: number; view: PDFObject[] }>();
  const id = createHash("sha256");
  for (const [i, bytes] of parts.entries()) {
    id.update(bytes);
    // Parsed and written in one go (pdf-lib otherwise yields to the event loop every 50 objects).
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity });
    retagFonts(doc, i);
    const pageIndex = new Map(doc.getPages().map((p, n) => [p.ref, n] as [PDFRef, number]));
    bookmarks.push(...readOutline(doc, pageIndex, pages.length));
    readDestinations(doc, pageIndex, pages.length, dests);
    for (const copied of await out.copyPages(doc, doc.getPageIndices())) pages.push(out.addPage(copied));
  }
  if (overlay) {
    id.update(overlay);
    const over = await PDFDocument.load(overlay, { updateMetadata: false, parseSpeed: Infinity });
    retagFonts(over, parts.length);
    if (over.getPageCount() !== pages.length) throw new Error(`The overlays have ${over.getPageCount()} pages for a book of ${pages.length}.`);
    // One embedding of the overlay document, so its fonts are embedded once for the whole book.
    const embedded = await out.embedPdf(over, over.getPageIndices());
    // Drawn by hand under a fixed name: pdf-lib's drawPage names the form with a random suffix, and the
    // same inputs must give the same bytes.
    const overlayName = name("Overlay");
    embedded.forEach((page, i) => {
      pages[i].node.setXObject(overlayName, page.ref);
      pages[i].pushOperators(pushGraphicsState(), drawObject(overlayName), popGraphicsState());
    });
  }
  writeOutline(out, pages, bookmarks);
  writeDestinations(out, pages, dests);
  id.update(JSON.stringify(meta));
  writeMetadata(out, meta, id.digest("hex").slice(0, 32));
  return Buffer.from(await out.save({ useObjectStreams: false, objectsPerTick: Infinity }));
}
