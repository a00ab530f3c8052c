// Several reviewers' copies of one draft become one list: a comment made twice (same place, same
// words) is kept once with both reviewers; the list runs in the draft's page order, and on a page
// by file, line and column, so an editor works through it from the front of the report.
import type { ReviewComment } from "./comment.ts";

function place(c: ReviewComment): string {
  const s = c.source;
  return s ? `${s.file}:${s.line}:${s.column}` : `p${c.page}:${c.target.id ?? ""}:${c.covered}`;
}

const norm = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim().toLowerCase();

/** Same draft, same place, same words (a highlight and an underline saying the same are one comment). */
function key(c: ReviewComment): string {
  // Without words, the kind is what is asked (a strike-out deletes; a bare highlight only marks).
  return JSON.stringify([c.draft.year, c.draft.number, place(c), c.text || c.replacement ? "" : c.kind, norm(c.text), norm(c.replacement)]);
}

export function mergeComments(comments: ReviewComment[]): ReviewComment[] {
  const folded = new Map<string, ReviewComment>();
  for (const c of comments) {
    const k = key(c);
    const seen = folded.get(k);
    if (!seen) {
      folded.set(k, { ...c, authors: [...c.authors], pdfs: [...c.pdfs], replies: [...c.replies] });
      continue;
    }
    for (const a of c.authors) if (!seen.authors.includes(a)) seen.authors.push(a);
    for (const p of c.pdfs) if (!seen.pdfs.includes(p)) seen.pdfs.push(p);
    for (const r of c.replies) if (!seen.replies.some((x) => x.author === r.author && norm(x.text) === norm(r.text))) seen.replies.push(r);
    if (c.date && (!seen.date || c.date < seen.date)) seen.date = c.date;
  }
  return [...folded.values()].sort(
    (a, b) =>
      a.draft.year - b.draft.year ||
      a.draft.number - b.draft.number ||
      a.page - b.page ||
      Number(a.source === null) - Number(b.source === null) ||
      (a.source?.file ?? "").localeCompare(b.source?.file ?? "", "en") ||
      (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
      (a.source?.column ?? 0) - (b.source?.column ?? 0),
  );
}
