// The test folders mirror src/ and the fast tier is a naming rule (vitest.config.ts), so both are checked
// here rather than kept by hand: a test in a folder no stage has, or a *.fast.test file that builds the
// sample, runs the whole build (imported, or as a command run in-process) or starts a browser, fails with its path.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
// Folders of tests/ that are not a stage: shared helpers and data, and suites that cross every stage
// (hostile input, the architecture's rules, page images against references).
const crossStage = ["architecture", "fixtures", "helpers", "hostile", "reference", "visual"];
const notFast = ["tests/helpers/sampleBuild.ts", "tests/helpers/browser.ts", "src/build/build.ts", "playwright-core"];

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "fixtures" || name === "reference" ? [] : testFiles(full);
    return /\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const stages = readdirSync(path.join(root, "src")).filter((name) => statSync(path.join(root, "src", name)).isDirectory());
const files = testFiles(path.join(root, "tests")).map((f) => path.relative(root, f).split(path.sep).join("/"));

describe("the layout of tests/", () => {
  it("puts every test under the folder of its src/ stage (or templates/), or in a cross-stage folder", () => {
    const allowed = new Set([...stages, "templates", ...crossStage]);
    expect(files.length).toBeGreaterThan(90);
    expect(files.filter((f) => !allowed.has(f.split("/")[1]))).toEqual([]);
  });

  it("keeps the fast tier fast: no *.fast.test file imports the sample build, the whole build or a browser", () => {
    const fast = files.filter((f) => /\.fast\.test\.tsx?$/.test(f));
    expect(fast.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const file of fast) {
      for (const [, spec] of readFileSync(path.join(root, file), "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
        const target = spec.startsWith(".") ? path.relative(root, path.resolve(root, path.dirname(file), spec)).split(path.sep).join("/") : spec;
        if (notFast.includes(target)) found.push(`${file} imports ${spec}`);
      }
      // The command line run in-process is a whole build when the command lays pages out.
      for (const [call] of readFileSync(path.join(root, file), "utf8").matchAll(/\bmain\(\s*\[\s*"(?:build|archive|verify|preview)"/g)) found.push(`${file} runs ${call}`);
    }
    expect(found).toEqual([]);
  });
});
