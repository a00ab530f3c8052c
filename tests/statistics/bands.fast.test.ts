import { describe, expect, it } from "vitest";
import { bandOf } from "../../src/statistics/bands.ts";

describe("bandOf: the band rule at its exact boundaries", () => {
  it.each([
    [0, "equal"],
    [0.999, "equal"],
    [-0.999, "equal"],
    [1, "women+1"],
    [-1, "men+1"],
    [4.999, "women+1"],
    [5, "women+5"],
    [-5, "men+5"],
    [-9.82, "men+5"],
    [9.9999, "women+5"],
    [10, "women+10"],
    [-10, "men+10"],
    [14.99, "women+10"],
    [15, "women+15"],
    [-15, "men+15"],
    [-42, "men+15"],
  ])("%d pp is %s", (difference, band) => {
    expect(bandOf(difference)).toBe(band);
  });

  it("counts a difference that is exactly on a boundary in exact arithmetic as on it, despite floating point", () => {
    // 29 % − 24 % and 57 % − 42 % computed from counts of 100 fall just short in floating point.
    const five = (29 / 100) * 100 - (24 / 100) * 100;
    const fifteen = (57 / 100) * 100 - (42 / 100) * 100;
    expect(five).toBeLessThan(5);
    expect(fifteen).toBeLessThan(15);
    expect(bandOf(five)).toBe("women+5");
    expect(bandOf(-fifteen)).toBe("men+15");
  });
});
