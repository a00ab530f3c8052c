// The stage cache changes how fast a build is, never what it writes: uncached, partly cached and fully
// cached builds of the same inputs give the same bytes.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

/** Every output file but the build report, whose timings differ from run to run. */
function outputs(dir: string, prefix = ""): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(files, outputs(full, `${prefix}${name}/`));
    else if (name !== "build-report.json") files[`${prefix}${name}`] = readFileSync(full);
  }
  return files;
}

function expectSameBytes(a: string, b: string) {
  const left = outputs(a);
  const right = outputs(b);
  expect(Object.keys(right)).toEqual(Object.keys(left));
  for (const name of Object.keys(left)) expect(right[name].equals(left[name]), name).toBe(true);
}

describe("the stage cache", () => {
  it("gives byte-identical outputs uncached, cached, fully reused and partly reused", async () => {
    const fixture = copyFixtures();
    const common = { year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, print: false };
    const uncached = await build({ ...common, outDir: path.join(fixture.root, "uncached"), cache: false });
    expect(uncached.cacheStats.charts?.hits ?? 0).toBe(0);

    const cachedDir = path.join(fixture.root, "cached");
    const first = await build({ ...common, outDir: cachedDir });
    // Every part of the book is laid out: the cover, the contents (twice: for their length, then numbered) and each section.
    expect(first.cacheStats.part.hits).toBe(0);
    expect(first.cacheStats.part.misses).toBeGreaterThan(5);
    expectSameBytes(uncached.outputDir, first.outputDir);

    const again = await build({ ...common, outDir: cachedDir });
    expect(again.cacheStats.build).toEqual({ hits: 1, misses: 0 });
    expect(again.pageCount).toBe(first.pageCount);
    expectSameBytes(uncached.outputDir, again.outputDir);

    // One entry edited: its text is laid out again, the charts are reused.
    fixture.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("for a year.", "for a year, and an added sentence for this test."));
    const partly = await build({ ...common, outDir: cachedDir });
    expect(partly.cacheStats.charts.hits).toBeGreaterThan(0);
    expect(partly.cacheStats.charts.misses).toBe(0);
    // Only Cumbria's pages are laid out again; its page count did not change, so nothing after it moved.
    expect(partly.cacheStats.part).toEqual({ hits: first.cacheStats.part.misses - 1, misses: 1 });
    const fresh = await build({ ...common, outDir: path.join(fixture.root, "fresh"), cache: false });
    expectSameBytes(fresh.outputDir, partly.outputDir);
    expect(readFileSync(partly.pdfFile).equals(readFileSync(uncached.pdfFile))).toBe(false);
  });

  it("does not reuse outputs that were changed on disk since they were written", async () => {
    const fixture = copyFixtures();
    const options = { year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, print: false, outDir: path.join(fixture.root, "out") };
    const first = await build(options);
    writeFileSync(first.pdfFile, "not a PDF");
    const second = await build(options);
    expect(second.cacheStats.build).toBeUndefined();
    expect(readFileSync(second.pdfFile).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
