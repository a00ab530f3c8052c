// Messages a person who edits Markdown and CSV, not code, can act on: what is wrong and how to fix it.
import { describe, expect, it } from "vitest";
import { errorsAfter } from "../helpers/hostile.ts";

const entry = "content/2024/good-practice/cumbria.md";

describe("YAML problems in plain words", () => {
  it("a colon in an unquoted title: put the title in quotes, with the line to write", () => {
    const errors = errorsAfter(entry, (t) => t.replace("title: A fixture entry about mentoring", "title: Mentoring: a fixture entry"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: "yaml", line: 3 });
    expect(errors[0].message).toContain('Put the title in quotes: title: "Mentoring: a fixture entry"');
    expect(errors[0].message).not.toMatch(/compact mappings/);
  });

  it("a missing closing --- is one error at line 1, not one per line of text", () => {
    const errors = errorsAfter(entry, (t) => t.replace("sample: true\n---\n", "sample: true\n"));
    expect(errors).toEqual([expect.objectContaining({ rule: "front-matter", line: 1, column: 1 })]);
    expect(errors[0].message).toContain("no closing --- line");
  });

  it("a quotation mark never closed, and a value that goes on after its closing quote", () => {
    const [open] = errorsAfter(entry, (t) => t.replace("title: A fixture entry about mentoring", 'title: "A fixture entry about mentoring'));
    expect(open.message).toBe("A quotation mark opened here is never closed. Add the closing quotation mark at the end of the value.");
    const [after] = errorsAfter(entry, (t) => t.replace("title: A fixture entry about mentoring", "title: 'Mentoring' for everyone"));
    expect(after.message).toContain(`Put the whole title in double quotes: title: "'Mentoring' for everyone"`);
  });

  it("an unknown field lists the fields allowed, with the closest", () => {
    const [error] = errorsAfter(entry, (t) => t.replace("sample: true", "sample: true\ntittle: Mentoring"));
    expect(error).toMatchObject({ rule: "schema", line: 6 });
    expect(error.message).toBe('"tittle" is not a field here. Did you mean "title"? The fields allowed here are: force, title, lede, order, links, sample.');
  });
});

describe("headcounts with thousands separators", () => {
  it("a quoted 1,490 says to remove the separator", () => {
    const [error] = errorsAfter("data/2024/officers.csv", (t) => t.replace("Avon & Somerset,Male,Constable,1490", 'Avon & Somerset,Male,Constable,"1,490"'));
    expect(error).toMatchObject({ rule: "bad-headcount", line: 9, column: "Avon & Somerset,Male,Constable,".length + 1 });
    expect(error.message).toContain("Remove the thousands separator: write 1490.");
  });

  it("an unquoted 1,490 (two fields to CSV) says the same", () => {
    const [error] = errorsAfter("data/2024/officers.csv", (t) => t.replace("Avon & Somerset,Male,Constable,1490", "Avon & Somerset,Male,Constable,1,490"));
    expect(error).toMatchObject({ rule: "csv-syntax", line: 9 });
    expect(error.message).toContain("The number 1,490 has a thousands separator, which splits it in two; write 1490.");
  });
});
