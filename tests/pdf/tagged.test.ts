// The tagged PDF (PDF/UA-1): the structure tree of the sample book against its document.json, and the
// checker (src/pdf/checkPdf.ts) against the built editions and against PDFs made here to fail it.
import { Document, Link, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import type { Block, ReportDocument } from "../../src/document/model.ts";
import { checkPdf, untaggedOperators, type StructNode } from "../../src/pdf/checkPdf.ts";
import { joinParts } from "../../src/render/joinParts.ts";
import { registerFonts } from "../../src/pdf/registerFonts.ts";
import { fonts } from "../../src/design/theme.ts";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { finishPdfA } from "../../src/pdf/pdfa.ts";
import { checkPdfFile } from "../helpers/checkedPdf.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { png, prepareErrors } from "../helpers/hostile.ts";
import { readMarkedContent, readParagraphs } from "../helpers/markedContent.ts";
import { plainText } from "../../src/document/markdown.ts";
import { sampleBuild } from "../helpers/sampleBuild.ts";
import "../../templates/tagging.ts";

function* walk(nodes: StructNode[]): Generator<StructNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

/** What the document says the tree must hold, in reading order. */
function expected(document: ReportDocument) {
  const headings: string[] = ["H1", "H1"]; // the cover's title, the contents
  // The cover's graphic of the edition's data, then the partners' marks, each read by its name.
  const alts: string[] = [...(document.meta.coverGraphic ? [document.meta.coverGraphic.alt] : []), ...document.meta.partners.map((p) => p.name)];
  let listItems = 0;
  const blocks = (list: Block[], headingLevel: number) => {
    for (const block of list) {
      if (block.type === "heading") headings.push(`H${headingLevel + block.depth - 2}`);
      if (block.type === "image" && block.alt) alts.push(block.alt);
      if (block.type === "list") {
        listItems += block.items.length;
        for (const item of block.items) blocks(item, headingLevel);
      }
      if (block.type === "quote") blocks(block.children, headingLevel);
    }
  };
  let tableCells = 0;
  for (const [i, section] of document.sections.entries()) {
    // A divider page, titled H1, opens the data analysis and the good practice.
    if ((section.kind === "analysis" || section.kind === "force") && document.sections[i - 1]?.kind !== section.kind) headings.push("H1");
    headings.push("H1");
    if (section.kind === "force") {
      if (section.panel && section.chart) alts.push(section.chart.alt);
      for (const entry of section.entries) {
        headings.push("H2");
        blocks(entry.body.blocks, 3);
      }
    } else if (section.kind !== "back") {
      blocks(section.body.blocks, 2);
      if (section.kind === "analysis") {
        for (const chart of section.charts) {
          headings.push("H2");
          alts.push(chart.alt);
        }
        if (section.table) tableCells += (1 + section.table.rows.length + (section.table.footerRow ? 1 : 0)) * section.table.columns.length;
      }
    }
  }
  return { headings, alts, listItems, tableCells };
}

describe("the tagged 2024 book", () => {
  it("has the document's headings, figures (with its text alternatives), list items and table cells, in order", async () => {
    const sample = await sampleBuild();
    const document = JSON.parse(readFileSync(path.join(path.dirname(sample.pdfFile), "document.json"), "utf8")) as ReportDocument;
    const { tree, tagged } = await checkPdfFile(sample.pdfFile);
    expect(tagged).toBe(true);
    const want = expected(document);
    const nodes = [...walk(tree)];
    expect(tree.map((n) => n.type)).toEqual(["Document"]);
    expect(nodes.filter((n) => /^H\d$/.test(n.type)).map((n) => n.type)).toEqual(want.headings);
    const figures = nodes.filter((n) => n.type === "Figure");
    expect(figures.map((f) => f.alt)).toEqual(want.alts);
    expect(want.alts.length).toBeGreaterThan(40);
    expect(nodes.filter((n) => n.type === "LI")).toHaveLength(want.listItems);
    expect(want.listItems).toBeGreaterThan(0);
    expect(nodes.filter((n) => n.type === "TH" || n.type === "TD")).toHaveLength(want.tableCells);
    // Each list item is a label and a body; each section one Sect under the Document.
    for (const item of nodes.filter((n) => n.type === "LI")) expect(item.children.map((c) => c.type)).toEqual(["Lbl", "LBody"]);
    // The side panel's differences are spoken with their unit in words.
    const differences = document.sections.flatMap((s) => (s.kind === "force" && s.panel ? s.panel.differences : []));
    const spoken = nodes.filter((n) => n.actualText?.endsWith(" percentage points")).map((n) => n.actualText);
    expect(spoken).toEqual(differences.map((d) => `${d.value.type === "figure" ? d.value.text : ""} percentage points`));
    expect(spoken.length).toBeGreaterThan(40);
    const sects = tree[0].children.filter((n) => n.type === "Sect");
    expect(sects.length).toBe(tree[0].children.length);
  });

  it("reads every paragraph the document holds as a P (a lead-in to a list as the list's Caption), in the document's order", async () => {
    const sample = await sampleBuild();
    const document = JSON.parse(readFileSync(path.join(path.dirname(sample.pdfFile), "document.json"), "utf8")) as ReportDocument;
    // Letters only: a line-end hyphen, a footnote number or a word space read differently never matter.
    const letters = (text: string) => text.replace(/[^\p{L}]+/gu, "").toLowerCase();
    const wanted: { role: "P" | "Caption"; text: string }[] = [];
    const paragraphsOf = (blocks: Block[]) => {
      for (const [i, block] of blocks.entries()) {
        if (block.type !== "paragraph") continue;
        const text = plainText(block.children);
        wanted.push({ role: /:\s*$/.test(text) && blocks[i + 1]?.type === "list" ? "Caption" : "P", text });
      }
    };
    for (const section of document.sections) {
      if (section.kind === "force") section.entries.forEach((entry) => paragraphsOf(entry.body.blocks));
      else if (section.kind !== "back") paragraphsOf(section.body.blocks);
    }
    const read = (await readParagraphs(sample.pdfFile)).map((p) => ({ role: p.role, letters: letters(p.text) }));
    expect(wanted.length).toBeGreaterThan(350);
    expect(wanted.filter((p) => p.role === "Caption").length).toBeGreaterThan(10);
    // Each paragraph opens an element of its role, after the one before it: the reading order is the document's.
    let at = 0;
    const missing: string[] = [];
    for (const paragraph of wanted) {
      const start = letters(paragraph.text.split(/\s+/).slice(0, 4).join(" "));
      const found = read.findIndex((p, i) => i >= at && p.role === paragraph.role && p.letters.startsWith(start));
      if (found < 0) missing.push(`${paragraph.role}: ${paragraph.text.slice(0, 60)}`);
      else at = found + 1;
    }
    expect(missing).toEqual([]);
  });

  it("draws no text outside marked content, and every marked-content id belongs to an element of its page's tree", async () => {
    const sample = await sampleBuild();
    const pages = await readMarkedContent(sample.pdfFile);
    expect(pages).toHaveLength(sample.pageCount);
    for (const page of pages) {
      expect([page.pageNumber, page.unmarked, page.orphans]).toEqual([page.pageNumber, "", []]);
      // The running head is never read as content; the back cover prints the same words as its own line.
      if (page.pageNumber < sample.pageCount) expect(page.tagged).not.toContain("GENDER EQUALITY IN UK POLICING");
    }
    expect(pages.filter((p) => p.artifact.includes("GENDER EQUALITY IN UK POLICING")).length).toBeGreaterThan(sample.pageCount - 6);
    expect(pages.reduce((n, p) => n + p.ids, 0)).toBeGreaterThan(1500);
  });

  it("passes every checkpoint the checker applies, on screen and in print", async () => {
    const sample = await sampleBuild({ print: true });
    for (const file of [sample.pdfFile, sample.printPdfFile]) {
      const { findings } = await checkPdfFile(file);
      expect(findings).toEqual([]);
    }
  });

  // The final edition (PDF/UA-1 beside PDF/A-2 level A) is checked in tests/archive/archive.test.ts, on
  // the final PDF that suite archives anyway: one final build of the sample fewer per run.

  it("is PDF/A-2 level A only when tagged with every glyph mapped; untagged, or with a code unmapped, level B", async () => {
    await registerFonts();
    const page = (tagged: boolean) =>
      renderToBuffer(
        h(Document, { tagged, title: "Level", author: "Tests", creator: "tests", producer: "tests", language: "en-GB", conformance: "PDF/A-2b" }, h(Page, { size: "A6" }, h(View, { role: "Sect" }, h(Text, { role: "H1", style: { fontFamily: fonts.family } }, "Heading")))),
      );
    const options = { documentId: "0".repeat(32), date: new Date("2024-11-25T00:00:00Z"), language: "en-GB" };
    const level = async (pdf: Uint8Array) => /<pdfaid:conformance>(\w)<\/pdfaid:conformance>/.exec((await finishPdfA(pdf, options)).toString("latin1"))?.[1];
    expect(await level(await page(true))).toBe("A");
    expect(await level(await page(false))).toBe("B");
    // The tagged page with its font's Unicode map emptied: a glyph without a character.
    const doc = await PDFDocument.load(await page(true));
    const font = doc.context.lookup(doc.getPage(0).node.Resources()!.lookup(PDFName.of("Font"), PDFDict).entries()[0][1], PDFDict);
    font.set(PDFName.of("ToUnicode"), doc.context.register(doc.context.stream("begincmap\nendcmap")));
    expect(await level(await doc.save())).toBe("B");
  });
});

describe("the checker", () => {
  const pdf = (tagged: boolean, ...headings: string[]) =>
    renderToBuffer(
      h(Document, { tagged, title: "A test", language: "en-GB" }, h(Page, { size: "A5" }, h(View, { role: "Sect" }, ...headings.map((role, i) => h(Text, { key: i, role: role as "H1" }, `Heading ${i}`))))),
    );

  it("fails an untagged PDF: no structure, not marked, no XMP", async () => {
    const { findings, tagged } = await checkPdf(await pdf(false, "H1"));
    expect(tagged).toBe(false);
    const failed = new Set(findings.map((f) => f.checkpoint));
    expect([...failed].sort()).toEqual(expect.arrayContaining(["01-005", "01-007", "06-001"]));
  });

  it("fails a heading level skipped going down, and passes the same headings in order", async () => {
    const skipped = await checkPdf(await pdf(true, "H1", "H3"));
    expect(skipped.findings.filter((f) => f.checkpoint.startsWith("14-"))).toEqual([{ checkpoint: "14-003", message: "H3 follows H1: a heading level is skipped." }]);
    const ordered = await checkPdf(await pdf(true, "H1", "H2", "H3", "H2"));
    expect(ordered.findings.filter((f) => f.checkpoint.startsWith("14-"))).toEqual([]);
    const first = await checkPdf(await pdf(true, "H2"));
    expect(first.findings.map((f) => f.checkpoint)).toContain("14-002");
  });

  it("reads every code a page shows against its font's ToUnicode map (31-027 to 31-030)", async () => {
    await registerFonts();
    const bytes = await renderToBuffer(
      h(Document, { tagged: true, title: "A test", language: "en-GB" }, h(Page, { size: "A6" }, h(View, { role: "Sect" }, h(Text, { role: "H1", style: { fontFamily: fonts.family } }, "Heading")))),
    );
    // A bare renderToBuffer writes no XMP (the build adds it): only the font checkpoints matter here.
    const fontCheckpoints = (findings: { checkpoint: string }[]) => findings.map((f) => f.checkpoint).filter((c) => c.startsWith("31-"));
    expect(fontCheckpoints((await checkPdf(bytes)).findings)).toEqual([]);
    // The same file with its font's ToUnicode map replaced, and optionally a code drawn as an artifact.
    const altered = async (ranges: string, shown?: string) => {
      const doc = await PDFDocument.load(bytes);
      const page = doc.getPage(0);
      const fontsOf = page.node.Resources()!.lookup(PDFName.of("Font"), PDFDict);
      const [name, ref] = fontsOf.entries()[0];
      const font = doc.context.lookup(ref, PDFDict);
      const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000><ffff>\nendcodespacerange\n${ranges}\nendcmap\nend\nend`;
      font.set(PDFName.of("ToUnicode"), doc.context.register(doc.context.stream(cmap)));
      if (shown) page.node.addContentStream(doc.context.register(doc.context.stream(`/Artifact BMC BT ${name.toString()} 12 Tf <${shown}> Tj ET EMC`)));
      return fontCheckpoints((await checkPdf(await doc.save())).findings);
    };
    // "Heading" shows seven distinct glyphs; their codes are the font's glyph ids (the book shares one
    // encoding per face), read from the map pdfkit wrote. Each altered map names codes one by one.
    const codes = await shownCodes(bytes);
    expect(codes).toHaveLength(7);
    const chars = (pairs: [number, string][]) => `${pairs.length} beginbfchar\n${pairs.map(([c, u]) => `<${hex(c)}> <${u}>`).join("\n")}\nendbfchar`;
    expect(await altered(chars(codes.map((c) => [c, "0041"])))).toEqual([]);
    expect(await altered(chars(codes.slice(1).map((c) => [c, "0041"])))).toEqual(["31-027"]);
    expect(await altered(chars(codes.map((c, i) => [c, i === 0 ? "0000" : "0041"])))).toEqual(["31-028"]);
    expect(await altered(chars(codes.map((c, i) => [c, i === 0 ? "fffe" : "0041"])))).toEqual(["31-029"]);
    expect(await altered(chars([[0, "0040"], ...codes.map((c): [number, string] => [c, "0041"])]), "0000")).toEqual(["31-030"]);
  });

  it("counts drawing outside marked content, not inside it nor in strings", () => {
    const ops = (s: string) => untaggedOperators(Buffer.from(s, "latin1"));
    expect(ops("BT /F1 12 Tf (Tj) Tj ET 0 0 m 10 10 l S")).toBe(2);
    expect(ops("/P <</MCID 0>> BDC BT (words \\) Tj) Tj ET EMC /Artifact BMC 0 0 10 10 re f EMC")).toBe(0);
    expect(ops("/Artifact BMC /Fm0 Do EMC /Fm0 Do")).toBe(1);
  });
});

describe("joining tagged parts", () => {
  const part = (tagged: boolean, n: number) =>
    renderToBuffer(h(Document, { tagged }, h(Page, { size: "A6" }, h(View, { role: "Sect" }, h(Text, { role: "H1" }, `Part ${n}`), h(Text, null, "See ", h(Link, { src: `https://example.org/${n}` }, "the page"), ".")))));
  const meta = { title: "Joined", author: "Tests", subject: "", keywords: "", creator: "tests", producer: "tests", language: "en-GB", creationDate: new Date(0), modificationDate: new Date(0) };

  it("makes one tree whose parent tree still finds each part's link and text", async () => {
    const joined = await joinParts([await part(true, 1), await part(true, 2)], meta);
    const { findings, tree } = await checkPdf(joined);
    // These parts use the standard Helvetica, which is not embedded: the font checkpoints say so, and only they.
    expect(findings.filter((f) => !f.checkpoint.startsWith("31-"))).toEqual([]);
    expect(new Set(findings.map((f) => f.checkpoint))).toEqual(new Set(["31-009", "31-027"]));
    expect(tree.map((n) => n.type)).toEqual(["Document"]);
    expect(tree[0].children.map((n) => n.type)).toEqual(["Sect", "Sect"]);
    expect([...walk(tree)].filter((n) => n.type === "Link")).toHaveLength(2);
    // The second part's keys come after the first's: two pages and two links, four keys.
    const text = joined.toString("latin1");
    expect(text).toMatch(/\/ParentTreeNextKey 4\b/);
    const keys = [...text.matchAll(/\/StructParents? (\d+)/g)].map((m) => Number(m[1])).sort();
    expect(keys).toEqual([0, 1, 2, 3]);
  });

  it("refuses tagged and untagged parts together", async () => {
    await expect(joinParts([await part(true, 1), await part(false, 2)], meta)).rejects.toThrow(/Some parts of the book are tagged and others are not/);
  });
});

describe("images' text alternatives", () => {
  it("stops the build at an image whose brackets hold only spaces (missing-alt); empty brackets are decorative, with a warning", () => {
    const fixture = copyFixtures();
    writeFileSync(path.join(fixture.contentDir, "2024/good-practice/picture.png"), png(8, 8));
    const entry = "content/2024/good-practice/cumbria.md";
    fixture.edit(entry, (t) => `${t}\n![ ](picture.png)\n\n![](picture.png)\n`);
    const errors = prepareErrors(fixture).filter((d) => d.severity === "error");
    expect(errors.map((e) => e.rule)).toEqual(["missing-alt"]);
    const lines = readFileSync(path.join(fixture.root, entry), "utf8").split("\n");
    expect(errors[0].line).toBe(lines.indexOf("![ ](picture.png)") + 1);
    expect(errors[0].column).toBe(1);
    expect(errors[0].file).toMatch(/cumbria\.md$/);
  });
});

const hex = (code: number) => code.toString(16).padStart(4, "0");

/** The glyph codes the first font of page 1 maps in its ToUnicode CMap (pdfkit writes `<first> <last> [<u> …]` ranges), without .notdef's 0. */
async function shownCodes(bytes: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(bytes);
  const fontsOf = doc.getPage(0).node.Resources()!.lookup(PDFName.of("Font"), PDFDict);
  const font = doc.context.lookup(fontsOf.entries()[0][1], PDFDict);
  const cmap = Buffer.from(decodePDFRawStream(doc.context.lookup(font.get(PDFName.of("ToUnicode"))) as PDFRawStream).decode()).toString("latin1");
  const codes: number[] = [];
  for (const [, first, last] of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})> \[/gi)) {
    for (let c = parseInt(first, 16); c <= parseInt(last, 16); c++) if (c !== 0) codes.push(c);
  }
  return codes;
}
