// The plan that deals a force entry's body to two columns (templates/pages/columnFlow.ts): whole grid
// lines, no widow or orphan, no split after a broken word, headings kept with what follows, balanced ends.
import { describe, expect, it } from "vitest";
import { planColumns, type Column, type MeasuredUnit } from "../../templates/pages/columnFlow.ts";

const paragraph = (lines: number, unbreakable: number[] = []): MeasuredUnit => ({
  kind: "paragraph",
  lines,
  breaks: Array.from({ length: lines + 1 }, (_, k) => k > 0 && k < lines && !unbreakable.includes(k)),
});
const heading: MeasuredUnit = { kind: "heading", lines: 1, above: 1 };
const used = (column: Column) => column.reduce((sum, p) => sum + p.lines, 0);
/** No balancing of a last page: the dealing alone. */
const unbalanced = Infinity;

describe("planColumns", () => {
  it("fills the first column, splits the paragraph at its foot between lines, and goes on in the second", () => {
    // 10-line columns: 6 lines, then a 9-line paragraph: 4 lines here, 5 in the next column.
    const plan = planColumns([paragraph(6), paragraph(9)], 10, 10, unbalanced);
    expect(plan.pages).toHaveLength(1);
    const [one, two] = plan.pages[0];
    expect(one).toEqual([
      { unit: 0, from: 0, to: 6, lines: 6, top: true },
      { unit: 1, from: 0, to: 4, lines: 4, top: false },
    ]);
    expect(two).toEqual([{ unit: 1, from: 4, to: 9, lines: 5, top: true }]);
  });

  it("leaves no line alone at a column's foot or head (two at least on each side)", () => {
    // 9 lines of room after 9: one line would be an orphan, so the paragraph moves whole.
    const [one, two] = planColumns([paragraph(9), paragraph(5)], 10, 10, unbalanced).pages[0];
    expect(one.map((p) => p.unit)).toEqual([0]);
    expect(two[0]).toMatchObject({ unit: 1, from: 0, to: 5 });
    // 7 lines of room for an 8-line paragraph: 6 and 2, never 7 and 1.
    const split = planColumns([paragraph(3), paragraph(8)], 10, 10, unbalanced).pages[0];
    expect(split[0][1]).toMatchObject({ unit: 1, from: 0, to: 6 });
    expect(split[1][0]).toMatchObject({ unit: 1, from: 6, to: 8 });
  });

  it("never splits after a line that ends in a broken word", () => {
    const [one, two] = planColumns([paragraph(4), paragraph(10, [6, 5])], 10, 10, unbalanced).pages[0];
    expect(one[1]).toMatchObject({ unit: 1, from: 0, to: 4 });
    expect(two[0]).toMatchObject({ unit: 1, from: 4 });
  });

  it("keeps a heading with two lines of what follows, and drops its space above at a column's head", () => {
    // 7 lines used: a heading (1 + 1 above) and two lines would need 4 of the 3 left.
    const [one, two] = planColumns([paragraph(7), heading, paragraph(6)], 10, 10, unbalanced).pages[0];
    expect(one).toHaveLength(1);
    expect(two[0]).toEqual({ unit: 1, from: 0, to: 1, lines: 1, top: true });
    // With room, it stays, with its line of space.
    const fits = planColumns([paragraph(5), heading, paragraph(6)], 10, 10, unbalanced).pages[0][0];
    expect(fits[1]).toEqual({ unit: 1, from: 0, to: 1, lines: 2, top: false });
    expect(fits[2]).toMatchObject({ unit: 2, from: 0, to: 3 });
  });

  it("never leaves a list's first item alone at a column's foot, nor its last alone at the next column's head", () => {
    const list: MeasuredUnit = { kind: "list", items: [2, 2, 2, 2], after: 0 };
    // Room for three items: two go, so the last is not alone.
    const [one, two] = planColumns([paragraph(4), list], 10, 10, unbalanced).pages[0];
    expect(one[1]).toMatchObject({ unit: 1, from: 0, to: 2 });
    expect(two[0]).toMatchObject({ unit: 1, from: 2, to: 4 });
    // Room for one item only: the list moves whole to the next column.
    const moved = planColumns([paragraph(7), list], 10, 10, unbalanced).pages[0];
    expect(moved[0]).toHaveLength(1);
    expect(moved[1][0]).toMatchObject({ unit: 1, from: 0, to: 4 });
  });

  it("splits a list between items only", () => {
    const list: MeasuredUnit = { kind: "list", items: [3, 2, 2, 3], after: 0 };
    const [one, two] = planColumns([paragraph(4), list], 10, 10, unbalanced).pages[0];
    // 4 + 3 + 2 lines fill 9 of 10; the third item's 2 do not fit, and no item is cut.
    expect(one[1]).toEqual({ unit: 1, from: 0, to: 2, lines: 5, top: false });
    expect(two[0]).toEqual({ unit: 1, from: 2, to: 4, lines: 5, top: true });
  });

  it("goes on over pages, the first shorter under the entry's title and lede", () => {
    const units = Array.from({ length: 12 }, () => paragraph(7));
    const plan = planColumns(units, 20, 40);
    // 84 lines: about 40 on the first page (two columns of 20; a line may stay empty rather than leave
    // a paragraph's line alone), the rest on the second.
    expect(plan.pages.length).toBe(2);
    for (const n of plan.pages[0].map(used)) expect(n === 19 || n === 20).toBe(true);
    const total = plan.pages.flat().reduce((sum, c) => sum + used(c), 0);
    expect(total).toBe(84);
    // Every line of every paragraph is set once, in order.
    const pieces = plan.pages.flat(2);
    for (let u = 0; u < units.length; u++) {
      const mine = pieces.filter((p) => p.unit === u);
      expect(mine[0].from).toBe(0);
      expect(mine.at(-1)!.to).toBe(7);
      for (let k = 1; k < mine.length; k++) expect(mine[k].from).toBe(mine[k - 1].to);
    }
  });

  it("balances the last page's columns, but no lower than the least a last page must hold", () => {
    const units = [paragraph(10), paragraph(10)];
    const balanced = planColumns(units, 40, 40);
    expect(balanced.pages[0].map(used)).toEqual([10, 10]);
    const held = planColumns(units, 40, 40, 14);
    expect(held.pages[0].map(used)).toEqual([14, 6]);
  });

  it("starts the body on the next page when the first has no room for two lines", () => {
    const plan = planColumns([paragraph(5)], 1, 40, unbalanced);
    expect(plan.pages[0]).toEqual([[], []]);
    expect(plan.pages[1][0][0]).toMatchObject({ unit: 0, from: 0, to: 5 });
  });

  it("says by how much a block taller than a column runs over", () => {
    expect(planColumns([paragraph(4), { kind: "block", lines: 12 }], 10, 10).over).toEqual({ unit: 1, lines: 2 });
    expect(planColumns([paragraph(30)], 10, 10).over).toBeNull();
  });
});

describe("planColumns under a title and lede", () => {
  it("leaves a paragraph that cannot split in the few lines under the title for the next page, not an error", () => {
    // 4 lines a column under the title, 20 on later pages: a 5-line paragraph that may not split (each
    // line ends in a broken word) fits no first-page column but any whole one. It once came back as
    // "taller than a column" (block-too-tall) and stopped the build.
    const plan = planColumns([paragraph(5, [1, 2, 3, 4]), paragraph(3)], 4, 20, unbalanced);
    expect(plan.over).toBeNull();
    expect(plan.pages[0]).toEqual([[], []]);
    expect(plan.pages[1][0]).toEqual([
      { unit: 0, from: 0, to: 5, lines: 5, top: true },
      { unit: 1, from: 0, to: 3, lines: 3, top: false },
    ]);
  });

  it("still says by how much a paragraph runs over when it is taller than a whole column", () => {
    const plan = planColumns([paragraph(25, Array.from({ length: 24 }, (_, k) => k + 1))], 4, 20, unbalanced);
    expect(plan.over).toEqual({ unit: 0, lines: 5 });
  });
});
