// A divider page opening a part of the report (the data analysis, the good practice): the cover's colour
// field, the part's number and title, and a line of what it holds, drawn from the document.
import { Page, Text, View } from "@react-pdf/renderer";
import type { ReportDocument } from "../../src/document/model.ts";
import { words } from "../../src/document/labels.ts";
import { PageMarker } from "../components/PageFrame.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { readingMeasure } from "../styles.ts";
import { colours, page, type } from "../../src/design/theme.ts";
import { balanceHeadline } from "../text/ties.ts";

export interface DividerPart {
  kind: "divider";
  /** The page id the contents and the outline point at ("divider/analysis"). */
  id: string;
  /** The section it opens the part before. */
  before: string;
  number: number;
  title: string;
  /** What the part holds, one line in words. */
  holds: string;
  /** The titles it holds, listed under that line (the analysis sections); empty when there are too many. */
  items: string[];
}

export const dividerTitle = { fontSize: 40 } as const;

/** The dividers of a document, in order: before its first analysis section and before its first force. */
export function dividersOf(document: ReportDocument): DividerPart[] {
  const analysis = document.sections.filter((s) => s.kind === "analysis");
  const forces = document.sections.filter((s) => s.kind === "force");
  const dividers: Omit<DividerPart, "number">[] = [];
  if (analysis.length > 0) {
    dividers.push({ kind: "divider", id: "divider/analysis", before: analysis[0].id, title: document.labels.dataAnalysis, holds: words.analysisHolds(analysis.length), items: analysis.map((s) => s.title) });
  }
  if (forces.length > 0) {
    const withEntries = forces.filter((s) => s.entries.length > 0);
    const entries = withEntries.reduce((sum, s) => sum + s.entries.length, 0);
    dividers.push({ kind: "divider", id: "divider/good-practice", before: forces[0].id, title: document.labels.goodPracticeByForce, holds: words.goodPracticeHolds(withEntries.length, entries, forces.length - withEntries.length), items: [] });
  }
  return dividers.map((d, i) => ({ ...d, number: i + 1 }));
}

export function Divider({ part, geometry, log }: { part: DividerPart; geometry: PageGeometry; log: PageLog }) {
  const inset = page.marginInner + geometry.bleed;
  // As on the cover: on screen the field is the page; in print it fills the bleed box, leaving the slug white for the marks.
  const print = geometry.bleed > 0;
  const width = page.width - 2 * page.marginInner;
  return (
    <Page role="Sect" title={part.title} size={geometry.size} style={{ backgroundColor: print ? colours.paper : colours.coverField, fontFamily: "Source Sans 3", padding: inset }} bookmark={{ title: part.title, fit: true }}>
      {print ? <View fixed style={{ position: "absolute", ...geometry.bleedBox, backgroundColor: colours.coverField }} /> : null}
      <PageMarker id={part.id} log={log} />
      {/* The contents link here. */}
      <View id={part.id} />
      {/* The numeral at the same height on every divider, a third of the way down, so they read as a set. */}
      <View style={{ flexGrow: 1, paddingTop: page.height / 3 - page.marginInner }}>
        <Text style={{ fontSize: 96, fontWeight: 700, lineHeight: 1, color: colours.coverAccent, marginBottom: 12 }}>{String(part.number).padStart(2, "0")}</Text>
        <Text role="H1" style={{ fontSize: dividerTitle.fontSize, lineHeight: 1.05, fontWeight: 700, color: colours.coverInk, marginBottom: 16 }} hyphenationCallback={(word: string) => [word]}>
          {balanceHeadline(part.title, { fontSize: dividerTitle.fontSize, width })}
        </Text>
        <View style={{ width: 64, height: 6, backgroundColor: colours.coverAccent, marginBottom: 16 }} />
        <Text style={{ fontSize: type.h2, lineHeight: 1.3, color: colours.coverInk, width: readingMeasure }} hyphenationCallback={(word: string) => [word]}>
          {part.holds}
        </Text>
        {part.items.length > 0 ? (
          <View style={{ marginTop: 14, width: readingMeasure }}>
            {part.items.map((item) => (
              <View key={item} style={{ flexDirection: "row", marginBottom: 4 }}>
                <View style={{ width: 10, height: 1.5, backgroundColor: colours.coverAccent, marginTop: 8, marginRight: 8 }} />
                <Text style={{ fontSize: type.body + 2, lineHeight: 1.3, color: colours.coverInk }}>{item}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>
      {geometry.cropMarks}
    </Page>
  );
}
