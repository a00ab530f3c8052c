// Reviewers' comments on a draft, back to the line they are about: a draft of the fixture edition is
// annotated the ways Acrobat, Edge, Preview and Okular do, and `comments` must name the exact source
// file, line and column of each (columns counted by hand in tests/fixtures/content/2024/).
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { ReviewComment } from "../../src/comments/comment.ts";
import { Annotator, boxOf, runBoxOf, runsOf } from "../helpers/annotate.ts";
import { fakeDraft, type FakeDraft } from "../helpers/fakeDraft.ts";
import type { TextRun } from "../../src/pdf/readPdf.ts";

let draft: FakeDraft;
let runs: TextRun[][];

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["comments", ...args], { out: (t) => out.push(...t.trimEnd().split("\n")), err: (t) => err.push(...t.trimEnd().split("\n")) });
  return { code, out, err };
}

/** Runs the command on copies of the draft against the fixture's folders; returns its lines and its JSON. */
async function comments(files: string[], extra: string[] = []) {
  const outDir = path.join(draft.root, `comments-${Math.random().toString(36).slice(2)}`);
  const result = await run([...files, "--content", draft.contentDir, "--data", draft.dataDir, "--output", draft.outDir, "--out", outDir, ...extra]);
  const json = result.code === 2 ? null : (JSON.parse(readFileSync(path.join(outDir, "comments.json"), "utf8")) as { comments: ReviewComment[] });
  // The first line names the edition and draft the PDFs are of (every command says its edition first).
  const lines = result.out[0]?.startsWith("Edition ") ? result.out.slice(1) : result.out;
  return { ...result, outDir, list: json?.comments ?? [], edition: result.out[0], lines: lines.filter((l) => !l.startsWith("Wrote ")) };
}

const content = (file: string) => path.join(draft.contentDir, "2024", file);
const data = (file: string) => path.join(draft.dataDir, file);

beforeAll(async () => {
  draft = await fakeDraft(3, 1);
  runs = await runsOf(draft.pdfFile);
}, 120_000);

describe("comments on one reviewer's copy", () => {
  let result: Awaited<ReturnType<typeof comments>>;
  beforeAll(async () => {
    const a = await Annotator.open(draft.pdfFile);
    // Page 5: analysis (a sentence with a figure, three charts, the change table). Page 8: Cumbria.
    const monthly = boxOf(runs, 8, "monthly");
    a.note(8, monthly.x1 + 2, monthly.y2 + 6, { author: "A. Reviewer", text: "every month?" });
    a.markup(5, "Highlight", [boxOf(runs, 5, "The average force grew its women officers by 1.78 %.")], { author: "A. Reviewer", text: "a whole sentence" });
    a.markup(5, "Underline", [boxOf(runs, 5, "women officers")], { author: "A. Reviewer", text: "replace 'officers' with 'colleagues'" });
    const strike = a.markup(8, "StrikeOut", [boxOf(runs, 8, "for a year.")], { author: "A. Reviewer" });
    a.reply(8, strike, { author: "B. Editor", text: "agreed, cut it" });
    a.replace(8, boxOf(runs, 8, "mentees"), { author: "A. Reviewer", text: "colleagues" });
    const item = boxOf(runs, 8, "one item");
    a.insert(8, item.x2, item.y1, { author: "A. Reviewer", text: "more" });
    a.markup(5, "Highlight", [boxOf(runs, 5, "1.78 %", 0)], { author: "A. Reviewer", text: "check this figure" });
    a.markup(5, "Highlight", [boxOf(runs, 5, "2.15 %")], { author: "A. Reviewer", text: "and this cell" });
    const staff = boxOf(runs, 5, "Police staff and designated officers");
    a.note(5, staff.x1 + 200, staff.y1 - 4, { author: "A. Reviewer", text: "bars too pale" });
    a.markup(5, "Highlight", [boxOf(runs, 5, "Somerset", 1)], { author: "A. Reviewer", text: "label overlaps the bar" });
    a.markup(8, "Underline", [runBoxOf(runs, 8, runs[7][0].str)], { author: "A. Reviewer", text: "header too long" });
    a.markup(8, "Highlight", [runBoxOf(runs, 8, "8")], { author: "A. Reviewer", text: "folio too small" });
    a.markup(8, "Highlight", [{ x1: 420, y1: 300, x2: 520, y2: 320 }], { author: "A. Reviewer", text: "stray mark" });
    result = await comments([await a.save(path.join(draft.root, "reviewer-a.pdf"))]);
  }, 60_000);

  const line = (covering: string) => {
    const found = result.lines.filter((l) => l.includes(covering));
    expect(found, `one line ${covering} in:\n${result.lines.join("\n")}`).toHaveLength(1);
    return found[0];
  };

  it("reads every annotation, one comment per thread (a reply and a replace's strike-out are not comments of their own)", () => {
    expect(result.code).toBe(0);
    expect(result.list).toHaveLength(13);
    expect(result.lines).toHaveLength(13);
  });

  it("places a sticky note on the word it is next to", () => {
    expect(line('"every month?"')).toBe(`${content("good-practice/cumbria.md")}:7:28: note (p. 8, A. Reviewer): "every month?" on "monthly"`);
  });

  it("places a highlight over a sentence at the sentence's first word, and one over two words at the first of them", () => {
    expect(line('"a whole sentence"')).toMatch(new RegExp(`^${content("analysis/1-national.md")}:7:1: highlight .* on "The average force grew its women officers by 1.78 %\\."$`));
    expect(line("colleagues'")).toBe(`${content("analysis/1-national.md")}:7:28: underline (p. 5, A. Reviewer): "replace 'officers' with 'colleagues'" on "women officers"`);
  });

  it("places a strike-out after emphasis marks, with its reply", () => {
    expect(line("delete")).toBe(`${content("good-practice/cumbria.md")}:7:37: strike-out (p. 8, A. Reviewer): delete on "for a year."; reply from B. Editor: "agreed, cut it"`);
    const c = result.list.find((x) => x.kind === "strike-out")!;
    expect(c.replies).toEqual([{ author: "B. Editor", date: "2024-11-26T09:30:00.000Z", text: "agreed, cut it" }]);
  });

  it("reads Acrobat's replace text (caret grouped with a strike-out) as one replacement, and an insert after a word", () => {
    expect(line("replace with")).toBe(`${content("good-practice/cumbria.md")}:7:19: replace (p. 8, A. Reviewer): replace with "colleagues" on "mentees"`);
    expect(line("insert")).toBe(`${content("good-practice/cumbria.md")}:9:11: insert (p. 8, A. Reviewer): insert "more" on "item"`);
  });

  it("prints the covered words with plain spaces, and keeps them as printed (no-break space before %) in the JSON", () => {
    expect(result.list.find((c) => c.text === "check this figure")!.covered).toBe("1.78\u00a0%");
  });

  it("places a comment on a figure at its {{ }} expression, with the data rows behind it; a table cell at its first data row", () => {
    expect(line("check this figure")).toBe(
      `${content("analysis/1-national.md")}:7:46: highlight (p. 5, A. Reviewer): "check this figure" on "1.78 %" (figure {{ averageChange.officers | pct2 }}; data data/2023/officers.csv:2-8,16-22,30-36, data/2024/officers.csv:2-8,16-22,30-36)`,
    );
    const cell = result.list.find((c) => c.text === "and this cell")!;
    expect(cell.target).toMatchObject({ type: "figure", id: "table/change/avon-and-somerset/officers", expression: null });
    expect(cell.location).toEqual({ file: data("2023/officers.csv"), line: 2, column: 1 });
  });

  it("places a note on a chart's drawing, and a highlight on a chart's label, at the chart's data", () => {
    expect(line("bars too pale")).toBe(`${data("2024/staff.csv")}:2:1: note (p. 5, A. Reviewer): "bars too pale" on chart chart/staff-2024 (Women and men among police staff and volunteers, 2024; data data/2024/staff.csv:2-31)`);
    const label = result.list.find((c) => c.text === "label overlaps the bar")!;
    expect(label.target).toMatchObject({ type: "chart", id: "chart/band-middle-management-2024", data: [{ file: "data/2024/officers.csv", lines: "2-43" }] });
    // The draft's folder, per the draft build's contract, keeps no charts/: no CSV is named.
    expect(label.target.type === "chart" && label.target.csv).toBeNull();
  });

  it("places the running header at its setting in report.yml, and the folio at the page template", () => {
    expect(line("header too long")).toMatch(new RegExp(`^${content("report.yml")}:6:1: underline .*\\(the running header, set by runningHeader\\)$`));
    expect(line("folio too small")).toMatch(/^templates\/folios\.tsx:\d+:1: highlight \(p\. 8, A\. Reviewer\): "folio too small" on "8"/);
  });

  it("lists a mark over nothing with its page, and warns", () => {
    expect(line("stray mark")).toBe(`${path.join(draft.root, "reviewer-a.pdf")}: highlight (p. 8, A. Reviewer): "stray mark"`);
    expect(result.err).toContain(`${path.join(draft.root, "reviewer-a.pdf")}: warning: The highlight by A. Reviewer on page 8 covers no text or chart of the draft; it is listed with its page only. [comment-over-nothing]`);
  });

  it("lists comments in page order, and by line and column within a page", () => {
    const places = result.list.map((c) => `${c.page}:${c.location?.line ?? 99}:${c.location?.column ?? 0}`);
    expect(places.slice(0, 3)).toEqual(["5:7:1", "5:7:28", "5:7:46"]);
    expect(result.list.at(-1)!.text).toBe("stray mark");
  });

  it("writes comments.csv with a header and every comment, quoting text that has commas", () => {
    const csv = readFileSync(path.join(result.outDir, "comments.csv"), "utf8").trimEnd().split("\n");
    // page is the page's label (as the viewer shows it), pdfPage its index in the file; this fake draft has no sheet, so they agree.
    expect(csv[0]).toBe("draft,page,pdfPage,kind,authors,date,text,replacement,covered,file,line,column,target,targetId,expression,data,changed,replies,pdfs");
    expect(csv).toHaveLength(14);
    expect(csv.find((l) => l.includes("mentees"))).toBe(`2024/3/1,8,8,replace,A. Reviewer,2024-11-26T09:30:00.000Z,colleagues,colleagues,mentees,${content("good-practice/cumbria.md")},7,19,text,entry/cumbria/1,,,,,${path.join(draft.root, "reviewer-a.pdf")}`);
  });
});

describe("several copies and problem files", () => {
  it("merges two reviewers' copies, folding the comment both made into one with both names", async () => {
    const copy = async (author: string, extra: string) => {
      const a = await Annotator.open(draft.pdfFile);
      // Two viewers, two tools, the same comment: one highlights, the other underlines.
      a.markup(5, author === "A. Reviewer" ? "Highlight" : "Underline", [boxOf(runs, 5, "women officers")], { author, text: "Say 'female officers'?" });
      const monthly = boxOf(runs, 8, "monthly");
      a.note(8, monthly.x1, monthly.y2 + 4, { author, text: extra });
      return a.save(path.join(draft.root, `copy-${author.replace(/\W/g, "")}.pdf`));
    };
    const r = await comments([await copy("A. Reviewer", "every month?"), await copy("C. Chief", "since when?")]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      `${content("analysis/1-national.md")}:7:28: highlight (p. 5, A. Reviewer and C. Chief): "Say 'female officers'?" on "women officers"`,
      `${content("good-practice/cumbria.md")}:7:28: note (p. 8, A. Reviewer): "every month?" on "monthly"`,
      `${content("good-practice/cumbria.md")}:7:28: note (p. 8, C. Chief): "since when?" on "monthly"`,
    ]);
    expect(r.list[0].pdfs).toHaveLength(2);
  });

  it("refuses a PDF that is not a draft of this report, and a file that is not a PDF, and still lists a good copy's comments", async () => {
    const foreign = await PDFDocument.create();
    foreign.addPage().drawText("Minutes of the meeting", { x: 50, y: 700, font: await foreign.embedFont(StandardFonts.Helvetica) });
    const foreignFile = path.join(draft.root, "minutes.pdf");
    writeFileSync(foreignFile, await foreign.save());
    const notPdf = path.join(draft.root, "notes.pdf");
    writeFileSync(notPdf, "just some notes\n");
    const a = await Annotator.open(draft.pdfFile);
    a.markup(5, "Highlight", [boxOf(runs, 5, "women officers")], { author: "A. Reviewer", text: "ok" });
    const good = await a.save(path.join(draft.root, "good.pdf"));
    const r = await comments([foreignFile, good, notPdf]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${foreignFile}: error: This PDF is not a draft of this report: its Keywords hold no draft:<year>/<number>/<revision> and no page has a "Draft <number> ·" stamp. Comments can be placed only on copies of a draft made by the draft build. [not-a-draft]`);
    expect(r.err.find((l) => l.startsWith(`${notPdf}: error: This file cannot be read: it is not a PDF`))).toMatch(/\[pdf-unreadable\]$/);
    expect(r.lines).toEqual([`${content("analysis/1-national.md")}:7:28: highlight (p. 5, A. Reviewer): "ok" on "women officers"`]);
  });

  it("says where it looked when a copy's draft has no record", async () => {
    const pdf = await PDFDocument.load(readFileSync(draft.pdfFile), { updateMetadata: false });
    pdf.setKeywords(["draft:2024/9/1"]);
    const file = path.join(draft.root, "draft-9.pdf");
    writeFileSync(file, await pdf.save());
    const r = await comments([file]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe(`${file}: error: This is a copy of draft 9 of 2024, but its record is not in ${path.join(draft.outDir, "2024", "drafts", "9")} (no draft.json). Pass the folder that holds the drafts with --drafts DIR. [draft-record-missing]`);
  });

  it("names the draft from its stamp when a viewer dropped the Keywords, and finds the record with --drafts", async () => {
    const a = await Annotator.open(draft.pdfFile);
    a.pdf.setKeywords([]);
    a.markup(8, "StrikeOut", [boxOf(runs, 8, "for a year.")], { author: "A. Reviewer" });
    const file = await a.save(path.join(draft.root, "no-keywords.pdf"));
    const r = await comments([file], ["--drafts", path.join(draft.outDir, "2024", "drafts")]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([`${content("good-practice/cumbria.md")}:7:37: strike-out (p. 8, A. Reviewer): delete on "for a year."`]);
    expect(r.list[0].draft).toEqual({ year: 2024, number: 3, revision: 1 });
  });

  it("still places a comment whose words have changed since the draft, using the draft's document, and says so", async () => {
    const a = await Annotator.open(draft.pdfFile);
    a.markup(8, "StrikeOut", [boxOf(runs, 8, "for a year.")], { author: "A. Reviewer" });
    a.markup(8, "Highlight", [boxOf(runs, 8, "mentees")], { author: "A. Reviewer", text: "who?" });
    const file = await a.save(path.join(draft.root, "late.pdf"));
    const later = path.join(draft.root, "content-later");
    cpSync(draft.contentDir, later, { recursive: true });
    const md = path.join(later, "2024/good-practice/cumbria.md");
    writeFileSync(md, readFileSync(md, "utf8").replace("for a year.", "for two years."));
    const r = await comments([file], ["--content", later]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      `${md}:7:1: strike-out (p. 8, A. Reviewer): delete on "for a year." [text has changed since draft 3]`,
      `${md}:7:19: highlight (p. 8, A. Reviewer): "who?" on "mentees"`,
    ]);
  });

  it("follows words that moved when lines were added above them, and says where they were", async () => {
    const a = await Annotator.open(draft.pdfFile);
    a.markup(8, "Highlight", [boxOf(runs, 8, "mentees")], { author: "A. Reviewer", text: "who?" });
    const file = await a.save(path.join(draft.root, "moved.pdf"));
    const later = path.join(draft.root, "content-moved");
    cpSync(draft.contentDir, later, { recursive: true });
    const md = path.join(later, "2024/good-practice/cumbria.md");
    writeFileSync(md, readFileSync(md, "utf8").replace("Mentors met", "A new first paragraph.\n\nMentors met"));
    const r = await comments([file], ["--content", later]);
    expect(r.lines).toEqual([`${md}:9:19: highlight (p. 8, A. Reviewer): "who?" on "mentees" [text has moved since draft 3 (it was at line 7)]`]);
  });

  it("writes the list into the draft's own comments folder when no --out is given", async () => {
    const a = await Annotator.open(draft.pdfFile);
    a.markup(8, "Highlight", [boxOf(runs, 8, "mentees")], { author: "A. Reviewer", text: "who?" });
    const file = await a.save(path.join(draft.root, "default-out.pdf"));
    const r = await run([file, "--content", draft.contentDir, "--data", draft.dataDir, "--output", draft.outDir]);
    expect(r.code).toBe(0);
    const written = JSON.parse(readFileSync(path.join(draft.draftDir, "comments", "comments.json"), "utf8")) as { comments: ReviewComment[] };
    expect(written.comments.map((c) => [c.text, c.location?.line, c.location?.column])).toEqual([["who?", 7, 19]]);
  });

  it("will not replace a folder that holds other files", async () => {
    const a = await Annotator.open(draft.pdfFile);
    const file = await a.save(path.join(draft.root, "plain.pdf"));
    const r = await run([file, "--output", draft.outDir, "--content", draft.contentDir, "--out", draft.contentDir]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(new RegExp(`^${draft.contentDir}: error: Not writing here: this folder holds other files \\(2024, wordlist\\.txt\\).*\\[comments-out-not-empty\\]$`));
  });

  it("places a text box typed over words at them, a squiggly underline, and one in the margin at the nearest word", async () => {
    const a = await Annotator.open(draft.pdfFile);
    a.freeText(8, boxOf(runs, 8, "one item"), { author: "A. Reviewer", text: "first item?" });
    a.markup(8, "Squiggly", [boxOf(runs, 8, "another item")], { author: "A. Reviewer", text: "second item?" });
    const year = boxOf(runs, 8, "for a year.");
    a.freeText(8, { x1: year.x2 + 30, y1: year.y1, x2: year.x2 + 130, y2: year.y2 }, { author: "A. Reviewer", text: "margin" });
    const r = await comments([await a.save(path.join(draft.root, "free-text.pdf"))]);
    expect(r.lines).toEqual([
      `${content("good-practice/cumbria.md")}:7:43: free-text (p. 8, A. Reviewer): "margin" on "year."`,
      `${content("good-practice/cumbria.md")}:9:3: free-text (p. 8, A. Reviewer): "first item?" on "one item"`,
      `${content("good-practice/cumbria.md")}:10:3: squiggly (p. 8, A. Reviewer): "second item?" on "another item"`,
    ]);
  });

  it("reads a highlight over two lines as one run of words", async () => {
    const a = await Annotator.open(draft.pdfFile);
    a.markup(8, "Highlight", [boxOf(runs, 8, "sergeants and"), boxOf(runs, 8, "inspectors, 36.73")], { author: "A. Reviewer", text: "two lines" });
    const r = await comments([await a.save(path.join(draft.root, "two-lines.pdf"))]);
    const [c] = r.list;
    expect(c.covered).toBe("sergeants and inspectors, 36.73");
    // The words are fixed wording: the vocabulary's name of the level, found where it is written.
    expect(c.target).toEqual({ type: "wording", id: "force/cumbria/middle-management-difference/note" });
    const line = readFileSync(path.join(import.meta.dirname, "../..", c.location!.file), "utf8").split("\n")[c.location!.line - 1];
    expect(c.location!.file).toBe("src/domain/vocabulary.ts");
    expect(line.slice(c.location!.column - 1)).toMatch(/^sergeants and inspectors"/);
  });

  it("warns when a copy has lost pages of the draft", async () => {
    const a = await Annotator.open(draft.pdfFile);
    a.pdf.removePage(7);
    const file = await a.save(path.join(draft.root, "short.pdf"));
    const r = await comments([file]);
    expect(r.code).toBe(0);
    expect(r.err[0]).toBe(`${file}: warning: This copy has 9 pages but draft 3 has 10; it may be a part or a reprint of the draft, so page numbers and places may be off. [draft-pages-differ]`);
  });

  it("warns when a copy is of another revision of the draft", async () => {
    const pdf = await PDFDocument.load(readFileSync(draft.pdfFile), { updateMetadata: false });
    pdf.setKeywords(["draft:2024/3/2"]);
    const file = path.join(draft.root, "rev-2.pdf");
    writeFileSync(file, await pdf.save());
    const r = await comments([file]);
    expect(r.code).toBe(0);
    expect(r.err[0]).toMatch(/: warning: This copy is revision 2 of draft 3, but .* holds revision 1; .* \[draft-revision\]$/);
  });

  it("explains its command line", async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err[0]).toBe("Name at least one commented PDF.");
    const bad = await run(["x.pdf", "--colour"]);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/Unknown option '--colour'/);
  });
});
