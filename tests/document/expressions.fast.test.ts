import { describe, expect, it } from "vitest";
import { evaluateExpression, parseExpression } from "../../src/document/expressions.ts";

const context = {
  year: 2024,
  national: { middleManagement: { womenPct: 27.6 }, previous: { middleManagement: { womenPct: 26.9 } } },
  averageChange: { officers: 2.3349 },
  bandCounts: { seniorLeadership: { "2023": { "men+15": 4 }, "2024": { "men+15": 7 } } },
  forces: [{ slug: "avon-and-somerset", middleManagementDifference: -9.8234, change: { seniorLeadership: null } }],
};

const run = (text: string) => evaluateExpression(parseExpression(text), context);

describe("expressions in the prose", () => {
  it("looks up dotted names and formats them", () => {
    expect(run(" national.middleManagement.womenPct | pct0 ")).toBe("28\u00a0%");
    expect(run("averageChange.officers | pct2")).toBe("2.33\u00a0%");
    expect(run("forces.avon-and-somerset.middleManagementDifference | pp")).toBe("\u22129.82\u00a0pp");
    expect(run("year")).toBe("2024");
    expect(run("year | int")).toBe("2,024");
  });
  it("computes a difference of two figures and prints it in words", () => {
    expect(run("delta(bandCounts.seniorLeadership.2024.men+15, bandCounts.seniorLeadership.2023.men+15) | words")).toBe("three");
  });
  it("states a direction at whole-percent precision", () => {
    expect(run("trend(national.middleManagement.womenPct, national.previous.middleManagement.womenPct)")).toBe("increased");
    expect(run("trend(27.4, 26.6)")).toBe("remained the same");
    expect(run("trend(26, 27) | capitalise")).toBe("Fell");
  });
  it("prints an undefined figure as n/a", () => {
    expect(run("forces.avon-and-somerset.change.seniorLeadership | pct2")).toBe("n/a");
  });
  it("rejects unknown names, formatters and functions with a suggestion", () => {
    expect(() => run("national.middleManagment.womenPct")).toThrow(/has no "middleManagment". Did you mean "national.middleManagement.womenPct"\?/);
    expect(() => run("year | pct9")).toThrow(/Unknown formatter "pct9"/);
    expect(() => run("eval(year)")).toThrow(/Unknown function "eval"/);
    expect(() => run("national.middleManagement")).toThrow(/group of figures/);
  });
  it("never runs code: JavaScript syntax is a parse error", () => {
    expect(() => parseExpression("process.exit(1)")).toThrow(/Unknown function/);
    expect(() => parseExpression("a; b")).toThrow(/Unexpected character/);
    expect(() => parseExpression("constructor.constructor('x')()")).toThrow(/Unexpected character "'"/);
    expect(() => run("constructor")).toThrow(/Unknown name "constructor": "the statistics" has no "constructor"/);
  });
});
