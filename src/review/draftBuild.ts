// `build --draft`: the report with draft marks, a review sheet at the front, changes since the previous
// draft marked, and (with --packs) a proof pack per force; kept as <out>/<year>/drafts/<n>/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { strictJson, type OutputFiles } from "../build/writeOutputs.ts";
import { runEdition, type EditionSoFar, type LaidOutDraft } from "../build/runEdition.ts";
import { projectVersion } from "../build/version.ts";
import { BuildError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ReportDocument } from "../document/model.ts";
import { stage } from "../build/stage.ts";
import { insertPages } from "../pdf/insertPages.ts";
import { markChanges, type ChangeSummary } from "./changes.ts";
import { mapLayout, type LayoutMap } from "./layoutMap.ts";
import { buildPacks } from "./packs.tsx";
import { readPdfText } from "./pdfText.ts";
import { proofContent } from "./proofing.ts";
import { contentRevision } from "./revision.ts";
import { assembleSheet, type ReviewSheet } from "./sheet.ts";
import { renderSheetPdf } from "./sheetPdf.tsx";

export interface DraftOptions {
  year: number;
  dataDir: string;
  contentDir: string;
  outDir: string;
  print: boolean;
  /** Compare with this draft rather than the latest one. */
  since?: number;
  packs: boolean;
  /** The build time (tests fix it). */
  now?: Date;
}

/** The record that identifies a draft (draft.json); the comments tool reads it. */
export interface DraftRecord {
  year: number;
  number: number;
  revision: string;
  inputsHash: string;
  builtAt: string;
  pdf: "report.pdf";
}

export interface DraftResult {
  draftDir: string;
  pdfFile: string;
  record: DraftRecord;
  sheet: ReviewSheet;
  layout: LayoutMap;
  /** The document as printed in this draft, changes marked. */
  printed: ReportDocument;
  /** Pages in the draft PDF, review sheet included. */
  pageCount: number;
  sheetPages: number;
  warnings: Diagnostic[];
  timings: Record<string, number>;
}

/** The numbers of the drafts kept for a year, in order. */
export function draftNumbers(draftsDir: string): number[] {
  if (!existsSync(draftsDir)) return [];
  return readdirSync(draftsDir)
    .filter((name) => /^[1-9]\d*$/.test(name) && existsSync(path.join(draftsDir, name, "draft.json")))
    .map(Number)
    .sort((a, b) => a - b);
}

export function draftStamp(record: DraftRecord, since: number | null): string {
  const when = record.builtAt.replace("T", " ").slice(0, 16);
  return `Draft ${record.number} · built ${when} UTC · content ${record.revision}${since ? ` · changes since draft ${since} marked` : ""}`;
}

export async function buildDraft(options: DraftOptions): Promise<DraftResult> {
  let made: Omit<DraftResult, "timings"> | undefined;
  const { timings } = await runEdition({ ...options, cache: true }, {
    kind: "draft",
    layout: async (soFar) => {
      const laid = await layoutDraft(options, soFar);
      made = laid.result;
      return laid.written;
    },
  });
  return { ...made!, timings };
}

/**
 * The draft's layout, after the pipeline's prepare and charts stages: the document with this draft's
 * marks, laid out once to find where every unit landed (so the changed pages are known) and, if any
 * changed, again with change bars on those pages (out of the flow: nothing moves); then the review
 * sheet put in after the cover, and the proof packs.
 */
async function layoutDraft(options: DraftOptions, soFar: EditionSoFar): Promise<{ result: Omit<DraftResult, "timings">; written: LaidOutDraft }> {
  const { prepared, charts, inputs, cache, timings } = soFar;
  const { statistics, document } = prepared;
  const lap = (name: string, since: number) => (timings[name] = (timings[name] ?? 0) + performance.now() - since);
  const draftsDir = path.join(options.outDir, String(options.year), "drafts");
  const existing = draftNumbers(draftsDir);
  const number = (existing.at(-1) ?? 0) + 1;
  const since = options.since ?? existing.at(-1) ?? null;
  const previous = since === null ? null : earlierDraft(draftsDir, since, existing);

  const { revision, inputsHash } = await contentRevision(options.contentDir, options.dataDir, options.year, inputs.hash);
  const record: DraftRecord = { year: options.year, number, revision, inputsHash, builtAt: (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"), pdf: "report.pdf" };
  const marked = previous ? markChanges(document, previous, since) : { document, changes: null as ChangeSummary | null };
  const stamp = draftStamp(record, previous ? since : null);
  const keyword = `draft:${options.year}/${number}/${revision}`;
  const roots = { contentDir: options.contentDir, dataDir: options.dataDir };
  const creator = `gender-equality-report ${projectVersion()}`;
  const { renderPdf } = await import("../render/renderPdf.tsx");
  const draw = (changedPages?: number[]) =>
    stage("layout", options.outDir, "The draft could not be drawn", () => renderPdf(marked.document, { print: options.print, creator, roots, cache, charts, draft: { stamp, keyword, ...(changedPages && { changedPages }) } }));

  let t = performance.now();
  let rendered = await draw();
  lap("layout", t);
  t = performance.now();
  const text = await readPdfText(rendered.pdf);
  let layout = mapLayout(marked.document, rendered.pages, text);
  lap("layoutMap", t);

  t = performance.now();
  const proofing = await proofContent(options.contentDir, options.year);
  lap("proofing", t);
  const sheetInputs = { year: options.year, draft: number, revision, builtAt: record.builtAt, document: marked.document, pages: rendered.pages, warnings: prepared.warnings, proofing, changes: marked.changes, contentDir: options.contentDir };
  let sheet = assembleSheet({ ...sheetInputs, layout });
  if (sheet.changes && sheet.changes.pages.length > 0) {
    t = performance.now();
    rendered = await draw(sheet.changes.pages);
    lap("layout", t);
  }

  // The sheet opens the draft, after the cover; the report's pages keep their own numbers (page labels).
  t = performance.now();
  const marks = { stamp, keyword };
  const sheetPdf = await renderSheetPdf(sheet, marks, options.print, marked.document.meta.language);
  const { pdf, inserted: sheetPages } = await insertPages(rendered.pdf, sheetPdf, { after: 1, labelPrefix: "Review ", bookmark: `Review sheet: draft ${number}` });
  layout = { ...layout, inserted: { after: 1, count: sheetPages }, pages: layout.pages.map((p) => ({ ...p, pdfPage: p.page > 1 ? p.page + sheetPages : p.page })) };
  sheet = assembleSheet({ ...sheetInputs, layout });
  lap("sheet", t);

  const files: OutputFiles = {
    "report.pdf": pdf,
    "document.json": strictJson(document),
    "statistics.json": strictJson(statistics),
    "review.json": strictJson(sheet),
    "layout.json": JSON.stringify(layout) + "\n",
    "draft.json": strictJson(record),
    // The document as this draft prints it, struck words included: what a reviewer's marks are placed
    // on. document.json stays the unmarked document, which the next draft compares with.
    ...(previous && { "printed.json": strictJson(marked.document) }),
  };
  if (options.packs) {
    t = performance.now();
    Object.assign(files, await buildPacks({ draftPdf: pdf, document: marked.document, pages: rendered.pages, pageCount: text.length, layout, sheet, dataDir: options.dataDir, marks, print: options.print }));
    lap("packs", t);
  }
  const pageCount = text.length + sheetPages;
  const draftDir = path.join(draftsDir, String(number));
  const report = { draft: { number, since: previous ? since : null, sheetPages }, pageCount, layoutPasses: rendered.passes, sections: rendered.pages, warnings: sheet.warnings };
  return {
    result: { draftDir, pdfFile: path.join(draftDir, "report.pdf"), record, sheet, layout, printed: marked.document, pageCount, sheetPages, warnings: sheet.warnings },
    written: { dir: draftDir, files, report },
  };
}

/** The document of an earlier draft, to mark what changed since; an error when it is not kept. */
function earlierDraft(draftsDir: string, since: number, existing: number[]): ReportDocument {
  const file = path.join(draftsDir, String(since), "document.json");
  if (!existsSync(file)) {
    throw new BuildError([{ severity: "error", file: path.join(draftsDir, String(since)), rule: "draft-since", message: `There is no draft ${since} to compare with; drafts kept: ${existing.join(", ") || "none"}.` }]);
  }
  return JSON.parse(readFileSync(file, "utf8")) as ReportDocument;
}
