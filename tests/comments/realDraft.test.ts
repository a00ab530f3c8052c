// The whole reviewing loop on a real draft (not the stand-in the other comment tests use): build a
// draft, comment on it as a reviewer would, and find the comment at the line of the Markdown it is about.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { buildDraft } from "../../src/review/draftBuild.ts";
import { Annotator, boxOf, runsOf } from "../helpers/annotate.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

describe("a comment on a real draft", () => {
  it("comes back to the file, line and column of the words it covers", async () => {
    const fixture = copyFixtures();
    const outDir = path.join(fixture.root, "output");
    const draft = await buildDraft({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir, print: false, packs: false });
    const runs = await runsOf(draft.pdfFile);
    // The page of the draft PDF that holds the Cumbria entry's "monthly".
    const page = runs.findIndex((pageRuns) => pageRuns.some((r) => r.str.includes("monthly"))) + 1;
    expect(page).toBeGreaterThan(0);
    const a = await Annotator.open(draft.pdfFile);
    a.markup(page, "Highlight", [boxOf(runs, page, "monthly")], { author: "A. Reviewer", text: "every month?" });
    const copy = await a.save(path.join(fixture.root, "reviewed.pdf"));

    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["comments", copy, "--content", fixture.contentDir, "--data", fixture.dataDir, "--output", outDir, "--out", path.join(fixture.root, "comments")], {
      out: (t) => out.push(...t.trimEnd().split("\n")),
      err: (t) => err.push(...t.trimEnd().split("\n")),
    });
    expect(code, err.join("\n")).toBe(0);
    // The review sheet the draft inserts after the cover is known to the tool: no warning that pages differ.
    expect(err.filter((l) => l.includes("warning"))).toEqual([]);
    const file = path.join(fixture.contentDir, "2024", "good-practice", "cumbria.md");
    // "Mentors met their mentees *monthly* for a year." is line 7; "monthly" starts at column 28, inside the emphasis.
    const line = readFileSync(file, "utf8").split("\n")[6];
    expect(line.indexOf("monthly") + 1).toBe(28);
    expect(out.find((l) => l.includes("every month?"))).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:7:28: .*A\\. Reviewer.*"every month\\?".*"monthly"`));
  }, 180_000);
});
