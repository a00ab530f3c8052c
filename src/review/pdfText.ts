// The text a PDF shows, page by page, with positions, read with pdf.js as a reader's viewer reads it.
import { openPdf, pageText } from "../pdf/readPdf.ts";

/** One text item: x, y are PDF points from the page's bottom-left corner, y at the baseline. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPageText {
  /** 1-based page of the PDF read. */
  page: number;
  width: number;
  height: number;
  items: TextItem[];
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function readPdfText(pdf: Uint8Array): Promise<PdfPageText[]> {
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const doc = await openPdf(new Uint8Array(pdf));
  try {
    const pages: PdfPageText[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const { width, height, runs } = await pageText(doc, i);
      const items = runs.map((r) => ({ str: r.str, x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) }));
      pages.push({ page: i, width: round(width), height: round(height), items });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
