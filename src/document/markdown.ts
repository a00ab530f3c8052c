// Markdown → the document's blocks: figures bound to the statistics, typography applied, and anything
// the report cannot print reported with its file, line and column.
import type { Root, RootContent, PhrasingContent, BlockContent, DefinitionContent, ListItem } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { checkLink, checkMarkdownImage, checkMarkdownSource, checkMarkdownTree } from "./markdownGuards.ts";
import { evaluateExpression, ExpressionError, parseExpression } from "./expressions.ts";
import type { Block, Footnote, Inline, RichText } from "./model.ts";
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

/** Replaces every {{ expression }} with its formatted value; errors point at the expression. */
export function bindFigures(source: MarkdownSource, context: unknown, sink: DiagnosticSink): string {
  return source.text.replace(/\{\{([\s\S]*?)\}\}/g, (whole, inner: string, offset: number) => {
    const before = source.text.slice(0, offset);
    const line = source.firstLine + (before.match(/\n/g)?.length ?? 0);
    const column = offset - before.lastIndexOf("\n");
    try {
      return evaluateExpression(parseExpression(inner), context);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      sink.error(source.file, "expression", `In {{${inner}}}: ${error.message}`, { line, column: column + 2 + (error.offset || inner.length - inner.trimStart().length) });
      return whole;
    }
  });
}

export function parseMarkdown(source: MarkdownSource, context: unknown, sink: DiagnosticSink): RichText {
  if (!checkMarkdownSource(source, sink)) return { source: source.file, blocks: [], footnotes: [], words: 0 };
  const text = bindFigures(source, context, sink);
  const tree = parser.runSync(parser.parse(text)) as Root;
  checkMarkdownTree(tree, source, sink);
  const footnoteNumbers = new Map<string, number>();
  const footnotes: Footnote[] = [];
  let words = 0;
  let lastChar = " ";

  const at = (node: { position?: { start: { line: number; column: number } } }) =>
    node.position ? { line: node.position.start.line + source.firstLine - 1, column: node.position.start.column } : {};

  /** Everything the report cannot print is reported the same way, inline or block. */
  const unsupported = (node: { type: string; value?: string; position?: { start: { line: number; column: number } } }): [] => {
    const why: Record<string, string> = {
      html: `Raw HTML ("${(node.value ?? "").slice(0, 30)}") cannot be printed; use Markdown instead.`,
      image: "Images go in their own paragraph, not inside a line of text.",
      table: "Tables cannot be printed inside an entry; describe the figures in a list instead.",
      code: "Code blocks cannot be printed in the report; indentation by four spaces makes one by accident.",
    };
    sink.error(source.file, "unsupported-markdown", why[node.type] ?? `Markdown "${node.type}" cannot be printed in the report.`, at(node));
    return [];
  };

  const footnoteNumber = (identifier: string): number => {
    if (!footnoteNumbers.has(identifier)) footnoteNumbers.set(identifier, footnoteNumbers.size + 1);
    return footnoteNumbers.get(identifier)!;
  };

  const inline = (nodes: PhrasingContent[]): Inline[] =>
    nodes.flatMap((node): Inline[] => {
      switch (node.type) {
        case "text":
        case "inlineCode": {
          // A line break inside a Markdown paragraph is a space; only a hard break ends a line.
          const value = typeset(node.value.replace(/[ \t]*\r?\n[ \t]*/g, " "), lastChar);
          lastChar = value.slice(-1) || lastChar;
          words += value.split(/\s+/).filter(Boolean).length;
          return [{ type: "text", value }];
        }
        case "emphasis":
          return [{ type: "emphasis", children: inline(node.children) }];
        case "strong":
          return [{ type: "strong", children: inline(node.children) }];
        case "delete":
          return inline(node.children);
        case "break":
          return [{ type: "break" }];
        case "link":
          if (!checkLink(node.url, source.file, sink, at(node))) return inline(node.children);
          return [{ type: "link", url: node.url, children: inline(node.children) }];
        case "footnoteReference":
          return [{ type: "footnoteRef", number: footnoteNumber(node.identifier) }];
        default:
          return unsupported(node);
      }
    });

  const block = (node: RootContent | BlockContent | DefinitionContent): Block[] => {
    lastChar = " ";
    switch (node.type) {
      case "paragraph": {
        const only = node.children.length === 1 ? node.children[0] : null;
        if (only?.type === "image") {
          const file = checkMarkdownImage(source, only.url, sink, at(only));
          if (!file) return [];
          if (!only.alt) sink.warn(source.file, "image-alt", `The image "${only.url}" has no alt text; describe it in the [brackets].`, at(only));
          return [{ type: "image", src: file, alt: only.alt ?? "" }];
        }
        return [{ type: "paragraph", children: inline(node.children) }];
      }
      case "heading":
        if (node.depth === 1) sink.warn(source.file, "heading-depth", "Top-level headings (#) are set by the template; start at ## in the text.", at(node));
        return [{ type: "heading", depth: Math.min(4, Math.max(2, node.depth)) as 2 | 3 | 4, children: inline(node.children) }];
      case "list":
        return [{ type: "list", ordered: Boolean(node.ordered), items: node.children.map((item: ListItem, i) => listItem(item, i)) }];
      case "blockquote":
        return [quote(node.children)];
      case "footnoteDefinition":
        footnotes.push({ number: footnoteNumber(node.identifier), children: node.children.flatMap(block) });
        return [];
      case "thematicBreak":
        return [];
      default:
        return unsupported(node);
    }
  };

  const listItem = (item: ListItem, _index: number): Block[] => {
    const blocks = item.children.flatMap(block);
    for (const b of blocks) {
      if (b.type === "list" && b.items.some((sub) => sub.some((s) => s.type === "list"))) {
        sink.warn(source.file, "list-depth", "Lists nest one level deep in the report; deeper items are printed at the second level.", at(item));
      }
    }
    return blocks;
  };

  // A block quote whose last paragraph starts with a dash is a pull quote with its attribution.
  const quote = (children: (BlockContent | DefinitionContent)[]): Block => {
    const blocks = children.flatMap(block);
    const last = blocks[blocks.length - 1];
    const first = last?.type === "paragraph" ? last.children[0] : undefined;
    if (last?.type === "paragraph" && first?.type === "text" && /^\s*(—|–|-{1,3})\s*/.test(first.value)) {
      const attribution: Inline[] = [{ type: "text", value: first.value.replace(/^\s*(—|–|-{1,3})\s*/, "") }, ...last.children.slice(1)];
      return { type: "quote", children: blocks.slice(0, -1), attribution };
    }
    return { type: "quote", children: blocks, attribution: null };
  };

  const blocks = tree.children.flatMap(block);
  footnotes.sort((a, b) => a.number - b.number);
  for (const [identifier, number] of footnoteNumbers) {
    if (!footnotes.some((f) => f.number === number)) sink.error(source.file, "footnote", `Footnote [^${identifier}] is referred to but never defined.`);
  }
  return { source: source.file, blocks, footnotes, words };
}

/** Text of inline content, e.g. for PDF outlines or searching. */
export function plainText(inlines: Inline[]): string {
  return inlines
    .map((i) => (i.type === "text" ? i.value : i.type === "break" ? " " : i.type === "footnoteRef" ? "" : plainText(i.children)))
    .join("");
}
