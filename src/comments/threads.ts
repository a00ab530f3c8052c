// Annotations into comments: a reply (IRT, RT=R) belongs to the comment it answers; a group (RT=Group)
// is one comment made of several annotations, as Acrobat's "replace text" is a strike-out grouped with
// a caret that holds the new words. What is left is one comment per thread, in the file's order.
import type { CommentKind, RawAnnotation, Reply } from "./comment.ts";

export interface Thread {
  kind: CommentKind;
  /** The annotation whose author, date, page and text the comment takes. */
  head: RawAnnotation;
  /** The annotation that marks the words (a strike-out's quads for a replace). */
  marks: RawAnnotation;
  text: string;
  replacement: string | null;
  replies: Reply[];
}

const KINDS: Record<string, CommentKind> = {
  Text: "note",
  Highlight: "highlight",
  Underline: "underline",
  Squiggly: "squiggly",
  StrikeOut: "strike-out",
  Caret: "insert",
  FreeText: "free-text",
};

export function threads(annotations: RawAnnotation[]): Thread[] {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  /** The top of the thread an annotation belongs to (replies to replies included). */
  const root = (a: RawAnnotation): RawAnnotation => {
    const seen = new Set<string>();
    let at = a;
    while (at.inReplyTo && byId.has(at.inReplyTo) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.inReplyTo)!;
    }
    return at;
  };
  const heads = annotations.filter((a) => !a.inReplyTo || !byId.has(a.inReplyTo));
  const result = new Map<string, Thread>();
  for (const head of heads) {
    result.set(head.id, { kind: KINDS[head.subtype] ?? "note", head, marks: head, text: head.text, replacement: head.subtype === "Caret" ? head.text : null, replies: [] });
  }
  for (const a of annotations) {
    if (!a.inReplyTo || !byId.has(a.inReplyTo)) continue;
    const thread = result.get(root(a).id);
    if (!thread) continue;
    if (a.replyType === "Group") {
      const [caret, strike] = a.subtype === "StrikeOut" ? [thread.head, a] : a.subtype === "Caret" ? [a, thread.head] : [null, null];
      if (caret?.subtype === "Caret" && strike?.subtype === "StrikeOut") {
        thread.kind = "replace";
        thread.marks = strike;
        thread.replacement = caret.text || strike.text;
        thread.text = caret.text || strike.text;
      }
    } else {
      thread.replies.push({ author: a.author, date: a.date, text: a.text });
    }
  }
  return [...result.values()].sort((x, y) => x.head.page - y.head.page);
}
