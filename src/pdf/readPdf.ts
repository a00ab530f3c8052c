// pdf.js, for reading a PDF back the way a reader's viewer does (page fill, text runs, annotations).
//
// Its legacy build (the one that runs on Node 20) replaces the global JSON.stringify with a core-js
// polyfill several times slower when it and its worker load, and pdfkit compares fonts with
// JSON.stringify on every text run, so one read-back used to slow every later layout by seconds. It is
// loaded on first use, once, with its worker, and the native JSON.stringify is put back.
import { createRequire } from "node:module";
import path from "node:path";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
const require = createRequire(import.meta.url);
let loaded: PdfJs | undefined;

/** pdf.js and its worker, loaded on first use (once), with the native JSON.stringify put back. */
function loadPdfJs(): PdfJs {
  if (loaded) return loaded;
  const nativeStringify = JSON.stringify;
  // require() rather than import(): the command line runs as a script (scripts/cli.mjs), and
  // Node 20 gives a script's import() no loader. Both are ES modules without a top-level await.
  const pdfjs = require("pdfjs-dist/legacy/build/pdf.mjs") as PdfJs;
  // pdf.js runs its worker in this thread on Node; giving it the module here keeps it from loading it later.
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = require("pdfjs-dist/legacy/build/pdf.worker.mjs");
  JSON.stringify = nativeStringify;
  loaded = pdfjs;
  return pdfjs;
}

const standardFontDataUrl = path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts") + path.sep;

export type PdfJsDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

/** Opens PDF bytes with pdf.js, with no system fonts, no eval and no network. */
export async function openPdf(data: Uint8Array): Promise<PdfJsDocument> {
  const pdfjs = loadPdfJs();
  return pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, standardFontDataUrl, verbosity: 0 }).promise;
}

/** A run of text as pdf.js reads it: its string, where its baseline starts, and its size, in points. */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page's size and its non-blank text runs, in reading order as pdf.js gives them. */
export async function pageText(doc: PdfJsDocument, pageNumber: number): Promise<{ width: number; height: number; runs: TextRun[] }> {
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs = content.items
    .filter((item): item is Extract<typeof item, { str: string }> => "str" in item && item.str.trim() !== "")
    .map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height || Math.hypot(item.transform[2], item.transform[3]) }));
  return { width: viewport.width, height: viewport.height, runs };
}
