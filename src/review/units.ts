// The document's printed text in reading order, cut into units with ids: the blocks of its Markdown
// (their own ids, e.g. "entry/kent/3") and the parts a template prints around them, named after their
// owner ("force/kent/title", "entry/kent/lede", "force/kent/difference-…"). Layout mapping, page fit and
// the change list all read the document through these.
import type { Block, Inline, RichText, Section } from "../document/model.ts";

export interface TextUnit {
  id: string;
  /** The section the unit prints in. */
  section: string;
  text: string;
  /** Ids of the bindings (printed figures) the unit shows. */
  bindings: string[];
}

export function inlineText(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case "text":
          return n.value;
        case "figure":
          return n.text;
        case "break":
          return " ";
        case "footnoteRef":
          return String(n.number);
        default:
          return inlineText(n.children);
      }
    })
    .join("");
}

export function inlineBindings(nodes: Inline[]): string[] {
  return nodes.flatMap((n) => (n.type === "figure" ? [n.binding] : "children" in n ? inlineBindings(n.children) : []));
}

/** Paragraphs and headings (with their ids) in a block, lists and quotes opened. */
function blockUnits(block: Block, section: string): TextUnit[] {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return [{ id: block.id, section, text: inlineText(block.children), bindings: inlineBindings(block.children) }];
    case "list":
      return block.items.flatMap((item) => item.flatMap((b) => blockUnits(b, section)));
    case "quote":
      return [
        ...block.children.flatMap((b) => blockUnits(b, section)),
        ...(block.attribution ? [{ id: `${block.id}/attribution`, section, text: inlineText(block.attribution), bindings: inlineBindings(block.attribution) }] : []),
      ];
    case "image":
      return block.alt ? [{ id: block.id, section, text: block.alt, bindings: [] }] : [];
  }
}

function richTextUnits(text: RichText, owner: string, section: string): TextUnit[] {
  return [
    ...text.blocks.flatMap((b) => blockUnits(b, section)),
    ...text.footnotes.flatMap((note) =>
      note.children.flatMap((b, i) =>
        b.type === "paragraph" ? [{ id: `${owner}/footnote-${note.number}${i ? `-${i}` : ""}`, section, text: `${note.number} ${inlineText(b.children)}`, bindings: inlineBindings(b.children) }] : [],
      ),
    ),
  ];
}

const plain = (id: string, section: string, text: string | null | undefined): TextUnit[] => (text ? [{ id, section, text, bindings: [] }] : []);

/** A section's units in the order its template prints them. */
export function sectionUnits(section: Section): TextUnit[] {
  const s = section.id;
  switch (section.kind) {
    case "foreword":
    case "summary":
      return [...plain(`${s}/title`, s, section.title), ...richTextUnits(section.body, s, s), ...plain(`${s}/person`, s, [section.person.author, section.person.role, section.person.organisation].join(" "))];
    case "analysis": {
      const table = section.table;
      const tableUnits: TextUnit[] = table
        ? [...plain(`${table.id}/title`, s, table.title), ...[...table.rows, ...(table.footerRow ? [table.footerRow] : [])].map((row, i) => ({
            id: `${table.id}/row-${i + 1}`,
            section: s,
            // A draft prints a changed cell's previous text before the new.
            text: table.columns.map((c) => [row[c.key]?.was, row[c.key]?.text ?? ""].filter((t) => t !== undefined).join(" ")).join(" "),
            bindings: table.columns.flatMap((c) => (row[c.key]?.binding ? [row[c.key]!.binding!] : [])),
          })), ...table.notes.flatMap((note, i) => plain(`${table.id}/note-${i + 1}`, s, note))]
        : [];
      return [...plain(`${s}/kicker`, s, section.kicker), ...plain(`${s}/title`, s, section.title), ...richTextUnits(section.body, s, s), ...tableUnits];
    }
    case "force":
      return [
        ...plain(`${s}/kicker`, s, section.kicker),
        ...plain(`${s}/title`, s, section.title),
        ...(section.panel
          ? [
              ...plain(`${s}/chart-label`, s, section.panel.chartLabel),
              ...section.panel.differences.map((d) => ({
                id: d.id,
                section: s,
                text: [d.label, ...(d.was !== undefined ? [d.was] : []), inlineText([d.value]), d.unit, inlineText(d.note)].join(" "),
                bindings: inlineBindings([d.value, ...d.note]),
              })),
            ]
          : plain(`${s}/no-figures`, s, section.noFigures)),
        ...plain(`${s}/no-entry`, s, section.noEntry),
        ...section.entries.flatMap((e) => [
          ...plain(`${e.id}/title`, s, e.titleMarks ? inlineText(e.titleMarks) : e.title),
          { id: `${e.id}/lede`, section: s, text: inlineText(e.lede), bindings: inlineBindings(e.lede) },
          ...richTextUnits(e.body, e.id, s),
          ...plain(`${e.id}/links`, s, e.links.map((l) => l.text).join(" ")),
        ]),
      ];
    case "back":
      return [...plain(`${s}/title`, s, section.title), ...richTextUnits(section.body, s, s), ...plain(`${s}/sources`, s, section.sources.map((x) => x.text).join(" "))];
  }
}
