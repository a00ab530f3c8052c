// Completeness (a missing row is an error), plausibility warnings, and force-name suggestions.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { BuildError, DiagnosticSink, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { loadForceRegister } from "../../src/load/forceRegister.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const repo = path.resolve(import.meta.dirname, "../..");

function diagnosticsAfter(edits: Record<string, (text: string) => string>): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const fixture = copyFixtures();
  for (const [file, change] of Object.entries(edits)) fixture.edit(file, change);
  try {
    const { sink } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    return { errors: [], warnings: sink.warnings };
  } catch (error) {
    if (error instanceof BuildError) return { errors: error.diagnostics, warnings: [] };
    throw error;
  }
}

const officers = "data/2024/officers.csv";
const staff = "data/2024/staff.csv";

describe("every force has every row", () => {
  it("stops the sample edition when the Met's women sergeants row is deleted (it used to print 5.39 % for 22.77 %)", () => {
    const root = mkdtempSync(path.join(tmpdir(), "met-row-"));
    cpSync(path.join(repo, "data"), path.join(root, "data"), { recursive: true });
    const file = path.join(root, "data/2024/officers.csv");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("\nMetropolitan Police,Female,Sergeant,1061\n");
    writeFileSync(file, text.replace("Metropolitan Police,Female,Sergeant,1061\n", ""));
    let errors: Diagnostic[] = [];
    try {
      prepare({ year: 2024, dataDir: path.join(root, "data"), contentDir: path.join(repo, "content") });
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      errors = error.diagnostics;
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: "missing-row", line: 353, file });
    expect(errors[0].message).toContain("Metropolitan Police Service (rows from line 353) has no row for Female, Sergeant");
  });

  it("names the force, sex and rank of a missing officers row, at the line of the force's rows", () => {
    const { errors } = diagnosticsAfter({ [officers]: (t) => t.replace(/^Kent,Male,Chief Officer,\d+\n/m, "") });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: "missing-row", line: 30 });
    expect(errors[0].file).toMatch(/2024\/officers\.csv$/);
    expect(errors[0].message).toMatch(/^Kent Police \(rows from line 30\) has no row for Male, Chief Officer;/);
  });

  it("does the same for staff roles", () => {
    const { errors } = diagnosticsAfter({ [staff]: (t) => t.replace(/^Cumbria,Female,PCSO,\d+\n/m, "") });
    expect(errors.map((e) => e.rule)).toEqual(["missing-row"]);
    expect(errors[0].line).toBe(12);
    expect(errors[0].message).toContain("Cumbria Constabulary (rows from line 12) has no row for Female, PCSO;");
    expect(errors[0].file).toMatch(/2024\/staff\.csv$/);
  });

  it("accepts an explicit 0 row", () => {
    const { errors } = diagnosticsAfter({ [officers]: (t) => t.replace(/^Kent,Male,Chief Officer,\d+$/m, "Kent,Male,Chief Officer,0") });
    expect(errors).toEqual([]);
  });
});

describe("plausibility warnings", () => {
  const rules = (ws: Diagnostic[]) => ws.filter((w) => w.file.includes("officers.csv")).map((w) => `${w.rule}@${w.line}`);

  it("gives none on the unchanged fixture data", () => {
    expect(rules(diagnosticsAfter({}).warnings)).toEqual([]);
  });

  it("warns about a force with no women at any rank", () => {
    const { warnings } = diagnosticsAfter({ [officers]: (t) => t.replace(/^Cumbria,Female,([A-Za-z ]+),\d+$/gm, "Cumbria,Female,$1,0") });
    const w = warnings.find((x) => x.rule === "no-women")!;
    expect(w).toMatchObject({ line: 16, severity: "warning" });
    expect(w.file).toMatch(/2024\/officers\.csv$/);
    expect(w.message).toContain("Cumbria Constabulary has no women officers");
  });

  it("warns when a level's headcount moves more than 20 % and when women change beyond ±50 %", () => {
    const fixture = readFileSync(path.join(repo, "tests/fixtures/data/2023/officers.csv"), "utf8");
    const sergeants2023 = Number(/^Kent,Male,Sergeant,(\d+)$/m.exec(fixture)![1]);
    const { warnings } = diagnosticsAfter({
      // Kent's male sergeants doubled: middle management grows by far more than 20 %.
      [officers]: (t) => t.replace(/^Kent,Male,Sergeant,\d+$/m, `Kent,Male,Sergeant,${sergeants2023 * 3}`),
      // Cumbria's women chief officers and superintendents: 2023 → 2024 changes of senior women.
      "data/2023/officers.csv": (t) => t.replace(/^Cumbria,Female,Chief Inspector,\d+$/m, "Cumbria,Female,Chief Inspector,40"),
    });
    expect(warnings.filter((w) => w.rule === "level-size-change").map((w) => w.message.split(":")[0])).toContain("Kent Police, middle management");
    const women = warnings.filter((w) => w.rule === "women-change");
    expect(women.map((w) => [w.line, w.message.split(":")[0]])).toEqual([[16, "Cumbria Constabulary, senior leadership"]]);
    expect(women[0].message).toMatch(/women went from \d+ in 2023 to \d+ in 2024 \(−\d+\.\d %\), beyond ±50 %/);
  });

  it("warns when more than 1 % of a force's officers have no stated sex, at the first such row", () => {
    const { warnings } = diagnosticsAfter({ [officers]: (t) => t.replace("Kent,Not stated,Constable,2", "Kent,Not stated,Constable,200") });
    const w = warnings.filter((x) => x.rule === "not-stated-share");
    expect(w.map((x) => x.line)).toEqual([44]);
    expect(w[0].message).toMatch(/^200 of Kent Police's \d+ officers \(\d+\.\d %\) have no stated sex/);
  });
});

describe("suggestions for a misspelt force", () => {
  const register = loadForceRegister(path.join(repo, "data/forces.csv"), new DiagnosticSink())!;
  it.each([
    ["Hamshire", "Hampshire and Isle of Wight Constabulary"],
    ["Nottinghamshre", "Nottinghamshire Police"],
    ["Cumbira", "Cumbria Constabulary"],
    ["Avon", "Avon and Somerset Constabulary"],
    ["Metropolitian Police", "Metropolitan Police Service"],
  ])("suggests the nearest name for %j", (typo, expected) => {
    expect(register.unknownMessage(typo)).toContain(`Did you mean "${expected}"?`);
  });

  it("suggests nothing for a name far from every force", () => {
    expect(register.unknownMessage("Atlantis")).not.toContain("Did you mean");
  });

  it("resolves the Home Office's own spellings", () => {
    expect(register.resolve("London, City of")?.slug).toBe("city-of-london");
    expect(register.resolve("Hampshire and Isle of Wight")?.slug).toBe("hampshire");
  });
});
