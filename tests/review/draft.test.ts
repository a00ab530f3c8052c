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
import { checkPdf, type StructNode } from "../../src/pdf/checkPdf.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { readMarkedContent } from "../helpers/markedContent.ts";
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

const headings = (nodes: StructNode[]): string[] => nodes.flatMap((n) => [...(/^H\d$/.test(n.type) ? [n.type] : []), ...headings(n.children)]);
const count = (nodes: StructNode[], type: string): number => nodes.reduce((sum, n) => sum + (n.type === type ? 1 : 0) + count(n.children, type), 0);

describe("a draft and its packs as tagged PDFs", () => {
  it("reads the review sheet first, as a section with its headings and tables, then the book; the checker passes", async () => {
    const { tagged, findings, tree } = await checkPdf(readFileSync(first.pdfFile));
    expect(tagged).toBe(true);
    expect(findings).toEqual([]);
    const book = await checkPdf(readFileSync(path.join(outDir, "2024", "report.pdf")));
    const [sheet, ...rest] = tree[0].children;
    // The book's structure follows whole, after the sheet's one section.
    expect(rest).toEqual(book.tree[0].children);
    expect(sheet.type).toBe("Sect");
    // Title, then "Warnings", "Page fit", "Proofing" (a first draft has no changes to list).
    expect(headings([sheet])).toEqual(["H1", "H2", "H2", "H2"]);
    const tables = sheet.children.filter((n) => n.type === "Table");
    expect(tables.map((t) => t.children.map((g) => g.type))).toEqual([
      ["THead", "TBody"],
      ["THead", "TBody"],
    ]);
    // Warnings: 4 columns, a row per warning; page fit: 5 columns, a row per force.
    expect(count([tables[0]], "TH")).toBe(4);
    expect(count([tables[0]], "TD")).toBe(4 * first.sheet.warnings.length);
    expect(count([tables[1]], "TH")).toBe(5);
    expect(count([tables[1]], "TD")).toBe(5 * first.sheet.pageFit.length);
  });

  it("tags the sheet's words and leaves the DRAFT marks as artifacts; no marked content is left without an owner", async () => {
    const pages = await readMarkedContent(first.pdfFile);
    for (const page of pages) {
      expect(page.orphans, `page ${page.pageNumber}`).toEqual([]);
      expect(page.unmarked, `page ${page.pageNumber}`).toBe("");
      expect(page.artifact, `page ${page.pageNumber}`).toContain("DRAFT");
      expect(page.artifact, `page ${page.pageNumber}`).toContain("Draft 1 · built");
      // The sheet's own kicker ("Review sheet · draft 1", set in capitals) is its content, not a mark.
      expect(page.tagged.replace(/REVIEW SHEET · DRAFT \d+/g, ""), `page ${page.pageNumber}`).not.toMatch(/DRAFT|Draft 1 ·/);
    }
    const sheetText = pages.slice(1, 1 + first.sheetPages).map((p) => p.tagged).join(" ");
    expect(sheetText).toContain("Review sheet: draft 1");
    expect(sheetText).toContain("Page fit");
    expect(sheetText).toContain("Avon and Somerset Constabulary");
    // A change bar's label is a mark for reviewers too.
    const second2 = await readMarkedContent(second.pdfFile);
    const changed = second2.filter((p) => p.artifact.includes("CHANGED"));
    expect(changed.length).toBeGreaterThan(0);
    for (const page of second2) expect(page.tagged).not.toContain("CHANGED");
  });

  it("reads a paragraph with struck-through words as its text without them (ActualText), and no other that way", async () => {
    const { tree, findings } = await checkPdf(readFileSync(second.pdfFile));
    expect(findings).toEqual([]);
    const all = (nodes: StructNode[]): StructNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);
    // A side panel's changed difference is spoken with its new value, not as a bare unit.
    const differences = all(tree).filter((n) => n.actualText?.endsWith("percentage points")).map((n) => n.actualText);
    expect(differences.length).toBeGreaterThan(0);
    for (const said of differences) expect(said).toMatch(/^−?\d+\.\d\d percentage points$/);
    // The side panel's differences are spoken in words in every edition; leave them aside.
    const spokenParagraphs = (nodes: StructNode[]) => all(nodes).filter((n) => n.type === "P" && n.actualText !== undefined && !n.actualText.endsWith("percentage points")).map((n) => n.actualText!);
    const spoken = spokenParagraphs(tree);
    // "monthly" struck through, "weekly" inserted; the others are paragraphs whose figures changed.
    expect(spoken).toContain("Mentors met their mentees weekly for a year.");
    expect(spoken.join(" ")).not.toContain("monthly");
    // As many as the printed document has paragraphs with words struck through.
    const struck = (blocks: Block[]): number =>
      blocks.reduce((n, b) => n + (b.type === "paragraph" && marks(b.children).some((m) => m.type === "delete") ? 1 : 0) + (b.type === "list" ? b.items.reduce((k, item) => k + struck(item), 0) : b.type === "quote" ? struck(b.children) : 0), 0);
    const sections = second.printed.sections.flatMap((sec) => [...("body" in sec && sec.body ? [sec.body.blocks] : []), ...(sec.kind === "force" ? sec.entries.map((e) => e.body.blocks) : [])]);
    expect(spoken).toHaveLength(sections.reduce((n, blocks) => n + struck(blocks), 0));
    // A first draft strikes nothing through.
    expect(spokenParagraphs((await checkPdf(readFileSync(first.pdfFile))).tree)).toEqual([]);
  });

  it("makes each proof pack a tagged PDF: the force's pages with their structure, then its figures'", async () => {
    const file = path.join(first.draftDir, "packs", "kent.pdf");
    const { tagged, findings, tree } = await checkPdf(readFileSync(file));
    expect(tagged).toBe(true);
    expect(findings).toEqual([]);
    // Kent's page (its section, from the draft's tree) and the figures page (a section of its own).
    expect(tree[0].children.map((n) => n.type)).toEqual(["Sect", "Sect"]);
    const [kent, figures] = tree[0].children;
    expect(headings([kent])[0]).toBe("H1");
    // Its title, then "Printed figures", an "As sent" per data file, "Review".
    const figureHeadings = headings([figures]);
    expect(figureHeadings).toEqual(["H1", ...Array(figureHeadings.length - 1).fill("H2")]);
    expect(figureHeadings.length).toBeGreaterThanOrEqual(4);
    expect(count([figures], "TH")).toBeGreaterThan(0);
    for (const page of await readMarkedContent(file)) {
      expect(page.orphans).toEqual([]);
      expect(page.unmarked).toBe("");
      expect(page.ids).toBeGreaterThan(0);
    }
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
