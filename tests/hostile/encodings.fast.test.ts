// Issue 10: text is UTF-8, with or without a byte-order mark; anything else is an error naming the file
// and the encoding it was probably saved in, never replacement characters in the PDF.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { plainText } from "../../src/document/markdown.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { prepareErrors } from "../helpers/hostile.ts";

/** Windows-1252 bytes for the few characters these tests use (’ is 0x92, é is 0xE9). */
const cp1252 = (text: string) => Buffer.from([...text].map((c) => (c === "\u2019" ? 0x92 : c === "é" ? 0xe9 : c.charCodeAt(0))));

describe("text encodings", () => {
  it("reads a CSV whose header has a stray byte-order mark inside a column name (it crashed: a property test found it)", () => {
    const fixture = copyFixtures();
    const file = path.join(fixture.dataDir, "2024", "officers.csv");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/^(force,sex,)(rank,)/, "$1\uFEFF$2"));
    expect(readFileSync(file, "utf8").split("\n")[0]).toContain("\uFEFFrank");
    const { statistics } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    expect(statistics.national.officers.total).toBeGreaterThan(0);
  });

  it("rejects a CSV saved as Windows-1252, at the first bad byte", () => {
    const fixture = copyFixtures();
    const file = path.join(fixture.dataDir, "forces.csv");
    const text = readFileSync(file, "utf8").replace("Cumbria Constabulary", "Cumbria Constabulary’s");
    writeFileSync(file, cp1252(text));
    const line = text.split("\n").findIndex((l) => l.includes("’")) + 1;
    const errors = prepareErrors(fixture);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file, rule: "encoding", line, column: text.split("\n")[line - 1].indexOf("’") + 1 });
    expect(errors[0].message).toMatch(/not UTF-8: byte 0x92 .* probably saved as Windows-1252/);
    expect(JSON.stringify(errors)).not.toContain("\uFFFD");
  });

  it("rejects an entry saved as Windows-1252 (an accented letter), naming Latin-1 as well", () => {
    const fixture = copyFixtures();
    const file = path.join(fixture.contentDir, "2024/good-practice/cumbria.md");
    writeFileSync(file, cp1252(readFileSync(file, "utf8").replace("Mentors met", "Mentors (café) met")));
    const [error] = prepareErrors(fixture);
    expect(error).toMatchObject({ file, rule: "encoding", line: 7, column: "Mentors (caf".length + 1 });
    expect(error.message).toMatch(/byte 0xE9 .* Windows-1252 or ISO-8859-1/);
  });

  it.each([
    ["little-endian", (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]), /UTF-16 \(little-endian\)/],
    ["without a byte-order mark", (t: string) => Buffer.from(t, "utf16le"), /looks like UTF-16 without a byte-order mark/],
  ])("rejects an entry saved as UTF-16 %s", (_what, encode, message) => {
    const fixture = copyFixtures();
    const file = path.join(fixture.contentDir, "2024/good-practice/cumbria.md");
    writeFileSync(file, encode(readFileSync(file, "utf8")));
    const [error] = prepareErrors(fixture);
    expect(error).toMatchObject({ file, rule: "encoding" });
    expect(error.message).toMatch(message);
  });

  it("rejects text holding a replacement character left by an earlier conversion", () => {
    const fixture = copyFixtures();
    const file = fixture.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("Mentors met", "Mentors met \uFFFD"));
    const [error] = prepareErrors(fixture);
    expect(error).toMatchObject({ file, rule: "encoding", line: 7, column: "Mentors met ".length + 1 });
  });

  it("reads UTF-8 with a byte-order mark in data and content, and prints the text unchanged", () => {
    const fixture = copyFixtures();
    for (const file of [path.join(fixture.dataDir, "2024/officers.csv"), path.join(fixture.contentDir, "2024/good-practice/cumbria.md")]) {
      writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    }
    fixture.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("Mentors met", "Mentors (café, naïve) met"));
    const { document } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    const cumbria = document.sections.find((s) => s.kind === "force" && s.slug === "cumbria");
    const body = cumbria?.kind === "force" && cumbria.entries[0].body.blocks[0];
    expect(body && body.type === "paragraph" && plainText(body.children)).toContain("Mentors (café, naïve) met");
  });
});
