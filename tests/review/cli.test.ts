// The draft flags on the command line: misuse is a usage error; a draft to compare with that does not
// exist is an input error naming the drafts kept, before anything is drawn.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

describe("build --draft flags", () => {
  it("refuses --packs and --since without --draft", async () => {
    for (const args of [["build", "--packs"], ["build", "--since", "2"]]) {
      const r = await run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe("--packs and --since go with --draft.\n");
    }
  });

  it("refuses a --since that is not a draft number", async () => {
    const r = await run(["build", "--draft", "--since", "two"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('--since must be a draft number (1, 2, …), not "two".\n');
  });

  it("names the missing draft and the drafts kept", async () => {
    const copy = copyFixtures();
    const out = path.join(copy.root, "out");
    const r = await run(["build", "--draft", "--since", "7", "--data", copy.dataDir, "--content", copy.contentDir, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${path.join(out, "2024", "drafts", "7")}: error: There is no draft 7 to compare with; drafts kept: none. [draft-since]`);
    expect(r.stderr).toContain("Build stopped; nothing was written.");
  });

  it("prints planted mistakes at their line and column, and the sheet gives them their page", async () => {
    const copy = copyFixtures();
    const out = path.join(copy.root, "out");
    copy.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("for a year.", "for a year.\n\nThe scheme freed manpower for the the recrutment drive."));
    const r = await run(["build", "--draft", "--data", copy.dataDir, "--content", copy.contentDir, "--out", out]);
    expect(r.status).toBe(0);
    const file = path.join(copy.contentDir, "2024", "good-practice", "cumbria.md");
    expect(r.stderr).toContain(`${file}:9:18: warning: "manpower" is not a word for a report on gender equality; write workforce, staffing or people. [inclusive-language]`);
    expect(r.stderr).toContain(`${file}:9:31: warning: "the the" repeats a word; delete one. [repeated-word]`);
    expect(r.stderr).toContain(`${file}:9:39: warning: "recrutment" is not in the British English dictionary`);
    expect(r.stdout).toContain("Proofing: 3 findings, 0 silenced by review-ignore comments.");
    expect(r.stdout).toMatch(/^Built draft 1: .*report\.pdf: 11 pages \(review sheet 1\)/m);
    const review = JSON.parse(readFileSync(path.join(out, "2024", "drafts", "1", "review.json"), "utf8"));
    expect(review.proofing.findings.map((f: { line: number; column: number; rule: string; page: number }) => [f.line, f.column, f.rule, f.page])).toEqual([
      [9, 18, "inclusive-language", 8],
      [9, 31, "repeated-word", 8],
      [9, 39, "spelling", 8],
    ]);
  }, 120_000);
});
