// Pages of one PDF put into another after a given page, with pdf-lib: how a draft's review sheet, laid
// out on its own, opens the book. The book's own pages keep their numbers (page labels), the inserted
// pages open the outline, and their structure (they are laid out tagged) is read first, before the book's.
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString } from "pdf-lib";
import { copyTaggedPages } from "./taggedPages.ts";

export interface InsertedPages {
  /** The book's pages before the inserted ones (1: after the cover). */
  after: number;
  /** The inserted pages' label ("Review " labels them "Review 1, 2…"). */
  labelPrefix: string;
  /** The outline entry, first in the outline, that opens them. */
  bookmark: string;
}

/** The book with `insert`'s pages after page `after`; gives the bytes and how many pages went in. */
export async function insertPages(book: Uint8Array, insert: Uint8Array, options: InsertedPages): Promise<{ pdf: Buffer; inserted: number }> {
  const merged = await PDFDocument.load(book, { updateMetadata: false });
  const source = await PDFDocument.load(insert);
  const inserted = source.getPageCount();
  copyTaggedPages(merged, source, source.getPageIndices(), { at: options.after, first: true });
  merged.catalog.set(
    PDFName.of("PageLabels"),
    merged.context.obj({ Nums: [0, { S: "D" }, options.after, { S: "D", P: PDFString.of(options.labelPrefix), St: 1 }, options.after + inserted, { S: "D", St: options.after + 1 }] }),
  );
  bookmarkFirst(merged, options.bookmark, options.after);
  return { pdf: Buffer.from(await merged.save()), inserted };
}

/** Adds a bookmark at the top of the PDF's outline, to the page at `index` (0-based). */
function bookmarkFirst(pdf: PDFDocument, title: string, index: number): void {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  if (!outlines) return;
  const outlinesRef = pdf.catalog.get(PDFName.of("Outlines"));
  const first = outlines.get(PDFName.of("First"));
  const item = pdf.context.obj({ Title: PDFString.of(title), Dest: [pdf.getPage(index).ref, "Fit"] }) as PDFDict;
  if (outlinesRef instanceof PDFRef) item.set(PDFName.of("Parent"), outlinesRef);
  const ref = pdf.context.register(item);
  if (first instanceof PDFRef) {
    item.set(PDFName.of("Next"), first);
    pdf.context.lookup(first, PDFDict).set(PDFName.of("Prev"), ref);
  } else outlines.set(PDFName.of("Last"), ref);
  outlines.set(PDFName.of("First"), ref);
  const count = outlines.lookupMaybe(PDFName.of("Count"), PDFNumber);
  outlines.set(PDFName.of("Count"), PDFNumber.of((count?.asNumber() ?? 0) + 1));
}
