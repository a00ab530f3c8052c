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
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { png, prepareErrors } from "../helpers/hostile.ts";
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
  const alts: string[] = [];
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
  for (const section of document.sections) {
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
    const { tree, tagged } = await checkPdf(readFileSync(sample.pdfFile));
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

  it("passes every checkpoint the checker applies, on screen and in print", async () => {
    const sample = await sampleBuild();
    for (const file of [sample.pdfFile, sample.printPdfFile]) {
      const { findings } = await checkPdf(readFileSync(file));
      expect(findings).toEqual([]);
    }
  });

  // The final edition (PDF/UA-1 beside PDF/A-2) is checked in tests/archive/archive.test.ts, on the
  // final PDF that suite archives anyway: one final build of the sample fewer per run.
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
