// The design's rules, read back from the sample report as a reader gets it (issue 22): typographic quotes
// everywhere, force pages on a readable measure, ledes and headlines without a lone last word.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { curlDocumentQuotes } from "../../src/document/typography.ts";
import { readPdfPages, type PageText } from "../helpers/pdfText.ts";
import { sampleBuild, type SampleBuild } from "../helpers/sampleBuild.ts";

let sample: SampleBuild;
let pages: PageText[];

beforeAll(async () => {
  sample = await sampleBuild();
  pages = await readPdfPages(sample.pdfFile);
}, 300_000);

/** The text a reader sees on an HTML page: no markup, no style or script, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;|&#34;|&#x22;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("quotes and apostrophes", () => {
  it("are typographic in every line of the PDF", () => {
    const straight = pages.flatMap((p) => p.items.filter((i) => /['"]/.test(i.str)).map((i) => `p.${p.pageNumber}: ${i.str}`));
    expect(straight).toEqual([]);
    // The name that had a straight apostrophe, from the force register, now in its title and contents line.
    expect(pages.filter((p) => p.text.includes("Police Superintendents\u2019 Association")).length).toBeGreaterThanOrEqual(2);
  });

  it("are typographic in the text of every HTML page", () => {
    const htmlDir = path.join(sample.outDir, "2024", "html");
    const files = readdirSync(htmlDir).filter((f) => f.endsWith(".html"));
    expect(files.length).toBeGreaterThan(40);
    const straight = files.flatMap((f) => {
      const text = htmlText(readFileSync(path.join(htmlDir, f), "utf8"));
      return [...text.matchAll(/.{0,30}['"].{0,30}/g)].map((m) => `${f}: ${m[0]}`);
    });
    expect(straight).toEqual([]);
    expect(htmlText(readFileSync(path.join(htmlDir, "index.html"), "utf8"))).toContain("Police Superintendents\u2019 Association");
  });

  it("are made in the document stage for reader-facing strings only", () => {
    const doc = curlDocumentQuotes({ title: "Superintendents' Association", id: "force/o'brien", url: "https://example.org/?q='x'", nested: [{ type: "text", value: 'the "Valuing Difference" strand' }] });
    expect(doc).toEqual({ title: "Superintendents\u2019 Association", id: "force/o'brien", url: "https://example.org/?q='x'", nested: [{ type: "text", value: "the \u201cValuing Difference\u201d strand" }] });
  });
});
