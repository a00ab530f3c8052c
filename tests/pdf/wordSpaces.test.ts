// Word spaces in the text a reader copies, searches and hears: the 2024 book read back by poppler
// (pdftotext -raw) and by pdf.js (getTextContent) against the words of its document.json, and the
// render patch's ActualText that gives letter-spaced lines back their words.
import { Document, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/document/model.ts";
import { readPdfPages } from "../helpers/pdfText.ts";
import { sampleBuild } from "../helpers/sampleBuild.ts";
import "../../templates/tagging.ts";

const bare = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

/** Every word of the document, and every pair of words that follow one another in one of its strings. */
function documentWords(document: unknown) {
  const words = new Set<string>();
  const pairs = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      const list = value.split(/\s+/).map(bare).filter(Boolean);
      for (const [i, word] of list.entries()) {
        words.add(word);
        if (i > 0) pairs.add(`${list[i - 1]} ${word}`);
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(document);
  return { words, pairs };
}

/** Words of the extracted text that are two of the document's neighbouring words with the space lost. */
function joinedWords(text: string, { words, pairs }: ReturnType<typeof documentWords>) {
  const joined: string[] = [];
  for (const token of text.split(/\s+/).map(bare)) {
    if (!token || words.has(token)) continue;
    for (let i = 1; i < token.length; i++) {
      if (pairs.has(`${token.slice(0, i)} ${token.slice(i)}`)) {
        joined.push(`${token.slice(0, i)}|${token.slice(i)}`);
        break;
      }
    }
  }
  return joined;
}

/** How many of the extracted words are the document's own: the comparison above has something to compare. */
const knownShare = (text: string, { words }: ReturnType<typeof documentWords>) => {
  const tokens = text.split(/\s+/).map(bare).filter(Boolean);
  return { tokens: tokens.length, share: tokens.filter((t) => words.has(t)).length / tokens.length };
};

// Each file is read by poppler once: the book's text serves both of its tests.
const popplerRead = new Map<string, string>();
const pdftotextRaw = (file: string) => {
  if (!popplerRead.has(file)) popplerRead.set(file, execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }));
  return popplerRead.get(file)!;
};

describe("word spaces in the 2024 book's text", () => {
  it("finds a join the way the book's test looks for one", () => {
    const known = documentWords({ a: "Ten years have passed since it began", b: ["good moment"] });
    expect(joinedWords("Ten yearshave passed since it began, a goodmoment.", known)).toEqual(["years|have", "good|moment"]);
    // Words of different strings were never neighbours: "beganTen" is not a lost space.
    expect(joinedWords("beganTen years", known)).toEqual([]);
  });

  it("poppler (pdftotext -raw) and pdf.js read no two of the document's words run together", async () => {
    const sample = await sampleBuild();
    const document = JSON.parse(readFileSync(path.join(path.dirname(sample.pdfFile), "document.json"), "utf8")) as ReportDocument;
    const known = documentWords(document);
    const poppler = pdftotextRaw(sample.pdfFile);
    const pdfjs = (await readPdfPages(sample.pdfFile)).map((p) => p.text).join("\n");
    for (const text of [poppler, pdfjs]) {
      expect(joinedWords(text, known)).toEqual([]);
      const { tokens, share } = knownShare(text, known);
      expect(tokens).toBeGreaterThan(20_000);
      // The rest are numbers, hyphenated halves at line ends and capitalised labels.
      expect(share).toBeGreaterThan(0.8);
    }
  });

  it("poppler and pdf.js read the letter-spaced running head as its words, on every page that has one", async () => {
    const sample = await sampleBuild();
    const document = JSON.parse(readFileSync(path.join(path.dirname(sample.pdfFile), "document.json"), "utf8")) as ReportDocument;
    const head = document.meta.runningHeader.toUpperCase();
    const pages = pdftotextRaw(sample.pdfFile).split("\f");
    const withHead = pages.filter((page) => page.split("\n").includes(head));
    // The cover and the back cover have none; the letter-by-letter reading is gone from every page.
    expect(withHead.length).toBeGreaterThan(sample.pageCount - 6);
    expect(pages.join("\n")).not.toContain(head.slice(0, 8).split("").join(" "));
    // pdf.js reads no ActualText: the tracking itself stays under a tenth of an em (src/design/theme.ts).
    const pdfjs = (await readPdfPages(sample.pdfFile)).map((p) => p.text);
    expect(pdfjs.filter((page) => page.includes(head)).length).toBe(withHead.length);
  });
});

describe("letter-spaced text in a tagged PDF", () => {
  const pdf = (tagged: boolean) =>
    renderToBuffer(
      h(Document, { tagged, title: "Spacing", language: "en-GB" }, h(Page, { size: "A6" }, h(View, { role: "Sect" }, h(Text, { role: "H1", style: { fontSize: 10, letterSpacing: 2 } }, "Spaced words"), h(Text, { style: { fontSize: 10, letterSpacing: 0.5 } }, "Tight words")))),
    );
  const read = async (tagged: boolean) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "spacing-")), "spacing.pdf");
    writeFileSync(file, await pdf(tagged));
    // The content streams uncompressed (qpdf), to count the ActualText spans.
    return { text: pdftotextRaw(file), bytes: execFileSync("qpdf", ["--qdf", "--object-streams=disable", file, "-"]).toString("latin1") };
  };

  it("carries its words as ActualText when the spacing is a tenth of an em or more; untagged, poppler reads letters", async () => {
    const tagged = await read(true);
    expect(tagged.text.split("\n")).toContain("Spaced words");
    // Spacing under a tenth of an em reads as words without help, and gets none.
    expect(tagged.text.split("\n")).toContain("Tight words");
    expect(tagged.bytes.match(/\/ActualText/g)).toHaveLength(1);
    const untagged = await read(false);
    expect(untagged.text).toContain("S p a c e d");
    expect(untagged.bytes).not.toContain("/ActualText");
  });
});
