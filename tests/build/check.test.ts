// `check` gives the build's errors and warnings without the PDF, in a fraction of a build's time.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { checkEdition } from "../../src/build/check.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

describe("check", () => {
  it("finds a planted error with its file, line and rule, in a fraction of the build's time, with the build's warnings", async () => {
    const fixture = copyFixtures();
    const options = { year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir };
    const analysis = "content/2024/analysis/1-national.md";
    const good = readFileSync(path.join(fixture.root, analysis), "utf8");
    fixture.edit(analysis, (t) => t.replace("| pct2", "| pctt2"));

    // check runs first, before anything is warmed up, so its time is not flattered by the build's.
    const result = await checkEdition(options);
    expect(result.errors).toBe(1);
    const error = result.diagnostics.find((d) => d.severity === "error")!;
    expect(error).toMatchObject({ rule: "expression", line: 7, file: path.join(fixture.root, analysis) });
    expect(error.message).toContain('Unknown formatter "pctt2"');
    expect(error.message).toContain('Did you mean "pct2"?');
    // The fixture has forces without entries: those warnings come with the error.
    expect(result.diagnostics.some((d) => d.severity === "warning" && d.rule === "missing-entry")).toBe(true);

    fixture.edit(analysis, () => good);
    const clean = await checkEdition(options);
    const built = await build({ ...options, outDir: path.join(fixture.root, "out"), print: false });
    expect(result.ms).toBeLessThan(built.timings.total / 3);
    const recorded = JSON.parse(readFileSync(path.join(built.outputDir, "build-report.json"), "utf8"));
    expect(clean.errors).toBe(0);
    expect(clean.diagnostics.length).toBeGreaterThan(0);
    expect(clean.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`)).toEqual(
      recorded.warnings.map((d: { file: string; line?: number; rule: string; message: string }) => `${d.file}:${d.line} ${d.rule} ${d.message}`),
    );
  });
});
