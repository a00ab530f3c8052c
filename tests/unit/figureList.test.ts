// The list of names for {{ }} comes from the statistics themselves, with values and meanings.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editionFigures } from "../../src/build/figures.ts";
import { evaluateExpression, parseExpression } from "../../src/document/expressions.ts";
import { describeFigure, figureNames, formatFigureList } from "../../src/document/figureList.ts";

const root = path.resolve(import.meta.dirname, "../..");
const sample = { year: 2024, dataDir: path.join(root, "data"), contentDir: path.join(root, "content") };

describe("figures", () => {
  it("lists a known name with its value and meaning (sample 2024: 8,408 of 29,886 sergeants and inspectors are women)", () => {
    const { figures } = editionFigures(sample, "national.middleManagement");
    const byName = Object.fromEntries(figures.map((f) => [f.name, f]));
    expect(byName["national.middleManagement.women"].value).toBe(8408);
    expect(byName["national.middleManagement.total"].value).toBe(29886);
    expect(byName["national.middleManagement.womenPct"].value).toBeCloseTo((8408 / 29886) * 100, 10);
    expect(byName["national.middleManagement.womenPct"].meaning).toBe("share of women (%) in middle management (sergeants and inspectors), UK-wide");
    expect(formatFigureList([byName["national.middleManagement.women"]])).toEqual(["national.middleManagement.women  8408  number of women in middle management (sergeants and inspectors), UK-wide"]);
  });

  it("names forces by slug and staff groups by key, as expressions do, and every listed name evaluates", () => {
    const { figures, context } = editionFigures(sample);
    const names = figures.map((f) => f.name);
    expect(names).toContain("forces.kent.seniorLeadershipBand");
    expect(names).toContain("national.staff.pcsos.womenPct");
    expect(names).toContain("bandCounts.seniorLeadership.2023.men+15");
    expect(names).toContain("edition");
    // No hand-kept list: every name resolves through the expression language.
    for (const f of figures) {
      const printed = evaluateExpression(parseExpression(f.name), context);
      expect(printed).toBe(f.value === null ? "n/a" : formatFigureList([f])[0].split(/\s{2,}/)[1]);
    }
    const { figures: kent } = editionFigures(sample, "forces.kent.");
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
});
