// The data rows a comment's line names: a chart's rows of the edition's year (a trend chart also reads
// earlier years, which must not be where its comments land), and a figure's rows folded per file so
// a national figure's ~90 ranges stay one short line.
import { describe, expect, it } from "vitest";
import { summariseRows } from "../../src/comments/output.ts";
import { currentRows } from "../../src/comments/targets.ts";

describe("currentRows", () => {
  it("keeps the year's files of a trend chart, and everything when the year has none", () => {
    const trend = [
      { file: "data/2022/officers.csv", lines: "2-40" },
      { file: "data/2023/officers.csv", lines: "2-41" },
      { file: "data/2024/officers.csv", lines: "2-42" },
      { file: "data/2024/staff.csv", lines: "5" },
    ];
    expect(currentRows(trend, 2024)).toEqual([trend[2], trend[3]]);
    expect(currentRows(trend.slice(0, 2), 2024)).toEqual(trend.slice(0, 2));
  });
});

describe("summariseRows", () => {
  it("folds touching ranges and lists a few as they are", () => {
    expect(summariseRows([{ file: "data/2024/officers.csv", lines: "2-8,9-15,17,30-36" }])).toBe("data/2024/officers.csv:2-15,17,30-36");
    expect(summariseRows([{ file: "a.csv", lines: "5" }, { file: "b.csv", lines: "3-4" }])).toBe("a.csv:5, b.csv:3-4");
  });

  it("gives a file with many ranges as its first and last line and how many rows", () => {
    // 90 forces' rows, 7 each with a gap of 7 between: lines 2-8, 16-22, … up to 2 + 89·14 + 6 = 1254.
    const lines = Array.from({ length: 90 }, (_, i) => `${2 + 14 * i}-${8 + 14 * i}`).join(",");
    const line = summariseRows([{ file: "data/2023/officers.csv", lines }, { file: "data/2024/officers.csv", lines }]);
    expect(line).toBe("data/2023/officers.csv:2-1254 (630 rows in 90 ranges), data/2024/officers.csv:2-1254 (630 rows in 90 ranges)");
    expect(line).not.toContain("\n");
  });
});
