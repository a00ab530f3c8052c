// The text a PDF shows, page by page, with positions, read with pdf.js as a reader's viewer reads it.
import { createRequire } from "node:module";
import path from "node:path";
import { openPdf } from "../pdf/readPdf.ts";


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
      const page = await doc.getPage(i);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items
        .filter((item): item is Extract<typeof item, { str: string }> => "str" in item && item.str.trim() !== "")
        .map((item) => ({ str: item.str, x: round(item.transform[4]), y: round(item.transform[5]), width: round(item.width), height: round(item.height) }));
      pages.push({ page: i, width: round(viewport.width), height: round(viewport.height), items });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
