// Forces without a good-practice entry, several to a page: each its name, chart and two differences
// (or the note that it has no figures), so an edition with few entries has no three-quarters-empty pages.
// Each force keeps its own id, bookmark and contents line.
import { Text, View } from "@react-pdf/renderer";
import type { Section } from "../../src/document/model.ts";
import { BigFigure } from "../components/BigFigure.tsx";
import { ChartView, type ChartSet } from "../components/Chart.tsx";
import { PageFrame, PageMarker } from "../components/PageFrame.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { sidebarWidth, styles, textBlock, wholeWords } from "../styles.ts";
import { colours, page, space, type } from "../../src/design/theme.ts";
import { balanceHeadline } from "../text/ties.ts";

type ForceSection = Extract<Section, { kind: "force" }>;

/** At most this many forces without entries share a page. */
export const forcesPerPage = 4;

/**
 * Runs of consecutive forces without entries (two or more), each cut into pages of at most
 * `forcesPerPage` forces, as evenly as possible (five make three and two, never four and a lone one).
 * Keyed by the id of each page's first force; forces not in a run are set on their own pages.
 */
export function groupsWithoutEntries(sections: Section[]): Map<string, ForceSection[]> {
  const groups = new Map<string, ForceSection[]>();
  let run: ForceSection[] = [];
  const close = () => {
    if (run.length >= 2) {
      const pages = Math.ceil(run.length / forcesPerPage);
      let from = 0;
      for (let p = 0; p < pages; p++) {
        const size = Math.ceil((run.length - from) / (pages - p));
        groups.set(run[from].id, run.slice(from, from + size));
        from += size;
      }
    }
    run = [];
  };
  for (const section of sections) {
    if (section.kind === "force" && section.entries.length === 0) run.push(section);
    else close();
  }
  close();
  return groups;
}

/** react-pdf draws a bookmark for any element, though its types name it only on Page. */
const bookmarkOf = (title: string) => ({ bookmark: { title, fit: true } }) as object;

export function ForcesWithoutEntries({ forces, charts, runningHeader, geometry, log }: { forces: ForceSection[]; charts: ChartSet; runningHeader: string; geometry: PageGeometry; log: PageLog }) {
  const figuresWidth = (textBlock - sidebarWidth - page.columnGap) / 2;
  return (
    <PageFrame runningHeader={runningHeader} geometry={geometry} log={log}>
      {forces.map((section, i) => (
        <View key={section.id} role="Sect" id={section.id} {...bookmarkOf(section.title)} wrap={false} style={{ paddingTop: i === 0 ? 0 : space(0.75), marginBottom: space(0.75), borderTopWidth: i === 0 ? 0 : 0.5, borderTopColor: colours.rule }}>
          <PageMarker id={section.id} log={log} />
          <Text style={styles.kicker}>{section.kicker}</Text>
          <Text role="H1" style={[styles.h2, { marginTop: 0, color: colours.women }]} hyphenationCallback={wholeWords}>
            {balanceHeadline(section.title, { fontSize: type.h2, width: textBlock }, [section.title])}
          </Text>
          <View style={{ flexDirection: "row", justifyContent: "space-between" }}>
            {section.panel && section.chart ? (
              <>
                <View style={{ width: sidebarWidth }}>
                  <Text style={[styles.bigFigureLabel, { marginBottom: 4 }]} hyphenationCallback={wholeWords}>{section.panel.chartLabel}</Text>
                  <ChartView chart={charts.get(section.chart.id)} width={sidebarWidth} alt={section.chart.alt} />
                </View>
                {section.panel.differences.map((difference) => (
                  <View key={difference.id} style={{ width: figuresWidth - page.columnGap / 2 }}>
                    <BigFigure difference={difference} />
                  </View>
                ))}
              </>
            ) : (
              <Text style={[styles.caption, { width: sidebarWidth + figuresWidth }]} hyphenationCallback={wholeWords}>{section.noFigures}</Text>
            )}
          </View>
          {section.noEntry ? <Text style={[styles.caption, { marginTop: 2 }]} hyphenationCallback={wholeWords}>{section.noEntry}</Text> : null}
        </View>
      ))}
    </PageFrame>
  );
}
