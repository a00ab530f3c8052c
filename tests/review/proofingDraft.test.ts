// A draft build, as the README runs it, proofs the entries it sets: here the held page of ordinary British
// prose (tests/review/ordinary-prose.md) set as an entry gives no finding. A whole draft build, so it is
// in the full tier; the proofing rules themselves are tested in proofing.fast.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const heldPage = path.join(import.meta.dirname, "ordinary-prose.md");

describe("proofing in a draft", () => {
  it("a draft build, as the README runs it, finds nothing in the held page set as an entry", async () => {
    const copy = copyFixtures();
    const prose = readFileSync(heldPage, "utf8").replace(/^---[\s\S]*?---\n/, "");
    copy.edit("content/2024/good-practice/cumbria.md", (t) => t.replace(/(^---[\s\S]*?---\n)[\s\S]*$/, `$1${prose}`));
    const out = path.join(copy.root, "out");
    let stdout = "";
    const status = await main(["build", "--draft", "--data", copy.dataDir, "--content", copy.contentDir, "--out", out], { out: (t) => (stdout += t), err: () => {} });
    expect(status).toBe(0);
    const review = JSON.parse(readFileSync(path.join(out, "2024", "drafts", "1", "review.json"), "utf8"));
    expect(review.proofing.findings).toEqual([]);
    expect(stdout).toContain("Proofing: 0 findings, 0 silenced by review-ignore comments.");
  }, 180_000);
});
