// Issue 10: bounded resources. Each limit (src/domain/limits.ts) stops the build with an error at the line,
// quickly: every case here once crashed, hung for tens of seconds or ran off the page.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { limits } from "../../src/domain/limits.ts";
import { report } from "../../src/diagnostics/reporter.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { pngClaiming, prepareErrors } from "../helpers/hostile.ts";

const entry = "content/2024/good-practice/cumbria.md";
const bodyStart = 7; // first body line of the fixture entry (front matter is lines 1–6)

// No case asserts a time (a loaded machine made one fail): each rejection is checked by the rule that
// made it, a limit tested before the parser runs, so the slow path it replaced would fail on the rule.
// How long the worst take is measured by bench/hostileInputs.ts.

/** Errors for an entry whose body is replaced. */
function rejectBody(body: string) {
  const fixture = copyFixtures();
  fixture.edit(entry, (t) => t.slice(0, t.indexOf("---", 3) + 4) + body);
  return { errors: prepareErrors(fixture) };
}

describe("Markdown nesting, paragraph and word length", () => {
  it.each([
    ["block quotes 1000 deep", `${">".repeat(1000)} deep\n`, 1],
    ["block quotes 1000 deep with spaces", `${"> ".repeat(1000)}deep\n`, 1],
    ["a list 200 deep by indentation", Array.from({ length: 200 }, (_, i) => `${" ".repeat(2 * i)}- item`).join("\n"), 21], // 40 spaces, a dash and a space pass the 40-column limit
    ["a list 1000 deep on one line", `${"- ".repeat(1000)}x\n`, 1],
    ["quotes and lists mixed 9 deep", "> - > - > - > - > x\n", 1],
  ])("rejects %s at its line, before parsing", (_what, body, line) => {
    const { errors } = rejectBody(body);
    expect(errors[0]).toMatchObject({ rule: "markdown-limit", line: bodyStart + line - 1 });
    expect(errors[0].message).toMatch(/nested \d+ deep|indented \d+ columns/);
  });

  it("rejects a list 1000 deep by indentation (36 s and a stack overflow before) by its size alone", () => {
    const { errors } = rejectBody(Array.from({ length: 1000 }, (_, i) => `${" ".repeat(2 * i)}- item`).join("\n"));
    expect(errors[0]).toMatchObject({ rule: "input-path" });
    expect(errors[0].message).toMatch(/the limit for a good-practice entry is 64 KB/);
  });

  it("accepts nesting up to the limit", () => {
    const fixture = copyFixtures();
    fixture.edit(entry, (t) => `${t}\n${"> ".repeat(limits.nesting)}deep enough\n`);
    expect(() => prepareErrors(fixture)).toThrow(/accepted hostile input/);
  });

  it.each([
    ["a run of 30,000 emphasis marks", `${"*".repeat(15000)}x${"*".repeat(15000)}\n`],
    ["40,000 nested brackets", `${"[".repeat(20000)}x${"](u)".repeat(5000)}\n`],
    ["a paragraph of 300 stray marks across lines", "a * b\n".repeat(300)],
  ])("rejects %s before remark parses it (remark alone would take minutes)", (_what, body) => {
    const { errors } = rejectBody(body);
    expect(errors[0]).toMatchObject({ rule: "markdown-limit", line: bodyStart });
    expect(errors[0].message).toContain(`more than ${limits.markupMarks}`);
  });

  it("rejects more lines than the limit (12,000 lazy block-quote lines took 9 s to parse)", () => {
    const { errors } = rejectBody(`> > ${"x\n".repeat(12000)}`);
    expect(errors[0]).toMatchObject({ rule: "markdown-limit", line: bodyStart + limits.markdownLines });
  });

  it("rejects a 5,000-character word at its line and column", () => {
    const { errors } = rejectBody(`Some words then ${"x".repeat(5000)} and more.\n`);
    expect(errors.map((e) => e.rule).sort()).toEqual(["long-word", "markdown-limit"]); // the paragraph is too long as well
    const word = errors.find((e) => e.rule === "long-word")!;
    expect(word).toMatchObject({ rule: "long-word", line: bodyStart, column: "Some words then ".length + 1 });
    expect(word.message).toContain("5000 characters");
    expect(word.message).not.toContain("x".repeat(31));
  });

  it("rejects a long bare web address in the text, suggesting link words", () => {
    const { errors } = rejectBody(`See https://example.org/${"a".repeat(60)} for more.\n`);
    expect(errors[0].rule).toBe("long-word");
    expect(errors[0].message).toContain("[words](https://…)");
  });

  it("names the line of a long word made of web addresses the parser turns into links (found by the property tests)", () => {
    // GFM makes links of the addresses; their text has no position of its own.
    const { errors } = rejectBody(`Intro line.\n\n${"_https://example.org\u4e00".repeat(7)}\n`);
    const word = errors.find((e) => e.rule === "long-word");
    expect(word).toMatchObject({ rule: "long-word", line: bodyStart + 2 });
  });

  it("rejects a paragraph over the length limit", () => {
    const { errors } = rejectBody(`Intro.\n\n${"word ".repeat(1100)}\n`);
    expect(errors[0]).toMatchObject({ rule: "markdown-limit", line: bodyStart + 2 });
    expect(errors[0].message).toContain(`limit is ${limits.paragraphChars}`);
  });

  it("rejects a Markdown file over the size limit before reading it", () => {
    const fixture = copyFixtures();
    fixture.edit(entry, (t) => `${t}\n${"A sentence of ordinary prose. ".repeat(3000)}\n`);
    const [error] = prepareErrors(fixture);
    expect(error).toMatchObject({ rule: "input-path" });
    expect(error.message).toMatch(/limit for a good-practice entry is 64 KB/);
  });
});

describe("images", () => {
  it("rejects a 20,000 × 20,000 RGBA PNG from its header, without decoding it", () => {
    const fixture = copyFixtures();
    writeFileSync(path.join(fixture.contentDir, "2024/good-practice/images/swatch.png"), pngClaiming(20000, 20000));
    const [error] = prepareErrors(fixture);
    expect(error).toMatchObject({ rule: "image", line: 17 });
    expect(error.message).toMatch(/"images\/swatch\.png" is 20000 × 20000 pixels; the limit is 25 million pixels/);
  });

  it("rejects an image file over the size limit", () => {
    const fixture = copyFixtures();
    writeFileSync(path.join(fixture.contentDir, "2024/good-practice/images/swatch.png"), Buffer.alloc(limits.imageBytes + 1));
    const [error] = prepareErrors(fixture);
    expect(error).toMatchObject({ rule: "image", line: 17 });
    expect(error.message).toMatch(/10\.0 MB; the limit for a PNG or JPEG image is 10\.0 MB/);
  });
});

describe("errors per file", () => {
  it("rejects a 50 MB officers file at once, without reading it", () => {
    const fixture = copyFixtures();
    const file = path.join(fixture.dataDir, "2024/officers.csv");
    const row = "Nowhere Constabulary,Female,Constable,1\n";
    writeFileSync(file, `force,sex,rank,headcount\n${row.repeat(Math.ceil((50 * 1024 * 1024) / row.length))}`);
    const errors = prepareErrors(fixture);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: "input-path" });
    expect(errors[0].message).toMatch(/is 50\.0 MB; the limit for a CSV file .* is 2\.0 MB/);
  });

  it("lists the first errors of a file within the size limit and counts the rest", () => {
    const fixture = copyFixtures();
    const file = path.join(fixture.dataDir, "2024/officers.csv");
    const row = "Nowhere Constabulary,Female,Constable,1\n";
    const rows = Math.floor((limits.csvBytes - 100) / row.length);
    writeFileSync(file, `force,sex,rank,headcount\n${row.repeat(rows)}`);
    const errors = prepareErrors(fixture);
    const inFile = errors.filter((e) => e.file === file);
    expect(inFile).toHaveLength(limits.errorsPerFile + 1);
    expect(inFile.slice(0, limits.errorsPerFile).map((e) => e.line)).toEqual(Array.from({ length: limits.errorsPerFile }, (_, i) => i + 2));
    const summary = inFile.find((e) => e.rule === "too-many-errors")!;
    expect(summary.message).toContain(`and ${rows - limits.errorsPerFile} more errors in this file`);
    const printed: string[] = [];
    report(errors, (l) => printed.push(l));
    expect(printed.filter((l) => l.startsWith(file)).at(-1)).toContain("more errors in this file");
    expect(printed.length).toBeLessThan(limits.errorsPerFile + 10);
  });
});

it("the limits leave the real 2024 edition untouched", async () => {
  const { prepare } = await import("../../src/build/prepare.ts");
  const repo = path.resolve(import.meta.dirname, "../..");
  const { sink } = prepare({ year: 2024, dataDir: path.join(repo, "data"), contentDir: path.join(repo, "content") });
  expect(sink.errors).toEqual([]);
  expect(sink.warnings.filter((w) => ["malformed-link", "long-word", "markdown-limit"].includes(w.rule))).toEqual([]);
});

it("rejects a 5,000-character word in front matter (the lede is printed large) at its field's line", () => {
  const fixture = copyFixtures();
  fixture.edit(entry, (t) => t.replace("lede: Cumbria ran a mentoring scheme for the tests.", `lede: Cumbria ran ${"a".repeat(5000)}.`));
  const [error] = prepareErrors(fixture);
  expect(error).toMatchObject({ rule: "schema", line: 4 });
  expect(error.message).toMatch(/^lede: expected the opening paragraph without any word over 40 characters/);
});
