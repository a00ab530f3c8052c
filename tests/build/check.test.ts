// `check` gives the build's errors and warnings without the PDF, in a fraction of a build's time.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { checkEdition } from "../../src/build/check.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("check", () => {
  it("finds a planted error with its file, line and rule, and keeps the warnings found with it", () => {
    const fixture = copyFixtures();
    fixture.edit("content/2024/analysis/1-national.md", (t) => t.replace("| pct2", "| pctt2"));
    const result = checkEdition({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    expect(result.errors).toBe(1);
    const error = result.diagnostics.find((d) => d.severity === "error")!;
    expect(error).toMatchObject({ rule: "expression", line: 7, file: path.join(fixture.contentDir, "2024/analysis/1-national.md") });
    expect(error.message).toContain('Unknown formatter "pctt2"');
    expect(error.message).toContain('Did you mean "pct2"?');
    // The fixture has forces without entries: those warnings come with the error, as the build's would.
    expect(result.diagnostics.some((d) => d.severity === "warning" && d.rule === "missing-entry")).toBe(true);
  });

  it("passes the sample edition with the warnings the build recorded, in well under the build's time", () => {
    const sample = inject("sampleBuild");
    const built = JSON.parse(readFileSync(path.join(sample.outDir, "2024", "build-report.json"), "utf8"));
    const result = checkEdition({ year: 2024, dataDir: path.join(root, "data"), contentDir: path.join(root, "content") });
    expect(result.errors).toBe(0);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.message}`)).toEqual(built.warnings.map((d: { rule: string; message: string }) => `${d.rule} ${d.message}`));
    expect(result.ms).toBeLessThan(built.timingsMs.total / 3);
  });
});
