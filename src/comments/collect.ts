// Reads commented copies of drafts and places every comment: the PDF, its draft and that draft's
// record, then each thread of annotations on its page. Problems are diagnostics, never exceptions.
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { realPath, type DocumentRoots } from "../document/bindings.ts";
import { draftIdOf, loadDraft, type DraftRecord } from "./draftRecord.ts";
import type { Box, ReviewComment } from "./comment.ts";
import { pageModel, place, type PageModel, type PlaceContext } from "./place.ts";
import { readPdf, UnreadablePdf } from "./commentedPdf.ts";
import { clearSourceCache } from "./sourcePosition.ts";
import { documentTargets, type Targets } from "./targets.ts";
import { threads, type Thread } from "./threads.ts";

export interface CollectOptions {
  /** Folder holding the numbered drafts, or one draft's folder; null for <outDir>/<year>/drafts. */
  drafts: string | null;
  outDir: string;
  roots: DocumentRoots;
  projectDir: string;
}

/** Every comment of every file, placed, in the order read (merge() folds and sorts them). */
export async function collectComments(files: string[], options: CollectOptions, sink: DiagnosticSink): Promise<{ comments: ReviewComment[]; drafts: DraftRecord[] }> {
  clearSourceCache();
  const drafts = new Map<string, { record: DraftRecord; targets: Targets }>();
  const comments: ReviewComment[] = [];
  for (const file of files) {
    let pdf;
    try {
      pdf = await readPdf(file);
    } catch (error) {
      if (!(error instanceof UnreadablePdf)) throw error;
      sink.error(file, "pdf-unreadable", `This file cannot be read: ${error.message}.`);
      continue;
    }
    const id = draftIdOf(pdf);
    if (!id) {
      sink.error(file, "not-a-draft", "This PDF is not a draft of this report: its Keywords hold no draft:<year>/<number>/<revision> and no page has a \"Draft <number> ·\" stamp. Comments can be placed only on copies of a draft made by the draft build.");
      continue;
    }
    const record = loadDraft(file, id, { drafts: options.drafts, outDir: options.outDir }, sink);
    if (!record) continue;
    if (record.pageCount !== null && record.pageCount !== pdf.pages.length) {
      sink.warn(file, "draft-pages-differ", `This copy has ${pdf.pages.length} pages but draft ${record.id.number} has ${record.pageCount}; it may be a part or a reprint of the draft, so page numbers and places may be off.`);
    }
    let draft = drafts.get(record.dir);
    if (!draft) {
      draft = { record, targets: documentTargets(record.document) };
      drafts.set(record.dir, draft);
    }
    const ctx: PlaceContext = { draft: draft.record, targets: draft.targets, roots: options.roots, projectDir: options.projectDir };
    const pages = new Map<number, PageModel>();
    const modelOf = (n: number) => {
      let pm = pages.get(n);
      if (!pm) {
        pm = pageModel(pdf.pages[n - 1], ctx);
        pages.set(n, pm);
      }
      return pm;
    };
    for (const thread of threads(pdf.annotations)) {
      let comment: ReviewComment;
      try {
        comment = placeThread(thread, modelOf(thread.marks.page), ctx, file);
      } catch (error) {
        // A fault of this command, not of the copy: say which comment, and go on with the others.
        sink.messages.push({ severity: "error", file, page: ctx.draft.reportPage(thread.marks.page) ?? undefined, rule: "comment-unplaced", message: `The ${thread.kind} by ${thread.head.author || "an unnamed reviewer"} on page ${ctx.draft.pageLabel(thread.marks.page)} could not be placed (${(error as Error).message}); please report this with the file.` });
        continue;
      }
      if (comment.target.type === "nothing") {
        const what = comment.covered ? `covers "${comment.covered}", which is not in the draft's document` : "covers no text or chart of the draft";
        sink.messages.push({ severity: "warning", file, page: ctx.draft.reportPage(comment.page) ?? undefined, rule: "comment-over-nothing", message: `The ${comment.kind} by ${comment.authors.join(", ") || "an unnamed reviewer"} on page ${comment.pageLabel} ${what}; it is listed with its page only.` });
      }
      comments.push(comment);
    }
  }
  return { comments, drafts: [...drafts.values()].map((d) => d.record) };
}

function placeThread(thread: Thread, pm: PageModel, ctx: PlaceContext, pdfFile: string): ReviewComment {
  const m = thread.marks;
  let how: { area: Box[] } | { point: [number, number] };
  if (m.quads && m.quads.length > 0) how = { area: m.quads };
  else if (m.subtype === "Text") how = { point: [m.rect.x1, m.rect.y2] };
  else if (m.subtype === "Caret") how = { point: [(m.rect.x1 + m.rect.x2) / 2, (m.rect.y1 + m.rect.y2) / 2] };
  else how = { area: [m.rect] };
  let placement = place(m, pm, ctx, how);
  // A free-text box usually sits in the margin beside what it is about.
  if (placement.target.type === "nothing" && !placement.covered && m.subtype === "FreeText") {
    placement = place(m, pm, ctx, { point: [m.rect.x1, (m.rect.y1 + m.rect.y2) / 2], beside: true });
  }
  return {
    draft: ctx.draft.id,
    pdfs: [pdfFile],
    page: m.page,
    pageLabel: ctx.draft.pageLabel(m.page),
    kind: thread.kind,
    authors: [thread.head.author].filter((a) => a !== ""),
    date: thread.head.date,
    text: thread.text,
    replacement: thread.replacement,
    replies: thread.replies,
    covered: placement.covered,
    target: placement.target,
    source: placement.source,
    location: placement.source ? { ...placement.source, file: /^(content|data)\//.test(placement.source.file) ? realPath(placement.source.file, ctx.roots) : placement.source.file } : null,
    changed: placement.changed,
  };
}
