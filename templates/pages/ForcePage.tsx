// A force's pages. The first: kicker and name across the text block, then the panel as a band (the mini
// chart, the two differences beside it), then each entry's title across the width, its lede a little narrower, and
// its body in two columns on a baseline grid (about 55–75 characters a line at the column type size).
//
// Continuation pages close the side column: the body takes both columns of the full text block. The
// two differences are not repeated there ("at a glance"): two columns of a force's text leave no room
// for a side column that still holds 55 characters a line, and the running line in the top margin
// ("Kent Police, continued") already tells a reader who opens the page mid-entry whose pages these are.
//
// react-pdf cannot flow text from one column into the next, so the body is dealt to columns beforehand:
// src/render/forceColumns.tsx lays each unit (paragraph, subhead, list, quote) out at column width,
// templates/pages/columnFlow.ts deals the lines to columns and pages, and this template sets the plan,
// one row of two columns per page, each piece in a slot a whole number of grid lines tall.
import { Link, Text, View } from "@react-pdf/renderer";
import { createContext, useContext, type ReactNode } from "react";
import type { Block, GoodPracticeEntry, Inline, Labels, Section } from "../../src/document/model.ts";
import { BigFigure } from "../components/BigFigure.tsx";
import { ChartView, type ChartSet } from "../components/Chart.tsx";
import { PageFrame } from "../components/PageFrame.tsx";
import { BlockElement, BodyHeadingLevel, ColumnFlow, Footnotes, Inlines, ListBlock, isLeadIn, spokenText } from "../components/RichText.tsx";
import { plainText } from "../../src/document/markdown.ts";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { bodyColumn, ledeMeasure, sidebarWidth, styles, textBlock, wholeWords } from "../styles.ts";
import { colours, copyfit, page, space, type } from "../../src/design/theme.ts";
import { balanceHeadline, tieLastWords } from "../text/ties.ts";
import { printedAddress, usePrintEdition } from "../text/edition.tsx";
import { useMeasuringPass } from "../measuringPass.ts";
import type { ColumnPlan, Piece } from "./columnFlow.ts";

type Force = Extract<Section, { kind: "force" }>;

/** One unit of an entry's body, as the columns deal it. */
export type FlowUnit =
  | { kind: "heading"; block: Extract<Block, { type: "heading" }> }
  | { kind: "paragraph"; block: Extract<Block, { type: "paragraph" }>; inlines: Inline[]; indent: boolean }
  | { kind: "list"; block: Extract<Block, { type: "list" }>; leadIn?: Extract<Block, { type: "paragraph" }>; indent: boolean }
  | { kind: "block"; content: "quote" | "image"; block: Block }
  | { kind: "footnotes"; entry: GoodPracticeEntry }
  | { kind: "links"; entry: GoodPracticeEntry };

/**
 * An entry's body as units, in reading order. A paragraph that follows a paragraph is indented (no space
 * between), unless it holds a hard line break: react-pdf would indent the line after the break too.
 */
export function flowUnits(entry: GoodPracticeEntry): FlowUnit[] {
  const units: FlowUnit[] = [];
  const blocks = entry.body.blocks;
  blocks.forEach((block, i) => {
    if (block.type === "paragraph") {
      // A lead-in is set with the list it introduces.
      if (isLeadIn(block) && blocks[i + 1]?.type === "list") return;
      units.push({ kind: "paragraph", block, inlines: tieLastWords(block.children), indent: blocks[i - 1]?.type === "paragraph" && !hasBreak(block.children) });
    } else if (block.type === "heading") units.push({ kind: "heading", block });
    else if (block.type === "list") {
      const previous = blocks[i - 1];
      units.push({ kind: "list", block, ...(isLeadIn(previous) ? { leadIn: previous } : {}), indent: isLeadIn(previous) && blocks[i - 2]?.type === "paragraph" });
    } else units.push({ kind: "block", content: block.type === "quote" ? "quote" : "image", block });
  });
  if (entry.body.footnotes.length > 0) units.push({ kind: "footnotes", entry });
  if (entry.links.length > 0) units.push({ kind: "links", entry });
  return units;
}

const hasBreak = (nodes: Inline[]): boolean => nodes.some((n) => n.type === "break" || ("children" in n && hasBreak(n.children)));

/** An entry's plan, made by src/render/forceColumns.tsx: its pages of columns and where its paragraphs split. */
export interface EntryFlow {
  plan: ColumnPlan;
  /** A later entry starts a page of its own when the one before leaves too little room for its title, lede and a few lines. */
  newPage: boolean;
  /** The height of the entry's head (with the force's on its first), a whole number of grid lines: the columns under it stand on the page's grid. */
  head: number;
  /** `unit:line` → the character of the paragraph's text (as set) its line `line` starts at. */
  cuts: Record<string, number>;
}

/** Each force's entries' plans, by section id; a force page with entries and no plan is a mistake, and throws. */
export const ForceFlows = createContext<ReadonlyMap<string, EntryFlow[]> | null>(null);

/** The grid: the body's leading at a copyfit step (0: as designed). */
export function gridOf(fit: number): number {
  const step = fit > 0 ? copyfit.steps[Math.min(fit, copyfit.steps.length) - 1] : null;
  return step ? step.leading : type.leading;
}

const paragraphStyle = (leading: number, indent: boolean) => ({ ...styles.paragraph, fontSize: type.columnBody, lineHeight: leading / type.columnBody, marginBottom: 0, textIndent: indent ? type.columnBody * 1.5 : 0 });

/** The characters a run of inlines sets, as react-pdf lays them out (link addresses in print included). */
function inlineText(node: Inline, print: boolean): string {
  switch (node.type) {
    case "text":
      return node.value;
    case "figure":
      return node.text;
    case "break":
      return "\n";
    case "footnoteRef":
      return String(node.number);
    case "link":
      return node.children.map((c) => inlineText(c, print)).join("") + printedAddress(node.url, plainText(node.children), print);
    default:
      return node.children.map((c) => inlineText(c, print)).join("");
  }
}

export const textOf = (nodes: Inline[], print: boolean): string => nodes.map((n) => inlineText(n, print)).join("");

/**
 * The inlines from character `start` to `end` of their text. Null when a cut falls inside a link or a
 * footnote mark, which are not cut (a link's printed address follows its words).
 */
export function sliceInlines(nodes: Inline[], start: number, end: number, print: boolean): Inline[] | null {
  const out: Inline[] = [];
  let at = 0;
  for (const node of nodes) {
    const length = inlineText(node, print).length;
    const from = Math.max(start, at);
    const to = Math.min(end, at + length);
    if (to > from) {
      if (from === at && to === at + length) out.push(node);
      else if (node.type === "text") out.push({ type: "text", value: node.value.slice(from - at, to - at) });
      else if (node.type === "figure") out.push({ type: "text", value: node.text.slice(from - at, to - at) });
      else if (node.type === "emphasis" || node.type === "strong" || node.type === "insert" || node.type === "delete") {
        const children = sliceInlines(node.children, from - at, to - at, print);
        if (!children) return null;
        out.push({ ...node, children });
      } else return null;
    }
    at += length;
  }
  return out;
}

/** The pieces' keys for tagging: every piece of one paragraph or list names the same key, and reads as one element. */
const pieceKey = (entry: GoodPracticeEntry, unit: number) => `${entry.id}#${unit}`;

function PieceContent({ entry, unit, index, piece, leading, cutsOf, furtherReading }: { entry: GoodPracticeEntry; unit: FlowUnit; index: number; piece: Piece; leading: number; cutsOf: (line: number) => number; furtherReading: string }) {
  const print = usePrintEdition();
  switch (unit.kind) {
    case "heading":
      return (
        <View style={{ paddingTop: piece.top ? 0 : leading }}>
          <BlockElement block={unit.block} />
        </View>
      );
    case "paragraph": {
      const text = textOf(unit.inlines, print);
      const start = piece.from > 0 ? cutsOf(piece.from) : 0;
      const end = cutsOf(piece.to);
      const nodes = start === 0 && end >= text.length ? unit.inlines : sliceInlines(unit.inlines, start, end, print);
      if (!nodes) throw new Error(`${entry.id}: a paragraph was planned to split inside a link.`);
      const split = nodes !== unit.inlines;
      return (
        <Text style={paragraphStyle(leading, unit.indent && piece.from === 0)} continues={split ? pieceKey(entry, index) : undefined} actual={spokenText(unit.block.children)}>
          <Inlines nodes={trimEnd(nodes)} />
        </Text>
      );
    }
    case "list": {
      const leadIn = unit.leadIn ? <BlockElement block={unit.leadIn} paragraphStyle={paragraphStyle(leading, unit.indent)} /> : undefined;
      return <ListBlock block={unit.block} depth={0} leadIn={leadIn} range={{ from: piece.from, to: piece.to, continues: pieceKey(entry, index) }} />;
    }
    case "block":
      return <BlockElement block={unit.block} />;
    case "footnotes":
      return <Footnotes footnotes={unit.entry.body.footnotes} />;
    case "links":
      return <FurtherReading entry={unit.entry} label={furtherReading} above={leading} />;
  }
}

/** A fragment's trailing space: the line it ended on did not set it either. */
function trimEnd(nodes: Inline[]): Inline[] {
  const last = nodes.at(-1);
  if (last?.type !== "text") return nodes;
  return [...nodes.slice(0, -1), { ...last, value: last.value.trimEnd() }];
}

/** An entry's links, a grid line under its text. */
function FurtherReading({ entry, label, above }: { entry: GoodPracticeEntry; label: string; above: number }) {
  const print = usePrintEdition();
  return (
    <View style={{ paddingTop: above }}>
      <Text style={styles.bigFigureLabel}>{label}</Text>
      {entry.links.map((link) => (
        <Link key={link.url} src={link.url} style={[styles.link, { fontSize: type.caption }]}>
          {link.text}
          {printedAddress(link.url, link.text, print)}
        </Link>
      ))}
    </View>
  );
}

/** A piece in its slot: a whole number of grid lines tall, so both columns keep the grid. */
export function PieceSlot({ entry, units, piece, flow, leading, furtherReading }: { entry: GoodPracticeEntry; units: FlowUnit[]; piece: Piece; flow: EntryFlow | null; leading: number; furtherReading: string }) {
  const measuring = useMeasuringPass();
  const cutsOf = (line: number): number => {
    const unit = units[piece.unit];
    if (unit.kind !== "paragraph") return 0;
    const cut = flow?.cuts[`${piece.unit}:${line}`];
    return cut ?? Number.MAX_SAFE_INTEGER;
  };
  return (
    <View style={measuring ? {} : { height: piece.lines * leading }} flowSlot={units[piece.unit].kind === "paragraph" ? `${entry.id}|${piece.unit}:${piece.from}:${piece.to}:${piece.lines}` : undefined}>
      <PieceContent entry={entry} unit={units[piece.unit]} index={piece.unit} piece={piece} leading={leading} cutsOf={cutsOf} furtherReading={furtherReading} />
    </View>
  );
}

/** The width of each of the panel's two differences, beside the chart. */
export const panelFigureWidth = (textBlock - sidebarWidth - 2 * page.columnGap) / 2;

/** The force's name and panel: the top of its first page. */
export function ForceHead({ section, charts }: { section: Force; charts: ChartSet }) {
  const { panel } = section;
  return (
    <View>
      <Text style={styles.kicker}>{section.kicker}</Text>
      <Text role="H1" style={[styles.h1, { marginBottom: space(0.75) }]} hyphenationCallback={wholeWords}>{balanceHeadline(section.title, { fontSize: type.h1, width: textBlock }, [section.title])}</Text>
      {panel && section.chart ? (
        // The panel as a band: chart, then the two differences side by side, their labels on two lines so both figures stand level.
        <View style={{ flexDirection: "row", justifyContent: "space-between", marginBottom: space(1), paddingBottom: space(0.25), borderBottomWidth: 0.5, borderBottomColor: colours.rule }}>
          <View style={{ width: sidebarWidth }}>
            <Text style={[styles.bigFigureLabel, { marginBottom: 3 }]} hyphenationCallback={wholeWords}>{panel.chartLabel}</Text>
            <ChartView chart={charts.get(section.chart.id)} width={sidebarWidth} alt={section.chart.alt} />
          </View>
          {panel.differences.map((difference) => (
            <View key={difference.id} style={{ width: panelFigureWidth }}>
              <BigFigure difference={difference} labelLines={2} />
            </View>
          ))}
        </View>
      ) : (
        <Text style={[styles.caption, { marginBottom: space(1) }]} hyphenationCallback={wholeWords}>{section.noFigures}</Text>
      )}
    </View>
  );
}

/** Space above a later entry's title where it follows the one before on the same page. */
export const entryGap = space(1.5);

/** An entry's title and lede, across the text block. */
export function EntryHead({ entry, force, follows = false }: { entry: GoodPracticeEntry; force: string; follows?: boolean }) {
  return (
    <View style={{ marginBottom: space(0.5), marginTop: follows ? entryGap : 0 }}>
      <Text role="H2" style={[styles.h2, { fontSize: type.h2 - 2, marginTop: 0, marginBottom: space(0.35), color: colours.women }]} hyphenationCallback={wholeWords}>
        {entry.titleMarks ? <Inlines nodes={entry.titleMarks} /> : balanceHeadline(entry.title, { fontSize: type.h2 - 2, width: textBlock }, [force])}
      </Text>
      {/* Its last two words tied: a lede never ends on one word alone. */}
      <Text style={[styles.lede, { maxWidth: ledeMeasure }]} hyphenationCallback={wholeWords}>
        <Inlines nodes={tieLastWords(entry.lede)} />
      </Text>
    </View>
  );
}

/** Body text context for pieces: subheads one level under the entry's title, lines on the grid. */
export function FlowContext({ leading, children }: { leading: number; children: ReactNode }) {
  return (
    <BodyHeadingLevel.Provider value={3}>
      <ColumnFlow.Provider value={{ leading, size: type.columnBody }}>{children}</ColumnFlow.Provider>
    </BodyHeadingLevel.Provider>
  );
}

function Entry({ entry, head, flow, leading, furtherReading }: { entry: GoodPracticeEntry; head: ReactNode; flow: EntryFlow; leading: number; furtherReading: string }) {
  const units = flowUnits(entry);
  return (
    <>
      <View break={flow.newPage} style={{ height: flow.head }}>
        {head}
      </View>
      <FlowContext leading={leading}>
        {flow.plan.pages.map((columns, p) => (
          <View key={p} break={p > 0} wrap={false} style={{ flexDirection: "row", justifyContent: "space-between" }}>
            {columns.map((column, c) => (
              <View key={c} style={{ width: bodyColumn }}>
                {column.map((piece) => (
                  <PieceSlot key={`${piece.unit}:${piece.from}`} entry={entry} units={units} piece={piece} flow={flow} leading={leading} furtherReading={furtherReading} />
                ))}
              </View>
            ))}
          </View>
        ))}
      </FlowContext>
    </>
  );
}

interface Props {
  section: Force;
  /** Copyfit step (0: as designed); see copyfit in src/design/theme.ts. */
  fit?: number;
  labels: Labels;
  charts: ChartSet;
  runningHeader: string;
  geometry: PageGeometry;
  log: PageLog;
}

export function ForcePage({ section, fit = 0, labels, charts, runningHeader, geometry, log }: Props) {
  const flows = useContext(ForceFlows);
  const leading = gridOf(fit);
  const entryFlows = section.entries.length > 0 ? flows?.get(section.id) : [];
  if (!entryFlows || entryFlows.length !== section.entries.length) throw new Error(`${section.id}: no column plan for its entries (src/render/forceColumns.tsx makes one before the layout).`);
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
      {section.noEntry ? (
        <>
          <ForceHead section={section} charts={charts} />
          <Text style={styles.caption}>{section.noEntry}</Text>
        </>
      ) : (
        section.entries.map((entry, i) => (
          <Entry
            key={entry.id}
            entry={entry}
            head={
              <>
                {i === 0 ? <ForceHead section={section} charts={charts} /> : null}
                <EntryHead entry={entry} force={section.title} follows={i > 0 && !entryFlows[i].newPage} />
              </>
            }
            flow={entryFlows[i]}
            leading={leading}
            furtherReading={labels.furtherReading}
          />
        ))
      )}
    </PageFrame>
  );
}

declare module "@react-pdf/renderer" {
  interface NodeProps {
    /** A piece's slot, `unit:from:to:lines`: src/render/forceColumns.tsx finds it in the layout to check its lines. */
    flowSlot?: string;
  }
}
