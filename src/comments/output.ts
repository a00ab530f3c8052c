// The comments as people and tools read them: one line each in the reporter's file:line:column style
// (an editor jumps to it), and comments.json and comments.csv with every field.
import type { DataRows } from "../document/model.ts";
import { currentRows } from "./targets.ts";
import type { ReviewComment } from "./comment.ts";
import { csvText } from "../domain/csvWriter.ts";

const quote = (text: string) => `"${text.replace(/\s+/g, " ").trim()}"`;

/** What the comment asks, in a few words. */
function said(c: ReviewComment): string {
  if (c.kind === "replace") return `replace with ${quote(c.replacement ?? "")}`;
  if (c.kind === "insert") return `insert ${quote(c.replacement ?? "")}`;
  if (c.kind === "strike-out" && !c.text) return "delete";
  return c.text ? quote(c.text) : `(${c.kind}, no text)`;
}

/** At most this many line ranges of one file are listed in a comment's line; comments.json has them all. */
const MAX_RANGES = 4;

/**
 * Data rows short enough for one line: per file, touching ranges folded ("2-8,9-15" → "2-15"); a file
 * with many ranges is given as its first and last line and how many rows (a national figure reads ~90).
 */
export function summariseRows(data: DataRows[]): string {
  const byFile = new Map<string, [number, number][]>();
  for (const d of data) {
    const list = byFile.get(d.file) ?? [];
    for (const part of d.lines.split(",")) {
      const [a, b = a] = part.split("-").map(Number);
      if (Number.isFinite(a) && Number.isFinite(b)) list.push([a, b]);
    }
    byFile.set(d.file, list);
  }
  return [...byFile]
    .map(([file, ranges]) => {
      const folded: [number, number][] = [];
      for (const [a, b] of ranges.sort((x, y) => x[0] - y[0])) {
        const last = folded.at(-1);
        if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
        else folded.push([a, b]);
      }
      const rows = folded.reduce((n, [a, b]) => n + b - a + 1, 0);
      const text = (r: [number, number]) => (r[0] === r[1] ? `${r[0]}` : `${r[0]}-${r[1]}`);
      return folded.length <= MAX_RANGES ? `${file}:${folded.map(text).join(",")}` : `${file}:${folded[0][0]}-${folded.at(-1)![1]} (${rows} rows in ${folded.length} ranges)`;
    })
    .join(", ");
}

function about(c: ReviewComment): string {
  const t = c.target;
  const on = c.covered ? ` on ${quote(c.covered)}` : "";
  switch (t.type) {
    case "figure":
      return `${on} (figure${t.expression ? ` {{ ${t.expression} }}` : ` ${t.id}`}; data ${summariseRows(t.data) || "none"})`;
    case "chart":
      // The rows of the draft's year the chart draws; earlier years (a trend's) are in comments.json.
      return ` on chart ${t.id} (${t.title}; data ${summariseRows(currentRows(t.data, c.draft.year)) || "none"})`;
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
  return `${where}: ${c.kind} (p. ${c.pageLabel}${who}): ${said(c)}${about(c)}${replies}${changed}`;
}

export function commentsJson(comments: ReviewComment[]): string {
  return JSON.stringify({ comments }, null, 2) + "\n";
}

const CSV_COLUMNS = ["draft", "page", "pdfPage", "kind", "authors", "date", "text", "replacement", "covered", "file", "line", "column", "target", "targetId", "expression", "data", "changed", "replies", "pdfs"] as const;

export function commentsCsv(comments: ReviewComment[]): string {
  const rows = comments.map((c) => {
    const t = c.target;
    const row: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
      draft: `${c.draft.year}/${c.draft.number}/${c.draft.revision ?? ""}`,
      page: c.pageLabel,
      pdfPage: c.page,
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
