// `check` gives the build's errors and warnings without the PDF, in a fraction of a build's time: it never
// loads the charts, the layout or the PDF writer (checked on its imports; no test asserts a time).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { checkEdition } from "../../src/build/check.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

describe("check", () => {
  it("finds a planted error with its file, line and rule, with the build's warnings", async () => {
    const fixture = copyFixtures();
    const options = { year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir };
    const analysis = "content/2024/analysis/1-national.md";
    const good = readFileSync(path.join(fixture.root, analysis), "utf8");
    fixture.edit(analysis, (t) => t.replace("| pct2", "| pctt2"));

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
    const recorded = JSON.parse(readFileSync(path.join(built.outputDir, "build-report.json"), "utf8"));
    expect(clean.errors).toBe(0);
    expect(clean.diagnostics.length).toBeGreaterThan(0);
    expect(clean.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`)).toEqual(
      recorded.warnings.map((d: { file: string; line?: number; rule: string; message: string }) => `${d.file}:${d.line} ${d.rule} ${d.message}`),
    );
  });

  it("loads no chart, layout or PDF code: every file it imports, however indirectly, is before those stages", () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      // What loading the file loads: static imports and re-exports, not `import type` (erased) and not
      // `import()` (the one pipeline loads the chart, layout and PDF stages that way, only in the modes that draw).
      const text = readFileSync(file, "utf8");
      const statics = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"(\.[^"]+)"/gms), ...text.matchAll(/^import\s+"(\.[^"]+)"/gm)];
      for (const [, spec] of statics) {
        const target = path.resolve(path.dirname(file), spec);
        if (existsSync(target)) visit(target);
      }
    };
    const root = path.resolve(import.meta.dirname, "../..");
    visit(path.join(root, "src/build/check.ts"));
    expect(reached.size).toBeGreaterThan(10); // it does follow the imports (load, statistics, document…)
    const layout = [...reached].map((f) => path.relative(root, f)).filter((f) => /^(src\/(charts|render|pdf)|templates)\//.test(f));
    expect(layout).toEqual([]);
  });
});
