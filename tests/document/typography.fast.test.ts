import { describe, expect, it } from "vitest";
import { typeset } from "../../src/document/typography.ts";

describe("British typesetting", () => {
  it("curls quotes and apostrophes", () => {
    expect(typeset(`The force's "Bluestone" teams`)).toBe("The force\u2019s \u201cBluestone\u201d teams");
    expect(typeset(`'Working Together'`)).toBe("\u2018Working Together\u2019");
  });
  it("sets spaced en dashes, ellipses and non-breaking spaces before %", () => {
    expect(typeset("men - and women")).toBe("men \u2013 and women");
    expect(typeset("2019--2024")).toBe("2019\u20132024");
    expect(typeset("wait...")).toBe("wait\u2026");
    expect(typeset("62% of roles")).toBe("62\u00a0% of roles");
  });
});
