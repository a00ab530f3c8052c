// Annotations into threads, and PDF dates: the parts of reading comments that need no PDF.
import { describe, expect, it } from "vitest";
import type { RawAnnotation } from "../../src/comments/comment.ts";
import { pdfDate } from "../../src/pdf/readAnnotations.ts";
import { threads } from "../../src/comments/threads.ts";

const box = { x1: 0, y1: 0, x2: 10, y2: 10 };
const ann = (id: string, subtype: string, text: string, extra: Partial<RawAnnotation> = {}): RawAnnotation => ({
  id, subtype, page: 1, author: "A", date: null, text, rect: box, quads: null, inReplyTo: null, replyType: null, ...extra,
});

describe("threads", () => {
  it("folds replies (and replies to replies) into the comment they answer", () => {
    const t = threads([
      ann("1R", "Highlight", "why?"),
      ann("2R", "Text", "because", { author: "B", inReplyTo: "1R", replyType: "R" }),
      ann("3R", "Text", "fine", { author: "C", inReplyTo: "2R", replyType: "R" }),
    ]);
    expect(t).toHaveLength(1);
    expect(t[0].kind).toBe("highlight");
    expect(t[0].replies.map((r) => `${r.author}: ${r.text}`)).toEqual(["B: because", "C: fine"]);
  });

  it("makes a caret grouped with a strike-out one replacement, whichever of the two points at the other", () => {
    for (const pair of [
      [ann("5R", "Caret", "colleagues"), ann("6R", "StrikeOut", "colleagues", { inReplyTo: "5R", replyType: "Group", quads: [box] })],
      [ann("6R", "StrikeOut", "", { quads: [box] }), ann("5R", "Caret", "colleagues", { inReplyTo: "6R", replyType: "Group" })],
    ]) {
      const [t] = threads(pair);
      expect([t.kind, t.replacement, t.marks.subtype]).toEqual(["replace", "colleagues", "StrikeOut"]);
    }
  });

  it("keeps a reply to a missing annotation as a comment of its own, and the file's page order", () => {
    const t = threads([ann("9R", "Text", "late", { page: 2 }), ann("8R", "Text", "orphan", { inReplyTo: "77R", replyType: "R" })]);
    expect(t.map((x) => x.text)).toEqual(["orphan", "late"]);
  });
});

describe("pdfDate", () => {
  it("reads PDF dates with and without a zone", () => {
    expect(pdfDate("D:20241126093000+01'00'")).toBe("2024-11-26T08:30:00.000Z");
    expect(pdfDate("D:20241126093000Z")).toBe("2024-11-26T09:30:00.000Z");
    expect(pdfDate("D:2024")).toBe("2024-01-01T00:00:00.000Z");
    expect(pdfDate("yesterday")).toBeNull();
  });
});
