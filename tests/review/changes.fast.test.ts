// The word diff between drafts: inserted words in insert marks, removed words in delete marks, a changed
// figure shown old then new, unchanged blocks untouched, blocks paired by text not by position.
import { describe, expect, it } from "vitest";
import type { Block, Inline, ReportDocument } from "../../src/document/model.ts";
import { markChanges, markInlines } from "../../src/review/changes.ts";

const text = (value: string): Inline => ({ type: "text", value });
const figure = (t: string): Inline => ({ type: "figure", binding: "b1", text: t });
const para = (id: string, children: Inline[]): Block => ({ id, source: null, type: "paragraph", children });

describe("markInlines", () => {
  it("underlines added words and strikes removed ones, keeping emphasis", () => {
    const marked = markInlines([text("Mentors met "), { type: "emphasis", children: [text("weekly")] }, text(" for a year.")], [text("Mentors met monthly for a year.")]);
    expect(marked).toEqual([
      text("Mentors met "),
      // The removed word goes before the emphasis: it was not emphasised.
      { type: "delete", children: [text("monthly ")] },
      { type: "emphasis", children: [{ type: "insert", children: [text("weekly")] }] },
      text(" for a year."),
    ]);
  });

  it("shows a changed figure as the whole old text struck through and the whole new one underlined", () => {
    const marked = markInlines([text("Women hold "), figure("33.08 %"), text(" of posts.")], [text("Women hold "), figure("30.95 %"), text(" of posts.")]);
    expect(marked).toEqual([text("Women hold "), { type: "delete", children: [text("30.95 % ")] }, { type: "insert", children: [figure("33.08 %")] }, text(" of posts.")]);
  });

  it("keeps a figure whole when the old value shares digits with the new (0.12 % → 0.14 %)", () => {
    const marked = markInlines([text("grew by "), figure("0.14 %"), text(".")], [text("grew by "), figure("0.12 %"), text(".")]);
    expect(marked).toEqual([text("grew by "), { type: "delete", children: [text("0.12 % ")] }, { type: "insert", children: [figure("0.14 %")] }, text(".")]);
  });

  it("says where removed words stood in the earlier draft", () => {
    const was = { draft: 1, source: { file: "content/2024/good-practice/kent.md", line: 12, column: 1 } };
    const marked = markInlines([text("replaced sixty lamps.")], [text("replaced forty lamps.")], was);
    expect(marked).toEqual([text("replaced "), { type: "delete", children: [text("forty ")], was }, { type: "insert", children: [text("sixty")] }, text(" lamps.")]);
  });

  it("returns the same nodes when nothing changed", () => {
    const nodes = [text("Same "), figure("3 %")];
    expect(markInlines(nodes, [text("Same 3 %")])).toBe(nodes);
  });
});

describe("markChanges", () => {
  const doc = (blocks: Block[]): ReportDocument =>
    ({
      meta: {},
      labels: {},
      bindings: {},
      sections: [{ kind: "foreword", id: "foreword/lead", title: "Foreword", outlineTitle: "Foreword", source: null, person: {}, body: { blocks, footnotes: [], words: 0, source: { file: "f", line: 1, column: 1 } } }],
    }) as unknown as ReportDocument;

  it("pairs blocks by text: a paragraph added at the top marks only itself", () => {
    const before = doc([para("foreword/lead/1", [text("First.")]), para("foreword/lead/2", [text("Second.")])]);
    const after = doc([para("foreword/lead/1", [text("New.")]), para("foreword/lead/2", [text("First.")]), para("foreword/lead/3", [text("Second.")])]);
    const { document, changes } = markChanges(after, before, 1);
    const body = (document.sections[0] as Extract<ReportDocument["sections"][number], { kind: "foreword" }>).body.blocks;
    expect(body.map((b) => (b.type === "paragraph" ? b.children : null))).toEqual([[{ type: "insert", children: [text("New.")] }], [text("First.")], [text("Second.")]]);
    expect(changes.units).toEqual(["foreword/lead/1"]);
    expect(changes.sections).toEqual(["foreword/lead"]);
  });

  it("keeps a removed paragraph, struck through, where it was", () => {
    const before = doc([para("foreword/lead/1", [text("Gone.")]), para("foreword/lead/2", [text("Kept.")])]);
    const after = doc([para("foreword/lead/1", [text("Kept.")])]);
    const { document, changes } = markChanges(after, before, 1);
    const body = (document.sections[0] as Extract<ReportDocument["sections"][number], { kind: "foreword" }>).body.blocks;
    expect(body.map((b) => [b.id, b.type === "paragraph" ? b.children : null])).toEqual([
      ["foreword/lead/1/deleted", [{ type: "delete", children: [text("Gone.")], was: { draft: 1, source: null } }]],
      ["foreword/lead/1", [text("Kept.")]],
    ]);
    expect(changes.units).toEqual(["foreword/lead/1/deleted"]);
  });
});
