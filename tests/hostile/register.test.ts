// Issue 28: a second force whose name only looks like another's ("Kеnt Police" with a Cyrillic е) was
// accepted silently. Names that mix scripts, or that match another force's once look-alike characters
// are folded, are errors at their register line.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { loadForceRegister } from "../../src/load/forceRegister.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

/** The register's errors after appending one row to the fixture's forces.csv. */
function errorsWith(row: string) {
  const fixture = copyFixtures();
  fixture.edit("data/forces.csv", (t) => `${t.trimEnd()}\n${row}\n`);
  const sink = new DiagnosticSink();
  loadForceRegister(path.join(fixture.dataDir, "forces.csv"), sink);
  return sink.errors;
}

describe("force names in the register", () => {
  it("refuses a name mixing Latin and Cyrillic letters", () => {
    const errors = errorsWith("kent-two,K\u0435nt Police,K\u0435nt,England,Home Office,");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ rule: "register-mixed-script", line: 6 });
    expect(errors[0].message).toMatch(/mixes letters of Latin and Cyrillic scripts/);
  });

  it("refuses a name in one other script that folds to another force's name", () => {
    const errors = errorsWith("kent-greek,\u039a\u0395\u039d\u03a4,\u039a\u0395\u039d\u03a4,England,Home Office,");
    expect(errors).toEqual([expect.objectContaining({ rule: "register-confusable", line: 6, message: expect.stringMatching(/"ΚΕΝΤ" \(kent-greek\) looks like "Kent" \(kent\)/) })]);
  });

  it("warns at its line when a short name, printed in charts and tables, is abbreviated", () => {
    const fixture = copyFixtures();
    fixture.edit("data/forces.csv", (t) => `${t.trimEnd()}\nbritish-transport-police,British Transport Police,BTP,United Kingdom,Home Office,BTP\nsurrey,Surrey Police,Surrey,England,Home Office,Surrey\ndevon,Devon and Cornwall Police,Devon & Cornwall,England,Home Office,\n`);
    const sink = new DiagnosticSink();
    loadForceRegister(path.join(fixture.dataDir, "forces.csv"), sink);
    expect(sink.errors).toEqual([]);
    expect(sink.warnings).toEqual([
      expect.objectContaining({ rule: "register-abbreviated-name", line: 6, column: 51, message: expect.stringContaining('short_name "BTP" is abbreviated') }),
      expect.objectContaining({ rule: "register-abbreviated-name", line: 8, message: expect.stringContaining('"Devon & Cornwall"') }),
    ]);
    expect(sink.warnings[0].message).toContain('"British Transport Police"');
  });

  it("accepts the fixture register and a new force with a distinct name", () => {
    expect(errorsWith("surrey,Surrey Police,Surrey,England,Home Office,Surrey")).toEqual([]);
  });
});
