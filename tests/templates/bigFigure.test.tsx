// A force's big figure in a draft: the value it had struck through, then the new value and its unit, in
// the panel's half-width slot. The unit stays with the new value when the two values fill the line (it
// used to wrap to a line of its own: "−2.97 +25.99" then "pp").
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Page, View, renderToBuffer } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { registerFonts } from "../../src/pdf/registerFonts.ts";
import { BigFigure } from "../../templates/components/BigFigure.tsx";
import { panelFigureWidth } from "../../templates/pages/ForcePage.tsx";
import { readPdfPages } from "../helpers/pdfText.ts";

async function drawn(was: string | undefined, value: string) {
  await registerFonts();
  const difference = { id: "d", label: "Women officers: this force against all forces", value: { type: "text" as const, value }, unit: "pp", note: [{ type: "text" as const, value: "Sample note." }], ...(was !== undefined && { was }) };
  const pdf = await renderToBuffer(
    <Document>
      <Page size="A4" style={{ padding: 40 }}>
        <View style={{ width: panelFigureWidth }}>
          <BigFigure difference={difference} labelLines={2} />
        </View>
      </Page>
    </Document>,
  );
  const file = path.join(mkdtempSync(path.join(tmpdir(), "big-figure-")), "figure.pdf");
  writeFileSync(file, pdf);
  return (await readPdfPages(file))[0].items;
}

describe("a big figure and its unit", () => {
  it("keeps the unit on the new value's line when the struck value leaves no room for both", async () => {
    const items = await drawn("−2.97", "+25.99");
    const value = items.find((item) => item.str.includes("+25.99"))!;
    const was = items.find((item) => item.str.includes("2.97") && !item.str.includes("25.99"))!;
    const unit = items.find((item) => /^\s*pp\s*$/.test(item.str) || item.str.endsWith(" pp") || item.str.endsWith("\u00a0pp"))!;
    expect(value).toBeDefined();
    // The struck value does not fit beside the new one with its unit: the new value starts the next line.
    expect(was.y).toBeGreaterThan(value.y);
    // The unit stands beside the new value, on its line.
    expect(Math.abs(unit.y - value.y)).toBeLessThan(1);
    expect(unit.x).toBeGreaterThanOrEqual(value.x + value.width - 1);
  });

  it("keeps value and unit on one line as published (no struck value)", async () => {
    const items = await drawn(undefined, "−9.82");
    const value = items.find((item) => item.str.includes("9.82"))!;
    const unit = items.find((item) => item.str.includes("pp"))!;
    expect(Math.abs(unit.y - value.y)).toBeLessThan(1);
  });
});
