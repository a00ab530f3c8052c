// The measuring pass for a force's two columns (templates/pages/ForcePage.tsx says the design). react-pdf
// cannot flow text from one column into the next (diegomura/react-pdf#304), so before a force's pages
// are laid out, each entry is laid out once more on a page as tall as it needs: its title and lede across
// the text block, then every unit of its body (paragraph, subhead, list item, quote) at column width.
// Their heights in grid lines, and each paragraph's lines, go to the plan (templates/pages/columnFlow.ts);
// the cuts say at which character each line starts, so a paragraph can be set in two pieces.
//
// react-pdf breaks a paragraph's lines over the whole paragraph (Knuth and Plass), so a piece set alone
// may break differently from the same lines in the whole. The layout that follows is read back
// (`misfits`): a piece whose lines differ from the plan's has its split forbidden, and the force is
// planned and laid out again.
import { Document, Page, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import type { ReportDocument, Section } from "../document/model.ts";
import { copyfit, page as theme } from "../design/theme.ts";
import type { ChartSet } from "../../templates/components/Chart.tsx";
import { planColumns, type MeasuredUnit, type Piece } from "../../templates/pages/columnFlow.ts";
import { EntryHead, flowUnits, FlowContext, ForceHead, gridOf, PieceSlot, sliceInlines, textOf, type EntryFlow } from "../../templates/pages/ForcePage.tsx";
import { bodyColumn, styles, textBlock } from "../../templates/styles.ts";
import { PrintEdition } from "../../templates/text/edition.tsx";

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

/** A page as tall as any entry: the measuring page never breaks. */
const tallPage = 1e6;

/** Splits already found not to hold (`entry#unit:line`): planned again without them. */
export type Unsplittable = ReadonlySet<string>;

/** The text area's height on every page (the print edition adds the same bleed above and below). */
const areaHeight = theme.height - theme.marginTop - theme.marginBottom;

const textNode = (node: LayoutNode): LayoutNode | undefined => (node.type === "TEXT" ? node : node.children?.map(textNode).find(Boolean));

/** Each entry of a force measured and planned. */
export async function planForce(section: Force, fit: number, document: ReportDocument, charts: ChartSet, print: boolean, measure: Measure, unsplittable: Unsplittable): Promise<EntryFlow[]> {
  const leading = gridOf(fit);
  const entries = section.entries;
  const units = entries.map(flowUnits);
  const whole = (unit: number, from = 0, to = Number.MAX_SAFE_INTEGER): Piece => ({ unit, from, to, lines: 0, top: true });
  const { layout } = await measure(
    <PrintEdition.Provider value={print}>
      <Document>
        {entries.map((entry, i) => (
          <Page key={entry.id} size={[textBlock, tallPage]} wrap={false} style={{ fontFamily: styles.page.fontFamily, fontSize: styles.page.fontSize, color: styles.page.color }}>
            <View>
              {i === 0 ? <ForceHead section={section} charts={charts} /> : null}
              <EntryHead entry={entry} force={section.title} />
            </View>
            <View style={{ width: bodyColumn }}>
              <FlowContext leading={leading}>
                {units[i].flatMap((unit, u) =>
                  (unit.kind === "list" ? unit.block.items.map((_, k) => whole(u, k, k + 1)) : [whole(u)]).map((piece) => (
                    <PieceSlot key={`${u}:${piece.from}`} entry={entry} units={units[i]} piece={piece} flow={null} leading={leading} furtherReading={document.labels.furtherReading} measuring />
                  )),
                )}
              </FlowContext>
            </View>
          </Page>
        ))}
      </Document>
    </PrintEdition.Provider>,
  );
  const pages = ((layout as LayoutNode).children ?? []).filter((node) => node.type === "PAGE");
  const lines = (height: number) => Math.max(0, Math.ceil(height / leading - 0.01));
  return entries.map((entry, i) => {
    const [head, column] = pages[i].children ?? [];
    const slots = [...(column.children ?? [])];
    const cuts: Record<string, number> = {};
    const measured: MeasuredUnit[] = units[i].map((unit, u) => {
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
    const first = Math.floor((areaHeight - (head.box?.height ?? 0) - 1) / leading);
    const full = Math.floor((areaHeight - 1) / leading);
    // A last page at least as full as the copyfitting rule asks, when there is that much to set.
    const plan = planColumns(measured, first, full, Math.ceil(copyfit.minLastPageFill * full) + 1);
    if (plan.over > 0) throw new Error(`${entry.source.file}: a block of this entry is ${plan.over} lines taller than a column.`);
    return { plan, cuts };
  });
}

/**
 * The pieces of a laid-out force whose lines differ from its plan, as `entry#unit:line` splits to forbid;
 * and whether the pages came out as many as planned.
 */
export function misfits(layout: unknown, section: Force, flows: EntryFlow[]): { splits: string[]; pages: boolean } {
  const splits: string[] = [];
  const visit = (node: LayoutNode, entry: { id: string } | null) => {
    const slot = node.props?.flowSlot;
    if (slot && entry) {
      const [unit, from, to, planned] = slot.split(":").map(Number);
      const text = textNode(node);
      if (text?.lines && text.lines.length !== planned) splits.push(`${entry.id}#${unit}:${from > 0 ? from : to}`);
      return;
    }
    for (const child of node.children ?? []) visit(child, entry);
  };
  // The slots do not say whose they are: pages are dealt to entries in order, as planned.
  const pagesOf = ((layout as LayoutNode).children ?? []).filter((node) => node.type === "PAGE");
  let p = 0;
  for (const [i, flow] of flows.entries()) {
    for (let n = 0; n < flow.plan.pages.length; n++) if (pagesOf[p + n]) visit(pagesOf[p + n], section.entries[i]);
    p += flow.plan.pages.length;
  }
  const planned = flows.reduce((sum, flow) => sum + Math.max(1, flow.plan.pages.length), 0);
  return { splits, pages: pagesOf.length === planned };
}
