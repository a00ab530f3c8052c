import { describe, expect, it } from "vitest";
import { formatters, roundHalfAway } from "../../src/document/formatters.ts";
import { numberInWords, ordinalInWords, ordinalSuffix } from "../../src/document/numberWords.ts";

describe("formatters", () => {
  it("prints percentages with a non-breaking space and a true minus", () => {
    expect(formatters.pct0(27.6)).toBe("28\u00a0%");
    expect(formatters.pct2(-15)).toBe("\u221215.00\u00a0%");
    expect(formatters.pct2(2.333333)).toBe("2.33\u00a0%");
  });
  it("rounds half away from zero on the decimal value", () => {
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-9.825, 2)).toBe(-9.83);
    expect(formatters.pct0(27.5)).toBe("28\u00a0%");
  });
  it("signs percentage points", () => {
    expect(formatters.pp(-9.8234)).toBe("\u22129.82\u00a0pp");
    expect(formatters.pp(3)).toBe("+3.00\u00a0pp");
    expect(formatters.pp(0.001)).toBe("0.00\u00a0pp");
  });
  it("separates thousands", () => {
    expect(formatters.int(147430)).toBe("147,430");
    expect(formatters.int(999)).toBe("999");
  });
  it("prints undefined values as n/a, never NaN or Infinity", () => {
    for (const name of ["pct0", "pct2", "pp", "int", "words"]) expect(formatters[name](null)).toBe("n/a");
    expect(() => formatters.pct2(Number.POSITIVE_INFINITY)).toThrow(/needs a number/);
  });
  it("writes numbers and ordinals in words", () => {
    expect(numberInWords(3)).toBe("three");
    expect(numberInWords(46)).toBe("forty-six");
    expect(numberInWords(105)).toBe("one hundred and five");
    expect(numberInWords(2024)).toBe("two thousand and twenty-four");
    expect(ordinalInWords(6)).toBe("sixth");
    expect(ordinalInWords(12)).toBe("twelfth");
    expect(ordinalInWords(20)).toBe("twentieth");
    expect(ordinalInWords(21)).toBe("twenty-first");
    expect(ordinalSuffix(11)).toBe("11th");
    expect(ordinalSuffix(22)).toBe("22nd");
    expect(formatters.capitalise("sixth")).toBe("Sixth");
  });
});
