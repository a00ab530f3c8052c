// A trend chart that closes a page is drawn taller to fill it, only where the charts' own heights say
// which page it closes (templates/pages/AnalysisPage.tsx trendPlotHeights).
import { describe, expect, it } from "vitest";
import type { RenderedChart } from "../../src/charts/renderedChart.ts";
import type { Section } from "../../src/document/model.ts";
import { trendPlotHeights } from "../../templates/pages/AnalysisPage.tsx";

const paragraph = (words: number) => ({ type: "paragraph", id: "p", source: null, children: [{ type: "text", value: Array.from({ length: words }, () => "policing").join(" ") }] });

/** An analysis section with a narrative of `words` words and charts of the given kinds; only the trend chart has a source note. */
function section(words: number, kinds: string[]): Section {
  const charts = kinds.map((kind, i) => ({ id: `chart/${i}`, kind, sourceNote: kind === "trend" ? "Source: a note." : undefined }));
  return { kind: "analysis", id: "analysis/x", body: { blocks: [paragraph(words)], footnotes: [], words } , charts, table: null } as unknown as Section;
}

const drawn = (heights: number[]) => new Map(heights.map((height, i): [string, RenderedChart] => [`chart/${i}`, { id: `chart/${i}`, svg: "", width: 400, height, csv: "" }]));

describe("trendPlotHeights", () => {
  it("fills the rest of the page the second chart opens: the sample's shape", () => {
    // A4 text area: 297 − 20 − 22 mm = 722.84 pt. A chart's block is 5.2 (gap) + 15 (heading) + 6.5
    // (under it) + the drawing, + 13.2 for a source note. The second band chart's block: 446.7; the
    // trend's at its default plot (110 in a 150 drawing): 189.9; a line (13) of slack.
    // Room: 722.84 − 446.7 − 189.9 − 13 = 73.24, so the plot grows from 110 to 183.
    expect(trendPlotHeights([section(60, ["band", "band", "trend"])], drawn([330, 420, 150]), 110, 240)).toEqual(new Map([["chart/2", 183]]));
    // With more room the plot stops at the most it may be.
    expect(trendPlotHeights([section(60, ["band", "band", "trend"])], drawn([330, 320, 150]), 110, 240).get("chart/2")).toBe(240);
  });

  it("leaves the trend chart as drawn where its page cannot be told from the charts", () => {
    // The second chart could follow the first on the section's first page.
    expect(trendPlotHeights([section(60, ["band", "band", "trend"])], drawn([330, 150, 150]), 110, 240).size).toBe(0);
    // A long narrative may push the first chart off the first page.
    expect(trendPlotHeights([section(2000, ["band", "band", "trend"])], drawn([330, 420, 150]), 110, 240).size).toBe(0);
    // Only one chart before it, or no room left under the second.
    expect(trendPlotHeights([section(60, ["band", "trend"])], drawn([330, 150]), 110, 240).size).toBe(0);
    expect(trendPlotHeights([section(60, ["band", "band", "trend"])], drawn([330, 560, 150]), 110, 240).size).toBe(0);
  });
});
