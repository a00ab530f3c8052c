// Contents with leaders and page numbers; each line links to its section.
import { Link, Text, View } from "@react-pdf/renderer";
import type { ReportDocument } from "../../src/document/model.ts";
import { PageFrame } from "../components/PageFrame.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { styles, textBlock } from "../styles.ts";
import { colours, page, space, type } from "../../src/design/theme.ts";

export interface ContentsLine {
  id: string;
  title: string;
  /** 0: a part of the report; 1: within a part. */
  level: 0 | 1;
}

/** The lines of the contents, derived from the document so they always match it. */
export function contentsLines(document: ReportDocument): { front: ContentsLine[]; forces: ContentsLine[]; back: ContentsLine[] } {
  const front: ContentsLine[] = [];
  const forces: ContentsLine[] = [];
  const back: ContentsLine[] = [];
  let analysisStarted = false;
  for (const section of document.sections) {
    switch (section.kind) {
      case "foreword":
        front.push({ id: section.id, title: section.outlineTitle, level: 0 });
        break;
      case "summary":
        front.push({ id: section.id, title: section.title, level: 0 });
        break;
      case "analysis":
        // The part's line points at its divider page, which opens it.
        if (!analysisStarted) front.push({ id: "divider/analysis", title: document.labels.dataAnalysis, level: 0 });
        analysisStarted = true;
        front.push({ id: section.id, title: section.title, level: 1 });
        break;
      case "force":
        forces.push({ id: section.id, title: section.title, level: 1 });
        break;
      case "back":
        back.push({ id: section.id, title: section.title, level: 0 });
        break;
    }
  }
  return { front, forces, back };
}

function Line({ line, pageNumber, known, width, indent }: { line: ContentsLine; pageNumber: () => string; known: number | undefined; width: number; indent: boolean }) {
  const strong = line.level === 0;
  // The number's box is as wide as the number (two digits until a pass has found it), so the leader
  // runs right up to it and every number ends on the column's right edge.
  // Source Sans 3's figures are half an em wide.
  const numberWidth = String(known ?? 88).length * 0.5 * (strong ? type.body + 1 : type.body) + 0.5;
  return (
    <Link src={`#${line.id}`} style={{ textDecoration: "none", color: colours.ink }}>
      <View style={{ flexDirection: "row", alignItems: "flex-end", width, marginBottom: strong ? space(0.35) : 2.5 }}>
        <Text style={{ fontWeight: strong ? 600 : 400, paddingLeft: indent ? 10 : 0, fontSize: strong ? type.body + 1 : type.body }}>{line.title}</Text>
        <View style={{ flexGrow: 1, borderBottomWidth: 0.8, borderBottomColor: colours.inkMuted, borderBottomStyle: "dotted", marginLeft: 4, marginRight: 2, marginBottom: 3 }} />
        {/* Resolved after the whole document is paginated, so it can name pages that come later. */}
        <Text style={{ width: numberWidth, textAlign: "right", fontWeight: strong ? 600 : 400, fontSize: strong ? type.body + 1 : type.body }} render={pageNumber} />
      </View>
    </Link>
  );
}

export function Contents({ document, pages, geometry, log }: { document: ReportDocument; pages: PageLog; geometry: PageGeometry; log: PageLog }) {
  const { front, forces, back } = contentsLines(document);
  const number = (id: string) => () => {
    // This pass's page once it is known (after pagination), else the page an earlier pass found.
    const found = log.pageOf(id) ?? pages.pageOf(id);
    // Called once while laying out and again after pagination; the last call is the one printed.
    if (found === undefined) log.missing.add(id);
    else log.missing.delete(id);
    return String(found ?? "");
  };
  const half = Math.ceil(forces.length / 2);
  const columnWidth = (textBlock - page.columnGap * 2) / 2;
  const firstForce = forces[0];
  // The part's line points at its divider page, which opens it.
  const goodPractice: ContentsLine = { id: "divider/good-practice", title: document.labels.goodPracticeByForce, level: 0 };
  return (
    <PageFrame runningHeader={document.meta.runningHeader} geometry={geometry} bookmark={document.labels.contents} id="contents" log={log}>
      <Text role="H1" style={styles.h1}>{document.labels.contents}</Text>
      <View style={{ width: textBlock, marginBottom: space(1) }}>
        {front.map((line, i) => (
          <Line key={`${line.id}-${i}`} line={line} pageNumber={number(line.id)} known={pages.pageOf(line.id)} width={textBlock} indent={line.level === 1} />
        ))}
      </View>
      {firstForce ? (
        <>
          <View style={{ width: textBlock, marginBottom: space(0.15) }}>
            <Line line={goodPractice} pageNumber={number(goodPractice.id)} known={pages.pageOf(goodPractice.id)} width={textBlock} indent={false} />
          </View>
          <View style={{ flexDirection: "row", justifyContent: "space-between" }}>
            {[forces.slice(0, half), forces.slice(half)].map((column, c) => (
              <View key={c} style={{ width: columnWidth }}>
                {column.map((line) => (
                  <Line key={line.id} line={line} pageNumber={number(line.id)} known={pages.pageOf(line.id)} width={columnWidth} indent={false} />
                ))}
              </View>
            ))}
          </View>
        </>
      ) : null}
      {back.length > 0 ? (
        <View style={{ width: textBlock, marginTop: space(1) }}>
          {back.map((line) => (
            <Line key={line.id} line={line} pageNumber={number(line.id)} known={pages.pageOf(line.id)} width={textBlock} indent={false} />
          ))}
        </View>
      ) : null}
      {document.meta.onlineEdition ? (
        // Where the accessible HTML edition of the same document is published.
        <Text style={[styles.caption, { marginTop: space(1) }]}>
          {document.labels.onlineEditionNote}{" "}
          <Link src={document.meta.onlineEdition} style={styles.link}>
            {document.meta.onlineEdition.replace(/^https?:\/\//, "")}
          </Link>
        </Text>
      ) : null}
    </PageFrame>
  );
}
