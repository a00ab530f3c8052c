// A PDF read the way a viewer reads it, with pdf.js: its Info dictionary (keywords, title), the text on
// each page with positions, and every annotation of the given kinds with its author, date, text, area
// and reply structure.
import type { PdfJsDocument, TextRun } from "./readPdf.ts";
import { pageText } from "./readPdf.ts";

/** Where a point or box is on a page, in PDF points from the bottom left. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One annotation as the viewer stored it. */
export interface PdfAnnotation {
  /** The PDF object id ("12R"), unique within its file. */
  id: string;
  subtype: string;
  page: number;
  author: string;
  /** ISO 8601, from M or CreationDate; null when the viewer wrote neither. */
  date: string | null;
  text: string;
  rect: Box;
  /** Highlighted areas (one box per line), null for point-like annotations. */
  quads: Box[] | null;
  inReplyTo: string | null;
  replyType: "R" | "Group" | null;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
}

export interface AnnotatedPdf {
  info: { keywords: string; title: string };
  pages: PdfPage[];
  annotations: PdfAnnotation[];
}

/** Every page's text and the annotations whose subtype is one of `subtypes`, in page order. */
export async function readAnnotatedPages(pdf: PdfJsDocument, subtypes: ReadonlySet<string>): Promise<AnnotatedPdf> {
  const meta = await pdf.getMetadata();
  const info = meta.info as { Keywords?: unknown; Title?: unknown };
  const pages: PdfPage[] = [];
  const annotations: PdfAnnotation[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { width, height, runs } = await pageText(pdf, n);
    pages.push({ number: n, width, height, runs });
    for (const a of (await page.getAnnotations({ intent: "any" })) as PdfJsAnnotation[]) {
      if (!subtypes.has(a.subtype)) continue;
      annotations.push(toAnnotation(a, n));
    }
  }
  return { info: { keywords: typeof info.Keywords === "string" ? info.Keywords : "", title: typeof info.Title === "string" ? info.Title : "" }, pages, annotations };
}

/** The fields of pdf.js's annotation data read here. */
interface PdfJsAnnotation {
  id: string;
  subtype: string;
  rect: number[];
  quadPoints?: Float32Array | number[] | null;
  titleObj?: { str: string };
  contentsObj?: { str: string };
  richText?: RichTextNode;
  modificationDate?: string | null;
  creationDate?: string | null;
  inReplyTo?: string | null;
  replyType?: string;
}

interface RichTextNode {
  value?: string;
  children?: RichTextNode[];
}

function toAnnotation(a: PdfJsAnnotation, page: number): PdfAnnotation {
  const [x1, y1, x2, y2] = a.rect;
  let quads: Box[] | null = null;
  if (a.quadPoints && a.quadPoints.length >= 8) {
    quads = [];
    // pdf.js normalises each quad to [minX, maxY, maxX, maxY, minX, minY, maxX, minY].
    for (let i = 0; i + 8 <= a.quadPoints.length; i += 8) {
      const q = Array.from(a.quadPoints.slice(i, i + 8));
      quads.push({ x1: Math.min(q[0], q[4]), y1: Math.min(q[5], q[7]), x2: Math.max(q[2], q[6]), y2: Math.max(q[1], q[3]) });
    }
  }
  const text = a.contentsObj?.str || (a.richText ? flatten(a.richText) : "");
  return {
    id: a.id,
    subtype: a.subtype,
    page,
    author: a.titleObj?.str ?? "",
    date: pdfDate(a.modificationDate ?? null) ?? pdfDate(a.creationDate ?? null),
    text: text.replace(/\r\n?/g, "\n").trim(),
    rect: { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) },
    quads,
    inReplyTo: a.inReplyTo ?? null,
    replyType: a.inReplyTo ? (a.replyType === "Group" ? "Group" : "R") : null,
  };
}

function flatten(node: RichTextNode): string {
  return (node.value ?? "") + (node.children ?? []).map(flatten).join("");
}

/** A PDF date ("D:20241125093000+01'00'") as ISO 8601; null when it is not one. */
export function pdfDate(value: string | null): string | null {
  const m = value?.match(/^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz]|[+-]\d{2}'?\d{2}'?)?/);
  if (!m) return null;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", zone] = m;
  let offset = "Z";
  if (zone && !/^[Zz]$/.test(zone)) {
    const digits = zone.replace(/'/g, "");
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || "00"}`;
  }
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
