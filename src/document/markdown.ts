// Markdown → the document's blocks: figures bound to the statistics, typography applied, and anything
// the report cannot print reported with its file, line and column.
import type { Root, RootContent, PhrasingContent, BlockContent, DefinitionContent, ListItem, FootnoteDefinition, FootnoteReference, Parent, Node } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { type BindingTable, type DocumentRoots, logicalPath } from "./bindings.ts";
import { checkLink, checkMarkdownImage, checkMarkdownSource, checkMarkdownTree } from "./markdownGuards.ts";
import { evaluate, ExpressionError, parseExpression } from "./expressions.ts";
import type { Block, Footnote, Inline, RichText, SourceRef } from "./model.ts";
import { typeset } from "./typography.ts";

const parser = unified().use(remarkParse).use(remarkGfm);

export interface MarkdownSource {
  file: string;
  text: string;
  /** Line in the file where `text` starts (1 after front matter ends), so positions point into the file. */
  firstLine: number;
  /** The content folder images must lie in (see src/load/safePath.ts). */
  root?: string;
}

/**
 * Parsed Markdown kept between builds under its text (and the parser's code): parsing is most of the
 * document stage's time, and an edit changes one file. Trees are read, never changed: a tree given back
 * may be the one an earlier build used (src/build/prepareCached.ts keeps the last build's in memory).
 */
export interface MarkdownTrees {
  get(text: string): Root | undefined;
  set(text: string, tree: Root): void;
}

/** What binding a text needs: the names `{{ }}` may use, where figures are recorded, and the ids to give. */
export interface BindContext {
  names: unknown;
  bindings: BindingTable;
  roots: DocumentRoots;
  /** Id of the section or entry the text belongs to; blocks and figures are numbered under it. */
  idPrefix: string;
}

type Position = { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };

/** A run of a text node: literal text, or an expression with the offset of its "{{" in the file's body. */
type Piece = { kind: "text"; value: string } | { kind: "expression"; inner: string; offset: number };

/**
 * Splits a text node at its {{ expressions }}. Offsets point into the Markdown source, so an error's
 * column is right even after an escape or an earlier expression on the line.
 */
function splitExpressions(value: string, position: Position | undefined, source: string): { pieces: Piece[]; problems: { offset: number; message: string }[] } {
  const pieces: Piece[] = [];
  const problems: { offset: number; message: string }[] = [];
  const start = position?.start.offset;
  const raw = start !== undefined && position?.end.offset !== undefined ? source.slice(start, position.end.offset) : value;
  // The n-th "{{" of the value is the n-th "{{" of the source slice (escapes change lengths, not braces).
  const rawOpens = [...raw.matchAll(/\{\{/g)].map((m) => m.index!);
  const rawCloses = [...raw.matchAll(/\}\}/g)].map((m) => m.index!);
  const at = (list: number[], n: number) => (start ?? 0) + (list[n] ?? 0);
  let cursor = 0;
  let opens = 0;
  let closes = 0;
  while (cursor < value.length) {
    const open = value.indexOf("{{", cursor);
    const strayClose = value.indexOf("}}", cursor);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      problems.push({ offset: at(rawCloses, closes), message: "A closing }} has no opening {{ before it." });
      pieces.push({ kind: "text", value: value.slice(cursor, strayClose + 2) });
      cursor = strayClose + 2;
      closes++;
      continue;
    }
    if (open === -1) {
      pieces.push({ kind: "text", value: value.slice(cursor) });
      break;
    }
    if (open > cursor) pieces.push({ kind: "text", value: value.slice(cursor, open) });
    const close = value.indexOf("}}", open + 2);
    const offset = at(rawOpens, opens);
    opens++;
    if (close === -1) {
      problems.push({ offset, message: "This {{ is never closed with }}; a figure is written {{ name | formatter }}." });
      pieces.push({ kind: "text", value: value.slice(open) });
      break;
    }
    closes++;
    pieces.push({ kind: "expression", inner: value.slice(open + 2, close), offset });
    cursor = close + 2;
  }
  return { pieces, problems };
}

export function parseMarkdown(source: MarkdownSource, bind: BindContext, sink: DiagnosticSink, trees?: MarkdownTrees): RichText {
  const file = logicalPath(source.file, bind.roots);
  // Input that would take the parser or the layout too long is refused before any heavy work.
  if (!checkMarkdownSource(source, sink)) return { source: { file, line: source.firstLine, column: 1 }, blocks: [], footnotes: [], words: 0 };
  const tree = parsedTree(source.text, trees);
  checkMarkdownTree(tree, source, sink);
  const footnoteNumbers = numberFootnotes(tree.children);
  const walk: Walk = { source, file, bind, sink, blockCount: 0, figureCount: 0, words: 0, lastChar: " ", footnoteNumbers, footnotes: [] };
  const blocks = tree.children.flatMap((node) => toBlocks(walk, node));
  const footnotes = [...walk.footnotes].sort((a, b) => a.number - b.number);
  reportUndefinedFootnotes(walk, footnotes);
  return { source: { file, line: source.firstLine, column: 1 }, blocks, footnotes, words: walk.words };
}

/** The Markdown's tree, from the cache when the same text was parsed before. */
function parsedTree(text: string, trees: MarkdownTrees | undefined): Root {
  let tree = trees?.get(text);
  if (!tree) {
    tree = parser.runSync(parser.parse(text)) as Root;
    trees?.set(text, tree);
  }
  return tree;
}

/**
 * What turning one file's tree into blocks carries from node to node, in reading order: the counts that
 * number blocks and figures, the words so far, the character before the next run of text (typography
 * depends on it: an opening or closing quote), and the footnotes met so far.
 */
interface Walk {
  source: MarkdownSource;
  /** The file's logical path, as sources and bindings name it. */
  file: string;
  bind: BindContext;
  sink: DiagnosticSink;
  blockCount: number;
  figureCount: number;
  words: number;
  lastChar: string;
  /** Every footnote's number, from `numberFootnotes`. */
  footnoteNumbers: ReadonlyMap<string, number>;
  footnotes: Footnote[];
}

type Located = { position?: { start: { line: number; column: number } } };

/** Line and column in the file of a node, for a diagnostic. */
const at = (walk: Walk, node: Located) =>
  node.position ? { line: node.position.start.line + walk.source.firstLine - 1, column: node.position.start.column } : {};

const sourceOf = (walk: Walk, node: Located): SourceRef | null =>
  node.position ? { file: walk.file, line: node.position.start.line + walk.source.firstLine - 1, column: node.position.start.column } : null;

/** Line and column in the file of an offset into the body. */
function locate(walk: Walk, offset: number) {
  const before = walk.source.text.slice(0, offset);
  const newlines = before.match(/\n/g)?.length ?? 0;
  return { line: walk.source.firstLine + newlines, column: offset - before.lastIndexOf("\n") };
}

/** A block's id (numbered in reading order under its section or entry) and where it was written. */
const located = (walk: Walk, node: { position?: Position }) => ({ id: `${walk.bind.idPrefix}/${++walk.blockCount}`, source: sourceOf(walk, node) });

/** Typesets a run of text after what came before it; a line break inside a paragraph is a space. */
function typesetRun(walk: Walk, value: string): string {
  const printed = typeset(value.replace(/[ \t]*\r?\n[ \t]*/g, " "), walk.lastChar);
  walk.lastChar = printed.slice(-1) || walk.lastChar;
  return printed;
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A text node's runs as inlines: literal text typeset, each {{ }} a figure bound to the statistics. */
function textInlines(walk: Walk, value: string, position: Position | undefined): Inline[] {
  const { pieces, problems } = splitExpressions(value, position, walk.source.text);
  for (const problem of problems) walk.sink.error(walk.source.file, "expression", problem.message, locate(walk, problem.offset));
  const out: Inline[] = [];
  for (const piece of pieces) {
    if (piece.kind === "text") {
      const printed = typesetRun(walk, piece.value);
      if (printed) out.push({ type: "text", value: printed });
    } else out.push(figureInline(walk, piece));
  }
  walk.words += countWords(out.map((i) => (i.type === "text" ? i.value : i.type === "figure" ? i.text : "")).join(""));
  return out;
}

/** A {{ }} evaluated, typeset and recorded as a binding; one that fails is reported and printed as written. */
function figureInline(walk: Walk, piece: Extract<Piece, { kind: "expression" }>): Inline {
  const { bind } = walk;
  const where = locate(walk, piece.offset);
  try {
    const evaluated = evaluate(parseExpression(piece.inner), bind.names);
    const printed = typeset(evaluated.text, walk.lastChar);
    walk.lastChar = printed.slice(-1) || walk.lastChar;
    const binding = bind.bindings.add({
      id: `${bind.idPrefix}/figure-${++walk.figureCount}`,
      text: printed,
      value: evaluated.value,
      statistics: evaluated.paths,
      expression: piece.inner.trim(),
      source: { file: walk.file, ...where },
    });
    return { type: "figure", binding: binding.id, text: printed };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const leading = piece.inner.length - piece.inner.trimStart().length;
    walk.sink.error(walk.source.file, "expression", `In {{${piece.inner}}}: ${error.message}`, { line: where.line, column: where.column + 2 + (error.offset || leading) });
    return { type: "text", value: `{{${piece.inner}}}` };
  }
}

/** Everything the report cannot print is reported the same way, inline or block. */
function unsupported(walk: Walk, node: { type: string; value?: string } & Located): [] {
  const why: Record<string, string> = {
    html: `Raw HTML ("${(node.value ?? "").slice(0, 30)}") cannot be printed; use Markdown instead.`,
    image: "Images go in their own paragraph, not inside a line of text.",
    table: "Tables cannot be printed inside an entry; describe the figures in a list instead.",
    code: "Code blocks cannot be printed in the report; indentation by four spaces makes one by accident.",
  };
  walk.sink.error(walk.source.file, "unsupported-markdown", why[node.type] ?? `Markdown "${node.type}" cannot be printed in the report.`, at(walk, node));
  return [];
}

/**
 * An HTML comment prints nothing. Anything left once every comment is taken out is raw HTML: an error,
 * or, when it sits between comments ("<!-- a --><b>x</b><!-- b -->" is one node to remark), a warning
 * that it was left out, since it was hidden from the writer as part of a note.
 */
function htmlComment(walk: Walk, node: { type: string; value: string; position?: Position }): [] {
  const value = node.value.trim();
  const rest = value.replace(/<!--[\s\S]*?-->/g, "").trim();
  if (rest === "") return [];
  if (!/^<!--[\s\S]*?-->/.test(value) || !value.endsWith("-->")) return unsupported(walk, node);
  walk.sink.warn(walk.source.file, "html-between-comments", `Raw HTML ("${rest.slice(0, 30)}") between HTML comments is not printed; it was left out. Write it in Markdown, or inside the comment if it is a note.`, at(walk, node));
  return [];
}

/**
 * Footnotes are numbered in the order the reader first meets them, by a reference or by the definition
 * itself, visiting only what the report prints (a reference inside a table is never met).
 */
function numberFootnotes(nodes: readonly Node[], numbers = new Map<string, number>()): Map<string, number> {
  for (const node of nodes) {
    if (node.type === "footnoteReference" || node.type === "footnoteDefinition") {
      const { identifier } = node as FootnoteReference | FootnoteDefinition;
      if (!numbers.has(identifier)) numbers.set(identifier, numbers.size + 1);
    }
    if (printedChildren.has(node.type) && !isImageParagraph(node)) numberFootnotes((node as Parent).children, numbers);
  }
  return numbers;
}

/** The node types whose children `toBlocks` and `toInlines` convert; the rest print nothing or are refused. */
const printedChildren = new Set(["paragraph", "heading", "list", "listItem", "blockquote", "footnoteDefinition", "emphasis", "strong", "delete", "link"]);

const isImageParagraph = (node: Node) => node.type === "paragraph" && (node as Parent).children.length === 1 && (node as Parent).children[0].type === "image";

const footnoteNumber = (walk: Walk, identifier: string): number => walk.footnoteNumbers.get(identifier)!;

function toInlines(walk: Walk, nodes: PhrasingContent[]): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    switch (node.type) {
      case "text":
        // A line break inside a Markdown paragraph is a space; only a hard break ends a line.
        return textInlines(walk, node.value, node.position);
      case "inlineCode": {
        // Inline code is printed as written, {{ }} included.
        const value = typesetRun(walk, node.value);
        walk.words += countWords(value);
        return [{ type: "text", value }];
      }
      case "emphasis":
        return [{ type: "emphasis", children: toInlines(walk, node.children) }];
      case "strong":
        return [{ type: "strong", children: toInlines(walk, node.children) }];
      case "delete":
        return toInlines(walk, node.children);
      case "break":
        return [{ type: "break" }];
      case "link":
        if (!checkLink(node.url, walk.source.file, walk.sink, at(walk, node))) return toInlines(walk, node.children);
        return [{ type: "link", url: node.url, children: toInlines(walk, node.children) }];
      case "footnoteReference":
        return [{ type: "footnoteRef", number: footnoteNumber(walk, node.identifier) }];
      case "html":
        // Comments are notes to the team (e.g. "<!-- review-ignore spelling -->"); they never print.
        return htmlComment(walk, node);
      default:
        return unsupported(walk, node);
    }
  });
}

function toBlocks(walk: Walk, node: RootContent | BlockContent | DefinitionContent): Block[] {
  walk.lastChar = " ";
  switch (node.type) {
    case "paragraph": {
      const only = node.children.length === 1 ? node.children[0] : null;
      if (only?.type === "image") return imageBlock(walk, node, only);
      const here = located(walk, node);
      return [{ ...here, type: "paragraph", children: toInlines(walk, node.children) }];
    }
    case "heading":
      if (node.depth === 1) walk.sink.warn(walk.source.file, "heading-depth", "Top-level headings (#) are set by the template; start at ## in the text.", at(walk, node));
      return [{ ...located(walk, node), type: "heading", depth: Math.min(4, Math.max(2, node.depth)) as 2 | 3 | 4, children: toInlines(walk, node.children) }];
    case "list": {
      const here = located(walk, node);
      return [{ ...here, type: "list", ordered: Boolean(node.ordered), items: node.children.map((item: ListItem) => listItem(walk, item)) }];
    }
    case "blockquote":
      return [quote(walk, located(walk, node), node.children)];
    case "footnoteDefinition":
      walk.footnotes.push({ number: footnoteNumber(walk, node.identifier), children: node.children.flatMap((child) => toBlocks(walk, child)) });
      return [];
    case "thematicBreak":
      return [];
    case "html":
      return htmlComment(walk, node);
    default:
      return unsupported(walk, node);
  }
}

/** A paragraph holding only an image: the image, checked to lie in the content folder and to say what it shows. */
function imageBlock(walk: Walk, node: { position?: Position }, only: { url: string; alt?: string | null } & Located): Block[] {
  const { source, sink } = walk;
  const image = checkMarkdownImage(source, only.url, sink, at(walk, only));
  if (image === null) return [];
  // Empty brackets say the image is decorative (an artifact in the PDF, alt="" in HTML); brackets
  // holding only spaces are a description left out.
  if (only.alt && !only.alt.trim()) {
    sink.error(source.file, "missing-alt", `The image "${only.url}" has no alt text: describe it in the [brackets], or leave them empty (![](…)) for a decorative image.`, at(walk, only));
    return [];
  }
  if (!only.alt) sink.warn(source.file, "image-alt", `The image "${only.url}" has empty brackets, so it is decorative: screen readers skip it. If it shows something, describe it in the [brackets].`, at(walk, only));
  let src: string;
  try {
    src = logicalPath(image, walk.bind.roots);
  } catch {
    sink.error(source.file, "image", `The image "${only.url}" is outside the content folder; put it beside the Markdown.`, at(walk, only));
    return [];
  }
  return [{ ...located(walk, node), type: "image", src, alt: only.alt ?? "" }];
}

function listItem(walk: Walk, item: ListItem): Block[] {
  const blocks = item.children.flatMap((child) => toBlocks(walk, child));
  for (const b of blocks) {
    if (b.type === "list" && b.items.some((sub) => sub.some((s) => s.type === "list"))) {
      walk.sink.warn(walk.source.file, "list-depth", "Lists nest one level deep in the report; deeper items are printed at the second level.", at(walk, item));
    }
  }
  return blocks;
}

// A block quote whose last paragraph starts with a dash is a pull quote with its attribution.
function quote(walk: Walk, here: { id: string; source: SourceRef | null }, children: (BlockContent | DefinitionContent)[]): Block {
  const blocks = children.flatMap((child) => toBlocks(walk, child));
  const last = blocks[blocks.length - 1];
  const first = last?.type === "paragraph" ? last.children[0] : undefined;
  if (last?.type === "paragraph" && first?.type === "text" && /^\s*(—|–|-{1,3})\s*/.test(first.value)) {
    const attribution: Inline[] = [{ type: "text", value: first.value.replace(/^\s*(—|–|-{1,3})\s*/, "") }, ...last.children.slice(1)];
    return { ...here, type: "quote", children: blocks.slice(0, -1), attribution };
  }
  return { ...here, type: "quote", children: blocks, attribution: null };
}

/** A reference to a footnote that is never defined is an error (its number would point at nothing). */
function reportUndefinedFootnotes(walk: Walk, footnotes: Footnote[]): void {
  for (const [identifier, number] of walk.footnoteNumbers) {
    if (!footnotes.some((f) => f.number === number)) walk.sink.error(walk.source.file, "footnote", `Footnote [^${identifier}] is referred to but never defined.`);
  }
}

/** Text of each block that prints words (paragraphs, headings, list items and quotes, within lists and quotes), in order. */
export function blockTexts(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === "paragraph" || block.type === "heading") return [plainText(block.children)];
    if (block.type === "list") return block.items.flatMap(blockTexts);
    if (block.type === "quote") return blockTexts(block.children);
    return [];
  });
}

/** Text of inline content, e.g. for PDF outlines or searching. */
export function plainText(inlines: Inline[]): string {
  return inlines
    .map((i) => (i.type === "text" ? i.value : i.type === "figure" ? i.text : i.type === "break" ? " " : i.type === "footnoteRef" ? "" : plainText(i.children)))
    .join("");
}
