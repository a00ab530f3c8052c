// The reference the speed targets are set against: Typst (its compiler from npm) typesetting the same
// report's words in a comparable book. It reads a built document.json and writes a Typst source with
// the same sections, headings, paragraphs, lists and quotes in the same fonts, each section on new
// pages, the national table as a table and each chart as a box of its size; then, in a process of its
// own, times compiling it to PDF from process start, as the report's builds are timed.
//
//   tsx bench/typstReference.ts source DOCUMENT.json OUT.typ   writes the Typst source
//   node bench/typstCompile.mjs OUT.typ OUT.pdf                 compiles it (what the bench times)
import { readFileSync, writeFileSync } from "node:fs";
import type { Block, Inline, ReportDocument, RichText } from "../src/document/model.ts";

/** Typst markup is escaped character by character: these start markup or code. */
const escape = (text: string) => text.replace(/[\\#*_`$<>@=\-+/[\]~"']/g, (c) => `\\${c}`);

function inlines(children: Inline[]): string {
  return children
    .map((inline) => {
      switch (inline.type) {
        case "text":
          return escape(inline.value);
        case "figure":
          return escape(inline.text);
        case "emphasis":
          return `_${inlines(inline.children)}_`;
        case "strong":
          return `*${inlines(inline.children)}*`;
        case "link":
          return `#link("${inline.url.replace(/"/g, "")}")[${inlines(inline.children)}]`;
        case "break":
          return " \\\n";
        case "footnoteRef":
          return `#super[${inline.number}]`;
        case "insert":
        case "delete":
          return inlines(inline.children);
      }
    })
    .join("");
}

function blocks(list: Block[]): string {
  return list
    .map((block) => {
      switch (block.type) {
        case "paragraph":
          return `${inlines(block.children)}\n`;
        case "heading":
          return `${"=".repeat(block.depth)} ${inlines(block.children)}\n`;
        case "list":
          return block.items.map((item) => `${block.ordered ? "+" : "-"} ${blocks(item).replace(/\n(?=.)/g, "\n  ")}`).join("");
        case "quote":
          return `#quote(block: true)[${blocks(block.children)}]\n`;
        case "image":
          return `#rect(width: 100%, height: 4cm, fill: luma(230))\n`;
      }
    })
    .join("\n");
}

const rich = (text: RichText) => blocks(text.blocks);

/** A chart, drawn as a box of about its size (Typst draws the charts' place, not Vega's marks). */
const chartBox = (height: string) => `#rect(width: 100%, height: ${height}, fill: luma(235))\n`;

export function typstSource(document: ReportDocument): string {
  const out: string[] = [
    `#set page(paper: "a4", margin: (top: 2.5cm, bottom: 2.2cm, inside: 2cm, outside: 2cm), footer: context align(center, counter(page).display()))`,
    `#set text(font: "Source Sans 3", size: 9.5pt, lang: "en", region: "gb")`,
    `#set par(justify: true, leading: 0.55em)`,
    `#show heading: set text(fill: rgb("#5b2a86"))`,
    `#page(fill: rgb("#2e1a47"))[#text(fill: white, size: 46pt, weight: "bold")[${escape(document.meta.title)}]]`,
    `#outline(depth: 1)`,
  ];
  for (const section of document.sections) {
    out.push(`#pagebreak()`, `= ${escape(section.title)}`);
    switch (section.kind) {
      case "foreword":
      case "summary":
      case "back":
        out.push(rich(section.body));
        break;
      case "analysis":
        out.push(rich(section.body));
        for (const _chart of section.charts) out.push(chartBox("6cm"));
        if (section.table) {
          const { columns, rows } = section.table;
          out.push(`#table(columns: ${columns.length}, ${rows.flatMap((row) => columns.map((c) => `[${escape(row[c.key]?.text ?? "")}]`)).join(", ")})`);
        }
        break;
      case "force":
        out.push(`#grid(columns: (4.5cm, 1fr), gutter: 0.6cm, [${section.chart ? chartBox("5cm") : ""}], [`);
        for (const entry of section.entries) out.push(`== ${escape(entry.title)}`, `*${inlines(entry.lede)}*`, rich(entry.body));
        out.push(`])`);
        break;
    }
  }
  return out.join("\n\n");
}

if (process.argv[2] === "source") {
  const document = JSON.parse(readFileSync(process.argv[3], "utf8")) as ReportDocument;
  writeFileSync(process.argv[4], typstSource(document));
}
