import { Page, Text, View } from "@react-pdf/renderer";
import type { ReportDocument } from "../../src/document/model.ts";
import type { PageGeometry } from "../geometry.tsx";
import { colours, page, type } from "../../src/design/theme.ts";
import { balanceHeadline } from "../text/ties.ts";

/** The cover title's size, and the names it never splits across lines. */
export const coverTitle = { fontSize: 46, keepTogether: ["UK Policing"] } as const;

export function Cover({ meta, bookmark, geometry }: { meta: ReportDocument["meta"]; bookmark: string; geometry: PageGeometry }) {
  const inset = page.marginInner + geometry.bleed;
  // On screen the field is the page; in print it fills the bleed box, leaving the slug white for the marks.
  const print = geometry.bleed > 0;
  return (
    <Page role="Sect" size={geometry.size} style={{ backgroundColor: print ? colours.paper : colours.coverField, fontFamily: "Source Sans 3", padding: inset }} bookmark={{ title: bookmark, fit: true }}>
      {print ? <View fixed style={{ position: "absolute", ...geometry.bleedBox, backgroundColor: colours.coverField }} /> : null}
      <View style={{ flexGrow: 1, justifyContent: "space-between", paddingTop: page.marginTop, paddingBottom: page.marginBottom }}>
        <View style={{ width: 64, height: 6, backgroundColor: colours.coverAccent }} />
        <View>
          {/* Balanced over its lines: never one word alone, never "UK Policing" parted; a longer title takes more lines of even length. */}
          <Text role="H1" style={{ fontSize: coverTitle.fontSize, lineHeight: 1.05, fontWeight: 700, color: colours.coverInk, marginBottom: 18 }} hyphenationCallback={(word: string) => [word]}>
            {balanceHeadline(meta.title, { fontSize: coverTitle.fontSize, width: page.width - 2 * page.marginInner }, [...coverTitle.keepTogether])}
          </Text>
          <Text style={{ fontSize: type.h2 + 3, fontWeight: 400, color: colours.coverAccent }}>{meta.editionName}</Text>
        </View>
        <Text style={{ fontSize: 72, fontWeight: 700, color: colours.coverInk, lineHeight: 1 }}>{String(meta.year)}</Text>
      </View>
      {geometry.cropMarks}
    </Page>
  );
}
