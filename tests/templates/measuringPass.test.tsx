// A measuring pass (src/render/forceColumns.tsx) lays a force's entries out only for their heights and is
// never drawn: a chart there is its box alone, of the size the drawn chart takes, so the head measures the
// same while the chart's hundreds of shapes and labels are not laid out for nothing.
import { Document, Page, Text, View, pdf } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { registerFonts } from "../../src/pdf/registerFonts.ts";
import { ChartView } from "../../templates/components/Chart.tsx";
import { MeasuringPass } from "../../templates/measuringPass.ts";

type Node = { type?: string; box?: { top: number; height: number; width: number }; children?: Node[] };

const chart = {
  id: "sample",
  width: 200,
  height: 80,
  csv: "",
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" viewBox="0 0 200 80"><rect x="0" y="10" width="120" height="20" fill="#3c2a6e"/><text x="2" y="60" font-family="Source Sans 3" font-size="9">Women officers</text></svg>',
};

async function laidOut(measuring: boolean): Promise<Node> {
  await registerFonts();
  const element = (
    <MeasuringPass.Provider value={measuring}>
      <Document>
        <Page size="A5" style={{ padding: 30 }}>
          <View>
            <ChartView chart={chart} width={150} alt="A sample bar" />
            <Text style={{ fontSize: 9 }}>The caption under the chart.</Text>
          </View>
        </Page>
      </Document>
    </MeasuringPass.Provider>
  );
  const layout = await (pdf(element) as unknown as { toLayout(): Promise<Node> }).toLayout();
  return layout.children![0];
}

const all = (node: Node): Node[] => [node, ...(node.children ?? []).flatMap(all)];

describe("a chart in a measuring pass", () => {
  it("is its box alone, the size of the drawn chart, so what follows it stands where it will be drawn", async () => {
    const drawn = await laidOut(false);
    const measured = await laidOut(true);
    expect(all(drawn).some((node) => node.type === "SVG")).toBe(true);
    expect(all(measured).some((node) => node.type === "SVG")).toBe(false);
    const [drawnChart, drawnCaption] = drawn.children![0].children!;
    const [measuredChart, measuredCaption] = measured.children![0].children!;
    // Scaled to the 150 pt it is given: 150 × 60.
    expect(drawnChart.box).toMatchObject({ width: 150, height: 60 });
    expect(measuredChart.box).toEqual(drawnChart.box);
    expect(measuredCaption.box).toEqual(drawnCaption.box);
  });
});
