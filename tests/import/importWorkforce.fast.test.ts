// The Home Office table importer: fixture tables in the real layout (CSV export, ODS, XLSX) become
// officers.csv and staff.csv that the build loads; bad tables stop with the row or the headers found.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { importWorkforceCommand } from "../../src/cli/importWorkforceCommand.ts";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { valueHundredths, yearOf } from "../../src/import/homeOfficeTable.ts";
import { loadForceRegister } from "../../src/load/forceRegister.ts";
import { loadWorkforceYear } from "../../src/load/workforce.ts";
import { fixturesDir } from "../helpers/fixtureCopy.ts";
import { writeOds, writeXlsx } from "../fixtures/workforce-import/writeSpreadsheet.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const tables = path.join(fixturesDir, "workforce-import");
const homeOffice = path.join(tables, "police-workforce.csv");
const cumbria = path.join(tables, "cumbria-return.csv");

/** A data folder with the fixture register and the repo's mapping; and the fixture content as a 2025 edition. */
function workspace() {
  const root = mkdtempSync(path.join(tmpdir(), "import-"));
  const dataDir = path.join(root, "data");
  mkdirSync(dataDir);
  cpSync(path.join(fixturesDir, "data/forces.csv"), path.join(dataDir, "forces.csv"));
  cpSync(path.join(repo, "data/home-office-mapping.csv"), path.join(dataDir, "home-office-mapping.csv"));
  cpSync(path.join(fixturesDir, "content/2024"), path.join(root, "content/2025"), { recursive: true });
  const reportYml = path.join(root, "content/2025/report.yml");
  writeFileSync(reportYml, readFileSync(reportYml, "utf8").replace(/^year: 2024$/m, "year: 2025"));
  return { root, dataDir, contentDir: path.join(root, "content") };
}

/** A copy of the Home Office fixture table, changed. */
function edited(change: (text: string) => string, name = "police-workforce.csv"): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "table-")), name);
  writeFileSync(file, change(readFileSync(homeOffice, "utf8")));
  return file;
}

/** What the build will say of a 2025 folder with no 2024 beside it: the import prints it, and exits 0. */
const onlyNoPreviousYear = /^\S+\/data\/2024: warning: There is no 2024 data, so no % changes or previous-year charts can be shown\. \[no-previous-year\]\n0 errors, 1 warning$/;

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = importWorkforceCommand.run(args, { out: (t) => out.push(t.replace(/\n$/, "")), err: (t) => err.push(t.replace(/\n$/, "")) }) as number;
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const csvRows = (file: string) =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(","));

/** The fixture table as rows of cells (the CSV has one quoted force name). */
function tableCells(file: string): string[][] {
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => line.match(/("[^"]*"|[^,]*)(,|$)/g)!.filter((m) => m !== "").map((m) => m.replace(/,$/, "").replace(/^"|"$/g, "")))
    .map((cells) => (cells.length === 8 ? [...cells, ""] : cells));
}

describe("importing the CSV export", () => {
  const ws = workspace();
  const result = run([homeOffice, cumbria, "--year", "2025", "--data", ws.dataDir]);

  it("writes both files and says what it read, wrote and dropped", () => {
    expect(result.err).toMatch(onlyNoPreviousYear);
    expect(result.code).toBe(0);
    expect(result.out).toContain("police-workforce.csv: 58 rows read, 7 dropped");
    expect(result.out).toContain("dropped 2: force outside the register (London, City of)");
    expect(result.out).toContain("dropped 1: rank the report does not use (Other)");
    expect(result.out).toContain("dropped 2: total row (Avon and Somerset, Police Officer, Total, Female; England and Wales)");
    expect(result.out).toContain("dropped 2: another year");
    expect(result.out).toContain("cumbria-return.csv: 24 rows read, 0 dropped");
    expect(result.out).toMatch(/officers\.csv \(43 rows\) and .*staff\.csv \(30 rows\) in full-time equivalents \(FTE\) for 2025/);
  });

  it("writes the loaders' format with the measure column and each row's source", () => {
    const officers = csvRows(path.join(ws.dataDir, "2025/officers.csv"));
    expect(officers[0]).toEqual(["force", "sex", "rank", "fte", "source"]);
    expect(officers[1]).toEqual(["Avon and Somerset", "Female", "Constable", "1000.50", "police-workforce.csv:4"]);
    // Assistant chief constable and chief constable (rows 10 and 11) add up to chief officers.
    expect(officers).toContainEqual(["Avon and Somerset", "Female", "Chief Officer", "2.00", "police-workforce.csv:10+11"]);
    expect(officers).toContainEqual(["Avon and Somerset", "Not stated", "Constable", "0.50", "police-workforce.csv:21"]);
    expect(officers).toContainEqual(["Cumbria", "Male", "Sergeant", "140.00", "cumbria-return.csv:10"]);
    const staff = csvRows(path.join(ws.dataDir, "2025/staff.csv"));
    expect(staff[0]).toEqual(["force", "sex", "role", "fte", "source"]);
    expect(staff).toContainEqual(["Kent", "Male", "Police staff", "1100.20", "police-workforce.csv:48"]);
  });

  it("produces files that build, with hand-computed shares, keeping each row's source", () => {
    const { statistics } = prepare({ year: 2025, dataDir: ws.dataDir, contentDir: ws.contentDir });
    expect(statistics.measure).toEqual({ officers: "fte", staff: "fte" });
    const avon = statistics.forces.find((f) => f.slug === "avon-and-somerset")!;
    // Women 1000.50 + 150.25 + 40 + 15 + 6 + 3 + 2 = 1216.75 of 3231.00 (the 0.50 not stated left out).
    expect(avon.officers).toEqual({ women: 1216.75, total: 3231, womenPct: (121675 / 323100) * 100 });
    expect(avon.middleManagement).toEqual({ women: 190.25, total: 650, womenPct: (19025 / 65000) * 100 });
    expect(statistics.excluded.notStated).toBe(0.5);
    expect(statistics.forces.map((f) => f.slug)).toEqual(["avon-and-somerset", "cumbria", "kent"]);
    // The loader keeps where each row came from, for a later provenance feature.
    const sink = new DiagnosticSink();
    const year = loadWorkforceYear(ws.dataDir, 2025, loadForceRegister(path.join(ws.dataDir, "forces.csv"), sink)!, sink, { staffRequired: true })!;
    expect(sink.messages).toEqual([]);
    expect(year.officers.find((o) => o.force === "avon-and-somerset" && o.sex === "Female" && o.rank === "Chief Officer")).toMatchObject({
      hundredths: 200,
      line: 8,
      source: "police-workforce.csv:10+11",
    });
    expect(year.staff.find((s) => s.force === "cumbria" && s.sex === "Male" && s.role === "PCSO")?.source).toBe("cumbria-return.csv:21");
  });

  it("refuses to overwrite without --force, and replaces with it", () => {
    const again = run([homeOffice, cumbria, "--year", "2025", "--data", ws.dataDir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/2025\/officers\.csv: error: The file already exists; pass --force to replace it/);
    expect(again.err).toContain("Import stopped; nothing was written.");
    expect(run([homeOffice, cumbria, "--year", "2025", "--data", ws.dataDir, "--force"]).code).toBe(0);
  });
});

describe("importing headcounts", () => {
  it("reads the headcount column with --measure headcount, and refuses FTE beside last year's headcounts", () => {
    const ws = workspace();
    const result = run([homeOffice, "--year", "2025", "--data", ws.dataDir, "--measure", "headcount", "--zero-missing"]);
    expect(result.code).toBe(0);
    const officers = csvRows(path.join(ws.dataDir, "2025/officers.csv"));
    expect(officers[0]).toEqual(["force", "sex", "rank", "headcount", "source"]);
    expect(officers[1]).toEqual(["Avon and Somerset", "Female", "Constable", "1000", "police-workforce.csv:4"]);
    expect(result.out).toContain("in headcounts (people) for 2025");
    // A 2026 import in FTE next to these 2025 headcounts, with no 2025 in the table: refused before anything is written.
    const next = edited((t) => t.replace(/^2025,/gm, "2026,"));
    const fte = run([next, "--year", "2026", "--data", ws.dataDir, "--zero-missing"]);
    expect(fte.code).toBe(1);
    expect(fte.err).toMatch(/2025\/officers\.csv:1:16: error: The 2026 edition compares with 2025, which this file counts in headcount and no table given has; give a table with 2025 in fte in the same command .* \[measure-mismatch\]/);
    expect(fte.err).toContain("Import stopped; nothing was written.");
    expect(existsSync(path.join(ws.dataDir, "2026"))).toBe(false);
  });

  it("refuses a table without the measure's column", () => {
    const result = run([cumbria, "--year", "2025", "--data", workspace().dataDir, "--measure", "headcount"]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('No "Total (headcount)" column (also accepted: total headcount, headcount)');
  });
});

describe("importing spreadsheets", () => {
  const cells = tableCells(homeOffice);
  const cover = { name: "Cover", rows: [["Police workforce, England and Wales: open data table"], ["Fixture made in the repo for tests"]] };

  const importAndCompare = (file: string) => {
    const ws = workspace();
    const result = run([file, cumbria, "--year", "2025", "--data", ws.dataDir]);
    expect(result.err).toMatch(onlyNoPreviousYear);
    expect(result.code).toBe(0);
    const fromCsv = workspace();
    expect(run([homeOffice, cumbria, "--year", "2025", "--data", fromCsv.dataDir]).code).toBe(0);
    for (const name of ["officers.csv", "staff.csv"]) {
      const rows = csvRows(path.join(ws.dataDir, "2025", name));
      const expected = csvRows(path.join(fromCsv.dataDir, "2025", name));
      // The same counts as from the CSV export; only the source names differ.
      expect(rows.map((r) => r.slice(0, 4))).toEqual(expected.map((r) => r.slice(0, 4)));
      expect(rows.map((r) => r[4].replace(`${path.basename(file)}:Data:`, "police-workforce.csv:"))).toEqual(expected.map((r) => r[4]));
    }
    expect(() => prepare({ year: 2025, dataDir: ws.dataDir, contentDir: ws.contentDir })).not.toThrow();
    return result;
  };

  it("reads the Data sheet of an ODS file into the same files as the CSV export", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "ods-")), "police-workforce.ods");
    writeOds(file, [cover, { name: "Data", rows: cells }]);
    expect(importAndCompare(file).out).toContain("police-workforce.ods: 58 rows read, 7 dropped");
  });

  it("reads the Data sheet of an XLSX file, with the year stored as a date", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "xlsx-")), "police-workforce.xlsx");
    writeXlsx(file, [cover, { name: "Data", rows: cells }], { dateColumn: 0 });
    expect(importAndCompare(file).out).toContain("police-workforce.xlsx: 58 rows read, 7 dropped");
  });

  it("names the sheets it found when there is no Data sheet", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "ods-")), "renamed.ods");
    writeOds(file, [cover, { name: "Table 1", rows: cells }]);
    const result = run([file, "--year", "2025", "--data", workspace().dataDir]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('renamed.ods: error: The spreadsheet has no sheet named "Data"; its sheets are "Cover", "Table 1". [import-file]');
  });
});

describe("tables the importer refuses", () => {
  it("reports an unmatched column, listing the headers found", () => {
    const ws = workspace();
    const file = edited((t) => t.replace("Force name", "Police area"));
    const result = run([file, cumbria, "--year", "2025", "--data", ws.dataDir]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'police-workforce.csv:1: error: No "Force name" column (also accepted: force, police force); the headers found are: As at 31 March | Geocode | Police area | Region | Worker type | Sex | Rank | Total (FTE) | Total (headcount). [import-column]',
    );
    expect(existsSync(path.join(ws.dataDir, "2025"))).toBe(false);
  });

  it("reports a suppressed value with its row and column", () => {
    const file = edited((t) => t.replace("Kent,South East,Police Officer,Male,Sergeant,420.60", "Kent,South East,Police Officer,Male,Sergeant,.."));
    const result = run([file, cumbria, "--year", "2025", "--data", workspace().dataDir]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/police-workforce\.csv:41:8: error: line 41 \(Kent, Police Officer, Sergeant, Male\): Total \(FTE\) is "\.\.", not a number with at most two decimals; .* \[import-value\]/);
  });

  it("reports a rank that is not in the mapping, with the line to add", () => {
    const file = edited((t) => t.replace("Kent,South East,Police Officer,Male,Sergeant", "Kent,South East,Police Officer,Male,Police Sergeant"));
    const result = run([file, cumbria, "--year", "2025", "--data", workspace().dataDir]);
    expect(result.err).toMatch(/police-workforce\.csv:41:7: error: line 41: Rank "Police Sergeant" is not in .*home-office-mapping\.csv; add a line "rank,Police Sergeant,<report value>"/);
  });

  it("stops on a force missing a sex × rank row, or writes 0 for it with --zero-missing", () => {
    const file = edited((t) => t.replace(/^2025,E23000032,Kent,South East,Police Officer,Male,Chief Officer,3\.00,3\n/m, ""));
    const ws = workspace();
    const stopped = run([file, cumbria, "--year", "2025", "--data", ws.dataDir]);
    expect(stopped.code).toBe(1);
    expect(stopped.err).toMatch(/police-workforce\.csv:33: error: Kent Police \(from row 33\) has no row for Male, Chief Officer; .*--zero-missing.* \[import-missing-row\]/);
    const filled = run([file, cumbria, "--year", "2025", "--data", ws.dataDir, "--zero-missing"]);
    expect(filled.code).toBe(0);
    expect(filled.out).toContain("Written as 0 because no table had them (--zero-missing): Kent, Male, Chief Officer.");
    expect(csvRows(path.join(ws.dataDir, "2025/officers.csv"))).toContainEqual(["Kent", "Male", "Chief Officer", "0.00", "zero-missing"]);
  });

  it("stops on a force of the register that no table has, naming it and the layout; lists it under --zero-missing", () => {
    const ws = workspace();
    const result = run([homeOffice, "--year", "2025", "--data", ws.dataDir]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/police-workforce\.csv: error: 1 force of the register is in no table for 2025: Cumbria Constabulary \(Home Office\)\. Give their counts \(from Home Office\) as another FILE in the same layout: columns As at 31 March, Force name, Worker type, Sex, Rank, Total \(FTE\).* \[missing-force\]/);
    expect(existsSync(path.join(ws.dataDir, "2025"))).toBe(false);
    const listed = run([homeOffice, "--year", "2025", "--data", ws.dataDir, "--zero-missing"]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain("Forces in the register that no table has (1, left out with --zero-missing): Cumbria Constabulary (Home Office).");
  });

  it("refuses a force given by two tables", () => {
    const twice = edited((t) => t, "cumbria-again.csv");
    writeFileSync(twice, readFileSync(cumbria, "utf8"));
    const result = run([cumbria, twice, homeOffice, "--year", "2025", "--data", workspace().dataDir]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cumbria-again\.csv:2: error: Cumbria Constabulary \(row 2\) is also in .*cumbria-return\.csv \(row 2\)/);
  });

  it("checks the command line", () => {
    expect(run([homeOffice, "--year", "25"]).err).toContain('--year must be a four-digit year, not "25"');
    expect(run(["--year", "2025"]).err).toContain("Give at least one table FILE.");
    expect(run([homeOffice, "--year", "2025", "--measure", "hours"]).code).toBe(2);
  });
});

describe("cell values", () => {
  it.each([
    ["12.5", 1250],
    ["12.550000000000001", 1255],
    ["12.549999999999999", 1255],
    ["1000", 100000],
  ])("reads %j as %i hundredths", (cell, hundredths) => {
    expect(valueHundredths(cell, "fte")).toBe(hundredths);
  });

  it.each([[".."], ["[c]"], ["*"], ["-"], [""], ["12.555"], ["-3.00"]])("refuses %j", (cell) => {
    expect(valueHundredths(cell, "fte")).toBeNull();
  });

  it.each([
    ["2025", 2025],
    ["31 March 2025", 2025],
    ["2025-03-31", 2025],
    ["45747", 2025],
    ["March", null],
  ])("finds the year of %j", (cell, year) => {
    expect(yearOf(cell)).toBe(year);
  });
});


