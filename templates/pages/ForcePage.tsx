// A force's page: name, then a side column with its chart and the two differences, then its entries.
import { Link, Text, View } from "@react-pdf/renderer";
import type { ForceDifference, GoodPracticeEntry, Inline, Labels, Section } from "../../src/document/model.ts";
import { BigFigure } from "../components/BigFigure.tsx";
import { ChartView, type ChartSet } from "../components/Chart.tsx";
import { PageFrame } from "../components/PageFrame.tsx";
import { BodyHeadingLevel, Inlines, RichTextView } from "../components/RichText.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { mainColumn, sidebarWidth, styles, textBlock, wholeWords } from "../styles.ts";
import { colours, copyfit, space, type } from "../../src/design/theme.ts";
import { balanceHeadline, tieLastWords } from "../text/ties.ts";
import { printedAddress, usePrintEdition } from "../text/edition.tsx";

interface Props {
  section: Extract<Section, { kind: "force" }>;
  /** Copyfit step (0: as designed); see copyfit in src/design/theme.ts. */
  fit?: number;
  labels: Labels;
  charts: ChartSet;
  runningHeader: string;
  geometry: PageGeometry;
  log: PageLog;
}

function Entry({ entry, first, furtherReading, force, fit }: { entry: GoodPracticeEntry; first: boolean; furtherReading: string; force: string; fit: number }) {
  const print = usePrintEdition();
  const step = fit > 0 ? copyfit.steps[Math.min(fit, copyfit.steps.length) - 1] : null;
  const paragraphStyle = step ? { lineHeight: step.leading / type.body, marginBottom: space(step.paragraphSpace) } : undefined;
  return (
    <View break={!first}>
      <Text role="H2" style={[styles.h2, { fontSize: type.h2 - 2, marginTop: 0, marginBottom: space(0.35), color: colours.women }]} minPresenceAhead={6 * type.leading} hyphenationCallback={wholeWords}>
        {entry.titleMarks ? <Inlines nodes={entry.titleMarks} /> : balanceHeadline(entry.title, { fontSize: type.h2 - 2, width: mainColumn }, [force])}
      </Text>
      {/* Its last two words tied: a lede never ends on one word alone. */}
      <Text style={styles.lede} hyphenationCallback={wholeWords}>
        <Inlines nodes={tieLastWords(entry.lede)} />
      </Text>
      <BodyHeadingLevel.Provider value={3}>
        <RichTextView text={entry.body} paragraphStyle={paragraphStyle} />
      </BodyHeadingLevel.Provider>
      {entry.links.length > 0 ? (
        <View style={{ marginTop: space(0.25) }} wrap={false}>
          <Text style={styles.bigFigureLabel}>{furtherReading}</Text>
          {entry.links.map((link) => (
            <Link key={link.url} src={link.url} style={[styles.link, { fontSize: type.caption }]}>
              {link.text}
              {printedAddress(link.url, link.text, print)}
            </Link>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** Plain text of a figure's inlines: a page's dynamic (render) content is drawn outside React, so no hooks. */
const plain = (nodes: Inline[]): string => nodes.map((n) => (n.type === "text" ? n.value : n.type === "figure" ? n.text : "")).join("");

/** A difference as the side column of a continuation page repeats it: label, figure, note. */
function GlanceFigure({ difference }: { difference: ForceDifference }) {
  return (
    <View style={{ marginBottom: space(0.75) }}>
      <Text style={styles.bigFigureLabel}>{difference.label}</Text>
      <Text style={[styles.bigFigure, { fontSize: type.h2, marginTop: 2, marginBottom: 2 }]}>{`${plain([difference.value])} ${difference.unit}`}</Text>
      <Text style={styles.bigFigureNote}>{plain(difference.note)}</Text>
    </View>
  );
}

export function ForcePage({ section, fit = 0, labels, charts, runningHeader, geometry, log }: Props) {
  const { panel } = section;
  return (
    <PageFrame runningHeader={runningHeader} geometry={geometry} bookmark={section.title} id={section.id} log={log}>
      <View id={section.id} />
      {/* On the force's later pages, in the top margin under the running header: whose pages these are. */}
      <Text
        fixed
        artifact="Pagination"
        style={[styles.continued, { position: "absolute", top: geometry.headerPosition.top + space(0.9), left: geometry.headerPosition.left, right: geometry.headerPosition.right }]}
        render={({ subPageNumber }) => (subPageNumber > 1 ? section.continued : "")}
      />
      {/* Continuation pages keep the side column: the two differences again, at a glance, where a reader
          who opens the page mid-entry looks for them. (Closing the column would set the text at about 115
          characters a line; react-pdf cannot flow it into two columns.) */}
      {panel ? (
        <View
          fixed
          style={{ position: "absolute", top: geometry.pagePadding.paddingTop, left: geometry.headerPosition.left, width: sidebarWidth }}
          render={({ subPageNumber }) => (subPageNumber > 1 ? panel.differences.map((difference) => <GlanceFigure key={difference.id} difference={difference} />) : null)}
        />
      ) : null}
      <Text style={styles.kicker}>{section.kicker}</Text>
      <Text role="H1" style={[styles.h1, { marginBottom: space(0.75) }]} hyphenationCallback={wholeWords}>{balanceHeadline(section.title, { fontSize: type.h1, width: textBlock }, [section.title])}</Text>
      <View style={{ flexDirection: "row", justifyContent: "space-between" }}>
        <View style={{ width: sidebarWidth }}>
          {panel && section.chart ? (
            <>
              <Text style={[styles.bigFigureLabel, { marginBottom: 3 }]} hyphenationCallback={wholeWords}>{panel.chartLabel}</Text>
              <ChartView chart={charts.get(section.chart.id)} width={sidebarWidth} alt={section.chart.alt} />
              <View style={{ height: space(0.75) }} />
              {panel.differences.map((difference) => (
                <BigFigure key={difference.id} difference={difference} />
              ))}
            </>
          ) : (
            <Text style={[styles.caption, { paddingTop: 2 }]} hyphenationCallback={wholeWords}>{section.noFigures}</Text>
          )}
        </View>
        <View style={{ width: mainColumn }}>
          {section.noEntry ? (
            <Text style={styles.caption}>{section.noEntry}</Text>
          ) : (
            section.entries.map((entry, i) => <Entry key={entry.id} entry={entry} first={i === 0} furtherReading={labels.furtherReading} force={section.title} fit={fit} />)
          )}
        </View>
      </View>
    </PageFrame>
  );
}
