// Years and dates from the data: about.yml, {{ }} in report.yml, braces left over, stale years, the
// publication date against the as-at date, and the git state the archive records for its inputs.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inputsGitState } from "../../src/archive/manifest.ts";
import { checkEdition } from "../../src/build/check.ts";
import { prepare } from "../../src/build/prepare.ts";
import { findPrecisionMismatches, findStaleYears, findUnboundClaims } from "../../src/document/editionChecks.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const lineOf = (text: string, words: string) => text.split("\n").findIndex((l) => l.includes(words)) + 1;

describe("stale years", () => {
  it("finds earlier dates, and earlier years that compare nothing, at their line and column", () => {
    const text = "In March 2024 the forces met.\nBetween 2022 and {{ year }} the share rose. In 2023 forces joined.\nSince 2017 it has grown; the 2026 plan follows. On 2023-11-25 we wrote.";
    const found = findStaleYears(text, 2025, new Set([2022, 2023, 2024]));
    expect(found).toEqual([
      { line: 1, column: 4, text: "March 2024" },
      { line: 2, column: 48, text: "2023" },
      { line: 3, column: 7, text: "2017" },
      { line: 3, column: 52, text: "2023-11-25" },
    ]);
  });

  it("leaves web addresses and {{ }} alone", () => {
    expect(findStaleYears("See https://example.org/2019/report and {{ bandCounts.officers.2023.equal }}.", 2025, new Set())).toEqual([]);
  });
});

describe("unbound claims", () => {
  it("finds a direction or a count about the data stated without a figure, with the helper to use", () => {
    const text = [
      "Most forces employ more women officers than a year ago.",
      "The share of women sergeants {{ change(a, b) }} since last year.",
      "The share of women in senior ranks stayed the same.",
      "Our network has grown beyond the United Kingdom.",
      "Chief officers are fifteen points or more below their share of all officers.",
    ].join("\n");
    expect(findUnboundClaims(text).map(({ line, column, text: words, helper }) => [line, column, words, helper.split(" ")[0]])).toEqual([
      [1, 1, "Most forces", "{{"],
      [3, 36, "stayed the same", "{{"],
    ]);
    expect(findUnboundClaims("Women officers rose by a third.")[0].helper).toContain("change(now, before)");
  });
});

describe("comparison words and printed precision", () => {
  it("finds a share printed finer than change() or trend() compares it, in the same paragraph only", () => {
    const text = [
      "It was {{ a.share | pct2 }} against {{ b.share | pct0 }}, so the share",
      "{{ change(a.share, b.share) }}.",
      "",
      "Elsewhere {{ a.share | pct2 }} stands alone.",
      "Now {{ c | pct1 }}: it {{ trend(c, d) }}.",
    ].join("\n");
    expect(findPrecisionMismatches(text).map((m) => [m.line, m.column, m.figure, m.helper])).toEqual([
      [1, 8, "a.share", "change()"],
      [5, 5, "c", "trend()"],
    ]);
  });
});

describe("report.yml and about.yml", () => {
  it("fills {{ }} in report.yml from the data's about.yml, and prints the source line under the charts", () => {
    const f = copyFixtures();
    f.edit("content/2024/report.yml", (t) => t.replace("- text: Test source", '- text: "{{ data.source }}, as at {{ data.asAt }}"').replace('runningHeader: "{{ title }} · {{ editionLabel }}"', 'runningHeader: "{{ title }} {{ year }}"'));
    const { document } = prepare({ year: 2024, dataDir: f.dataDir, contentDir: f.contentDir });
    expect(document.meta.runningHeader).toBe("Gender Equality in UK Policing 2024");
    const back = document.sections.find((s) => s.kind === "back");
    const sources = JSON.stringify(document);
    expect(sources).toContain("Source: Test workforce source, as at 31 March 2024.");
    if (back?.kind === "back") expect(back.sources[0].text).toBe("Test workforce source, as at 31 March 2024");
  });

  it("an unclosed {{ or a stray }} in report.yml is an error at its line and column; an unknown name too", async () => {
    const f = copyFixtures();
    const file = f.edit("content/2024/report.yml", (t) => t.replace("subject: A small edition for the tests.", "subject: The edition of {{ year, with a stray }} here.").replace("- text: Test source", '- text: "Counts, {{ data.asAtMnth }}"'));
    const result = await checkEdition({ year: 2024, dataDir: f.dataDir, contentDir: f.contentDir });
    const text = readFileSync(file, "utf8");
    const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => ({ rule: d.rule, line: d.line, column: d.column, message: d.message }));
    const subject = lineOf(text, "subject:");
    expect(errors).toContainEqual(expect.objectContaining({ rule: "expression", line: subject, column: text.split("\n")[subject - 1].indexOf("{{") + 1 }));
    expect(errors).toContainEqual(expect.objectContaining({ rule: "expression", line: lineOf(text, "asAtMnth"), message: expect.stringContaining('Unknown name "data.asAtMnth"') }));
  });

  it("a brace left over after filling is unresolved-braces at its column", async () => {
    const f = copyFixtures();
    const file = f.edit("content/2024/report.yml", (t) => t.replace("subject: A small edition for the tests.", "subject: A small edition, March {{ year }} }}."));
    const text = readFileSync(file, "utf8");
    const subject = lineOf(text, "subject:");
    const result = await checkEdition({ year: 2024, dataDir: f.dataDir, contentDir: f.contentDir });
    expect(result.diagnostics.filter((d) => d.rule === "unresolved-braces").map((d) => [path.basename(d.file), d.line, d.column])).toEqual([["report.yml", subject, text.split("\n")[subject - 1].lastIndexOf("}}") + 1]]);
  });

  it("{{ }} in front matter, which is printed as written, is unresolved-braces at its field's line", async () => {
    const f = copyFixtures();
    f.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("title: A fixture entry about mentoring", "title: Mentoring in {{ year }}"));
    const result = await checkEdition({ year: 2024, dataDir: f.dataDir, contentDir: f.contentDir });
    expect(result.diagnostics.filter((d) => d.rule === "unresolved-braces").map((d) => [path.basename(d.file), d.line, d.column])).toEqual([["cumbria.md", 3, 1]]);
  });

  it("about.yml with an as-at date outside its year is an error at the line; without about.yml a draft warns and a final stops", async () => {
    const f = copyFixtures();
    f.edit("data/2024/about.yml", (t) => t.replace("asAt: 2024-03-31", "asAt: 2023-03-31"));
    const wrong = await checkEdition({ year: 2024, dataDir: f.dataDir, contentDir: f.contentDir });
    expect(wrong.diagnostics.filter((d) => d.severity === "error").map((d) => [d.rule, path.basename(d.file), d.line])).toEqual([["about-year", "about.yml", 2]]);

    rmSync(path.join(f.dataDir, "2024/about.yml"));
    expect((await checkEdition({ year: 2024, dataDir: f.dataDir, contentDir: f.contentDir })).diagnostics.filter((d) => d.rule === "no-data-about").map((d) => d.severity)).toEqual(["warning"]);
    expect((await checkEdition({ year: 2024, dataDir: f.dataDir, contentDir: f.contentDir, final: true })).diagnostics.filter((d) => d.rule === "no-data-about").map((d) => d.severity)).toContain("error");
  });

  it("a publication date before the as-at date warns in a draft and stops a final", async () => {
    const f = copyFixtures();
    f.edit("content/2024/report.yml", (t) => t.replace("publicationDate: 2024-11-25", "publicationDate: 2024-03-30"));
    const draft = await checkEdition({ year: 2024, dataDir: f.dataDir, contentDir: f.contentDir });
    expect(draft.diagnostics.filter((d) => d.rule === "publication-date").map((d) => [d.severity, d.line])).toEqual([["warning", 3]]);
    const final = await checkEdition({ year: 2024, dataDir: f.dataDir, contentDir: f.contentDir, final: true });
    expect(final.diagnostics.filter((d) => d.rule === "publication-date").map((d) => [d.severity, d.line, d.message])).toEqual([
      ["error", 3, expect.stringContaining("is before 2024-03-31, the date the 2024 counts are as at")],
    ]);
  });
});

describe("the checklist", () => {
  it("an item naming a file outside the edition is an error at the item, and nothing outside is read", async () => {
    const f = copyFixtures();
    writeFileSync(path.join(f.contentDir, "2024/checklist.yml"), 'items:\n  - file: "report.yml"\n    text: "small edition"\n  - file: "../../data/forces.csv"\n    text: "Kent"\n');
    const result = await checkEdition({ year: 2024, dataDir: f.dataDir, contentDir: f.contentDir });
    expect(result.diagnostics.filter((d) => d.rule.startsWith("checklist")).map((d) => [d.severity, d.rule, path.basename(d.file), d.line])).toEqual([
      ["warning", "checklist-open", "report.yml", 5],
      ["error", "checklist-path", "checklist.yml", 4],
    ]);
  });

  it("an acceptance needs a reason in words", async () => {
    const f = copyFixtures();
    writeFileSync(path.join(f.contentDir, "2024/checklist.yml"), 'items:\n  - file: "report.yml"\n    text: "small edition"\n    accepted: ""\n');
    const result = await checkEdition({ year: 2024, dataDir: f.dataDir, contentDir: f.contentDir });
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.rule, d.line, d.message])).toEqual([["schema", 4, "items.0.accepted: expected a reason, in a few words, why the text stands as it is"]]);
  });
});

describe("the inputs' git state", () => {
  it("lists modified, untracked and ignored input files; clean only when every one is committed as it is", () => {
    const repo = mkdtempSync(path.join(tmpdir(), "inputs-git-"));
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: repo, encoding: "utf8" });
    git("init", "-q");
    mkdirSync(path.join(repo, "content/2025"), { recursive: true });
    const file = (name: string, text = "x\n") => {
      writeFileSync(path.join(repo, name), text);
      return path.join(repo, name);
    };
    const committed = file("content/2025/report.yml");
    const changed = file("content/2025/summary.md");
    file(".gitignore", "*.tmp.md\n");
    git("add", "-A");
    git("commit", "-qm", "inputs");
    expect(inputsGitState([committed, changed])).toEqual({ clean: true, modified: [], untracked: [], ignored: [] });
    writeFileSync(changed, "y\n");
    const untracked = file("content/2025/new.md");
    const ignored = file("content/2025/draft.tmp.md");
    expect(inputsGitState([committed, changed, untracked, ignored])).toEqual({
      clean: false,
      modified: ["content/2025/summary.md"],
      untracked: ["content/2025/new.md"],
      ignored: ["content/2025/draft.tmp.md"],
    });
    // Outside a git work tree there is no state to record.
    const loose = mkdtempSync(path.join(tmpdir(), "no-git-"));
    writeFileSync(path.join(loose, "a.md"), "x");
    expect(inputsGitState([path.join(loose, "a.md")])).toBeNull();
  });
});
