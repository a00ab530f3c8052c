// Which draft a commented PDF is a copy of, and that draft's record: the folder `build --draft` wrote
// (draft.json, document.json, build-report.json). The PDF's Keywords end with `draft:<year>/<n>/<rev>`;
// when a viewer has lost the Info dictionary, the footer stamp "Draft <n> · …" still names it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { ReportDocument } from "../document/model.ts";
import type { DraftId } from "./comment.ts";
import type { ReadPdf } from "./commentedPdf.ts";

/** draft.json, as the draft build writes it. */
export interface DraftJson {
  year: number;
  number: number;
  revision: number;
  inputsHash: string;
  builtAt: string;
  pdf: string;
}

export interface DraftRecord {
  id: DraftId;
  dir: string;
  draft: DraftJson;
  document: ReportDocument;
  /** The page each section starts on, from build-report.json; null when that file is missing. */
  sectionPages: Record<string, number> | null;
  pageCount: number | null;
  /**
   * The report's page number of a page of the draft PDF: a draft inserts its review sheet after the
   * cover (layout.json says where and how many pages), so later pages sit that many further on. Null
   * for a review-sheet page.
   */
  reportPage: (pdfPage: number) => number | null;
  /** The page's label, as a viewer shows it (the draft PDF's /PageLabels): "17", or "Review 2" on the sheet. */
  pageLabel: (pdfPage: number) => string;
}

const KEYWORD = /draft:(\d{4})\/(\d+)\/(\d+)\s*$/;
const STAMP = /^\s*Draft\s+(\d+)\s+·/;

/** The draft a PDF says it is, or null when it says nothing of the kind. */
export function draftIdOf(pdf: ReadPdf): DraftId | null {
  const k = pdf.info.keywords.match(KEYWORD);
  if (k) return { year: Number(k[1]), number: Number(k[2]), revision: Number(k[3]) };
  for (const page of pdf.pages) {
    for (const run of page.runs) {
      const s = run.str.match(STAMP);
      if (s) return { year: NaN, number: Number(s[1]), revision: null };
    }
  }
  return null;
}

export interface DraftFolders {
  /** The folder holding numbered drafts (`<dir>/<n>/`), or one draft's own folder; default output/<year>/drafts. */
  drafts: string | null;
  /** The output folder the builds write to (default output). */
  outDir: string;
}

/** Finds and loads the record of a draft; reports what is missing and returns null. */
export function loadDraft(pdfFile: string, id: DraftId, folders: DraftFolders, sink: DiagnosticSink): DraftRecord | null {
  const dir = draftDir(id, folders);
  const what = `draft ${id.number}${Number.isNaN(id.year) ? "" : ` of ${id.year}`}`;
  if (dir === null || !existsSync(path.join(dir, "draft.json"))) {
    const where = dir ?? path.join(folders.drafts ?? path.join(folders.outDir, "<year>", "drafts"), String(id.number));
    sink.error(pdfFile, "draft-record-missing", `This is a copy of ${what}, but its record is not in ${where} (no draft.json). Pass the folder that holds the drafts with --drafts DIR.`);
    return null;
  }
  const draft = readJson<DraftJson>(path.join(dir, "draft.json"), sink);
  // A later draft's printed.json is the document with its change marks, as the PDF prints it.
  const printed = path.join(dir, "printed.json");
  const document = readJson<ReportDocument>(existsSync(printed) ? printed : path.join(dir, "document.json"), sink);
  if (!draft || !document) return null;
  if (draft.number !== id.number || (!Number.isNaN(id.year) && draft.year !== id.year)) {
    sink.error(path.join(dir, "draft.json"), "draft-record-mismatch", `${pdfFile} is a copy of ${what}, but this record is of draft ${draft.number} of ${draft.year}.`);
    return null;
  }
  if (id.revision !== null && draft.revision !== id.revision) {
    sink.warn(pdfFile, "draft-revision", `This copy is revision ${id.revision} of draft ${id.number}, but ${dir} holds revision ${draft.revision}; comments are placed on revision ${draft.revision} and may be off where the two differ.`);
  }
  const report = existsSync(path.join(dir, "build-report.json")) ? readJson<{ sections?: Record<string, number>; pageCount?: number }>(path.join(dir, "build-report.json"), sink) : null;
  const layout = existsSync(path.join(dir, "layout.json")) ? readJson<{ inserted?: { after: number; count: number } }>(path.join(dir, "layout.json"), sink) : null;
  const inserted = layout?.inserted ?? { after: 0, count: 0 };
  const reportPage = (pdfPage: number) => (pdfPage <= inserted.after ? pdfPage : pdfPage <= inserted.after + inserted.count ? null : pdfPage - inserted.count);
  const pageLabel = (pdfPage: number) => {
    const p = reportPage(pdfPage);
    return p === null ? `Review ${pdfPage - inserted.after}` : String(p);
  };
  return { id: { year: draft.year, number: draft.number, revision: id.revision ?? draft.revision }, dir, draft, document, sectionPages: report?.sections ?? null, pageCount: report?.pageCount ?? null, reportPage, pageLabel };
}

function draftDir(id: DraftId, folders: DraftFolders): string | null {
  if (folders.drafts && existsSync(path.join(folders.drafts, "draft.json"))) return folders.drafts;
  if (!Number.isNaN(id.year)) return path.join(folders.drafts ?? path.join(folders.outDir, String(id.year), "drafts"), String(id.number));
  if (folders.drafts) return path.join(folders.drafts, String(id.number));
  // Only the stamp named the draft: look for draft <n> under every year of the output folder.
  const years = existsSync(folders.outDir) ? readdirSync(folders.outDir).filter((y) => /^\d{4}$/.test(y)) : [];
  const found = years.map((y) => path.join(folders.outDir, y, "drafts", String(id.number))).filter((d) => existsSync(path.join(d, "draft.json")));
  return found.length === 1 ? found[0] : null;
}

function readJson<T>(file: string, sink: DiagnosticSink): T | null {
  if (!existsSync(file)) {
    sink.error(file, "draft-record-missing", `The draft's record is incomplete: ${path.basename(file)} is missing.`);
    return null;
  }
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (error) {
    sink.error(file, "draft-record-unreadable", `This file of the draft's record is not valid JSON (${(error as Error).message}).`);
    return null;
  }
}
