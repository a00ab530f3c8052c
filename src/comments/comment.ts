// What a reviewer's comment is once read from a PDF and placed in the source: the shapes the comments
// command reads, maps and writes (comments.json has one ReviewComment per line of output).
import type { DataRows, SourceRef } from "../document/model.ts";

/** The kinds of markup the common viewers make, named for people. */
export type CommentKind = "note" | "highlight" | "underline" | "squiggly" | "strike-out" | "insert" | "replace" | "free-text";

/** The draft a PDF is a copy of, as its Keywords (or its stamp) say. */
export interface DraftId {
  year: number;
  number: number;
  /** Null when only the stamp named the draft. */
  revision: number | null;
}

// A box on a page and an annotation as the viewer stored it, before it is placed: src/pdf/readAnnotations.ts.
export type { Box, PdfAnnotation as RawAnnotation } from "../pdf/readAnnotations.ts";

export interface Reply {
  author: string;
  date: string | null;
  text: string;
}

/** What the comment is about in the document. */
export type Target =
  | { type: "text"; id: string }
  | { type: "figure"; id: string; expression: string | null; statistics: string[]; data: DataRows[] }
  /** `csv` is the chart's data as drawn, when the draft's folder has it (charts/<name>.csv). */
  | { type: "chart"; id: string; title: string; statistics: string[]; data: DataRows[]; csv: string | null }
  | { type: "table"; id: string }
  | { type: "wording"; id: string }
  | { type: "running-header"; id: "runningHeader" }
  /** Words made from a setting of report.yml (the edition's name from the year). */
  | { type: "setting"; id: string }
  | { type: "folio"; id: "folio" }
  | { type: "draft-stamp"; id: "draft" }
  | { type: "nothing"; id: null };

export interface ReviewComment {
  draft: DraftId;
  /** The commented PDFs this comment was found in (several when reviewers made the same comment). */
  pdfs: string[];
  /** The page's index in the PDF file (1-based). */
  page: number;
  /** The page as the viewer shows it (the draft's page label): the report's page number, or "Review 2" on the sheet. */
  pageLabel: string;
  kind: CommentKind;
  /** Every reviewer who made this comment, in the order their copies were given. */
  authors: string[];
  date: string | null;
  text: string;
  /** For insert and replace: the text to put in. */
  replacement: string | null;
  replies: Reply[];
  /** The printed words the comment covers (or is next to, for a note), as the document has them. */
  covered: string;
  target: Target;
  /** Where to make the change, as the draft's document names it ("content/…", "data/…", or a project file). */
  source: SourceRef | null;
  /** The same place as a path on this machine (the content and data folders given to the command). */
  location: SourceRef | null;
  /** Set when the source file no longer holds the words where the draft had them. */
  changed: string | null;
}
