// Joins parts of the book, each laid out as a PDF of its own, into one PDF: pages in order, with what
// they use (resources, fonts, images, link annotations), the bookmarks and the named destinations (the
// contents' links) pointing at the joined pages, and the document's metadata written once. Objects are
// copied as bytes with new numbers (src/pdf/pdfObjects.ts); nothing is decoded or compressed again.
//
// Each part embeds its own subsets of the fonts, under the same six-letter tags (pdfkit derives them
// from the font's number in its document); a joined book would then hold different subsets under one
// name, which some viewers confuse, so every part's tags are made its own.
import { createHash } from "node:crypto";
import { uaPacket } from "../pdf/xmp.ts";
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
function partTag(part: number, tag: string): string {
  const digest = createHash("sha256").update(`${part}:${tag}`).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
}

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

/**
 * One PDF from the parts' PDFs, in order. `overlay`, a PDF with a page for every page of the book, is
 * drawn over the book's pages (folios and draft marks: src/render/overlays.tsx).
 */
export async function joinParts(parts: Uint8Array[], meta: JoinMetadata, overlay?: Uint8Array): Promise<Buffer> {
  const writer = new PdfWriter();
  let next = infoNumber + 1;
  const id = createHash("sha256");
  const parsed = parts.map((bytes) => (id.update(bytes), parsePdf(bytes)));
  const partPages = parsed.map(pagesOf);
  // The book is tagged when every part is: one Document element holding each part's children in
  // order, one parent tree with each part's keys moved past the ones before.
  const structures = parsed.map(readStructure);
  const tagged = structures.every((s) => s !== undefined);
  // A book of tagged and untagged parts would be untagged as a whole without a word: refuse it.
  if (!tagged && structures.some((s) => s !== undefined)) throw new Error("Some parts of the book are tagged and others are not; lay them all out with the same templates.");
  const documentKids: string[] = [];
  const parentTree: [number, string][] = [];
  let keyOffset = 0;
  const [structRootNumber, structDocumentNumber, metadataNumber] = tagged ? [next++, next++, next++] : [0, 0, 0];
  const pageCount = partPages.reduce((sum, pages) => sum + pages.length, 0);

  // The overlay's pages become forms (their content stream as it is, with their resources), each drawn
  // on its page of the book under the name /Overlay, after the page's own content.
  const forms: number[] = [];
  let contentBefore = 0;
  let contentAfter = 0;
  if (overlay) {
    id.update(overlay);
    const over = parsePdf(overlay);
    const lookup = lookupIn(over);
    const pages = pagesOf(over);
    if (pages.length !== pageCount) throw new Error(`The overlays have ${pages.length} pages for a book of ${pageCount}.`);
    const resources = pages.map((page) => refOf(lookup(page).head, "Resources"));
    const kept = reachable(over, resources.filter((r): r is number => r !== undefined), new Set());
    const numbers = new Map([...kept].sort((a, b) => a - b).map((n) => [n, next++]));
    const to = (n: number) => numbers.get(n) ?? fail(`The overlay refers to object ${n} outside its pages' resources.`);
    for (const n of [...kept].sort((a, b) => a - b)) writer.write(numbers.get(n)!, { ...lookup(n), head: retag(renumber(lookup(n).head, to), parts.length) });
    pages.forEach((page, i) => {
      const { head } = lookup(page);
      const box = /\/MediaBox\s*(\[[^\]]*\])/.exec(head)?.[1];
      const contents = refOf(head, "Contents");
      if (!box || contents === undefined || resources[i] === undefined) throw new Error(`Overlay page ${i + 1} has no media box, contents or resources of its own.`);
      const content = lookup(contents);
      if (!content.stream) throw new Error(`Overlay page ${i + 1}'s contents are not one stream.`);
      const filter = /\/Filter\s*(\/\w+|\[[^\]]*\])/.exec(content.head)?.[1];
      forms.push(next);
      writer.write(next++, {
        head: `<<\n/Type /XObject\n/Subtype /Form\n/BBox ${box}\n/Resources ${to(resources[i]!)} 0 R${filter ? `\n/Filter ${filter}` : ""}\n>>`,
        stream: content.stream,
      });
    });
    contentBefore = next++;
    writer.write(contentBefore, { head: "<<\n>>", stream: Buffer.from("q\n", "latin1") });
    contentAfter = next++;
    // Folios and draft marks are artifacts of the page, not its text.
    const draw = tagged ? "/Artifact BMC\n/Overlay Do\nEMC" : "/Overlay Do";
    writer.write(contentAfter, { head: "<<\n>>", stream: Buffer.from(`Q\nq\n${draw}\nQ\n`, "latin1") });
  }

  const bookPages: number[] = [];
  const bookmarks: Bookmark[] = [];
  const dests = new Map<string, Destination>();
  parsed.forEach((pdf, part) => {
    const lookup = lookupIn(pdf);
    const pages = partPages[part];
    const pageIndex = new Map(pages.map((page, i) => [page, i]));
    bookmarks.push(...readOutline(pdf, pageIndex, bookPages.length));
    readDestinations(pdf, pageIndex, bookPages.length, dests);
    const structure = tagged ? structures[part] : undefined;
    const structFrom = structure ? [...structure.kids, ...structure.parentTree.map(([, value]) => value)].flatMap(referencesIn) : [];
    const kept = [...reachable(pdf, [...pages, ...structFrom], new Set(pages), new Set(structure ? [structure.root, structure.document] : []))].sort((a, b) => a - b);
    const numbers = new Map(kept.map((n) => [n, next++]));
    // The part's Document element is the book's: its children's parent is renumbered to it.
    if (structure) numbers.set(structure.document, structDocumentNumber);
    const to = (n: number) => numbers.get(n) ?? fail(`A part of the book refers from its pages to object ${n}, outside them.`);
    const offset = keyOffset;
    const moveKeys = (head: string) => (structure ? head.replace(/\/(StructParents?)\s+(\d+)/g, (_, key: string, n: string) => `/${key} ${Number(n) + offset}`) : head);
    if (structure) {
      documentKids.push(...structure.kids.map((kid) => renumber(kid, to)));
      parentTree.push(...structure.parentTree.map(([key, value]): [number, string] => [key + offset, renumber(value, to)]));
      keyOffset += Math.max(structure.nextKey, ...structure.parentTree.map(([key]) => key + 1));
    }
    // With an overlay, each page's resources also name its form: the resources must be the page's own.
    const resourcesOf = new Map<number, number>();
    if (overlay) {
      for (const page of pages) {
        const resources = refOf(lookup(page).head, "Resources");
        if (resources === undefined || resourcesOf.has(resources)) throw new Error("A page of a part of the book has no resources of its own to draw its overlay with.");
        resourcesOf.set(resources, forms[bookPages.length + pageIndex.get(page)!]);
      }
    }
    for (const n of kept) {
      const object = lookup(n);
      let head = moveKeys(retag(renumber(pageIndex.has(n) ? withoutParent(object.head) : object.head, to), part));
      if (pageIndex.has(n)) {
        head = head.replace(/^<<\s*/, `<<\n/Parent ${pageTreeNumber} 0 R\n`);
        if (overlay) head = head.replace(/\/Contents\s+(\d+)\s+0\s+R/, (_, c: string) => `/Contents [${contentBefore} 0 R ${c} 0 R ${contentAfter} 0 R]`);
      }
      const form = resourcesOf.get(n);
      if (form !== undefined) {
        if (/\/XObject\s+\d+\s+\d+\s+R/.test(head)) throw new Error("A page's images are in resources of their own; its overlay cannot be added to them.");
        head = /\/XObject\s*<</.test(head) ? head.replace(/\/XObject\s*<</, `/XObject <<\n/Overlay ${form} 0 R`) : head.replace(/^<<\s*/, `<<\n/XObject <<\n/Overlay ${form} 0 R\n>>\n`);
      }
      // Structure elements are many small dictionaries: packed into object streams, they cost a
      // fifth of the bytes they would as objects of their own.
      if (structure && !object.stream && /^<<\s*\/S\s*\/\w+\s[^]*\/P\s+\d+\s+\d+\s+R/.test(head) && !/\/URI\b/.test(head)) writer.pack(numbers.get(n)!, head);
      else writer.write(numbers.get(n)!, { ...object, head });
    }
    bookPages.push(...pages.map((page) => numbers.get(page)!));
  });

  const at = (d: Destination) => `[${bookPages[d.page]} 0 R${d.view ? ` ${d.view}` : ""}]`;
  let outlines: number | undefined;
  if (bookmarks.length > 0) {
    outlines = next++;
    const writeLevel = (items: Bookmark[], parent: number): { first: number; last: number; count: number } => {
      const numbers = items.map(() => next++);
      let count = items.length;
      items.forEach((item, i) => {
        const entries = [`/Title ${item.title}`, `/Parent ${parent} 0 R`, `/Dest ${at(item)}`];
        if (i > 0) entries.push(`/Prev ${numbers[i - 1]} 0 R`);
        if (i + 1 < items.length) entries.push(`/Next ${numbers[i + 1]} 0 R`);
        if (item.children.length > 0) {
          const level = writeLevel(item.children, numbers[i]);
          entries.push(`/First ${level.first} 0 R`, `/Last ${level.last} 0 R`, `/Count ${level.count}`);
          count += level.count;
        }
        writer.write(numbers[i], { head: `<<\n${entries.join("\n")}\n>>` });
      });
      return { first: numbers[0], last: numbers[numbers.length - 1], count };
    };
    const top = writeLevel(bookmarks, outlines);
    writer.write(outlines, { head: `<<\n/Type /Outlines\n/First ${top.first} 0 R\n/Last ${top.last} 0 R\n/Count ${top.count}\n>>` });
  }
  let names: number | undefined;
  if (dests.size > 0) {
    // A name tree's keys are sorted by their bytes.
    const keys = [...dests.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    names = next++;
    writer.write(names, { head: `<<\n/Names [\n${keys.map((key) => `${literal(key)} ${at(dests.get(key)!)}`).join("\n")}\n]\n>>` });
  }

  writer.write(pageTreeNumber, { head: `<<\n/Type /Pages\n/Kids [${bookPages.map((n) => `${n} 0 R`).join(" ")}]\n/Count ${bookPages.length}\n>>` });
  const catalog = ["/Type /Catalog", `/Pages ${pageTreeNumber} 0 R`];
  if (outlines !== undefined) catalog.push(`/Outlines ${outlines} 0 R`);
  if (names !== undefined) catalog.push(`/Names <<\n/Dests ${names} 0 R\n>>`);
  catalog.push("/PageMode /UseOutlines", `/Lang ${literal(meta.language)}`, "/ViewerPreferences <<\n/DisplayDocTitle true\n>>");
  if (tagged) {
    writer.write(structDocumentNumber, { head: `<<\n/Type /StructElem\n/S /Document\n/P ${structRootNumber} 0 R\n/Lang ${literal(meta.language)}\n/K [${documentKids.join(" ")}]\n>>` });
    const nums = parentTree.map(([key, value]) => `${key} ${value}`).join("\n");
    writer.write(structRootNumber, { head: `<<\n/Type /StructTreeRoot\n/K ${structDocumentNumber} 0 R\n/ParentTree <<\n/Nums [\n${nums}\n]\n>>\n/ParentTreeNextKey ${keyOffset}\n>>` });
    catalog.push(`/StructTreeRoot ${structRootNumber} 0 R`, "/MarkInfo <<\n/Marked true\n>>", `/Metadata ${metadataNumber} 0 R`);
    writer.write(metadataNumber, { head: "<<\n/Type /Metadata\n/Subtype /XML\n>>", stream: Buffer.from(uaPacket(meta), "utf8") });
  }
  writer.write(catalogNumber, { head: `<<\n${catalog.join("\n")}\n>>` });
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
  writer.write(infoNumber, { head: `<<\n${info.join("\n")}\n>>` });
  // The same parts and metadata give the same file identifier, so the same inputs give the same bytes.
  id.update(JSON.stringify(meta));
  return writer.finish({ root: catalogNumber, info: infoNumber, id: id.digest("hex").slice(0, 32) });
}

function fail(message: string): never {
  throw new Error(message);
}
