// A review round as a reviewer meets it: draft 1, then one count, one sentence and one entry title
// changed, then draft 2, commented. The changed figures print whole (old struck, new beside it) in the
// running text, the side panel and the big figure; the review sheet names the pages of every changed
// figure and chart; the chart the count feeds is listed and barred; comments over an inserted word, a
// struck word and the chart land where they should, with the pages the viewer shows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { ReviewComment } from "../../src/comments/comment.ts";
import type { GoodPracticeEntry, ReportDocument } from "../../src/document/model.ts";
import { buildDraft, type DraftResult } from "../../src/review/draftBuild.ts";
import type { ReviewSheet } from "../../src/review/sheet.ts";
import { Annotator, boxOf, runBoxOf, runsOf } from "../helpers/annotate.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { readPdfPages, type PageText } from "../helpers/pdfText.ts";

const copy = copyFixtures();
const outDir = path.join(copy.root, "out");
const common = { year: 2024, dataDir: copy.dataDir, contentDir: copy.contentDir, outDir, print: false, packs: false };
const cumbriaMd = path.join(copy.contentDir, "2024", "good-practice", "cumbria.md");
let second: DraftResult;
let pages: PageText[];
let review: ReviewSheet;
let comments: { code: number; out: string[]; err: string[]; list: ReviewComment[] };

/** Figures print a no-break space before "%"; compare with plain spaces. */
const spaces = (text: string) => text.replace(/\s+/g, " ");
/** The draft PDF's page (1-based) of a report page. */
const pdfPage = (reportPage: number) => second.layout.pages[reportPage - 1].pdfPage;
const textOf = (reportPage: number) => spaces(pages[pdfPage(reportPage) - 1].text);

beforeAll(async () => {
  // Draft 1 has a sentence with a count in words, to be changed for draft 2.
  copy.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("Mentors met their mentees *monthly* for a year.", "Mentors met their mentees *monthly* for a year and replaced forty lamps."));
  await buildDraft({ ...common, now: new Date("2026-11-20T09:30:00Z") });
  copy.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("forty lamps", "sixty lamps").replace("title: A fixture entry about mentoring", "title: A fixture entry about coaching"));
  // Kent's women sergeants feed the national average in the running text (p. 5), Kent's side panel,
  // big figures and chart (p. 10) and the change table (p. 5).
  copy.edit("data/2024/officers.csv", (t) => t.replace("Kent,Female,Sergeant,155", "Kent,Female,Sergeant,175"));
  second = await buildDraft({ ...common, now: new Date("2026-11-21T10:00:00Z") });
  pages = await readPdfPages(second.pdfFile);
  review = JSON.parse(readFileSync(path.join(second.draftDir, "review.json"), "utf8")) as ReviewSheet;

  // A reviewer comments on draft 2.
  const runs = await runsOf(second.pdfFile);
  const cumbria = pdfPage(8);
  const kent = pdfPage(10);
  const a = await Annotator.open(second.pdfFile);
  // Over inserted and struck words together, as a highlight drawn across "replaced forty sixty lamps." falls.
  a.markup(cumbria, "Highlight", ["replaced", "forty", "sixty", "lamps."].map((w) => boxOf(runs, cumbria, w)), { author: "A. Reviewer", text: "how many lamps?" });
  a.markup(cumbria, "Highlight", [boxOf(runs, cumbria, "sixty")], { author: "A. Reviewer", text: "sixty is new" });
  a.markup(cumbria, "StrikeOut", [boxOf(runs, cumbria, "forty")], { author: "A. Reviewer", text: "forty was right" });
  const bar = boxOf(runs, kent, "Middle management");
  a.note(kent, bar.x1 + 40, bar.y1 - 8, { author: "A. Reviewer", text: "bar looks short" });
  // On a figure's struck old value in the running text.
  const analysis = pdfPage(5);
  a.markup(analysis, "Highlight", [boxOf(runs, analysis, "1.78 %", 0)], { author: "A. Reviewer", text: "was this wrong?" });
  // On the change bar's label, a mark of the draft's own.
  a.markup(kent, "Highlight", [runBoxOf(runs, kent, "CHANGED")], { author: "A. Reviewer", text: "what changed here?" });
  const copyFile = await a.save(path.join(copy.root, "reviewed.pdf"));
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["comments", copyFile, "--content", copy.contentDir, "--data", copy.dataDir, "--output", outDir, "--drafts", second.draftDir, "--out", path.join(copy.root, "comments")], {
    out: (t) => out.push(...t.trimEnd().split("\n")),
    err: (t) => err.push(...t.trimEnd().split("\n")),
  });
  const list = (JSON.parse(readFileSync(path.join(copy.root, "comments", "comments.json"), "utf8")) as { comments: ReviewComment[] }).comments;
  comments = { code, out, err, list };
}, 240_000);

describe("draft 2's marks", () => {
  it("strike the whole old value and print the whole new one beside it in running text", () => {
    // Average change in women officers: (2.15 + 1.68 + 1.51) / 3 = 1.78 % → (2.15 + 1.68 + 3.19) / 3 = 2.34 %.
    expect(textOf(5)).toContain("The average force grew its women officers by 1.78 % 2.34 %.");
  });

  it("do the same in the side panel's notes and beside the big figure, not in its caption", () => {
    // Kent middle management (155 + 40) / 630 = 30.95 % → (175 + 40) / 650 = 33.08 %; officers 35.86 % → 36.23 %.
    expect(textOf(10)).toContain("Women are 30.95 % 33.08 % of sergeants and inspectors, 35.86 % 36.23 % of all officers.");
    expect(textOf(10)).not.toMatch(/30 95|35 86|\b4 90\b/);
    // The difference 30.95 − 35.86 = −4.90 → 33.08 − 36.23 = −3.16: old and new on one baseline, old first.
    const items = pages[pdfPage(10) - 1].items;
    const was = items.find((i) => i.str.trim() === "−4.90")!;
    const now = items.find((i) => i.str.trim() === "−3.16")!;
    expect(was, "the struck old difference").toBeDefined();
    expect(Math.abs(was.y - now.y)).toBeLessThan(1);
    expect(was.x + was.width).toBeLessThanOrEqual(now.x + 0.5);
  });

  it("mark a changed entry title word by word, like body text", () => {
    expect(textOf(8)).toContain("A fixture entry about mentoring coaching");
    const cumbria = second.printed.sections.find((s) => s.id === "force/cumbria") as { entries: GoodPracticeEntry[] };
    expect(cumbria.entries[0].titleMarks).toEqual([
      { type: "text", value: "A fixture entry about " },
      { type: "delete", children: [{ type: "text", value: "mentoring " }], was: { draft: 1, source: cumbria.entries[0].source } },
      { type: "insert", children: [{ type: "text", value: "coaching" }] },
    ]);
    expect(textOf(8)).toContain("and replaced forty sixty lamps.");
  });
});

describe("draft 2's review sheet", () => {
  it("names the page every changed figure prints on", () => {
    const figures = review.changes!.figures;
    expect(figures.filter((f) => f.pages.length === 0)).toEqual([]);
    const pagesOf = Object.fromEntries(figures.map((f) => [f.id, f.pages]));
    expect(pagesOf["analysis/national/figure-1"]).toEqual([5]);
    expect(pagesOf["force/kent/middle-management-share-1"]).toEqual([10]);
    expect(pagesOf["force/kent/middle-management-difference"]).toEqual([10]);
  });

  it("lists the chart the count feeds, old → new, with its page, and bars that page", () => {
    const chart = review.changes!.charts.find((c) => c.id === "chart/force-kent");
    expect(chart?.pages).toEqual([10]);
    expect(chart?.values.map((v) => [v.label, v.old && spaces(v.old), v.new && spaces(v.new)])).toEqual([
      ["All officers, Women", "35.86 %", "36.23 %"],
      ["All officers, Men", "64.14 %", "63.77 %"],
      ["Middle management, Women", "30.95 %", "33.08 %"],
      ["Middle management, Men", "69.05 %", "66.92 %"],
    ]);
    // Only the Kent chart changed: its other bars (senior leadership) and every other chart are the same.
    expect(review.changes!.charts.map((c) => c.id)).toEqual(["chart/force-kent"]);
    expect(review.changes!.pages).toContain(10);
    const barred = pages.filter((p) => p.items.some((i) => i.str === "CHANGED")).map((p) => p.pageNumber);
    expect(barred).toEqual(review.changes!.pages.map(pdfPage));
    // The sheet prints the chart's rows.
    const sheet = pages.slice(1, 1 + second.sheetPages).map((p) => spaces(p.text)).join(" ");
    expect(sheet).toContain("chart/force-kent: Middle management, Women 30.95 % 33.08 % 10");
  });
});

describe("comments on draft 2", () => {
  const line = (said: string) => {
    const found = comments.out.filter((l) => l.includes(said));
    expect(found, comments.out.join("\n")).toHaveLength(1);
    return found[0];
  };

  it("are all placed: none is over nothing", () => {
    expect(comments.code, comments.err.join("\n")).toBe(0);
    expect(comments.err.filter((l) => l.includes("comment-over-nothing"))).toEqual([]);
    expect(comments.list).toHaveLength(6);
    expect(line("what changed here?")).toBe(`${path.join(copy.root, "reviewed.pdf")}: highlight (p. 10, A. Reviewer): "what changed here?" on "CHANGED" (the draft stamp)`);
  });

  it("over inserted words, at the new words' source; over a mix, at both", () => {
    // Line 7: "Mentors met their mentees *monthly* for a year and replaced sixty lamps."; "sixty" at column 61.
    const source = readFileSync(cumbriaMd, "utf8").split("\n")[6];
    expect(source.indexOf("sixty") + 1).toBe(61);
    expect(source.indexOf("replaced") + 1).toBe(52);
    expect(line("sixty is new")).toBe(`${cumbriaMd}:7:61: highlight (p. 8, A. Reviewer): "sixty is new" on "sixty"`);
    expect(line("how many lamps?")).toBe(
      `${cumbriaMd}:7:52: highlight (p. 8, A. Reviewer): "how many lamps?" on "replaced forty sixty lamps." [also on text removed since draft 1, was content/2024/good-practice/cumbria.md:7]`,
    );
  });

  it("over struck words, where they stood (before the word that now follows them), with draft 1's line, said as such", () => {
    expect(line("forty was right")).toBe(`${cumbriaMd}:7:61: strike-out (p. 8, A. Reviewer): "forty was right" on "forty" [on text removed since draft 1, was content/2024/good-practice/cumbria.md:7]`);
  });

  it("over a figure's struck old value, at the figure's {{ }} expression, with draft 1's line", () => {
    // "The average force grew its women officers by {{ averageChange.officers | pct2 }}." is line 7; the expression's "{{" is at column 46.
    const md = path.join(copy.contentDir, "2024", "analysis", "1-national.md");
    expect(readFileSync(md, "utf8").split("\n")[6].indexOf("{{") + 1).toBe(46);
    expect(line("was this wrong?")).toBe(`${md}:7:46: highlight (p. 5, A. Reviewer): "was this wrong?" on "1.78 %" [on text removed since draft 1, was content/2024/analysis/1-national.md:7]`);
  });

  it("on the chart, at its id and this year's rows", () => {
    // Kent's women and men in the 2024 officers are lines 30 to 43 (line 44, sex not stated, is not drawn).
    const officers = readFileSync(path.join(copy.dataDir, "2024", "officers.csv"), "utf8").split("\n");
    expect([officers[28], officers[29], officers[42], officers[43]].map((l) => l.split(",").slice(0, 2).join(","))).toEqual(["Cumbria,Male", "Kent,Female", "Kent,Male", "Kent,Not stated"]);
    expect(line("bar looks short")).toBe(
      `${path.join(copy.dataDir, "2024", "officers.csv")}:30:1: note (p. 10, A. Reviewer): "bar looks short" on chart chart/force-kent (Kent Police: women and men among officers; data data/2024/officers.csv:30-43)`,
    );
  });

  it("give the page as the viewer labels it, and the file's page index in comments.json", () => {
    expect(second.sheetPages).toBeGreaterThan(0);
    const byText = Object.fromEntries(comments.list.map((c) => [c.text, [c.pageLabel, c.page]]));
    expect(byText["bar looks short"]).toEqual(["10", 10 + second.sheetPages]);
    expect(byText["sixty is new"]).toEqual(["8", 8 + second.sheetPages]);
  });
});

describe("draft 2's files", () => {
  it("keep document.json unmarked for the next draft, and the printed document beside it", () => {
    const doc = JSON.parse(readFileSync(path.join(second.draftDir, "document.json"), "utf8")) as ReportDocument;
    const printed = JSON.parse(readFileSync(path.join(second.draftDir, "printed.json"), "utf8")) as ReportDocument;
    expect(JSON.stringify(doc)).not.toContain('"delete"');
    expect(JSON.stringify(printed)).toContain('"type":"delete"');
  });
});
