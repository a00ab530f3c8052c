// Vega measures text with fontkit and the theme's TTF files, so its layout matches the PDF.
import { createRequire } from "node:module";
import * as vega from "vega";
import { describe, expect, it } from "vitest";
import { fontFaceFor, measureText, vegaTextWidth } from "../../src/charts/textMetrics.ts";
import { installTextMetrics, textMetricsInstalled } from "../../src/charts/vegaTextMetrics.ts";
import { renderChart } from "../../src/charts/renderChart.ts";
import { fonts } from "../../src/design/theme.ts";

const require = createRequire(import.meta.url);
const fontkit = require("fontkit") as { openSync(file: string): { unitsPerEm: number; layout(t: string): { advanceWidth: number } } };
const vegaMetrics = (vega as unknown as { textMetrics: { width: (item: object, text: unknown) => number; canvas: (use?: boolean) => void } }).textMetrics;

function fontkitWidth(text: string, size: number, weight: 400 | 600 | 700, style: "normal" | "italic" = "normal"): number {
  const face = fonts.faces.find((f) => f.weight === weight && f.style === style)!;
  const font = fontkit.openSync(face.file);
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
}

describe("textMetrics", () => {
  it("measures a known string as fontkit does, per weight and style", () => {
    for (const [weight, style] of [[400, "normal"], [600, "normal"], [700, "normal"], [400, "italic"], [700, "italic"]] as const) {
      const expected = fontkitWidth("North America West", 10, weight, style);
      expect(Math.abs(measureText("North America West", { fontSize: 10, fontWeight: weight, fontStyle: style }) - expected)).toBeLessThan(0.5);
    }
    // Far from Vega's own estimate of 0.8 × characters × size (144 pt here).
    expect(measureText("North America West", { fontSize: 10 })).toBeLessThan(110);
  });

  it("picks the face by weight keyword or number and by style", () => {
    expect(fontFaceFor("bold", "normal").weight).toBe(700);
    expect(fontFaceFor("normal", "italic")).toMatchObject({ weight: 400, style: "italic" });
    expect(fontFaceFor(500).weight).toBe(400); // CSS: 500 falls back to 400 before going heavier
    expect(fontFaceFor(650).weight).toBe(700);
    expect(fontFaceFor(300).weight).toBe(400);
    expect(fontFaceFor("600").weight).toBe(600);
  });

  it("is installed into Vega once, idempotently, and survives textMetrics.canvas()", () => {
    installTextMetrics();
    installTextMetrics();
    expect(textMetricsInstalled()).toBe(true);
    const item = { font: fonts.family, fontSize: 10, fontWeight: 600 };
    expect(vegaMetrics.width(item, "Metropolitan Police")).toBeCloseTo(fontkitWidth("Metropolitan Police", 10, 600), 6);
    vegaMetrics.canvas(true); // resets Vega to its estimate
    expect(textMetricsInstalled()).toBe(false);
    installTextMetrics();
    expect(vegaMetrics.width(item, "Metropolitan Police")).toBeCloseTo(fontkitWidth("Metropolitan Police", 10, 600), 6);
  });

  it("clamps to item.limit when positive, trims, and measures nothing as 0", () => {
    const full = vegaTextWidth({ fontSize: 10 }, "Greater Manchester");
    expect(vegaTextWidth({ fontSize: 10, limit: 30 }, "Greater Manchester")).toBe(30);
    expect(vegaTextWidth({ fontSize: 10, limit: 0 }, "Greater Manchester")).toBe(full);
    expect(vegaTextWidth({ fontSize: 10 }, "  Greater Manchester  ")).toBe(full);
    expect(vegaTextWidth({ fontSize: 10 }, undefined)).toBe(0);
    expect(vegaTextWidth({ fontSize: 0 }, "x")).toBe(0);
    expect(vegaTextWidth({ fontSize: 10 }, 2024)).toBeCloseTo(fontkitWidth("2024", 10, 400), 6);
  });

  it("lets Vega lay out and truncate labels by the real widths", async () => {
    const spec = {
      width: 100,
      height: 60,
      data: { values: [{ name: "Metropolitan Police", v: 1 }, { name: "Kent", v: 2 }] },
      mark: "bar",
      encoding: {
        y: { field: "name", type: "nominal", axis: { labelLimit: 200, title: null } },
        x: { field: "v", type: "quantitative", axis: null },
      },
      config: { font: fonts.family, axis: { labelFontSize: 10 } },
    } as const;
    const { svg } = await renderChart(spec as never);
    expect(svg).toContain(">Metropolitan Police</text>");
    expect(svg).not.toContain("…");
    // With a limit smaller than the name, Vega truncates with an ellipsis at the fontkit width.
    const limited = { ...spec, encoding: { ...spec.encoding, y: { ...spec.encoding.y, axis: { labelLimit: 40, title: null } } } };
    const { svg: truncated } = await renderChart(limited as never);
    const label = /<text[^>]*>(Metro[^<]*)<\/text>/.exec(truncated)![1];
    expect(label.endsWith("…")).toBe(true);
    expect(measureText(label, { fontSize: 10 })).toBeLessThanOrEqual(40);
  });
});
