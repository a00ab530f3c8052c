// The comments as people and tools read them: one line each in the reporter's file:line:column style
// (an editor jumps to it), and comments.json and comments.csv with every field.
import type { ReviewComment } from "./model.ts";
import { csvText } from "../domain/csvWriter.ts";

const quote = (text: string) => `"${text.replace(/\s+/g, " ").trim()}"`;

/** What the comment asks, in a few words. */
function said(c: ReviewComment): string {
  if (c.kind === "replace") return `replace with ${quote(c.replacement ?? "")}`;
  if (c.kind === "insert") return `insert ${quote(c.replacement ?? "")}`;
  if (c.kind === "strike-out" && !c.text) return "delete";
  return c.text ? quote(c.text) : `(${c.kind}, no text)`;
}

function about(c: ReviewComment): string {
  const t = c.target;
  const on = c.covered ? ` on ${quote(c.covered)}` : "";
  switch (t.type) {
    case "figure":
      return `${on} (figure${t.expression ? ` {{ ${t.expression} }}` : ` ${t.id}`}; data ${t.data.map((d) => `${d.file}:${d.lines}`).join(", ") || "none"})`;
    case "chart":
      return ` on chart ${t.id} (${t.title}; data ${t.data.map((d) => `${d.file}:${d.lines}`).join(", ")})`;
    case "running-header":
      return `${on} (the running header, set by runningHeader)`;
    case "setting":
      return `${on} (made from the setting ${t.id})`;
    case "folio":
      return `${on} (the page number, drawn by the page template)`;
    case "draft-stamp":
      return `${on} (the draft stamp)`;
    case "wording":
      return `${on} (the builder's fixed wording, ${t.id})`;
    default:
      return on;
  }
}

/** One line per comment: `file:line:column: kind (p. N, Author): "text" on "words"`. */
export function formatComment(c: ReviewComment, pdfFallback = c.pdfs[0]): string {
  const l = c.location;
  const where = l ? `${l.file}:${l.line}:${l.column}` : pdfFallback;
  const who = c.authors.length > 0 ? `, ${c.authors.join(" and ")}` : "";
  const replies = c.replies.map((r) => `; reply from ${r.author || "an unnamed reviewer"}: ${quote(r.text)}`).join("");
  const changed = c.changed ? ` [${c.changed}]` : "";
  return `${where}: ${c.kind} (p. ${c.page}${who}): ${said(c)}${about(c)}${replies}${changed}`;
}

export function commentsJson(comments: ReviewComment[]): string {
  return JSON.stringify({ comments }, null, 2) + "\n";
}

const CSV_COLUMNS = ["draft", "page", "kind", "authors", "date", "text", "replacement", "covered", "file", "line", "column", "target", "targetId", "expression", "data", "changed", "replies", "pdfs"] as const;

export function commentsCsv(comments: ReviewComment[]): string {
  const rows = comments.map((c) => {
    const t = c.target;
    const row: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
      draft: `${c.draft.year}/${c.draft.number}/${c.draft.revision ?? ""}`,
      page: c.page,
      kind: c.kind,
      authors: c.authors.join("; "),
      date: c.date,
      text: c.text,
      replacement: c.replacement,
      covered: c.covered,
      file: c.location?.file ?? null,
      line: c.location?.line ?? null,
      column: c.location?.column ?? null,
      target: t.type,
      targetId: t.id,
      expression: t.type === "figure" ? t.expression : null,
      data: t.type === "figure" || t.type === "chart" ? t.data.map((d) => `${d.file}:${d.lines}`).join("; ") : null,
      changed: c.changed,
      replies: c.replies.map((r) => `${r.author}: ${r.text}`).join(" | "),
      pdfs: c.pdfs.join("; "),
    };
    return CSV_COLUMNS.map((k) => row[k]);
  });
  return csvText(CSV_COLUMNS, rows);
}
