import { Page, Text, View } from "@react-pdf/renderer";
import type { Section } from "../../src/document/model.ts";
import type { PageGeometry } from "../geometry.tsx";
import { colours, page, type } from "../../src/design/theme.ts";

export function Cover({ section, geometry }: { section: Extract<Section, { kind: "cover" }>; geometry: PageGeometry }) {
  const inset = page.marginInner + geometry.bleed;
  return (
    <Page size={geometry.size} style={{ backgroundColor: colours.coverField, fontFamily: "Source Sans 3", padding: inset }} bookmark={{ title: "Cover", fit: true }}>
      <View style={{ flexGrow: 1, justifyContent: "space-between", paddingTop: page.marginTop, paddingBottom: page.marginBottom }}>
        <View style={{ width: 64, height: 6, backgroundColor: colours.coverAccent }} />
        <View>
          <Text style={{ fontSize: 46, lineHeight: 1.05, fontWeight: 700, color: colours.coverInk, marginBottom: 18 }}>{section.title}</Text>
          <Text style={{ fontSize: type.h2 + 3, fontWeight: 400, color: colours.coverAccent }}>{section.editionName}</Text>
        </View>
        <Text style={{ fontSize: 72, fontWeight: 700, color: colours.coverInk, lineHeight: 1 }}>{String(section.year)}</Text>
      </View>
      {geometry.cropMarks}
    </Page>
  );
}
