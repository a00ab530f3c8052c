// Proofing reports planted mistakes at their file, line and column, with a suggestion; review-ignore
// comments silence exactly the finding under them.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import dictionary from "dictionary-en-gb";
import nspell from "nspell";
import { describe, expect, it } from "vitest";
import { ordinaryForm, proofContent, readWordList } from "../../src/review/proofing.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const root = path.resolve(import.meta.dirname, "../..");
/** A page of ordinary British prose (our own words), kept to count the spelling check's false findings. */
const heldPage = path.join(import.meta.dirname, "ordinary-prose.md");

/** An edition folder holding only `files` (name → text), with no project word list. */
function editionOf(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "report-proofing-"));
  mkdirSync(path.join(dir, "2024"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, "2024", name), text);
  return dir;
}

describe("proofing", () => {
  it("reports a misspelling, a repeated word, 'manpower', a doubled space and a variant spelling at their line and column", async () => {
    const copy = copyFixtures();
    copy.edit("content/2024/good-practice/cumbria.md", (text) =>
      text.replace(
        "Mentors met their mentees *monthly* for a year.",
        [
          "Mentors met their mentees *monthly* for a year.", // line 7
          "",
          "Extra manpower was found for the the recrutment drive.", // line 9
          "",
          "<!-- review-ignore spelling -->", // line 11
          "Another mispeling that the reviewer accepted.", // line 12
          "",
          "They joined He for She  in May.", // line 14
        ].join("\n"),
      ),
    );
    const result = await proofContent(copy.contentDir, 2024);
    const file = path.join(copy.contentDir, "2024/good-practice/cumbria.md");
    const found = result.findings.map((f) => [path.relative(copy.contentDir, f.file), f.line, f.column, f.rule, f.actual, f.suggestion]);
    expect(found).toEqual([
      ["2024/good-practice/cumbria.md", 9, 7, "inclusive-language", "manpower", "workforce, staffing or people"],
      ["2024/good-practice/cumbria.md", 9, 30, "repeated-word", "the the", "the"],
      ["2024/good-practice/cumbria.md", 9, 38, "spelling", "recrutment", "recruitment"],
      ["2024/good-practice/cumbria.md", 14, 13, "term-consistency", "He for She", "HeForShe"],
      ["2024/good-practice/cumbria.md", 14, 23, "double-space", "  ", " "],
    ]);
    expect(result.findings[0].file).toBe(file);
    expect(result.silenced).toEqual({ total: 1, byRule: { spelling: 1 } });
  });

  it("maps places inside lists and quotes back to the source column, and finds nothing in {{ }} expressions", async () => {
    const copy = copyFixtures();
    copy.edit("content/2024/good-practice/cumbria.md", (text) => text.replace("- another item", "- another itme").replace("> Mentoring made the difference.", "> Mentoring made teh difference."));
    const result = await proofContent(copy.contentDir, 2024);
    expect(result.findings.map((f) => [f.line, f.column, f.actual])).toEqual([
      [10, 11, "itme"],
      [12, 18, "teh"],
    ]);
  });
});

describe("false findings of the spelling check", () => {
  it("none on the sample edition, and without the word list every finding is a word the list holds", async () => {
    const withList = await proofContent(path.join(root, "content"), 2024);
    expect(withList.findings.filter((f) => f.rule === "spelling").map((f) => `${f.logicalFile}:${f.line} ${f.actual}`)).toEqual([]);
    // The same text with an empty word list: what is flagged then is exactly what the list is there for.
    const copy = mkdtempSync(path.join(tmpdir(), "report-proofing-sample-"));
    cpSync(path.join(root, "content", "2024"), path.join(copy, "2024"), { recursive: true });
    const withoutList = await proofContent(copy, 2024);
    const listed = new Set(readWordList(path.join(root, "content"), 2024));
    const flagged = [...new Set(withoutList.findings.filter((f) => f.rule === "spelling").map((f) => f.actual.replace(/[’']s$|\.$/, "")))];
    expect(flagged.length).toBeGreaterThan(20); // names, places and acronyms: the check is on
    expect(flagged.filter((word) => !listed.has(word))).toEqual([]);
  }, 60_000);

  it("none on a held page of ordinary British prose with prefixed and inflected forms; misspellings planted in it are all found", async () => {
    const text = readFileSync(heldPage, "utf8");
    expect(text.split(/\s+/).length).toBeGreaterThan(400);
    const clean = await proofContent(editionOf({ "page.md": text }), 2024);
    expect(clean.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.actual}`)).toEqual([]);
    const planted = text
      .replace("was relit last winter", "was relit last wintre")
      .replace("has been modernised", "has been modernissed")
      .replace("Both groups\nhave grown", "Both groups\nhave occured")
      .replace("so that nobody is left", "untill nobody is left");
    const found = await proofContent(editionOf({ "page.md": planted }), 2024);
    expect(found.findings.map((f) => f.actual)).toEqual(["wintre", "modernissed", "occured", "untill"]);
  }, 60_000);

  it("derives only regular forms: 'relit', 'workforces', 'co-founded' and 'café' are words; 'occured', 'hopeing', 'storys' are not", () => {
    const speller = nspell(dictionary);
    const known = (w: string) => speller.correct(w);
    for (const word of ["relit", "Relit", "preloaded", "unbudgeted", "overstretched", "co-founded", "workforces", "relativities", "onboarded", "café", "naïve"]) {
      expect([word, known(word) || ordinaryForm(word, known)]).toEqual([word, true]);
    }
    for (const word of ["occured", "comming", "hopeing", "studyed", "storys", "churchs", "untill", "supercede", "recieve", "arguement", "unecessary", "dissapoint"]) {
      expect([word, known(word) || ordinaryForm(word, known)]).toEqual([word, false]);
    }
  });
});
