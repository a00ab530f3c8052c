// Annotates a PDF the ways the common viewers do, with pdf-lib's low-level objects: a sticky note (Text
// with its Popup), text markup with QuadPoints (Highlight, Underline, StrikeOut, Squiggly), a reply
// (IRT, RT /R), Acrobat's replace text (a Caret holding the new words, grouped with a StrikeOut by
// IRT and RT /Group) and a FreeText box. Positions come from the page's text runs as pdf.js reads them.
import { readFileSync, writeFileSync } from "node:fs";
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFDict } from "pdf-lib";
import { measureText } from "../../src/charts/textMetrics.ts";
import { readPdf } from "../../src/comments/commentedPdf.ts";
import type { TextRun } from "../../src/pdf/readPdf.ts";

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface By {
  author: string;
  text?: string;
  /** PDF date, e.g. "D:20241126093000Z". */
  date?: string;
}

/** Runs of text on every page of a PDF, to aim annotations at. */
export async function runsOf(file: string): Promise<TextRun[][]> {
  return (await readPdf(file)).pages.map((p) => p.runs);
}

/**
 * The box of `words` on a page: the `nth` run that contains them, narrowed to the words by the share of
 * the run's width their characters take in the report's font (as a viewer snaps to glyphs).
 */
export function boxOf(runs: TextRun[][], page: number, words: string, nth = 0): Box {
  const found = runs[page - 1].filter((r) => r.str.includes(words));
  const run = found[nth];
  if (!run) throw new Error(`"${words}" is not on page ${page} (runs: ${runs[page - 1].map((r) => r.str).join(" | ")})`);
  const at = run.str.indexOf(words);
  const whole = measureText(run.str, { fontSize: 10 });
  const x1 = run.x + (measureText(run.str.slice(0, at), { fontSize: 10 }) / whole) * run.width;
  const x2 = run.x + (measureText(run.str.slice(0, at + words.length), { fontSize: 10 }) / whole) * run.width;
  return { x1, x2, y1: run.y - 0.2 * run.height, y2: run.y + 0.75 * run.height };
}

export class Annotator {
  private constructor(readonly pdf: PDFDocument) {}

  static async open(file: string): Promise<Annotator> {
    return new Annotator(await PDFDocument.load(readFileSync(file), { updateMetadata: false }));
  }

  async save(file: string): Promise<string> {
    writeFileSync(file, await this.pdf.save({ useObjectStreams: false }));
    return file;
  }

  private add(page: number, fields: Record<string, unknown>, by: By): PDFRef {
    const context = this.pdf.context;
    const dict = context.obj({ Type: "Annot", F: 4, ...fields }) as PDFDict;
    dict.set(PDFName.of("T"), PDFHexString.fromText(by.author));
    if (by.text !== undefined) dict.set(PDFName.of("Contents"), PDFHexString.fromText(by.text));
    dict.set(PDFName.of("M"), PDFString.of(by.date ?? "D:20241126093000Z"));
    dict.set(PDFName.of("CreationDate"), PDFString.of(by.date ?? "D:20241126093000Z"));
    const ref = context.register(dict);
    const pageNode = this.pdf.getPage(page - 1).node;
    let annots = pageNode.lookup(PDFName.of("Annots"));
    if (!(annots instanceof PDFArray)) {
      annots = context.obj([]);
      pageNode.set(PDFName.of("Annots"), annots as PDFArray);
    }
    (annots as PDFArray).push(ref);
    return ref;
  }

  private popup(page: number, parent: PDFRef, at: Box): void {
    const ref = this.add(page, { Subtype: "Popup", Rect: [at.x2 + 10, at.y2 - 80, at.x2 + 190, at.y2], Open: false, Parent: parent }, { author: "" });
    (this.pdf.context.lookup(parent) as PDFDict).set(PDFName.of("Popup"), ref);
  }

  /** A sticky note whose icon's top-left corner is at (x, y), as Acrobat, Edge and Okular place it. */
  note(page: number, x: number, y: number, by: By, extra: Record<string, unknown> = {}): PDFRef {
    const rect = { x1: x, y1: y - 20, x2: x + 20, y2: y };
    const ref = this.add(page, { Subtype: "Text", Name: "Comment", Rect: [rect.x1, rect.y1, rect.x2, rect.y2], ...extra }, by);
    this.popup(page, ref, rect);
    return ref;
  }

  /** Text markup over boxes (one a line), QuadPoints in the order viewers write them. */
  markup(page: number, subtype: "Highlight" | "Underline" | "StrikeOut" | "Squiggly", boxes: Box[], by: By, extra: Record<string, unknown> = {}): PDFRef {
    const quads = boxes.flatMap((b) => [b.x1, b.y2, b.x2, b.y2, b.x1, b.y1, b.x2, b.y1]);
    const rect = [Math.min(...boxes.map((b) => b.x1)), Math.min(...boxes.map((b) => b.y1)), Math.max(...boxes.map((b) => b.x2)), Math.max(...boxes.map((b) => b.y2))];
    const ref = this.add(page, { Subtype: subtype, Rect: rect, QuadPoints: quads, C: [1, 1, 0], ...extra }, by);
    this.popup(page, ref, { x1: rect[0], y1: rect[1], x2: rect[2], y2: rect[3] });
    return ref;
  }

  /** A reply in the thread of another annotation (a note with IRT, RT /R). */
  reply(page: number, to: PDFRef, by: By): PDFRef {
    const parent = this.pdf.context.lookup(to) as PDFDict;
    const rect = parent.lookup(PDFName.of("Rect"), PDFArray).asArray().map((n) => Number(n.toString()));
    return this.add(page, { Subtype: "Text", Name: "Comment", Rect: rect, IRT: to, RT: "R" }, by);
  }

  /** Acrobat's "replace text": a Caret with the new words, and a StrikeOut grouped with it. */
  replace(page: number, box: Box, by: By & { text: string }): PDFRef {
    const caret = this.add(page, { Subtype: "Caret", Rect: [box.x2 - 3, box.y1 - 2, box.x2 + 3, box.y1 + 4], Sy: "P" }, by);
    this.markup(page, "StrikeOut", [box], by, { IRT: caret, RT: "Group" });
    return caret;
  }

  /** Acrobat's "insert text": a Caret at a point, holding the words to insert. */
  insert(page: number, x: number, y: number, by: By & { text: string }): PDFRef {
    return this.add(page, { Subtype: "Caret", Rect: [x - 3, y - 2, x + 3, y + 4], Sy: "None" }, by);
  }

  freeText(page: number, box: Box, by: By & { text: string }): PDFRef {
    return this.add(page, { Subtype: "FreeText", Rect: [box.x1, box.y1, box.x2, box.y2], DA: "/Helv 9 Tf 0 g" }, by);
  }
}

/** The box of the run that is exactly `str` (a folio, a label), the last one on the page if several. */
export function runBoxOf(runs: TextRun[][], page: number, str: string): Box {
  const run = runs[page - 1].filter((r) => r.str.trim() === str).at(-1);
  if (!run) throw new Error(`No run "${str}" on page ${page}`);
  return { x1: run.x, x2: run.x + run.width, y1: run.y - 0.2 * run.height, y2: run.y + 0.75 * run.height };
}
