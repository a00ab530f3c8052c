// Wording that agrees with the figure, through the same {{ }} language the prose uses.
import { describe, expect, it } from "vitest";
import { wordingFormatters } from "../../src/document/wording.ts"; // first, so the import cycle with formatters.ts is exercised from this side
import { evaluateExpression, ExpressionError, parseExpression } from "../../src/document/expressions.ts";

const context = {
  counts: { none: 0, one: 1, four: 4, many: 23, negative: -2, half: 0.4 },
  share: { now: 31.6, before: 29.5, same: 30.4, minus: 30.6, missing: null, was: 29.6349, is: 30.1388, exact: 30.1411, exactAgain: 30.1449 },
};
const run = (text: string) => evaluateExpression(parseExpression(text), context);

describe("counting forces, with a verb that agrees", () => {
  it.each([
    ["none", "No forces now sit"],
    ["one", "One force now sits"],
    ["four", "Four forces now sit"],
    ["many", "Twenty-three forces now sit"],
    ["half", "No forces now sit"],
  ])("%s", (name, expected) => {
    expect(`${run(`counts.${name} | forces | capitalise`)} now ${run(`counts.${name} | sits`)}`).toBe(expected);
  });

  it("has is/are, has/have, was/were and the noun alone", () => {
    expect([run("counts.one | is"), run("counts.four | is"), run("counts.none | has"), run("counts.one | has"), run("counts.one | was"), run("counts.many | was")]).toEqual([
      "is",
      "are",
      "have",
      "has",
      "was",
      "were",
    ]);
    expect(`${run("counts.many | int")} ${run("counts.many | force")}; ${run("counts.one | int")} ${run("counts.one | force")}`).toBe("23 forces; 1 force");
  });

  it("refuses a negative count, naming the formatter and what to use instead", () => {
    expect(() => run("counts.negative | forces")).toThrow(ExpressionError);
    expect(() => run("counts.negative | forces")).toThrow("forces: forces needs a count of 0 or more, got -2; for a change use change() or changeCount().");
  });

  it("prints n/a for a missing figure", () => {
    expect(Object.keys(wordingFormatters())).toEqual(["forces", "force", "sits", "is", "has", "was"]);
    expect(run("share.missing | forces")).toBe("n/a");
  });
});

describe("change in words agrees with the finest figures printed", () => {
  it("says a share stayed the same only when it is the same at two decimals", () => {
    // The 2024 proof: the chart printed 29.63 % → 30.14 % beside "30 % … 30 % a year earlier: the share stayed the same".
    expect(run("change(share.is, share.was)")).toBe("rose by less than a point");
    expect(run("change(share.was, share.is)")).toBe("fell by less than a point");
    // 30.14 and 30.14 at two decimals: the same, whatever the third.
    expect(run("change(share.exactAgain, share.exact)")).toBe("stayed the same");
  });
});

describe("change in words", () => {
  it("percentages change by whole points, as pct0 prints them", () => {
    expect(run("change(share.now, share.before)")).toBe("rose by two points"); // 32 % against 30 %
    // 30 % against 30 % in the text, but 30.40 against 29.50 where two decimals are printed: not "the same".
    expect(run("change(share.same, share.before)")).toBe("rose by less than a point");
    expect(run("change(share.before, share.minus)")).toBe("fell by one point"); // 30 % against 31 %
    expect(run("change(share.before, share.now) | capitalise")).toBe("Fell by two points");
    expect(run("change(share.missing, share.now)")).toBe("n/a");
  });

  it("counts change by whole numbers, with no unit", () => {
    expect(run("changeCount(counts.four, counts.one)")).toBe("rose by three");
    expect(run("changeCount(counts.four, counts.four)")).toBe("stayed the same");
    expect(run("changeCount(counts.none, counts.one)")).toBe("fell by one");
    expect(run("changeCount(counts.negative, counts.many)")).toBe("fell by twenty-five");
  });
});
