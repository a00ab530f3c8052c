// Copying pages of a tagged PDF into another with pdf-lib, with the part of the structure tree that marks
// their content: a draft's review sheet put into the book, a force's pages and figure pages put into its
// proof pack. pdf-lib's copyPages copies a page's content (with its marked-content ids) but not the
// elements that own it, which left the copy untagged. Here every element with content on a copied page
// is copied, keeping only that content (an element with none there is left out), pointed at the copied
// pages, and given parent-tree entries under new keys in the target.
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNull, PDFNumber, PDFObjectCopier, PDFPage, PDFRef, type PDFObject } from "pdf-lib";
import { uaPacket } from "./xmp.ts";

const name = (n: string) => PDFName.of(n);

/** The target's structure: its Document element, and where new parent-tree keys start. */
interface Tree {
  document: PDFDict;
  documentRef: PDFRef;
  nums: PDFArray;
  root: PDFDict;
  nextKey: number;
}

function kidsOf(dict: PDFDict): PDFObject[] {
  const k = dict.get(name("K"));
  return k === undefined ? [] : k instanceof PDFArray ? k.asArray() : [k];
}

/** The tree of a tagged PDF; a PDF without one is refused (copying would leave content untagged). */
function treeOf(pdf: PDFDocument): Tree {
  const root = pdf.catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
  if (!root) throw new Error("The PDF has no structure tree: its pages cannot be copied as tagged pages.");
  const [documentRef] = kidsOf(root);
  const document = documentRef instanceof PDFRef ? pdf.context.lookup(documentRef) : undefined;
  if (!(documentRef instanceof PDFRef) || !(document instanceof PDFDict) || document.lookup(name("S")) !== name("Document")) throw new Error("The PDF's structure tree has no Document element at its root.");
  const parentTree = root.lookup(name("ParentTree"), PDFDict);
  if (parentTree.has(name("Kids"))) throw new Error("The PDF's parent tree has more than one node.");
  const nums = parentTree.lookup(name("Nums"), PDFArray);
  return { document, documentRef, nums, root, nextKey: root.lookupMaybe(name("ParentTreeNextKey"), PDFNumber)?.asNumber() ?? 0 };
}

/** Makes `pdf` (new, untagged) a tagged PDF with an empty Document element, its language, title and PDF/UA identification. */
export function startTaggedPdf(pdf: PDFDocument, meta: { title: string; author: string; language: string }): void {
  const { context, catalog } = pdf;
  const rootRef = context.nextRef();
  const document = context.obj({ Type: "StructElem", S: "Document", P: rootRef, K: [] });
  context.assign(rootRef, context.obj({ Type: "StructTreeRoot", K: context.register(document), ParentTree: context.obj({ Nums: [] }), ParentTreeNextKey: 0 }));
  catalog.set(name("StructTreeRoot"), rootRef);
  catalog.set(name("MarkInfo"), context.obj({ Marked: PDFBool.True }));
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setLanguage(meta.language);
  const xmp = context.stream(uaPacket(meta), { Type: "Metadata", Subtype: "XML" });
  catalog.set(name("Metadata"), context.register(xmp));
}

interface CopiedPage {
  ref: PDFRef;
  node: PDFDict;
  /** The element that owns each marked-content id of the page, once the tree is copied. */
  mcids: (PDFRef | undefined)[];
}

/** The pages copied (not yet placed), by their original's reference, and their annotations by theirs. */
function copyPages(to: PDFDocument, from: PDFDocument, indices: number[], copier: PDFObjectCopier) {
  const fromPages = from.getPages();
  const pageMap = new Map<string, CopiedPage>();
  const annotMap = new Map<string, PDFDict>();
  const copied = indices.map((i) => {
    const original = fromPages[i];
    const node = copier.copy(original.node);
    const ref = to.context.register(node);
    pageMap.set(original.ref.toString(), { ref, node, mcids: [] });
    // The copy's annotations are in the same order as the original's.
    const before = original.node.lookupMaybe(name("Annots"), PDFArray)?.asArray() ?? [];
    const after = node.lookupMaybe(name("Annots"), PDFArray)?.asArray() ?? [];
    before.forEach((r, k) => {
      const annot = after[k] instanceof PDFRef ? to.context.lookup(after[k]) : after[k];
      if (annot instanceof PDFDict) {
        annot.delete(name("StructParent"));
        annotMap.set(r.toString(), annot);
      }
    });
    return PDFPage.of(node as never, ref, to);
  });
  return { copied, pageMap, annotMap };
}

/**
 * Copies pages `indices` of `from` into `to`, at page `at` (the end by default), with their structure:
 * the elements go under `to`'s Document element, at its start (`first`) or its end. Both must be tagged.
 */
export function copyTaggedPages(to: PDFDocument, from: PDFDocument, indices: number[], place: { at?: number; first?: boolean } = {}): PDFPage[] {
  const source = treeOf(from);
  const target = treeOf(to);
  const copier = PDFObjectCopier.for(from.context, to.context);
  const { copied, pageMap, annotMap } = copyPages(to, from, indices, copier);
  const keyed: [number, PDFObject][] = [];
  /** The element's copy with only its content on the copied pages, or undefined when it has none there. */
  const copyElement = (ref: PDFRef, parent: PDFRef): PDFRef | undefined => {
    const element = from.context.lookup(ref, PDFDict);
    const own = to.context.nextRef();
    const pageOf = (dict: PDFDict) => {
      const pg = dict.get(name("Pg")) ?? element.get(name("Pg"));
      return pg instanceof PDFRef ? pageMap.get(pg.toString()) : undefined;
    };
    const kids: PDFObject[] = [];
    for (const kid of kidsOf(element)) {
      const value = kid instanceof PDFRef ? from.context.lookup(kid) : kid;
      if (value instanceof PDFNumber || (value instanceof PDFDict && value.lookup(name("Type")) === name("MCR"))) {
        const page = pageOf(value instanceof PDFDict ? value : element);
        if (!page) continue;
        const mcid = value instanceof PDFNumber ? value.asNumber() : value.lookup(name("MCID"), PDFNumber).asNumber();
        page.mcids[mcid] = own;
        kids.push(to.context.obj({ Type: "MCR", Pg: page.ref, MCID: mcid }));
      } else if (value instanceof PDFDict && value.lookup(name("Type")) === name("OBJR")) {
        const page = pageOf(value);
        const obj = value.get(name("Obj"));
        const annot = obj instanceof PDFRef ? annotMap.get(obj.toString()) : undefined;
        if (!page || !annot) continue;
        annot.set(name("StructParent"), PDFNumber.of(target.nextKey));
        keyed.push([target.nextKey++, own]);
        kids.push(to.context.obj({ Type: "OBJR", Pg: page.ref, Obj: to.context.getObjectRef(annot) ?? to.context.register(annot) }));
      } else if (kid instanceof PDFRef && value instanceof PDFDict) {
        const child = copyElement(kid, own);
        if (child) kids.push(child);
      }
    }
    if (kids.length === 0) return undefined;
    const copy = to.context.obj({});
    for (const [key, value] of element.entries()) if (!["K", "P", "Pg"].includes(key.asString().slice(1))) copy.set(key, copier.copy(value));
    copy.set(name("P"), parent);
    copy.set(name("K"), to.context.obj(kids));
    to.context.assign(own, copy);
    return own;
  };
  const elements = kidsOf(source.document).flatMap((kid) => (kid instanceof PDFRef ? [copyElement(kid, target.documentRef)].filter((r): r is PDFRef => r !== undefined) : []));

  // Each copied page: its marked content's owners under a new key, or no key when it has none.
  for (const { node, mcids } of pageMap.values()) {
    node.delete(name("StructParents"));
    if (mcids.length === 0) continue;
    node.set(name("StructParents"), PDFNumber.of(target.nextKey));
    keyed.push([target.nextKey++, to.context.obj(Array.from(mcids, (r) => r ?? PDFNull))]);
  }
  for (const [key, value] of keyed.sort((a, b) => a[0] - b[0])) target.nums.push(PDFNumber.of(key)), target.nums.push(value);
  target.root.set(name("ParentTreeNextKey"), PDFNumber.of(target.nextKey));

  const documentKids = kidsOf(target.document);
  target.document.set(name("K"), to.context.obj(place.first ? [...elements, ...documentKids] : [...documentKids, ...elements]));
  copied.forEach((page, i) => (place.at === undefined ? to.addPage(page) : to.insertPage(place.at + i, page)));
  return copied;
}

/** One PDF cut from tagged sources: its metadata, then runs of pages (0-based) from named sources, in order. */
export interface TaggedCut {
  title: string;
  author: string;
  language: string;
  keywords: string[];
  pieces: { from: string; pages: number[] }[];
}

/**
 * New tagged PDFs made of pages of tagged sources (a force's proof pack: its pages of the draft, then its
 * figure pages), each source read once. Gives the bytes of each cut under its name.
 */
export async function cutTaggedPdfs(sources: Record<string, Uint8Array>, cuts: Record<string, TaggedCut>): Promise<Record<string, Buffer>> {
  const loaded: Record<string, PDFDocument> = {};
  for (const [key, bytes] of Object.entries(sources)) loaded[key] = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: Record<string, Buffer> = {};
  for (const [key, cut] of Object.entries(cuts)) {
    const pdf = await PDFDocument.create();
    startTaggedPdf(pdf, cut);
    pdf.setKeywords(cut.keywords);
    for (const piece of cut.pieces) copyTaggedPages(pdf, loaded[piece.from], piece.pages);
    out[key] = Buffer.from(await pdf.save());
  }
  return out;
}
