// The document's blocks and inlines as react-pdf elements.
import { Image, Link, Text, View } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import type { ReactNode } from "react";
import type { Block, Inline, RichText as RichTextModel } from "../../src/document/model.ts";
import { plainText } from "../../src/document/markdown.ts";
import { useAsset } from "../assets.tsx";
import { styles, wholeWords } from "../styles.ts";
import { type } from "../../src/design/theme.ts";
import { tieLastWords } from "../text/ties.ts";
import { printedAddress, useHeadingsToBreak, usePrintEdition } from "../text/edition.tsx";
import { createContext, useContext } from "react";
import type { StructureRole } from "../tagging.ts";

/** The structure level of a body's ## heading: H2 under a section's H1, H3 under an entry's H2. */
export const BodyHeadingLevel = createContext(2);

/**
 * Set when blocks are dealt to columns on a baseline grid (templates/pages/ForcePage.tsx): the columns
 * decide where pages and columns end, so a block asks for no break of its own, and every line stands on
 * the grid's leading, with no space above a subhead (the grid gives it a line).
 */
export const ColumnFlow = createContext<{ leading: number; size: number } | null>(null);

/**
 * Neighbouring words and figures as one string: react-pdf breaks lines (and hyphenates) within a string,
 * and would treat the seam between a figure and the text after it ("2024" + ".") as a place to break.
 */
function joinText(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const text = node.type === "text" ? node.value : node.type === "figure" ? node.text : null;
    const last = out[out.length - 1];
    if (text !== null && last?.type === "text") out[out.length - 1] = { type: "text", value: last.value + text };
    else out.push(text !== null ? { type: "text", value: text } : node);
  }
  return out;
}

export function Inlines({ nodes }: { nodes: Inline[] }) {
  const print = usePrintEdition();
  return (
    <>
      {joinText(nodes).map((node, i) => {
        switch (node.type) {
          case "text":
            return node.value;
          case "figure":
            return node.text;
          case "emphasis":
            return (
              <Text key={i} style={{ fontStyle: "italic" }}>
                <Inlines nodes={node.children} />
              </Text>
            );
          case "strong":
            return (
              <Text key={i} style={{ fontWeight: 700 }}>
                <Inlines nodes={node.children} />
              </Text>
            );
          case "link":
            return (
              <Text key={i}>
                <Link src={node.url} style={styles.link}>
                  <Inlines nodes={node.children} />
                </Link>
                {printedAddress(node.url, plainText(node.children), print)}
              </Text>
            );
          case "break":
            return "\n";
          case "insert":
          case "delete":
            return (
              <Text key={i} style={node.type === "insert" ? styles.inserted : styles.deleted}>
                <Inlines nodes={node.children} />
              </Text>
            );
          case "footnoteRef":
            return (
              <Text key={i} style={{ fontSize: type.small, verticalAlign: "super" }}>
                {String(node.number)}
              </Text>
            );
        }
      })}
    </>
  );
}

/** A heading found at a page's foot (its last line, as read back) starts a new page. */
function breaksBefore(found: ReadonlySet<string>, heading: string): boolean {
  const text = heading.replace(/\s+/g, " ").trim();
  for (const foot of found) if (foot.length >= 4 && text.endsWith(foot)) return true;
  return false;
}


const hasDeleted = (nodes: Inline[]): boolean => nodes.some((n) => n.type === "delete" || ("children" in n && hasDeleted(n.children)));

/**
 * In a draft, words struck through are a change mark, not the text: a block that shows some is read as
 * its text without them (ActualText on its element). Undefined, and nothing written, for any other block.
 */
export function spokenText(nodes: Inline[]): string | undefined {
  return hasDeleted(nodes) ? spokenWords(nodes) : undefined;
}

/** The words of inlines as they now read: inserted words in, struck-through words out. */
export function spokenWords(nodes: Inline[]): string {
  const words = (list: Inline[]): string =>
    list.map((n) => (n.type === "delete" ? "" : n.type === "text" ? n.value : n.type === "figure" ? n.text : n.type === "footnoteRef" ? String(n.number) : n.type === "break" ? " " : "children" in n ? words(n.children) : "")).join("");
  return words(nodes).replace(/\s+/g, " ").trim();
}

/** A paragraph that ends in a colon introduces what follows it ("Four came up again and again:"). */
export const isLeadIn = (block: Block | undefined): block is Extract<Block, { type: "paragraph" }> => block?.type === "paragraph" && /:\s*$/.test(plainText(block.children));

/** Items [from, to) of a list set in columns: the pieces of one list name the same `continues` key, and are one L. */
export interface ListRange {
  from: number;
  to: number;
  continues: string;
}

export function ListBlock({ block, depth, leadIn, range }: { block: Extract<Block, { type: "list" }>; depth: number; leadIn?: ReactNode; range?: ListRange }) {
  const flow = useContext(ColumnFlow);
  const bodyStyle = flow ? [styles.body, { fontSize: flow.size, lineHeight: flow.leading / flow.size }] : styles.body;
  const item = (content: Block[], i: number) => (
    <View key={i} role="LI" style={styles.listItem} wrap={content.length > 1}>
      <Text role="Lbl" style={flow ? [styles.listMarker, { fontSize: flow.size, lineHeight: flow.leading / flow.size }] : styles.listMarker}>{block.ordered ? `${i + 1}.` : depth === 0 ? "\u2022" : "\u2013"}</Text>
      <View role="LBody" style={styles.listBody}>
        {content.map((child, j) =>
          child.type === "paragraph" ? (
            <Text key={j} style={bodyStyle} actual={spokenText(child.children)}>
              <Inlines nodes={tieLastWords(child.children)} />
            </Text>
          ) : (
            <BlockElement key={j} block={child} depth={depth + 1} />
          ),
        )}
      </View>
    </View>
  );
  if (range) {
    // In columns: the items of this piece, the lead-in with the first; the columns keep them together.
    return (
      <View role="L" continues={range.continues} style={{ marginLeft: depth * 14 }}>
        {range.from === 0 && leadIn ? <View role="Caption">{leadIn}</View> : null}
        {block.items.slice(range.from, range.to).map((content, i) => item(content, range.from + i))}
      </View>
    );
  }
  // A list never leaves its first item alone at a page's foot, nor its last alone at the top of the next:
  // the first two and the last two short (one-paragraph) items are kept together.
  const items = block.items;
  const short = (i: number) => items[i]?.length === 1;
  // A lead-in is kept with at least the first item, so a page never ends on its colon.
  const head = items.length >= 3 && short(0) && short(1) ? 2 : leadIn ? 1 : 0;
  const tail = items.length - head >= 3 && short(items.length - 1) && short(items.length - 2) ? 2 : 0;
  return (
    <View role="L" style={{ marginBottom: depth === 0 ? styles.paragraph.marginBottom : 0, marginLeft: depth * 14 }}>
      {head > 0 ? (
        <View wrap={false}>
          {/* Read as the list's caption: a lead-in is not an item, and a list holds only its caption and items. */}
          {leadIn ? <View role="Caption">{leadIn}</View> : null}
          {items.slice(0, head).map((content, i) => item(content, i))}
        </View>
      ) : null}
      {items.slice(head, items.length - tail).map((content, i) => item(content, head + i))}
      {tail > 0 ? <View wrap={false}>{items.slice(items.length - tail).map((content, i) => item(content, items.length - tail + i))}</View> : null}
    </View>
  );
}

export function BlockElement({ block, depth = 0, paragraphStyle, leadIn }: { block: Block; depth?: number; paragraphStyle?: Style; leadIn?: ReactNode }) {
  const headingsToBreak = useHeadingsToBreak();
  const headingLevel = useContext(BodyHeadingLevel);
  const flow = useContext(ColumnFlow);
  switch (block.type) {
    case "paragraph":
      return (
        <Text style={[styles.paragraph, paragraphStyle ?? {}]} orphans={2} widows={2} actual={spokenText(block.children)}>
          <Inlines nodes={tieLastWords(block.children)} />
        </Text>
      );
    case "heading": {
      // A subhead in the text is quieter than the lede above it: a step over the body, on its leading.
      const size = block.depth === 2 ? type.body + 1 : type.body;
      // A heading needs room for a few lines after it, or it moves to the next page with them.
      return (
        <Text
          role={`H${Math.min(6, headingLevel + block.depth - 2)}` as StructureRole}
          style={[styles.h3, flow ? { fontSize: size, lineHeight: flow.leading / size, marginTop: 0, marginBottom: 0 } : { fontSize: size, lineHeight: type.leading / size }]}
          minPresenceAhead={flow ? undefined : 3 * type.leading}
          break={!flow && breaksBefore(headingsToBreak, plainText(block.children))}
          hyphenationCallback={wholeWords}
          actual={spokenText(block.children)}
        >
          <Inlines nodes={block.children} />
        </Text>
      );
    }
    case "list":
      return <ListBlock block={block} depth={depth} leadIn={leadIn} />;
    case "quote":
      return (
        <View role="BlockQuote" style={styles.pullQuote} wrap={false}>
          {block.children.map((child, i) =>
            child.type === "paragraph" ? (
              <Text key={i} style={styles.pullQuoteText} hyphenationCallback={wholeWords}>
                <Inlines nodes={tieLastWords(child.children)} />
              </Text>
            ) : (
              <BlockElement key={i} block={child} depth={depth} />
            ),
          )}
          {block.attribution ? (
            <Text style={styles.attribution}>
              {"\u2014 "}
              <Inlines nodes={block.attribution} />
            </Text>
          ) : null}
        </View>
      );
    case "image":
      return <ImageBlock block={block} />;
  }
}

function ImageBlock({ block }: { block: Extract<Block, { type: "image" }> }) {
  const resolve = useAsset();
  return (
        <View style={{ marginBottom: styles.paragraph.marginBottom }} wrap={false}>
          <Image role={block.alt ? "Figure" : undefined} alt={block.alt} src={resolve(block.src)} style={{ maxHeight: 220, objectFit: "contain" }} />
          {block.alt ? <Text style={styles.caption}>{block.alt}</Text> : null}
        </View>
  );
}

export function RichTextView({ text, paragraphStyle }: { text: RichTextModel; paragraphStyle?: Style }) {
  return (
    <>
      {text.blocks.map((block, i) => {
        // A lead-in set with the list it introduces (inside the list's first unbreakable group).
        if (isLeadIn(block) && text.blocks[i + 1]?.type === "list") return null;
        const previous = text.blocks[i - 1];
        const leadIn = block.type === "list" && isLeadIn(previous) ? <BlockElement block={previous} paragraphStyle={paragraphStyle} /> : undefined;
        return <BlockElement key={i} block={block} paragraphStyle={paragraphStyle} leadIn={leadIn} />;
      })}
      <Footnotes footnotes={text.footnotes} />
    </>
  );
}

/** A text's footnotes, under a rule, after its last block. */
export function Footnotes({ footnotes }: { footnotes: RichTextModel["footnotes"] }) {
  return (
    <>
      {footnotes.length > 0 ? (
        <View role="Note" style={styles.footnotes} wrap={false}>
          {footnotes.map((note) => (
            <View key={note.number} style={{ flexDirection: "row" }}>
              <Text style={[styles.footnote, { width: 10 }]}>{String(note.number)}</Text>
              <View style={{ flex: 1 }}>
                {note.children.map((child, i) =>
                  child.type === "paragraph" ? (
                    <Text key={i} style={styles.footnote}>
                      <Inlines nodes={child.children} />
                    </Text>
                  ) : null,
                )}
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </>
  );
}
