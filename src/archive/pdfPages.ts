// Page-by-page comparison of two PDFs: each page is reduced to a SHA-256 of everything it draws with
// (its dictionary, content streams as stored, resources, fonts, images, annotations), following
// references; a reference to another page counts as that page's number, so links do not pull in the
// whole document. The first page whose digest differs is where the two files stop showing the same thing.
import { createHash } from "node:crypto";
import { PDFArray, PDFDict, PDFDocument, PDFObject, PDFRef, PDFStream } from "pdf-lib";

/** Keys that point back up the tree (or to structure) rather than at what the page shows. */
const SKIP = new Set(["/Parent", "/P", "/StructParents", "/StructParent"]);

function pageDigests(doc: PDFDocument): string[] {
  const pages = doc.getPages();
  const pageIndex = new Map<PDFRef, number>(pages.map((p, i) => [p.ref, i + 1]));
  const memo = new Map<PDFRef, string>();
  const digestOf = (object: PDFObject | undefined, path: Set<PDFRef>): string => {
    if (object === undefined) return "undefined";
    if (object instanceof PDFRef) {
      const page = pageIndex.get(object);
      if (page !== undefined && path.size > 0) return `page ${page}`;
      const known = memo.get(object);
      if (known) return known;
      if (path.has(object)) return "cycle";
      path.add(object);
      const digest = createHash("sha256").update(digestOf(doc.context.lookup(object), path)).digest("hex");
      path.delete(object);
      memo.set(object, digest);
      return digest;
    }
    if (object instanceof PDFStream) {
      return `stream ${digestOf(object.dict, path)} ${createHash("sha256").update(object.getContents()).digest("hex")}`;
    }
    if (object instanceof PDFDict) {
      const entries = [...object.entries()]
        .filter(([key]) => !SKIP.has(key.toString()))
        .map(([key, value]) => `${key.toString()} ${digestOf(value, path)}`)
        .sort();
      return `<<${entries.join(" ")}>>`;
    }
    if (object instanceof PDFArray) return `[${object.asArray().map((v) => digestOf(v, path)).join(" ")}]`;
    return object.toString();
  };
  return pages.map((page) => digestOf(page.ref, new Set()));
}

export interface PageComparison {
  /** 1-based number of the first page that differs, or null when every page is the same. */
  firstDifferingPage: number | null;
  pages: [number, number];
  /** Set when a file could not be read as a PDF. */
  unreadable?: string;
}

export async function comparePdfPages(archived: Uint8Array, rebuilt: Uint8Array): Promise<PageComparison> {
  let a: PDFDocument;
  try {
    a = await PDFDocument.load(archived, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    return { firstDifferingPage: null, pages: [0, 0], unreadable: (error as Error).message };
  }
  const b = await PDFDocument.load(rebuilt, { updateMetadata: false });
  const da = pageDigests(a);
  const db = pageDigests(b);
  const shared = Math.min(da.length, db.length);
  let first: number | null = null;
  for (let i = 0; i < shared && first === null; i++) if (da[i] !== db[i]) first = i + 1;
  if (first === null && da.length !== db.length) first = shared + 1;
  return { firstDifferingPage: first, pages: [da.length, db.length] };
}

