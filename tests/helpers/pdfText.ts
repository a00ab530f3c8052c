// Text of a PDF page by page, with positions, read with pdf.js as a reader's PDF viewer would.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readingsOfBytes } from "./sameBytes.ts";

const standardFontDataUrl = path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts") + path.sep;

export interface PageText {
  pageNumber: number;
  width: number;
  height: number;
  text: string;
  items: { str: string; x: number; y: number; width: number; height: number; fontName: string }[];
}

// The same bytes are read once per worker (tests/helpers/sameBytes.ts). The pages are frozen, so a test
// that changed them for the next one would fail instead.
const once = readingsOfBytes<Promise<PageText[]>>();

/** Each page's text and its items, as pdf.js reads them (the same bytes read once per worker; frozen). */
export function readPdfPages(file: string): Promise<PageText[]> {
  return once(readFileSync(file), () => readPages(file).then(deepFreeze));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

async function readPages(file: string): Promise<PageText[]> {
  const data = new Uint8Array(readFileSync(file));
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, standardFontDataUrl }).promise;
  const pages: PageText[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items
      .filter((item): item is Extract<typeof item, { str: string }> => "str" in item)
      .map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height, fontName: item.fontName }));
    pages.push({ pageNumber: i, width: viewport.width, height: viewport.height, text: items.map((i) => i.str).join(" ").replace(/\s+/g, " "), items });
  }
  await pdf.destroy();
  return pages;
}

export async function readOutline(file: string): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, standardFontDataUrl }).promise;
  const outline = (await pdf.getOutline()) ?? [];
  const titles = outline.map((o) => o.title);
  const meta = await pdf.getMetadata();
  await pdf.destroy();
  return [...titles, `__info:${JSON.stringify(meta.info)}`];
}
