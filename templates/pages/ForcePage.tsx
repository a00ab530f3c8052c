// A force's page: name, then a side column with its chart and the two differences, then its entries.
import { Link, Text, View } from "@react-pdf/renderer";
import { percent } from "../../src/document/formatters.ts";
import type { GoodPracticeEntry, Section } from "../../src/document/model.ts";
import { BigFigure } from "../components/BigFigure.tsx";
import { ChartView, type ChartSet } from "../components/Chart.tsx";
import { PageFrame } from "../components/PageFrame.tsx";
import { Inlines, RichTextView } from "../components/RichText.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { mainColumn, sidebarWidth, styles, wholeWords } from "../styles.ts";
import { colours, space, type } from "../../src/design/theme.ts";

interface Props {
  section: Extract<Section, { kind: "force" }>;
  charts: ChartSet;
  runningHeader: string;
  geometry: PageGeometry;
  log: PageLog;
}

function Entry({ entry, first }: { entry: GoodPracticeEntry; first: boolean }) {
  return (
    <View break={!first}>
      <Text style={[styles.h2, { fontSize: type.h2 - 2, marginTop: 0, marginBottom: space(0.35), color: colours.women }]} minPresenceAhead={6 * type.leading} hyphenationCallback={wholeWords}>
        {entry.title}
      </Text>
      <Text style={styles.lede} hyphenationCallback={wholeWords}>
        <Inlines nodes={entry.lede} />
      </Text>
      <RichTextView text={entry.body} />
      {entry.links.length > 0 ? (
        <View style={{ marginTop: space(0.25) }} wrap={false}>
          <Text style={styles.bigFigureLabel}>Further reading</Text>
          {entry.links.map((link) => (
            <Link key={link.url} src={link.url} style={[styles.link, { fontSize: type.caption }]}>
              {link.text}
            </Link>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export function ForcePage({ section, charts, runningHeader, geometry, log }: Props) {
  const { figures } = section;
  return (
    <PageFrame runningHeader={runningHeader} geometry={geometry} bookmark={section.title} id={section.id} log={log}>
      <View id={section.id} />
      <Text style={styles.kicker}>Good practice example</Text>
      <Text style={[styles.h1, { marginBottom: space(0.75) }]} hyphenationCallback={wholeWords}>{section.title}</Text>
      <View style={{ flexDirection: "row", justifyContent: "space-between" }}>
        <View style={{ width: sidebarWidth }}>
          {figures && section.chart ? (
            <>
              <Text style={[styles.bigFigureLabel, { marginBottom: 4 }]}>Women and men among officers</Text>
              <ChartView chart={charts.get(section.chart.id)} width={sidebarWidth} />
              <View style={{ height: space(0.75) }} />
              <BigFigure
                label="Difference in middle management"
                value={figures.middleManagementDifference}
                note={`Women are ${percent(figures.middleManagementWomenPct, 2)} of sergeants and inspectors, ${percent(figures.officersWomenPct, 2)} of all officers.`}
              />
              <BigFigure
                label="Difference in senior leadership"
                value={figures.seniorLeadershipDifference}
                note={`Women are ${percent(figures.seniorLeadershipWomenPct, 2)} of chief inspectors and above.`}
              />
            </>
          ) : (
            <Text style={[styles.caption, { paddingTop: 2 }]}>
              {section.title} is not part of the national workforce data, so this page has no figures.
            </Text>
          )}
        </View>
        <View style={{ width: mainColumn }}>
          {section.entries.length === 0 ? (
            <Text style={styles.caption}>No good-practice entry was received for this edition.</Text>
          ) : (
            section.entries.map((entry, i) => <Entry key={entry.file} entry={entry} first={i === 0} />)
          )}
        </View>
      </View>
    </PageFrame>
  );
}
