// Draft builds on a copy of the fixture edition: marks on every page of a draft and none on a normal build;
// a second draft after one entry edit and one count edit lists and marks exactly those changes; a proof
// pack holds its force's pages and figures only.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import type { Block, Inline, ReportDocument } from "../../src/document/model.ts";
import { buildDraft, type DraftResult } from "../../src/review/draftBuild.ts";
import type { LayoutMap } from "../../src/review/layoutMap.ts";
import type { ReviewSheet } from "../../src/review/sheet.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { readOutline, readPdfPages, type PageText } from "../helpers/pdfText.ts";

const copy = copyFixtures();
const outDir = path.join(copy.root, "out");
const common = { year: 2024, dataDir: copy.dataDir, contentDir: copy.contentDir, outDir, print: false };
let first: DraftResult;
let second: DraftResult;
let firstPages: PageText[];
let secondPages: PageText[];
let finalPages: PageText[];

beforeAll(async () => {
  first = await buildDraft({ ...common, packs: true, now: new Date("2026-11-20T09:30:00Z") });
  const final = await build(common);
  finalPages = await readPdfPages(final.pdfFile);
  copy.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("*monthly*", "*weekly*"));
  copy.edit("data/2024/officers.csv", (t) => t.replace("Kent,Female,Sergeant,155", "Kent,Female,Sergeant,175"));
  second = await buildDraft({ ...common, packs: false, now: new Date("2026-11-21T10:00:00Z") });
  [firstPages, secondPages] = await Promise.all([readPdfPages(first.pdfFile), readPdfPages(second.pdfFile)]);
}, 240_000);

/** Figures print a thin no-break space before "%"; compare with plain spaces. */
const spaces = (text: string) => text.replace(/\s/g, " ");

/** PDF pages (1-based) whose text holds the change label, as pdf.js reads it. */
const labelled = (pages: PageText[]) => pages.filter((p) => p.items.some((i) => i.str === "CHANGED")).map((p) => p.pageNumber);

function marks(nodes: Inline[]): { type: string; text: string }[] {
  return nodes.flatMap((n) =>
    n.type === "insert" || n.type === "delete" ? [{ type: n.type, text: n.children.map((c) => (c.type === "text" ? c.value : c.type === "figure" ? c.text : "")).join("") }] : "children" in n ? marks(n.children) : [],
  );
}
function blockMarks(blocks: Block[]): { id: string; type: string; text: string }[] {
  return blocks.flatMap((b) =>
    b.type === "paragraph" || b.type === "heading" ? marks(b.children).map((m) => ({ id: b.id, ...m })) : b.type === "list" ? b.items.flatMap(blockMarks) : b.type === "quote" ? blockMarks(b.children) : [],
  );
}

describe("a draft", () => {
  it("carries the DRAFT watermark and the stamp on every page, review sheet and cover included", () => {
    expect(firstPages.length).toBe(first.pageCount);
    for (const page of firstPages) {
      expect(page.items.some((i) => i.str === "DRAFT"), `page ${page.pageNumber}`).toBe(true);
      expect(page.text, `page ${page.pageNumber}`).toContain(`Draft 1 · built 2026-11-20 09:30 UTC · content ${first.record.revision}`);
    }
  });

  it("is identified by draft.json and the last keyword of the PDF", async () => {
    const record = JSON.parse(readFileSync(path.join(first.draftDir, "draft.json"), "utf8"));
    // The copy is outside any git work tree, so the revision is the inputs' hash.
    expect(record).toEqual({ year: 2024, number: 1, revision: record.inputsHash, inputsHash: expect.stringMatching(/^[0-9a-f]{12}$/), builtAt: "2026-11-20T09:30:00Z", pdf: "report.pdf" });
    const info = JSON.parse((await readOutline(first.pdfFile)).at(-1)!.replace("__info:", ""));
    expect(info.Keywords).toMatch(new RegExp(`(^|, )draft:2024/1/${record.revision}$`));
    for (const name of ["report.pdf", "document.json", "statistics.json", "build-report.json", "review.json", "layout.json"]) expect(existsSync(path.join(first.draftDir, name)), name).toBe(true);
  });

  it("opens with the review sheet after the cover; layout.json ties the entry's text to its block and page", async () => {
    expect(firstPages[1].text).toContain("Review sheet: draft 1");
    expect((await readOutline(first.pdfFile)).slice(0, 3)).toEqual(["Review sheet: draft 1", "Cover", "Contents"]);
    const layout = JSON.parse(readFileSync(path.join(first.draftDir, "layout.json"), "utf8")) as LayoutMap;
    const cumbria = layout.pages.find((p) => p.section === "force/cumbria")!;
    expect(cumbria.page).toBe(first.sheet.pageFit.find((f) => f.section === "force/cumbria")!.firstPage);
    expect(cumbria.pdfPage).toBe(cumbria.page + first.sheetPages);
    expect(cumbria.runs.filter((r) => r.block === "entry/cumbria/1").map((r) => r.str.trim())).toEqual(["Mentors met their mentees", "monthly", "for a year."]);
    // The PDF page it names holds that text.
    expect(firstPages[cumbria.pdfPage - 1].text).toContain("Mentors met their mentees monthly for a year.");
    const kent = layout.pages.find((p) => p.section === "force/kent")!;
    expect(kent.bindings.map((b) => [b.id, spaces(b.text)])).toContainEqual(["force/kent/middle-management-share-1", "30.95 %"]);
  });

  it("gives each warning the page it concerns, and each force's page fit", () => {
    const review = JSON.parse(readFileSync(path.join(first.draftDir, "review.json"), "utf8")) as ReviewSheet;
    const missing = review.warnings.filter((w) => w.rule === "missing-entry").map((w) => [w.message.split(" is in")[0], w.page]);
    expect(missing).toEqual([
      ["Avon and Somerset Constabulary", 7],
      ["Kent Police", 10],
    ]);
    expect(review.pageFit.map((f) => [f.section, f.firstPage, f.pages, f.spill])).toEqual([
      ["force/avon-and-somerset", 7, 1, null],
      ["force/cumbria", 8, 1, null],
      ["force/guernsey", 9, 1, null],
      ["force/kent", 10, 1, null],
    ]);
    expect(review.proofing).toEqual({ findings: [], silenced: { total: 0, byRule: {} }, wordList: 4 });
  });

  it("a normal build carries no marks, and keeps the drafts", () => {
    for (const page of finalPages) {
      expect(page.text).not.toMatch(/DRAFT|Draft \d|CHANGED/);
    }
    expect(existsSync(path.join(first.draftDir, "draft.json"))).toBe(true);
  });
});

describe("a second draft after editing one entry and one count", () => {
  it("is numbered 2 and compares with draft 1", () => {
    expect(second.record.number).toBe(2);
    expect(second.sheet.changes?.since).toBe(1);
    expect(secondPages.every((p) => p.text.includes("Draft 2 · built 2026-11-21 10:00 UTC"))).toBe(true);
  });

  it("lists the changed entry and exactly the figures computed from the changed row", () => {
    const changes = second.sheet.changes!;
    expect(changes.entries).toEqual({ added: [], removed: [], changed: ["entry/cumbria"] });
    const byId = Object.fromEntries(changes.figures.map((f) => [f.id, [f.old && spaces(f.old), f.new && spaces(f.new)]]));
    // Kent women in middle management: (155 + 40) / 630 = 30.95 % → (175 + 40) / 650 = 33.08 %;
    // women officers 1208 / 3369 = 35.86 % → 1228 / 3389 = 36.23 %; change on 2023's 1190: 1.51 % → 3.19 %.
    expect(byId["force/kent/middle-management-share-1"]).toEqual(["30.95 %", "33.08 %"]);
    expect(byId["force/kent/officers-share-1"]).toEqual(["35.86 %", "36.23 %"]);
    expect(byId["force/kent/middle-management-difference"]).toEqual(["−4.90", "−3.16"]);
    expect(byId["table/change/kent/officers"]).toEqual(["1.51 %", "3.19 %"]);
    expect(byId["table/change/kent/middleManagement"]).toEqual(["2.63 %", "13.16 %"]);
    // Nothing else changed but what the edited row (line 31 of the 2024 officers) feeds.
    const doc = JSON.parse(readFileSync(path.join(second.draftDir, "document.json"), "utf8")) as ReportDocument;
    const fedByRow31 = (id: string) => doc.bindings[id].data.some((d) => d.file === "data/2024/officers.csv" && d.lines.split(",").some((r) => { const [a, b = a] = r.split("-").map(Number); return a <= 31 && 31 <= b; }));
    expect(changes.figures.filter((f) => !fedByRow31(f.id))).toEqual([]);
    expect(changes.figures.find((f) => f.id === "force/kent/middle-management-share-1")!.pages).toEqual([10]);
  });

  it("marks exactly the changed words, and bars exactly the changed pages", () => {
    const cumbria = second.printed.sections.find((s) => s.id === "force/cumbria");
    if (cumbria?.kind !== "force") throw new Error("no Cumbria section");
    expect(blockMarks(cumbria.entries[0].body.blocks)).toEqual([
      { id: "entry/cumbria/1", type: "delete", text: "monthly " },
      { id: "entry/cumbria/1", type: "insert", text: "weekly" },
    ]);
    const others = second.printed.sections.filter((s) => s.kind === "force" && s.id !== "force/cumbria").flatMap((s) => (s.kind === "force" ? s.entries.flatMap((e) => blockMarks(e.body.blocks)) : []));
    expect(others).toEqual([]);

    // The change table shows each changed cell old and new; Avon and Somerset's and Cumbria's rows are untouched.
    const analysis = second.printed.sections.find((s) => s.kind === "analysis" && s.table);
    if (analysis?.kind !== "analysis" || !analysis.table) throw new Error("no change table");
    const table = analysis.table;
    const wasByRow = [...table.rows, table.footerRow!].map((row) => table.columns.flatMap((c) => (row[c.key].was !== undefined ? [[spaces(row[c.key].was!), spaces(row[c.key].text)]] : [])));
    expect(wasByRow[0]).toEqual([]);
    expect(wasByRow[1]).toEqual([]);
    expect(wasByRow[2]).toEqual([
      ["1.51 %", "3.19 %"],
      ["2.63 %", "13.16 %"],
    ]);
    expect(wasByRow[3].length).toBe(2);

    const pages = second.sheet.changes!.pages;
    expect(pages).toContain(8); // Cumbria's entry
    expect(pages).toContain(10); // Kent's figures
    expect(pages).toContain(5); // the national change table
    expect(pages).not.toContain(7); // Avon and Somerset
    expect(pages).not.toContain(9); // Guernsey
    const pdfPageOf = (page: number) => second.layout.pages[page - 1].pdfPage;
    expect(labelled(secondPages)).toEqual(pages.map(pdfPageOf));
    expect(labelled(firstPages)).toEqual([]);
    // The struck word and its replacement both print, on Cumbria's page.
    expect(secondPages[pdfPageOf(8) - 1].text).toContain("Mentors met their mentees monthly weekly for a year.");
  });
});

describe("a proof pack", () => {
  it("for Kent holds Kent's page, then its figures and rows, and nothing of another force", async () => {
    const file = path.join(first.draftDir, "packs", "kent.pdf");
    const pages = await readPdfPages(file);
    const kentPage = first.sheet.pageFit.find((f) => f.section === "force/kent")!;
    expect(kentPage.pages).toBe(1);
    expect(pages[0].text).toContain("Kent Police");
    expect(pages[0].text).toContain("Draft 1 ·");
    const rest = pages.slice(1).map((p) => p.text).join(" ");
    expect(rest).toContain("Kent Police: figures and review");
    expect(spaces(rest)).toContain("force/kent/middle-management-share-1 30.95 %");
    expect(rest).toContain("Kent Female Sergeant 155");
    for (const page of pages) expect(page.text).not.toMatch(/Cumbria|Avon|Guernsey|force\/(?!kent)/);
  });
});
