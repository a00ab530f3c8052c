// The sample 2024 report as a draft, with one word highlighted in every other line on every page:
// each comment placed on written words must point at exactly that word in the Markdown or settings
// as they are in the repository, and none may be lost.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { ReviewComment } from "../../src/comments/comment.ts";
import { Annotator, boxOf, runsOf } from "../helpers/annotate.ts";
import { draftFolder } from "../helpers/fakeDraft.ts";
import { sampleBuild } from "../helpers/sampleBuild.ts";

const root = path.resolve(import.meta.dirname, "../..");
let list: ReviewComment[];
let words: Map<string, string>;
let code: number;

beforeAll(async () => {
  const sample = await sampleBuild();
  const work = mkdtempSync(path.join(tmpdir(), "comments-sample-"));
  const outDir = path.join(work, "output");
  const pdfFile = await draftFolder(path.dirname(sample.pdfFile), path.join(outDir, "2024", "drafts", "1"), { year: 2024, number: 1, revision: 1 });
  const runs = await runsOf(pdfFile);
  const a = await Annotator.open(pdfFile);
  words = new Map();
  runs.forEach((page, p) =>
    page.forEach((run, r) => {
      // Every other line (to keep the suite quick), its second plain word: not a figure, not hyphenated.
      if (r % 2 === 1) return;
      const word = run.str.split(" ").filter((w) => /^[A-Za-z]{4,}$/.test(w))[1];
      if (!word) return;
      const id = `#${words.size}`;
      words.set(id, word);
      a.markup(p + 1, "Highlight", [boxOf(runs, p + 1, word, page.filter((r) => r.str.includes(word)).indexOf(run))], { author: "S. Ample", text: id });
    }),
  );
  const file = await a.save(path.join(work, "annotated.pdf"));
  const out = path.join(work, "comments");
  code = await main(["comments", file, "--content", path.join(root, "content"), "--data", path.join(root, "data"), "--output", outDir, "--out", out], { out: () => {}, err: () => {} });
  list = (JSON.parse(readFileSync(path.join(out, "comments.json"), "utf8")) as { comments: ReviewComment[] }).comments;
}, 600_000);

describe("comments on the sample report", () => {
  it("places every highlight, none over nothing", () => {
    expect(code).toBe(0);
    expect(list).toHaveLength(words.size);
    expect(list.filter((c) => c.target.type === "nothing")).toEqual([]);
  });

  it("points each one on written words at that very word in its source file", () => {
    const onText = list.filter((c) => c.target.type === "text");
    expect(onText.length).toBeGreaterThan(500);
    const wrong = onText
      .map((c) => {
        const line = readFileSync(c.location!.file, "utf8").split("\n")[c.location!.line - 1] ?? "";
        return { id: c.text, word: words.get(c.text)!, at: `${c.location!.file}:${c.location!.line}:${c.location!.column}`, found: line.slice(c.location!.column - 1, c.location!.column + 20), changed: c.changed };
      })
      // A word the template sets in capitals (a foreword's signature) is found as its source writes it.
      .filter((x) => !(x.found.startsWith(x.word) || (x.word === x.word.toUpperCase() && x.found.toUpperCase().startsWith(x.word))) || x.changed !== null);
    expect(wrong).toEqual([]);
  });

  it("places words of charts on their chart, and fixed wording in the builder's wording", () => {
    const chartIds = new Set(list.filter((c) => c.target.type === "chart").map((c) => c.target.id));
    expect(chartIds).toContain("chart/staff-2024");
    expect(list.filter((c) => c.target.type === "wording").every((c) => c.location === null || /^src\/(document\/labels|domain\/vocabulary)\.ts$/.test(c.location.file))).toBe(true);
  });
});
