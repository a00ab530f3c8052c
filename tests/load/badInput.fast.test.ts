// Each kind of bad input stops the build with a message naming the file, the line and what was expected.
import { rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { errorsAfter } from "../helpers/hostile.ts";

const officers = "data/2024/officers.csv";

describe("bad workforce data", () => {
  it("names an unknown force and suggests the closest register name", () => {
    const [error] = errorsAfter(officers, (t) => t.replace("Cumbria,Female,Sergeant", "Cumbira,Female,Sergeant"));
    expect(error.rule).toBe("unknown-force");
    expect(error.file).toMatch(/2024\/officers\.csv$/);
    expect(error.line).toBe(17);
    expect(error.column).toBe(1);
    expect(error.message).toContain('Did you mean "Cumbria Constabulary"?');
  });

  it("rejects an unknown rank, listing the ranks it expects", () => {
    const [error] = errorsAfter(officers, (t) => t.replace("Avon & Somerset,Male,Sergeant", "Avon & Somerset,Male,Sargeant"));
    expect(error).toMatchObject({ rule: "unknown-rank", line: 10 });
    expect(error.message).toMatch(/expected one of Constable, Sergeant.*Did you mean "Sergeant"/);
    expect(error.column).toBe("Avon & Somerset,Male,".length + 1);
  });

  it("rejects an unknown sex", () => {
    const [error] = errorsAfter(officers, (t) => t.replace("Kent,Female,Inspector", "Kent,F,Inspector"));
    expect(error).toMatchObject({ rule: "unknown-sex", line: 32 });
    expect(error.message).toContain("Female, Male, Not stated");
  });

  it("rejects an unknown staff role", () => {
    const [error] = errorsAfter("data/2024/staff.csv", (t) => t.replace("Cumbria,Female,PCSO", "Cumbria,Female,PCSOs"));
    expect(error.rule).toBe("unknown-role");
    expect(error.file).toMatch(/staff\.csv$/);
  });

  it.each([["-3"], ["12.5"], ["many"], [""]])("rejects the headcount %j", (value) => {
    const [error] = errorsAfter(officers, (t) => t.replace("Cumbria,Female,Constable,305", `Cumbria,Female,Constable,${value}`));
    expect(error).toMatchObject({ rule: "bad-headcount", line: 16 });
    expect(error.message).toContain("whole number");
  });

  it("rejects a duplicated force × sex × rank row, naming the first", () => {
    const [error] = errorsAfter(officers, (t) => `${t}Cumbria Constabulary,Female,Sergeant,3\n`);
    expect(error.rule).toBe("duplicate-row");
    expect(error.message).toContain("line 17");
  });

  it("rejects a force with no officers at all", () => {
    const [error] = errorsAfter(officers, (t) => t.replace(/^Cumbria,(Female|Male),([A-Za-z ]+),\d+$/gm, "Cumbria,$1,$2,0"));
    expect(error.rule).toBe("no-officers");
    expect(error.message).toContain("Cumbria Constabulary");
    expect(error.line).toBe(16);
  });

  it("reports a missing file with what belongs there", () => {
    const fixture = copyFixtures();
    rmSync(path.join(fixture.dataDir, "2024/staff.csv"));
    expect(() => prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir })).toThrow(/staff\.csv: error: The file does not exist; expected a CSV file with the header force,sex,role,headcount/);
  });

  it("reports a wrong header", () => {
    const [error] = errorsAfter(officers, (t) => t.replace("force,sex,rank,headcount", "force,gender,rank,count"));
    expect(error).toMatchObject({ rule: "csv-header", line: 1 });
  });

  it("reports every error in a file at once, not just the first", () => {
    const errors = errorsAfter(officers, (t) => t.replace("Cumbria,Female,Sergeant", "Cumbira,Female,Sergeant").replace("Kent,Female,Inspector", "Kent,F,Inspector"));
    expect(errors.map((e) => e.rule).sort()).toEqual(["unknown-force", "unknown-sex"]);
  });
});

describe("bad content", () => {
  const entry = "content/2024/good-practice/cumbria.md";

  it("names an unknown force in an entry's front matter with its line and a suggestion", () => {
    const [error] = errorsAfter(entry, (t) => t.replace("force: Cumbria", "force: Cumbrai Police"));
    expect(error).toMatchObject({ rule: "unknown-force", line: 2 });
    expect(error.file).toMatch(/cumbria\.md$/);
    expect(error.message).toContain('Did you mean "Cumbria Constabulary"?');
  });

  it("checks front matter against the schema, pointing at the field", () => {
    const [error] = errorsAfter(entry, (t) => t.replace("lede: Cumbria ran a mentoring scheme for the tests.", "lede: 42"));
    expect(error).toMatchObject({ rule: "schema", line: 4 });
    expect(error.message).toMatch(/^lede: expected the opening paragraph/);
  });

  it("rejects a field the schema does not know", () => {
    const [error] = errorsAfter(entry, (t) => t.replace("sample: true", "sample: true\nauthr: Someone"));
    expect(error.message).toContain("authr");
    expect(error.line).toBe(6);
  });

  it("reports broken YAML at its line", () => {
    const [error] = errorsAfter(entry, (t) => t.replace("title: A fixture entry about mentoring", "title: [unclosed"));
    expect(error.rule).toBe("yaml");
    expect(error.line).toBeGreaterThanOrEqual(3);
  });

  it("reports an unknown name in an expression at its line and column", () => {
    const [error] = errorsAfter("content/2024/analysis/1-national.md", (t) => t.replace("averageChange.officers", "averageChange.oficers"));
    expect(error).toMatchObject({ rule: "expression", line: 7 });
    expect(error.column).toBe("The average force grew its women officers by {{ ".length + 1);
    expect(error.message).toContain('Did you mean "averageChange.officers"?');
  });

  it("reports an unknown formatter", () => {
    const [error] = errorsAfter("content/2024/analysis/1-national.md", (t) => t.replace("| pct2", "| percent2"));
    expect(error.message).toMatch(/Unknown formatter "percent2"/);
  });

  it.each([
    ["raw HTML", "<div>boxed</div>", /Raw HTML/],
    ["a remote image", "![Logo](https://example.org/logo.png)", /not a local file/],
    ["a table", "| a | b |\n| - | - |\n| 1 | 2 |", /Tables cannot be printed/],
  ])("rejects %s with its line", (_what, markdown, message) => {
    const [error] = errorsAfter(entry, (t) => `${t}\n${markdown}\n`);
    expect(error.message).toMatch(message);
    expect(error.line).toBe(16);
  });
});
