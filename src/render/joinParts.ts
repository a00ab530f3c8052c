// Joins parts of the book, each laid out as a PDF of its own, into one PDF: pages in order, with what
// they use (resources, fonts, images, link annotations), the bookmarks and the named destinations (the
// contents' links) pointing at the joined pages, and the document's metadata written once. Objects are
// copied as bytes with new numbers (src/pdf/pdfObjects.ts); nothing is decoded or compressed again.
//
// Each part embeds its own subsets of the fonts; the book holds one subset of each of the theme's faces
// instead, shared by every part (src/render/shareFonts.ts). Any other font stays the part's, under the
// six-letter tag pdfkit derives from the font's number in its document; a joined book would then hold
// different subsets under one name, which some viewers confuse, so those tags are made the part's own.
import { createHash } from "node:crypto";
import { uaPacket } from "../pdf/xmp.ts";
import type { StageCache } from "../cache/stageCache.ts";
import { shareFonts, subsetTag } from "./shareFonts.ts";
import { hexText, literal, literalBytes, parsePdf, PdfWriter, refOf, referencesIn, renumber, type ParsedPdf, type PdfObject } from "../pdf/pdfObjects.ts";

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

/** Where a bookmark or a named destination points: a page of the joined book (from 0) and the view on it, as written. */
interface Destination {
  page: number;
  view: string;
}

interface Bookmark extends Destination {
  /** The title's string token, as the part wrote it. */
  title: string;
  children: Bookmark[];
}

const stringToken = String.raw`\((?:[^()\\]|\\[\s\S]|\((?:[^()\\]|\\[\s\S])*\))*\)|<[0-9A-Fa-f\s]*>`;

/** A subset tag (six capital letters) that is the part's own. */
const partTag = (part: number, tag: string) => subsetTag(`${part}:${tag}`);

const retag = (head: string, part: number) => head.replace(/(\/(?:BaseFont|FontName)\s*\/)([A-Z]{6})\+/g, (_, key: string, tag: string) => `${key}${partTag(part, tag)}+`);

function lookupIn(pdf: ParsedPdf): (n: number) => PdfObject {
  return (n) => {
    const object = pdf.objects.get(n);
    if (!object) throw new Error(`A part of the book refers to object ${n}, which it does not have.`);
    return object;
  };
}

/** The page objects of a PDF, in order, from its page tree. */
function pagesOf(pdf: ParsedPdf): number[] {
  const lookup = lookupIn(pdf);
  const pages: number[] = [];
  const visit = (n: number, depth: number) => {
    const { head } = lookup(n);
    if (!/\/Type\s*\/Pages\b/.test(head)) return void pages.push(n);
    if (depth > 32) throw new Error("A part of the book has a page tree deeper than 32 levels.");
    for (const kid of referencesIn(/\/Kids\s*\[([^\]]*)\]/.exec(head)?.[1] ?? "")) visit(kid, depth + 1);
  };
  const tree = refOf(lookup(pdf.root).head, "Pages");
  if (tree === undefined) throw new Error("A part of the book has no page tree.");
  visit(tree, 0);
  return pages;
}

const withoutParent = (head: string) => head.replace(/\/Parent\s+\d+\s+\d+\s+R\s*/, "");

/**
 * Every object reachable from the given ones, themselves included; from a page, not up to its page tree;
 * never into `outside` (objects the joined book replaces, such as a part's structure tree root).
 */
function reachable(pdf: ParsedPdf, from: number[], pages: ReadonlySet<number>, outside: ReadonlySet<number> = new Set()): Set<number> {
  const lookup = lookupIn(pdf);
  const kept = new Set<number>();
  const stack = [...from];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (kept.has(n) || outside.has(n)) continue;
    kept.add(n);
    const { head } = lookup(n);
    for (const ref of referencesIn(pages.has(n) ? withoutParent(head) : head)) if (!kept.has(ref)) stack.push(ref);
  }
  return kept;
}

/** A destination array ("[page 0 R /XYZ x y zoom]") as a page of the book and its view. */
function destination(array: string, pageIndex: Map<number, number>, offset: number): Destination | undefined {
  const found = /^\[\s*(\d+)\s+\d+\s+R\s*([\s\S]*)\]$/.exec(array.trim());
  const page = found ? pageIndex.get(Number(found[1])) : undefined;
  return page === undefined ? undefined : { page: offset + page, view: found![2].trim() };
}

function readOutline(pdf: ParsedPdf, pageIndex: Map<number, number>, offset: number): Bookmark[] {
  const lookup = lookupIn(pdf);
  const read = (first: number | undefined): Bookmark[] => {
    const items: Bookmark[] = [];
    const seen = new Set<number>();
    for (let n = first; n !== undefined && !seen.has(n); ) {
      seen.add(n);
      const { head } = lookup(n);
      const title = new RegExp(String.raw`/Title\s*(${stringToken})`).exec(head)?.[1] ?? "()";
      const dest = /\/Dest\s*(\[[^\]]*\])/.exec(head)?.[1] ?? lookup(refOf(head, "Dest") ?? n).head;
      const target = destination(dest, pageIndex, offset);
      if (!target) throw new Error(`A bookmark ${title} in a part of the book points at no page of it.`);
      items.push({ title, ...target, children: read(refOf(head, "First")) });
      n = refOf(head, "Next");
    }
    return items;
  };
  const outlines = refOf(lookup(pdf.root).head, "Outlines");
  return outlines === undefined ? [] : read(refOf(lookup(outlines).head, "First"));
}

/** Named destinations of one part (flat or as a name tree), as name → page and view. */
function readDestinations(pdf: ParsedPdf, pageIndex: Map<number, number>, offset: number, into: Map<string, Destination>): void {
  const lookup = lookupIn(pdf);
  const pair = new RegExp(String.raw`(${stringToken})\s*(\[[^\]]*\]|(\d+)\s+\d+\s+R|<<[\s\S]*?>>)`, "g");
  const visit = (head: string, depth: number) => {
    if (depth > 32) throw new Error("A part of the book has a name tree deeper than 32 levels.");
    for (const kid of referencesIn(/\/Kids\s*\[([^\]]*)\]/.exec(head)?.[1] ?? "")) visit(lookup(kid).head, depth + 1);
    const names = /\/Names\s*\[([\s\S]*)\]/.exec(head)?.[1] ?? "";
    for (const [, key, value, ref] of names.matchAll(pair)) {
      let array = ref === undefined ? value : lookup(Number(ref)).head;
      if (array.startsWith("<<")) array = /\/D\s*(\[[^\]]*\])/.exec(array)?.[1] ?? "";
      const target = destination(array, pageIndex, offset);
      if (!target) continue;
      const name = key.startsWith("(") ? literalBytes(key) : key;
      if (into.has(name)) throw new Error(`Two parts of the book both name a destination "${name}".`);
      into.set(name, target);
    }
  };
  const names = refOf(lookup(pdf.root).head, "Names");
  if (names === undefined) return;
  const { head } = lookup(names);
  const dests = refOf(head, "Dests");
  visit(dests === undefined ? head : lookup(dests).head, 0);
}

/**
 * A tagged part's structure (written by the tagging in patches/@react-pdf+render+*.patch): its tree
 * root, the Document element under it, that element's children, and its parent tree's entries (key →
 * value as written: an array of elements by MCID for a page, one element for an annotation).
 */
interface PartStructure {
  root: number;
  document: number;
  kids: string[];
  parentTree: [number, string][];
  nextKey: number;
}

function readStructure(pdf: ParsedPdf): PartStructure | undefined {
  const lookup = lookupIn(pdf);
  const root = refOf(lookup(pdf.root).head, "StructTreeRoot");
  if (root === undefined) return undefined;
  const { head } = lookup(root);
  const document = refOf(head, "K") ?? referencesIn(/\/K\s*\[([^\]]*)\]/.exec(head)?.[1] ?? "")[0];
  if (document === undefined || !/\/S\s*\/Document\b/.test(lookup(document).head)) throw new Error("A tagged part of the book has no Document element at the root of its structure.");
  const kidsText = /\/K\s*\[([^\]]*)\]/.exec(lookup(document).head)?.[1] ?? "";
  const kids = referencesIn(kidsText).map((n) => `${n} 0 R`);
  if (kidsText.replace(/\d+\s+\d+\s+R/g, "").trim() !== "") throw new Error("A tagged part of the book has content directly under its Document element.");
  const nums = /\/ParentTree\s*<<[\s\S]*?\/Nums\s*\[([\s\S]*)\]\s*>>/.exec(head)?.[1] ?? "";
  if (/\/Kids/.test(/\/ParentTree\s*<<[\s\S]*?>>/.exec(head)?.[0] ?? "")) throw new Error("A tagged part of the book has a parent tree in more than one node.");
  const parentTree = [...nums.matchAll(/(\d+)\s+(\[[^\]]*\]|\d+\s+\d+\s+R)/g)].map(([, key, value]): [number, string] => [Number(key), value]);
  const nextKey = Number(/\/ParentTreeNextKey\s+(\d+)/.exec(head)?.[1] ?? 0);
  return { root, document, kids, parentTree, nextKey };
}

/** A date as PDF writes one, in UTC. */
function pdfDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `(D:${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z)`;
}

const catalogNumber = 1;
const pageTreeNumber = 2;
const infoNumber = 3;

/** Object numbers of the joined book, handed out in order (the order fixes the file's bytes). */
class ObjectNumbers {
  constructor(private next: number) {}
  take(): number {
    return this.next++;
  }
}

/** The book's structure tree root, Document element and XMP metadata, when the book is tagged. */
interface BookStructure {
  root: number;
  document: number;
  metadata: number;
}

/** The overlay as the joined book draws it: a form per page, and the two streams around each page's content. */
interface OverlayForms {
  forms: number[];
  contentBefore: number;
  contentAfter: number;
}

/** What one part adds to the book besides its objects: its pages, bookmarks and structure, renumbered. */
interface JoinedPart {
  pages: number[];
  bookmarks: Bookmark[];
  documentKids: string[];
  parentTree: [number, string][];
  /** How many parent-tree keys the part uses: the next part's keys start past them. */
  keys: number;
}

/**
 * One PDF from the parts' PDFs, in order. `overlay`, a PDF with a page for every page of the book, is
 * drawn over the book's pages (folios and draft marks: src/render/overlays.tsx). `cache` keeps the
 * book's font subsets (src/render/shareFonts.ts).
 */
export async function joinParts(parts: Uint8Array[], meta: JoinMetadata, overlay?: Uint8Array, cache?: StageCache): Promise<Buffer> {
  const writer = new PdfWriter();
  const numbers = new ObjectNumbers(infoNumber + 1);
  const id = createHash("sha256");
  const parsed = parts.map((bytes) => (id.update(bytes), parsePdf(bytes)));
  const partPages = parsed.map(pagesOf);
  const structures = partStructures(parsed);
  const structure: BookStructure | undefined = structures ? { root: numbers.take(), document: numbers.take(), metadata: numbers.take() } : undefined;
  const pageCount = partPages.reduce((sum, pages) => sum + pages.length, 0);
  if (overlay) id.update(overlay);
  const over = overlay ? parsePdf(overlay) : undefined;
  const fonts = shareFonts(over ? [...parsed, over] : parsed, writer, () => numbers.take(), cache);
  const overlayForms = over ? writeOverlay(writer, numbers, over, { pageCount, partCount: parts.length, tagged: structure !== undefined, fonts: fonts[parts.length] }) : undefined;

  const bookPages: number[] = [];
  const bookmarks: Bookmark[] = [];
  const dests = new Map<string, Destination>();
  const documentKids: string[] = [];
  const parentTree: [number, string][] = [];
  let keyOffset = 0;
  parsed.forEach((pdf, part) => {
    const context = { part, firstPage: bookPages.length, keyOffset, structure: structures?.[part], bookDocument: structure?.document ?? 0, overlay: overlayForms, fonts: fonts[part] };
    const joined = writePart(writer, numbers, pdf, partPages[part], context, dests);
    bookPages.push(...joined.pages);
    bookmarks.push(...joined.bookmarks);
    documentKids.push(...joined.documentKids);
    parentTree.push(...joined.parentTree);
    keyOffset += joined.keys;
  });

  const at = (d: Destination) => `[${bookPages[d.page]} 0 R${d.view ? ` ${d.view}` : ""}]`;
  const outlines = writeOutlines(writer, numbers, bookmarks, at);
  const names = writeNames(writer, numbers, dests, at);
  writer.write(pageTreeNumber, { head: `<<\n/Type /Pages\n/Kids [${bookPages.map((n) => `${n} 0 R`).join(" ")}]\n/Count ${bookPages.length}\n>>` });
  const catalog = ["/Type /Catalog", `/Pages ${pageTreeNumber} 0 R`];
  if (outlines !== undefined) catalog.push(`/Outlines ${outlines} 0 R`);
  if (names !== undefined) catalog.push(`/Names <<\n/Dests ${names} 0 R\n>>`);
  catalog.push("/PageMode /UseOutlines", `/Lang ${literal(meta.language)}`, "/ViewerPreferences <<\n/DisplayDocTitle true\n>>");
  if (structure) catalog.push(...writeStructure(writer, structure, meta, documentKids, parentTree, keyOffset));
  writer.write(catalogNumber, { head: `<<\n${catalog.join("\n")}\n>>` });
  writer.write(infoNumber, { head: infoDictionary(meta) });
  // The same parts and metadata give the same file identifier, so the same inputs give the same bytes.
  id.update(JSON.stringify(meta));
  return writer.finish({ root: catalogNumber, info: infoNumber, id: id.digest("hex").slice(0, 32) });
}

/**
 * The parts' structures when the book is tagged, which it is when every part is: one Document element
 * holding each part's children in order, one parent tree with each part's keys moved past the ones before.
 */
function partStructures(parsed: ParsedPdf[]): PartStructure[] | undefined {
  const structures = parsed.map(readStructure);
  if (structures.every((s) => s !== undefined)) return structures;
  // A book of tagged and untagged parts would be untagged as a whole without a word: refuse it.
  if (structures.some((s) => s !== undefined)) throw new Error("Some parts of the book are tagged and others are not; lay them all out with the same templates.");
  return undefined;
}

/**
 * The overlay's pages become forms (their content stream as it is, with their resources), each drawn
 * on its page of the book under the name /Overlay, after the page's own content. `fonts`: the
 * overlay's fonts the book's shared ones replace.
 */
function writeOverlay(writer: PdfWriter, numbers: ObjectNumbers, over: ParsedPdf, how: { pageCount: number; partCount: number; tagged: boolean; fonts: Map<number, number> }): OverlayForms {
  const { pageCount, partCount, tagged, fonts } = how;
  const lookup = lookupIn(over);
  const pages = pagesOf(over);
  if (pages.length !== pageCount) throw new Error(`The overlays have ${pages.length} pages for a book of ${pageCount}.`);
  const resources = pages.map((page) => refOf(lookup(page).head, "Resources"));
  const kept = reachable(over, resources.filter((r): r is number => r !== undefined), new Set(), new Set(fonts.keys()));
  const renumbered = new Map([...[...kept].sort((a, b) => a - b).map((n): [number, number] => [n, numbers.take()]), ...fonts]);
  const to = (n: number) => renumbered.get(n) ?? fail(`The overlay refers to object ${n} outside its pages' resources.`);
  // The overlay is numbered as one part past the book's, so its font subsets get tags of their own.
  for (const n of [...kept].sort((a, b) => a - b)) writer.write(renumbered.get(n)!, { ...lookup(n), head: retag(renumber(lookup(n).head, to), partCount) });
  const forms = pages.map((page, i) => {
    const { head } = lookup(page);
    const box = /\/MediaBox\s*(\[[^\]]*\])/.exec(head)?.[1];
    const contents = refOf(head, "Contents");
    if (!box || contents === undefined || resources[i] === undefined) throw new Error(`Overlay page ${i + 1} has no media box, contents or resources of its own.`);
    const content = lookup(contents);
    if (!content.stream) throw new Error(`Overlay page ${i + 1}'s contents are not one stream.`);
    const filter = /\/Filter\s*(\/\w+|\[[^\]]*\])/.exec(content.head)?.[1];
    const form = numbers.take();
    writer.write(form, {
      head: `<<\n/Type /XObject\n/Subtype /Form\n/BBox ${box}\n/Resources ${to(resources[i]!)} 0 R${filter ? `\n/Filter ${filter}` : ""}\n>>`,
      stream: content.stream,
    });
    return form;
  });
  const contentBefore = numbers.take();
  writer.write(contentBefore, { head: "<<\n>>", stream: Buffer.from("q\n", "latin1") });
  const contentAfter = numbers.take();
  // Folios and draft marks are artifacts of the page, not its text.
  const draw = tagged ? "/Artifact BMC\n/Overlay Do\nEMC" : "/Overlay Do";
  writer.write(contentAfter, { head: "<<\n>>", stream: Buffer.from(`Q\nq\n${draw}\nQ\n`, "latin1") });
  return { forms, contentBefore, contentAfter };
}

/** Where a part goes in the book: its index, its first page, its first parent-tree key, its structure. */
interface PartContext {
  part: number;
  firstPage: number;
  keyOffset: number;
  structure: PartStructure | undefined;
  /** The book's Document element, which takes the place of the part's. */
  bookDocument: number;
  overlay: OverlayForms | undefined;
  /** The part's fonts the book's shared ones replace: its font object → the book's. */
  fonts: Map<number, number>;
}

/** Writes one part's pages and what they use, renumbered; reads its bookmarks and named destinations. */
function writePart(writer: PdfWriter, numbers: ObjectNumbers, pdf: ParsedPdf, pages: number[], context: PartContext, dests: Map<string, Destination>): JoinedPart {
  const { structure } = context;
  const lookup = lookupIn(pdf);
  const pageIndex = new Map(pages.map((page, i) => [page, i]));
  const bookmarks = readOutline(pdf, pageIndex, context.firstPage);
  readDestinations(pdf, pageIndex, context.firstPage, dests);
  const structFrom = structure ? [...structure.kids, ...structure.parentTree.map(([, value]) => value)].flatMap(referencesIn) : [];
  const outside = new Set([...(structure ? [structure.root, structure.document] : []), ...context.fonts.keys()]);
  const kept = [...reachable(pdf, [...pages, ...structFrom], new Set(pages), outside)].sort((a, b) => a - b);
  const renumbered = new Map([...kept.map((n): [number, number] => [n, numbers.take()]), ...context.fonts]);
  // The part's Document element is the book's: its children's parent is renumbered to it.
  if (structure) renumbered.set(structure.document, context.bookDocument);
  const to = (n: number) => renumbered.get(n) ?? fail(`A part of the book refers from its pages to object ${n}, outside them.`);
  const resourcesOf = context.overlay ? overlayResources(lookup, pages, context.overlay.forms.slice(context.firstPage)) : new Map<number, number>();
  for (const n of kept) {
    const object = lookup(n);
    const head = partHead(object.head, n, { context, to, pageIndex, form: resourcesOf.get(n) });
    // Structure elements are many small dictionaries: packed into object streams, they cost a
    // fifth of the bytes they would as objects of their own.
    if (structure && !object.stream && /^<<\s*\/S\s*\/\w+\s[^]*\/P\s+\d+\s+\d+\s+R/.test(head) && !/\/URI\b/.test(head)) writer.pack(renumbered.get(n)!, head);
    else writer.write(renumbered.get(n)!, { ...object, head });
  }
  const offset = context.keyOffset;
  return {
    pages: pages.map((page) => renumbered.get(page)!),
    bookmarks,
    documentKids: structure ? structure.kids.map((kid) => renumber(kid, to)) : [],
    parentTree: structure ? structure.parentTree.map(([key, value]): [number, string] => [key + offset, renumber(value, to)]) : [],
    keys: structure ? Math.max(structure.nextKey, ...structure.parentTree.map(([key]) => key + 1)) : 0,
  };
}

/** With an overlay, each page's resources also name its form: the resources must be the page's own. */
function overlayResources(lookup: (n: number) => PdfObject, pages: number[], forms: number[]): Map<number, number> {
  const resourcesOf = new Map<number, number>();
  pages.forEach((page, i) => {
    const resources = refOf(lookup(page).head, "Resources");
    if (resources === undefined || resourcesOf.has(resources)) throw new Error("A page of a part of the book has no resources of its own to draw its overlay with.");
    resourcesOf.set(resources, forms[i]);
  });
  return resourcesOf;
}

/**
 * An object of a part as the book writes it: renumbered, its font tags made the part's, its
 * parent-tree keys moved; a page hung on the book's page tree (and drawing the overlay around its
 * content); a page's resources naming its overlay form.
 */
function partHead(head: string, n: number, how: { context: PartContext; to: (n: number) => number; pageIndex: Map<number, number>; form: number | undefined }): string {
  const { context, to, pageIndex, form } = how;
  const isPage = pageIndex.has(n);
  let out = retag(renumber(isPage ? withoutParent(head) : head, to), context.part);
  if (context.structure) out = out.replace(/\/(StructParents?)\s+(\d+)/g, (_, key: string, k: string) => `/${key} ${Number(k) + context.keyOffset}`);
  if (isPage) {
    out = out.replace(/^<<\s*/, `<<\n/Parent ${pageTreeNumber} 0 R\n`);
    const overlay = context.overlay;
    if (overlay) out = out.replace(/\/Contents\s+(\d+)\s+0\s+R/, (_, c: string) => `/Contents [${overlay.contentBefore} 0 R ${c} 0 R ${overlay.contentAfter} 0 R]`);
  }
  if (form === undefined) return out;
  if (/\/XObject\s+\d+\s+\d+\s+R/.test(out)) throw new Error("A page's images are in resources of their own; its overlay cannot be added to them.");
  return /\/XObject\s*<</.test(out) ? out.replace(/\/XObject\s*<</, `/XObject <<\n/Overlay ${form} 0 R`) : out.replace(/^<<\s*/, `<<\n/XObject <<\n/Overlay ${form} 0 R\n>>\n`);
}

/** The book's bookmarks, level by level; the outline dictionary's number, or none without bookmarks. */
function writeOutlines(writer: PdfWriter, numbers: ObjectNumbers, bookmarks: Bookmark[], at: (d: Destination) => string): number | undefined {
  if (bookmarks.length === 0) return undefined;
  const outlines = numbers.take();
  const writeLevel = (items: Bookmark[], parent: number): { first: number; last: number; count: number } => {
    const taken = items.map(() => numbers.take());
    let count = items.length;
    items.forEach((item, i) => {
      const entries = [`/Title ${item.title}`, `/Parent ${parent} 0 R`, `/Dest ${at(item)}`];
      if (i > 0) entries.push(`/Prev ${taken[i - 1]} 0 R`);
      if (i + 1 < items.length) entries.push(`/Next ${taken[i + 1]} 0 R`);
      if (item.children.length > 0) {
        const level = writeLevel(item.children, taken[i]);
        entries.push(`/First ${level.first} 0 R`, `/Last ${level.last} 0 R`, `/Count ${level.count}`);
        count += level.count;
      }
      writer.write(taken[i], { head: `<<\n${entries.join("\n")}\n>>` });
    });
    return { first: taken[0], last: taken[taken.length - 1], count };
  };
  const top = writeLevel(bookmarks, outlines);
  writer.write(outlines, { head: `<<\n/Type /Outlines\n/First ${top.first} 0 R\n/Last ${top.last} 0 R\n/Count ${top.count}\n>>` });
  return outlines;
}

/** The named destinations (the contents' links) as one flat name tree; its number, or none without any. */
function writeNames(writer: PdfWriter, numbers: ObjectNumbers, dests: Map<string, Destination>, at: (d: Destination) => string): number | undefined {
  if (dests.size === 0) return undefined;
  // A name tree's keys are sorted by their bytes.
  const keys = [...dests.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const names = numbers.take();
  writer.write(names, { head: `<<\n/Names [\n${keys.map((key) => `${literal(key)} ${at(dests.get(key)!)}`).join("\n")}\n]\n>>` });
  return names;
}

/** Writes the tagged book's Document element, structure tree root and XMP; the catalog entries naming them. */
function writeStructure(writer: PdfWriter, structure: BookStructure, meta: JoinMetadata, documentKids: string[], parentTree: [number, string][], nextKey: number): string[] {
  writer.write(structure.document, { head: `<<\n/Type /StructElem\n/S /Document\n/P ${structure.root} 0 R\n/Lang ${literal(meta.language)}\n/K [${documentKids.join(" ")}]\n>>` });
  const nums = parentTree.map(([key, value]) => `${key} ${value}`).join("\n");
  writer.write(structure.root, { head: `<<\n/Type /StructTreeRoot\n/K ${structure.document} 0 R\n/ParentTree <<\n/Nums [\n${nums}\n]\n>>\n/ParentTreeNextKey ${nextKey}\n>>` });
  writer.write(structure.metadata, { head: "<<\n/Type /Metadata\n/Subtype /XML\n>>", stream: Buffer.from(uaPacket(meta), "utf8") });
  return [`/StructTreeRoot ${structure.root} 0 R`, "/MarkInfo <<\n/Marked true\n>>", `/Metadata ${structure.metadata} 0 R`];
}

/** The document information dictionary. */
function infoDictionary(meta: JoinMetadata): string {
  const info = [
    `/Title ${hexText(meta.title)}`,
    `/Author ${hexText(meta.author)}`,
    `/Subject ${hexText(meta.subject)}`,
    `/Keywords ${hexText(meta.keywords)}`,
    `/Creator ${hexText(meta.creator)}`,
    `/Producer ${hexText(meta.producer)}`,
    `/CreationDate ${pdfDate(meta.creationDate)}`,
    `/ModDate ${pdfDate(meta.modificationDate)}`,
  ];
  return `<<\n${info.join("\n")}\n>>`;
}

function fail(message: string): never {
  throw new Error(message);
}
