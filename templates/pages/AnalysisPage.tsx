// A data-analysis section: its narrative, then its charts (two to a page) or the national table.
import { Text, View } from "@react-pdf/renderer";
import type { Section } from "../../src/document/model.ts";
import { ChangeTable } from "../components/ChangeTable.tsx";
import { ChartView, type ChartSet } from "../components/Chart.tsx";
import { PageFrame } from "../components/PageFrame.tsx";
import { RichTextView } from "../components/RichText.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { readingMeasure, styles, textBlock, wholeWords } from "../styles.ts";
import { space, type } from "../../src/design/theme.ts";
import { balanceHeadline } from "../text/ties.ts";

interface Props {
  section: Extract<Section, { kind: "analysis" }>;
  charts: ChartSet;
  runningHeader: string;
  geometry: PageGeometry;
  log: PageLog;
}

export function AnalysisPage({ section, charts, runningHeader, geometry, log }: Props) {
  return (
    <PageFrame runningHeader={runningHeader} geometry={geometry} bookmark={section.title} id={section.id} log={log}>
      <View id={section.id} />
      <Text style={styles.kicker}>{section.kicker}</Text>
      <Text style={styles.h1} hyphenationCallback={wholeWords}>{balanceHeadline(section.title, { fontSize: type.h1, width: textBlock })}</Text>
      <View style={styles.rule} />
      {/* Beside charts the narrative takes the full width, so both band charts fit under it. */}
      <View style={{ width: section.charts.length > 0 ? textBlock : readingMeasure + 60 }}>
        <RichTextView text={section.body} />
      </View>
      {section.charts.map((chart) => (
        <View key={chart.id} wrap={false} style={{ marginTop: space(0.4) }}>
          <Text style={[styles.h3, { marginTop: 0, marginBottom: 2 }]}>{chart.title}</Text>
          <ChartView chart={charts.get(chart.id)} width={textBlock} />
        </View>
      ))}
      {section.table ? <ChangeTable table={section.table} /> : null}
    </PageFrame>
  );
}
