// The list of names for {{ }} comes from the statistics themselves, with values and meanings.
import path from "node:path";
import { main } from "../../src/cli/main.ts";
import { describe, expect, it } from "vitest";
import { editionFigures } from "../../src/build/figures.ts";
import { evaluateExpression, parseExpression } from "../../src/document/expressions.ts";
import { describeFigure, figureNames, formatFigureList, YEAR_FORMS_HEADING } from "../../src/document/figureList.ts";

const root = path.resolve(import.meta.dirname, "../..");
const sample = { year: 2024, dataDir: path.join(root, "data"), contentDir: path.join(root, "content") };

describe("figures", () => {
  it("lists a known name with its value and meaning (sample 2024: 8,408 of 29,886 sergeants and inspectors are women)", async () => {
    const { figures } = await editionFigures(sample, "national.middleManagement");
    const byName = Object.fromEntries(figures.map((f) => [f.name, f]));
    expect(byName["national.middleManagement.women"].value).toBe(8408);
    expect(byName["national.middleManagement.total"].value).toBe(29886);
    expect(byName["national.middleManagement.womenPct"].value).toBeCloseTo((8408 / 29886) * 100, 10);
    expect(byName["national.middleManagement.womenPct"].meaning).toBe("share of women (%) in middle management (sergeants and inspectors), UK-wide");
    expect(formatFigureList([byName["national.middleManagement.women"]])).toEqual(["national.middleManagement.women  8408  number of women in middle management (sergeants and inspectors), UK-wide"]);
  });

  it("names forces by slug and staff groups by key, as expressions do, and every listed name evaluates", async () => {
    const { figures, context } = await editionFigures(sample);
    const names = figures.map((f) => f.name);
    expect(names).toContain("forces.kent.seniorLeadershipBand");
    expect(names).toContain("national.staff.pcsos.womenPct");
    expect(names).toContain("bandCounts.seniorLeadership.2023.men+15");
    expect(names).toContain("edition");
    // No hand-kept list: every name resolves through the expression language.
    for (const f of figures) {
      const printed = evaluateExpression(parseExpression(f.name), context);
      expect(printed).toBe(f.value === null ? "n/a" : formatFigureList([f]).at(-1)!.split(/\s{2,}/)[1]);
    }
    const { figures: kent } = await editionFigures(sample, "forces.kent.");
    expect(kent.find((f) => f.name === "forces.kent.seniorLeadershipBand")?.meaning).toBe(
      "band of the senior-leadership difference (equal, men+1 … men+15, women+1 … women+15), at Kent Police",
    );
  });

  it("falls back to words made from the name for keys it has no description for", () => {
    const context = { forces: [{ slug: "kent", name: "Kent Police", newMeasure: { flexibleWorkers: 12 } }] };
    expect(figureNames(context)).toEqual(["forces.kent.slug", "forces.kent.name", "forces.kent.newMeasure.flexibleWorkers"]);
    expect(describeFigure(["forces", "kent", "newMeasure", "flexibleWorkers"], context)).toBe("flexible workers, at Kent Police");
    expect(evaluateExpression(parseExpression("forces.kent.newMeasure.flexibleWorkers"), context)).toBe("12");
  });

  it("an unknown name is answered with the closest full name from the same list", () => {
    const context = { national: { middleManagement: { womenPct: 28.1 } }, bandCounts: { seniorLeadership: { "2024": { "men+15": 5 } } } };
    expect(() => evaluateExpression(parseExpression("bandCounts.seniorLeadership.2024.men15"), context)).toThrow(
      'Did you mean "bandCounts.seniorLeadership.2024.men+15"? (npm run figures lists every name.)',
    );
  });

  it("`npm run figures -- seniorLeadership` lists the current/previous names first and the year forms after, as such", async () => {
    // Through the command line's one entry, in-process, as `npm run figures` runs it.
    const out: string[] = [];
    const err: string[] = [];
    const status = await main(["figures", "seniorLeadership"], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(status, err.join("")).toBe(0);
    const lines = out.join("").trimEnd().split("\n");
    const at = (name: string) => lines.findIndex((l) => l.startsWith(`${name} `));
    const heading = lines.indexOf(YEAR_FORMS_HEADING);
    // Sample 2024: five forces in the men+15 band for senior leadership, two in 2023.
    expect(lines[at("bandCounts.seniorLeadership.current.men+15")]).toMatch(/^bandCounts\.seniorLeadership\.current\.men\+15 +5  number of forces in the men\+15 band for senior leadership \(chief inspectors and above\), this edition's year \(2024\)$/);
    expect(lines[at("bandCounts.seniorLeadership.previous.men+15")]).toMatch(/ 2  number of forces in the men\+15 band .*, the previous year \(2023\)$/);
    expect(lines[at("bandCounts.seniorLeadership.2024.men+15")]).toMatch(/^bandCounts\.seniorLeadership\.2024\.men\+15 +5  year form of bandCounts\.seniorLeadership\.current\.men\+15$/);
    expect(lines[at("bandCounts.seniorLeadership.2023.equal")]).toMatch(/ 2  year form of bandCounts\.seniorLeadership\.previous\.equal$/);
    // Every year-free name comes before the heading, every year form after it.
    const yearNamed = lines.filter((l) => /^\S*\.20\d\d\./.test(l)).map((l) => lines.indexOf(l));
    const yearFree = lines.filter((l) => /^bandCounts\.\S*\.(current|previous)\./.test(l)).map((l) => lines.indexOf(l));
    expect([yearNamed.length, yearFree.length]).toEqual([18, 18]);
    expect(Math.max(...yearFree)).toBeLessThan(heading);
    expect(Math.min(...yearNamed)).toBeGreaterThan(heading);
    expect(lines[0]).toBe("Edition 2024 (the newest in content/).");
    expect(lines[1]).not.toMatch(/20\d\d/);
    expect(lines.at(-1)).toMatch(/^\d+ names and 18 year forms matching "seniorLeadership" for 2024\.$/);
  }, 60_000);

  it("a year-free name and its year form give the same value, and filtering by the year finds the year forms", async () => {
    const { figures, context } = await editionFigures(sample, "2023");
    const form = figures.find((f) => f.name === "bandCounts.middleManagement.2023.equal")!;
    expect(form.yearFormOf).toBe("bandCounts.middleManagement.previous.equal");
    expect(evaluateExpression(parseExpression(form.yearFormOf!), context)).toBe(evaluateExpression(parseExpression(form.name), context));
  });
});
