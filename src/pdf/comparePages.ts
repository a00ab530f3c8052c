// Page-by-page comparison of two PDFs by what each page shows, not by its bytes: a final edition's pages
// carry font subsets, object numbers and IDs that change with anything in the document, so one changed
// figure made every page's objects differ. Each page is drawn by poppler (pdftoppm, from poppler-utils)
// at a low resolution and the pixels compared; where pdftoppm is not installed, each page's text and its
// positions (pdf.js) are compared instead, which misses a change to a chart's shapes alone.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { sha256 } from "../domain/sha256.ts";
import { openPdf, pageText } from "./readPdf.ts";

/** A digest of each page as drawn at `dpi` in grey, in page order; null when pdftoppm is not installed. */
export function pageImageDigests(pdf: Uint8Array, dpi = 30): string[] | null {
  const dir = mkdtempSync(path.join(tmpdir(), "report-pages-"));
  try {
    writeFileSync(path.join(dir, "in.pdf"), pdf);
    const run = spawnSync("pdftoppm", ["-gray", "-r", String(dpi), path.join(dir, "in.pdf"), path.join(dir, "page")], { stdio: "ignore" });
    if ((run.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") return null;
    // pdftoppm names pages page-01 … page-70 (padded alike), so name order is page order.
    return readdirSync(dir)
      .filter((f) => f.startsWith("page"))
      .sort()
      .map((f) => sha256(readFileSync(path.join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each page's text runs with their positions (to a tenth of a point), as one digest per page. */
async function pageTextDigests(pdf: Uint8Array): Promise<string[]> {
  const doc = await openPdf(new Uint8Array(pdf));
  try {
    const digests: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { width, height, runs } = await pageText(doc, n);
      const lines = [`${width.toFixed(1)} ${height.toFixed(1)}`, ...runs.map((r) => `${r.x.toFixed(1)} ${r.y.toFixed(1)} ${r.str}`)];
      digests.push(sha256(lines.join("\n")));
    }
    return digests;
  } finally {
    await doc.destroy();
  }
}

/** The label each page prints as (the PDF's /PageLabels: "ii", "7"), or its number where it has none. */
async function pageLabels(pdf: Uint8Array, count: number): Promise<string[]> {
  const doc = await openPdf(new Uint8Array(pdf));
  try {
    const labels = await doc.getPageLabels();
    return Array.from({ length: count }, (_, i) => labels?.[i] || String(i + 1));
  } finally {
    await doc.destroy();
  }
}

export interface PageComparison {
  /** 1-based numbers (in the archived file) of the pages that show something different; a page only one file has counts. */
  differingPages: number[];
  /** What each of those pages prints as its number. */
  labels: string[];
  pages: [number, number];
  /** "images" (drawn by pdftoppm) or "text" (pdf.js, where pdftoppm is missing). */
  comparedBy: "images" | "text";
  /** Set when a file could not be read as a PDF. */
  unreadable?: string;
}

export async function comparePdfPages(archived: Uint8Array, rebuilt: Uint8Array): Promise<PageComparison> {
  try {
    await PDFDocument.load(archived, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    return { differingPages: [], labels: [], pages: [0, 0], comparedBy: "images", unreadable: (error as Error).message };
  }
  let comparedBy: PageComparison["comparedBy"] = "images";
  let a = pageImageDigests(archived);
  let b = a && pageImageDigests(rebuilt);
  if (!a || !b) {
    comparedBy = "text";
    [a, b] = [await pageTextDigests(archived), await pageTextDigests(rebuilt)];
  }
  const differingPages: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) differingPages.push(i + 1);
  const longer = a.length >= b.length ? archived : rebuilt;
  const labels = await pageLabels(longer, Math.max(a.length, b.length));
  return { differingPages, labels: differingPages.map((n) => labels[n - 1]), pages: [a.length, b.length], comparedBy };
}

/** At most this many pages are named; the rest are counted. */
const namedPages = 5;

/** "pages 8 and 12 show something different (70 pages archived, 70 rebuilt)", for verify's message. */
export function describePageDifferences(c: PageComparison): string {
  const counts = `${c.pages[0]} pages archived, ${c.pages[1]} rebuilt${c.comparedBy === "text" ? "; compared by their text, as pdftoppm is not installed" : ""}`;
  if (c.differingPages.length === 0) return `every page shows the same (${counts}), so the difference is in document-level data (metadata, outline, file structure)`;
  const named = c.labels.slice(0, namedPages);
  const rest = c.labels.length - named.length;
  const list = rest > 0 ? `${named.join(", ")} and ${rest} more` : named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : named[0];
  return `${c.labels.length === 1 ? "page" : "pages"} ${list} ${c.labels.length === 1 ? "shows" : "show"} something different (${counts})`;
}
