// The measuring pass for a force's two columns (templates/pages/ForcePage.tsx says the design). react-pdf
// cannot flow text from one column into the next (diegomura/react-pdf#304), so before a force's pages
// are laid out, each entry is laid out once more on a page as tall as it needs: its title and lede across
// the text block, then every unit of its body (paragraph, subhead, list item, quote) at column width.
// Their heights in grid lines, and each paragraph's lines, go to the plan (templates/pages/columnFlow.ts);
// the cuts say at which character each line starts, so a paragraph can be set in two pieces. The pass
// is never drawn, so templates leave out of it what does not change a height (templates/measuringPass.ts).
//
// react-pdf breaks a paragraph's lines over the whole paragraph (Knuth and Plass), so a piece set alone
// may break differently from the same lines in the whole. The layout that follows is read back
// (`misfits`): a piece whose lines differ from the plan's has its split forbidden, and the force is
// planned and laid out again.
import { Document, Page, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import type { GoodPracticeEntry, ReportDocument, Section } from "../document/model.ts";
import { realPath, type DocumentRoots } from "../document/bindings.ts";
import { BuildError } from "../diagnostics/diagnostic.ts";
import { count } from "../domain/plural.ts";
import { copyfit } from "../design/theme.ts";
import type { ChartSet } from "../../templates/components/Chart.tsx";
import { planColumns, type MeasuredUnit, type Piece } from "../../templates/pages/columnFlow.ts";
import { EntryHead, entryGap, flowUnits, FlowContext, ForceHead, gridOf, PieceSlot, sliceInlines, textOf, type EntryFlow, type FlowUnit } from "../../templates/pages/ForcePage.tsx";
import { bodyColumn, styles, textAreaHeight as areaHeight, textBlock } from "../../templates/styles.ts";
import { PrintEdition } from "../../templates/text/edition.tsx";
import { MeasuringPass } from "../../templates/measuringPass.ts";

type Force = Extract<Section, { kind: "force" }>;

/** The parts of react-pdf's layout tree read here. */
interface LayoutNode {
  type?: string;
  props?: { flowSlot?: string };
  box?: { height: number };
  lines?: { string: string }[];
  children?: LayoutNode[];
}

/** Laid out, not drawn: src/render/layoutParts.tsx `layOut`. */
export type Measure = (element: ReactElement) => Promise<{ layout: unknown }>;

/** A later entry starts a new page unless its title and lede and this many lines (in each column) fit under the one before. */
const minFirstLines = 6;

/** A page as tall as any entry: the measuring page never breaks. */
const tallPage = 1e6;

/** Splits already found not to hold (`entry#unit:line`): planned again without them. */
export type Unsplittable = ReadonlySet<string>;


const textNode = (node: LayoutNode): LayoutNode | undefined => (node.type === "TEXT" ? node : node.children?.map(textNode).find(Boolean));

/** An entry's units as laid out in the measuring column (one slot each, a list one per item), in grid lines. */
function measureUnits(entry: GoodPracticeEntry, units: FlowUnit[], slots: LayoutNode[], lines: (height: number) => number, print: boolean, unsplittable: Unsplittable) {
  const cuts: Record<string, number> = {};
  const measured: MeasuredUnit[] = units.map((unit, u) => {
    if (unit.kind === "list") {
      const items = unit.block.items.map(() => lines(slots.shift()?.box?.height ?? 0));
      return { kind: "list", items, after: 0 };
    }
    const slot = slots.shift();
    const height = slot?.box?.height ?? 0;
    if (unit.kind === "heading") return { kind: "heading", lines: lines(height), above: 1 };
    if (unit.kind !== "paragraph") return { kind: "block", lines: lines(height) };
    const text = textOf(unit.inlines, print);
    const laid = (slot && textNode(slot)?.lines) ?? [];
    const breaks: boolean[] = [false];
    let at = 0;
    laid.forEach((line, k) => {
      at += line.string.length;
      if (k === 0 || k + 1 >= laid.length) return;
      // A line may end a column when it ends between words, the set text agrees with the document's
      // text there, the cut is not in a link, and no earlier pass found the split not to hold.
      const ok = /\s$/.test(line.string) && /\s/.test(text[at - 1] ?? "") && !unsplittable.has(`${entry.id}#${u}:${k + 1}`) && sliceInlines(unit.inlines, 0, at, print) !== null;
      breaks[k + 1] = ok;
      if (ok) cuts[`${u}:${k + 1}`] = at;
    });
    return { kind: "paragraph", lines: Math.max(laid.length, lines(height)), breaks };
  });
  return { measured, cuts };
}

/** Each entry of a force measured and planned. */
export async function planForce(section: Force, fit: number, document: ReportDocument, charts: ChartSet, print: boolean, measure: Measure, unsplittable: Unsplittable, roots: DocumentRoots): Promise<EntryFlow[]> {
  const leading = gridOf(fit);
  const entries = section.entries;
  const units = entries.map(flowUnits);
  const whole = (unit: number, from = 0, to = Number.MAX_SAFE_INTEGER): Piece => ({ unit, from, to, lines: 0, top: true });
  const { layout } = await measure(
    <PrintEdition.Provider value={print}>
      <MeasuringPass.Provider value={true}>
        <Document>
          {entries.map((entry, i) => (
            <Page key={entry.id} size={[textBlock, tallPage]} wrap={false} style={{ fontFamily: styles.page.fontFamily, fontSize: styles.page.fontSize, color: styles.page.color }}>
              <View>
                {i === 0 ? <ForceHead section={section} charts={charts} /> : null}
                <EntryHead entry={entry} force={section.title} follows={i > 0} />
              </View>
              <View style={{ width: bodyColumn }}>
                <FlowContext leading={leading}>
                  {units[i].flatMap((unit, u) =>
                    (unit.kind === "list" ? unit.block.items.map((_, k) => whole(u, k, k + 1)) : [whole(u)]).map((piece) => (
                      <PieceSlot key={`${u}:${piece.from}`} entry={entry} units={units[i]} piece={piece} flow={null} leading={leading} furtherReading={document.labels.furtherReading} />
                    )),
                  )}
                </FlowContext>
              </View>
            </Page>
          ))}
        </Document>
      </MeasuringPass.Provider>
    </PrintEdition.Provider>,
  );
  const pages = ((layout as LayoutNode).children ?? []).filter((node) => node.type === "PAGE");
  const lines = (height: number) => Math.max(0, Math.ceil(height / leading - 0.01));
  const full = Math.floor((areaHeight - 1) / leading);
  // Where the page stands: the height set on it so far, from the top of the text area.
  let y = 0;
  return entries.map((entry, i) => {
    const [head, column] = pages[i].children ?? [];
    const { measured, cuts } = measureUnits(entry, units[i], [...(column.children ?? [])], lines, print, unsplittable);
    // A later entry follows the one before on its page when its title, lede and a few lines fit under it.
    let headHeight = head.box?.height ?? 0;
    const newPage = i > 0 && y + headHeight + minFirstLines * leading > areaHeight;
    if (newPage) {
      headHeight -= entryGap;
      y = 0;
    }
    // The head takes whole grid lines, so every page's columns stand on one grid from the top of the text area.
    headHeight = Math.ceil(headHeight / leading - 0.01) * leading;
    const first = Math.floor((areaHeight - y - headHeight - 1) / leading);
    // The force's last page at least as full as the copyfitting rule asks, when there is that much to set.
    const minLast = i === entries.length - 1 ? Math.ceil(copyfit.minLastPageFill * full) + 1 : 0;
    const plan = planColumns(measured, first, full, minLast);
    if (plan.over) throw tooTall(entry, units[i][plan.over.unit], plan.over.lines, roots);
    const last = plan.pages.at(-1) ?? [[], []];
    const deepest = Math.max(...last.map((column) => column.reduce((sum, piece) => sum + piece.lines, 0)));
    y = (plan.pages.length === 1 ? y + headHeight : 0) + deepest * leading;
    return { plan, cuts, newPage, head: headHeight };
  });
}

/** A block that no column holds (a quote, list item or paragraph too long to break): an error where it was written. */
function tooTall(entry: GoodPracticeEntry, unit: FlowUnit, lines: number, roots: DocumentRoots): BuildError {
  const source = ("block" in unit ? unit.block.source : null) ?? entry.source;
  const what = unit.kind === "block" ? (unit.content === "quote" ? "quote" : "image") : unit.kind === "list" ? "list item" : unit.kind === "footnotes" ? "set of footnotes" : unit.kind === "links" ? "list of links" : unit.kind;
  return new BuildError([
    {
      severity: "error",
      file: realPath(source.file, roots),
      line: source.line,
      column: source.column,
      rule: "block-too-tall",
      message: `This ${what} is ${count(lines, "line")} taller than a column of the force's page, and cannot be set in one: cut it or break it up.`,
    },
  ]);
}

/**
 * The pieces of a laid-out force whose lines differ from its plan, as `entry#unit:line` splits to forbid;
 * and whether the pages came out as many as planned.
 */
export function misfits(layout: unknown, flows: EntryFlow[]): { splits: string[]; pages: boolean } {
  const splits: string[] = [];
  const visit = (node: LayoutNode) => {
    const slot = node.props?.flowSlot;
    if (slot) {
      const [entry, piece] = slot.split("|");
      const [unit, from, to, planned] = piece.split(":").map(Number);
      const text = textNode(node);
      if (text?.lines && text.lines.length !== planned) splits.push(`${entry}#${unit}:${from > 0 ? from : to}`);
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  const pagesOf = ((layout as LayoutNode).children ?? []).filter((node) => node.type === "PAGE");
  for (const page of pagesOf) visit(page);
  // The first entry's pages, then each later entry's: all but its first, which is a new page only when planned so.
  const planned = flows.reduce((sum, flow, i) => sum + flow.plan.pages.length - (i > 0 && !flow.newPage ? 1 : 0), 0);
  return { splits, pages: pagesOf.length === planned };
}
