// Proofing reports planted mistakes at their file, line and column, with a suggestion; review-ignore
// comments silence exactly the finding under them.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { proofContent } from "../../src/review/proofing.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

describe("proofing", () => {
  it("reports a misspelling, a repeated word, 'manpower', a doubled space and a variant spelling at their line and column", async () => {
    const copy = copyFixtures();
    copy.edit("content/2024/good-practice/cumbria.md", (text) =>
      text.replace(
        "Mentors met their mentees *monthly* for a year.",
        [
          "Mentors met their mentees *monthly* for a year.", // line 7
          "",
          "Extra manpower was found for the the recrutment drive.", // line 9
          "",
          "<!-- review-ignore spelling -->", // line 11
          "Another mispeling that the reviewer accepted.", // line 12
          "",
          "They joined He for She  in May.", // line 14
        ].join("\n"),
      ),
    );
    const result = await proofContent(copy.contentDir, 2024);
    const file = path.join(copy.contentDir, "2024/good-practice/cumbria.md");
    const found = result.findings.map((f) => [path.relative(copy.contentDir, f.file), f.line, f.column, f.rule, f.actual, f.suggestion]);
    expect(found).toEqual([
      ["2024/good-practice/cumbria.md", 9, 7, "inclusive-language", "manpower", "workforce, staffing or people"],
      ["2024/good-practice/cumbria.md", 9, 30, "repeated-word", "the the", "the"],
      ["2024/good-practice/cumbria.md", 9, 38, "spelling", "recrutment", "recruitment"],
      ["2024/good-practice/cumbria.md", 14, 13, "term-consistency", "He for She", "HeForShe"],
      ["2024/good-practice/cumbria.md", 14, 23, "double-space", "  ", " "],
    ]);
    expect(result.findings[0].file).toBe(file);
    expect(result.silenced).toEqual({ total: 1, byRule: { spelling: 1 } });
  });

  it("maps places inside lists and quotes back to the source column, and finds nothing in {{ }} expressions", async () => {
    const copy = copyFixtures();
    copy.edit("content/2024/good-practice/cumbria.md", (text) => text.replace("- another item", "- another itme").replace("> Mentoring made the difference.", "> Mentoring made teh difference."));
    const result = await proofContent(copy.contentDir, 2024);
    expect(result.findings.map((f) => [f.line, f.column, f.actual])).toEqual([
      [10, 11, "itme"],
      [12, 18, "teh"],
    ]);
  });
});
