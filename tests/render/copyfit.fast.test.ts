// The copyfitting rule between layout passes: which forces are set tighter, which words are kept whole,
// and the warning when the last step still strands a tail.
import { describe, expect, it } from "vitest";
import { copyfit } from "../../src/design/theme.ts";
import { pagesToCheck, planFits, sectionSpans, strandedWarning } from "../../src/render/copyfit.ts";
import type { PageInspection } from "../../src/render/inspectLayout.ts";

const page = (pageNumber: number, fill: number, extra: Partial<PageInspection> = {}): PageInspection => ({ pageNumber, fill, words: Math.round(fill * 400), brokenWord: null, firstWord: "The", headingAtFoot: null, ...extra });
const spans = sectionSpans(
  [
    ["force/dorset", 27],
    ["contents", 2],
    ["force/durham", 29],
    ["force/essex", 30],
  ],
  31,
);

describe("copyfit", () => {
  it("derives each section's pages from where the next one starts, and reads back only pages that continue", () => {
    expect(spans).toEqual([
      { id: "contents", first: 2, last: 26 },
      { id: "force/dorset", first: 27, last: 28 },
      { id: "force/durham", first: 29, last: 29 },
      { id: "force/essex", first: 30, last: 31 },
    ]);
    expect(pagesToCheck(spans.slice(1))).toEqual([27, 28, 30, 31]);
  });

  it("sets a force with a last page under a quarter full one step tighter, and leaves a fuller one alone", () => {
    const pages = new Map([page(27, 0.97), page(28, 0.03), page(30, 0.9), page(31, 0.4)].map((p) => [p.pageNumber, p]));
    const plan = planFits(spans.slice(1), pages, { steps: {}, keepWhole: [] }, (id) => id.startsWith("force/"));
    expect(plan.steps).toEqual({ "force/dorset": 1 });
    expect(plan.changed).toBe(true);
    expect(plan.stranded).toEqual([]);
  });

  it("keeps a word broken across a page turn whole in the next pass", () => {
    const pages = new Map([page(27, 0.97, { brokenWord: { start: "preg", end: "" } }), page(28, 0.6, { firstWord: "nancy," })].map((p) => [p.pageNumber, p]));
    const plan = planFits(spans.slice(1, 2), pages, { steps: {}, keepWhole: [] }, () => true);
    expect(plan.keepWhole).toEqual(["pregnancy"]);
    expect(plan.changed).toBe(true);
  });

  it("starts a heading left alone at a page's foot on the next page", () => {
    const pages = new Map([page(27, 0.97, { headingAtFoot: "The Positive Action Support Group" }), page(28, 0.6)].map((p) => [p.pageNumber, p]));
    const plan = planFits(spans.slice(1, 2), pages, { steps: {}, keepWhole: [] }, () => true);
    expect(plan.keepWithNext).toEqual(["The Positive Action Support Group"]);
    expect(plan.changed).toBe(true);
    const again = planFits(spans.slice(1, 2), pages, plan, () => true);
    expect(again.changed).toBe(false);
  });

  it("after the last step reports the tail instead of tightening further, with force, file, line and words", () => {
    const pages = new Map([page(27, 0.97), page(28, 0.05, { words: 33 })].map((p) => [p.pageNumber, p]));
    const plan = planFits(spans.slice(1, 2), pages, { steps: { "force/dorset": copyfit.steps.length }, keepWhole: [] }, () => true);
    expect(plan.changed).toBe(false);
    expect(plan.stranded).toEqual([{ id: "force/dorset", page: 28, fill: 0.05, words: 33 }]);
    const section = { kind: "force", title: "Dorset Police", entries: [{ source: { file: "content/2024/good-practice/dorset.md", line: 1, column: 1 } }] } as never;
    const warning = strandedWarning(plan.stranded[0], section, { contentDir: "my-content", dataDir: "my-data" });
    expect(warning).toMatchObject({ severity: "warning", rule: "stranded-tail", file: "my-content/2024/good-practice/dorset.md", line: 1, page: 28 });
    expect(warning.message).toBe("Dorset Police's pages end with 33 words alone on page 28 (5% of the page), even set as tight as the copyfitting rule allows; cut about 33 words so the entry ends a page earlier.");
  });

  it("keeps its adjustments small: leading at most 0.75 pt tighter", () => {
    for (const step of copyfit.steps) expect(13 - step.leading).toBeLessThanOrEqual(0.75);
  });
});
