// Reads a PDF back, page by page, with pdf.js as a reader's viewer would: how full each page's text area
// is, how many words it holds, whether its last line ends in a hyphen or is a heading. The builder reads
// the same facts from react-pdf's layout (src/render/inspectLayout.ts); this independent reading checks it.
import { page as theme } from "../../src/design/theme.ts";
import type { PageInspection } from "../../src/render/inspectLayout.ts";
import { readingsOfBytes } from "./sameBytes.ts";

export type { PageInspection };

interface Item {
  str: string;
  x: number;
  y: number;
  size: number;
}

/** Sizes only headings are set at (entry titles, h2, h3 and h4 of the theme). */
const headingSizes = [15, 12, 10.5, 17];

// Two suites read the whole sample book this way: the same bytes are read once per worker
// (tests/helpers/sameBytes.ts). The result is frozen, so a test that changed it for the next one would fail.
const once = readingsOfBytes<Promise<PageInspection[]>>();

/** `offset`: sheet edge to trim edge (0 on screen, bleed plus slug in print). */
export function inspectPages(pdf: Uint8Array, offset = 0, only?: number[]): Promise<PageInspection[]> {
  return once(pdf, () => readPages(pdf, offset, only).then((pages) => Object.freeze(pages.map((page) => Object.freeze(page))) as PageInspection[]), String(offset), only?.join() ?? "");
}

async function readPages(pdf: Uint8Array, offset: number, only?: number[]): Promise<PageInspection[]> {
  const { openPdf } = await import("../../src/pdf/readPdf.ts");
  const doc = await openPdf(new Uint8Array(pdf));
  const result: PageInspection[] = [];
  try {
    const wanted = only ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    for (const n of wanted) {
      if (n < 1 || n > doc.numPages) continue;
      const pdfPage = await doc.getPage(n);
      const { height } = pdfPage.getViewport({ scale: 1 });
      const content = await pdfPage.getTextContent();
      const top = height - offset - theme.marginTop;
      const bottom = offset + theme.marginBottom;
      const items: Item[] = content.items
        .filter((item): item is Extract<typeof item, { str: string }> => "str" in item)
        .map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], size: item.height }))
        .filter((item) => item.str.trim() !== "" && item.y > bottom - 2 && item.y < top + 2);
      if (items.length === 0) {
        result.push({ pageNumber: n, fill: 0, words: 0, brokenWord: null, firstWord: "", headingAtFoot: null });
        continue;
      }
      const lowest = Math.min(...items.map((i) => i.y));
      const words = items.map((i) => i.str).join(" ").split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
      // The last line: the items on the lowest baseline, left to right.
      const lastItems = items.filter((i) => Math.abs(i.y - lowest) < 1).sort((a, b) => a.x - b.x);
      const lastLine = lastItems.map((i) => i.str).join("").trimEnd();
      const isHeading = lastItems.every((i) => headingSizes.some((s) => Math.abs(i.size - s) < 0.2));
      const broken = /([A-Za-z]{2,})-$/.exec(lastLine);
      const highest = Math.max(...items.map((i) => i.y));
      const firstLine = items.filter((i) => Math.abs(i.y - highest) < 1).sort((a, b) => a.x - b.x).map((i) => i.str).join("");
      result.push({
        pageNumber: n,
        fill: Math.min(1, (top - lowest) / (top - bottom)),
        words,
        brokenWord: broken ? { start: broken[1], end: "" } : null,
        firstWord: firstLine.trim().split(/\s+/)[0] ?? "",
        headingAtFoot: isHeading ? lastLine.replace(/\u00a0/g, " ") : null,
      });
      pdfPage.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return result;
}
