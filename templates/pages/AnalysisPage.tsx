// A data-analysis section: its narrative, then its charts (two to a page) or the national table.
import { Text, View } from "@react-pdf/renderer";
import type { Block, ChartFigure, RichText, Section } from "../../src/document/model.ts";
import type { RenderedChart } from "../../src/charts/renderedChart.ts";
import { measureText } from "../../src/charts/textMetrics.ts";
import { blockTexts } from "../../src/document/markdown.ts";
import { ChangeTable } from "../components/ChangeTable.tsx";
import { ChartView, type ChartSet } from "../components/Chart.tsx";
import { PageFrame, PageMarker } from "../components/PageFrame.tsx";
import { RichTextView } from "../components/RichText.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { bodyColumn, readingMeasure, styles, textAreaHeight, textBlock, wholeWords } from "../styles.ts";
import { colours, space, type } from "../../src/design/theme.ts";
import { balanceHeadline } from "../text/ties.ts";

type AnalysisSection = Extract<Section, { kind: "analysis" }>;

interface Props {
  section: AnalysisSection;
  /** Short sections set on after this one, on its page (see followsOnPage). */
  followers?: AnalysisSection[];
  charts: ChartSet;
  runningHeader: string;
  geometry: PageGeometry;
  log: PageLog;
}

/** The narrative in two halves of about equal length, split between blocks; footnotes go with the second. */
function splitBlocks(body: RichText): [RichText, RichText] {
  const length = (b: Block) => JSON.stringify(b).length;
  const total = body.blocks.reduce((sum, b) => sum + length(b), 0);
  let at = 0;
  let sum = 0;
  while (at < body.blocks.length - 1 && sum + length(body.blocks[at]) / 2 < total / 2) sum += length(body.blocks[at++]);
  // A heading stays with what follows it.
  while (at > 1 && body.blocks[at - 1].type === "heading") at--;
  return [
    { ...body, blocks: body.blocks.slice(0, Math.max(1, at)), footnotes: [] },
    { ...body, blocks: body.blocks.slice(Math.max(1, at)) },
  ];
}

/**
 * A short analysis section of text alone (no chart, no table, a few blocks) follows the section before it
 * on its page instead of opening a page it would leave two-thirds empty ("Notes on the data").
 */
export function followsOnPage(section: Section, previous: Section | undefined): boolean {
  return section.kind === "analysis" && previous?.kind === "analysis" && section.charts.length === 0 && !section.table && section.body.blocks.length <= 3;
}

/** The short sections that follow `section` on its page, in order. */
export function followersOf(sections: Section[], section: Section): AnalysisSection[] {
  const followers: AnalysisSection[] = [];
  for (let i = sections.indexOf(section) + 1; i < sections.length && followsOnPage(sections[i], sections[i - 1]); i++) followers.push(sections[i] as AnalysisSection);
  return followers;
}

// A chart's block on the page: the gap above it, its heading, the drawing, its source note. The
// template sets them with these figures, and trendPlotHeights plans with the same ones.
const chartGap = space(0.4);
const chartHeadingBelow = space(0.5);
const chartHeading = type.h3 * 1.25;
const sourceNoteAbove = 2;

function chartBlockHeight(figure: ChartFigure, drawn: RenderedChart): number {
  const scale = Math.min(1, textBlock / drawn.width);
  return chartGap + chartHeading + chartHeadingBelow + drawn.height * scale + (figure.sourceNote ? sourceNoteAbove + type.caption * 1.4 : 0);
}

/** The kicker, title and rule over a section: at least (one line of title) and at most (two lines). */
const titleBlock = { least: 55, most: 90 };

/** More than the narrative's height in two columns can be: its words' width over both columns, a tenth more for ragged lines, a line more for each block. */
function narrativeAtMost(body: RichText): number {
  const width = measureText(blockTexts(body.blocks).join(" "), { fontSize: type.body });
  const lines = (1.1 * width) / (2 * bodyColumn) + body.blocks.length + 2;
  return lines * type.leading + body.blocks.length * space(0.4);
}


/**
 * Plot heights for trend charts that close a page: a section whose first chart fits under its text and
 * whose second cannot follow it there (even with no text) opens its second page with that chart; a trend
 * chart after it is drawn to fill the rest of that page (up to about twice as wide as tall), instead of
 * leaving its lower third empty. In the 2024 sample: the middle-management trend under the 2024 band chart.
 */
export function trendPlotHeights(sections: Section[], charts: ChartSet, drawnPlotHeight: number, maxPlotHeight: number): Map<string, number> {
  const heights = new Map<string, number>();
  for (const section of sections) {
    if (section.kind !== "analysis" || section.charts.length !== 3 || section.charts[2].kind !== "trend") continue;
    const [first, second, trend] = section.charts;
    const [a, b, t] = [first, second, trend].map((c) => charts.get(c.id));
    if (!a || !b || !t) continue;
    const firstOnFirstPage = titleBlock.most + narrativeAtMost(section.body) + chartBlockHeight(first, a) <= textAreaHeight;
    const secondOpensPage = titleBlock.least + chartBlockHeight(first, a) + chartBlockHeight(second, b) > textAreaHeight;
    if (!firstOnFirstPage || !secondOpensPage) continue;
    // A line of slack: react-pdf must never find the chart a point too tall for the page.
    const room = textAreaHeight - chartBlockHeight(second, b) - chartBlockHeight(trend, t) - type.leading;
    if (room > 0) heights.set(trend.id, Math.min(maxPlotHeight, Math.floor(drawnPlotHeight + room)));
  }
  return heights;
}

/** react-pdf draws a bookmark for any element, though its types name it only on Page. */
const bookmarkOf = (title: string) => ({ bookmark: { title, fit: true } }) as object;

export function AnalysisPage({ section, followers = [], charts, runningHeader, geometry, log }: Props) {
  return (
    <PageFrame runningHeader={runningHeader} geometry={geometry} bookmark={section.title} id={section.id} log={log}>
      <View id={section.id} />
      <Text style={styles.kicker}>{section.kicker}</Text>
      <Text role="H1" style={styles.h1} hyphenationCallback={wholeWords}>{balanceHeadline(section.title, { fontSize: type.h1, width: textBlock })}</Text>
      <View style={styles.rule} />
      {/* About 75 characters a line at most: above charts the narrative runs in two columns (split
          between paragraphs), so both charts still fit under it; elsewhere one column at the reading measure. */}
      {section.charts.length > 0 && section.body.blocks.length > 1 ? (
        <View style={{ flexDirection: "row", justifyContent: "space-between", width: textBlock }}>
          {splitBlocks(section.body).map((half, i) => (
            <View key={i} style={{ width: bodyColumn }}>
              <RichTextView text={half} />
            </View>
          ))}
        </View>
      ) : (
        <View style={{ width: readingMeasure }}>
          <RichTextView text={section.body} />
        </View>
      )}
      {section.charts.map((chart) => (
        <View key={chart.id} wrap={false} style={{ marginTop: chartGap }}>
          <Text role="H2" style={[styles.h3, { marginTop: 0, marginBottom: chartHeadingBelow }]}>{chart.title}</Text>
          <ChartView chart={charts.get(chart.id)} width={textBlock} alt={chart.alt} />
          {chart.sourceNote ? <Text style={[styles.caption, { marginTop: sourceNoteAbove }]}>{chart.sourceNote}</Text> : null}
        </View>
      ))}
      {section.table ? <ChangeTable table={section.table} /> : null}
      {followers.map((follower) => (
        <View key={follower.id} id={follower.id} role="Sect" {...bookmarkOf(follower.title)} style={{ marginTop: space(1.5), paddingTop: space(0.75), borderTopWidth: 0.5, borderTopColor: colours.rule }}>
          <PageMarker id={follower.id} log={log} />
          <Text style={styles.kicker}>{follower.kicker}</Text>
          {/* A section of its own, set on after the one before: its title is its H1, whatever its size. */}
          <Text role="H1" style={[styles.h2, { marginTop: 0 }]} minPresenceAhead={3 * type.leading} hyphenationCallback={wholeWords}>{follower.title}</Text>
          <View style={{ width: readingMeasure }}>
            <RichTextView text={follower.body} />
          </View>
        </View>
      ))}
    </PageFrame>
  );
}
