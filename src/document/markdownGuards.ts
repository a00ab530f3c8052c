// Checks on Markdown that keep the build bounded and the PDF safe: nesting, paragraph and word length
// (src/domain/limits.ts), link schemes and local images. markdown.ts calls each with a one-line hook.
import type { Root } from "mdast";
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { checkImageReference } from "../load/imageFile.ts";
import { limits } from "../domain/limits.ts";
import { isRemote, printable } from "../load/safePath.ts";

export interface GuardedSource {
  file: string;
  text: string;
  firstLine: number;
  /** The content folder every image must lie in; the Markdown file's own folder when not given. */
  root?: string;
}

type At = { line?: number; column?: number };
type Positioned = { type: string; position?: { start: { line: number; column: number } }; children?: Positioned[]; value?: string };

/**
 * Runs before remark sees the text: remark's time grows with the square of some inputs (thousands of
 * nested or lazy lines, runs of brackets), so these limits are checked on the raw lines. False stops parsing.
 */
export function checkMarkdownSource(source: GuardedSource, sink: DiagnosticSink): boolean {
  const lines = source.text.split("\n");
  const error = (index: number, message: string, column?: number) => {
    sink.error(source.file, "markdown-limit", message, { line: source.firstLine + index, column });
    return false;
  };
  if (lines.length > limits.markdownLines) {
    return error(limits.markdownLines, `The text is longer than ${limits.markdownLines} lines; split it into shorter files or sections.`);
  }
  let marks = 0;
  let chunkStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") {
      marks = 0;
      chunkStart = i + 1;
      continue;
    }
    const prefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/.exec(line)![0];
    const markers = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length;
    const indent = [...prefix.replace(/>|[-*+]|\d{1,9}[.)]/g, "")].reduce((n, c) => n + (c === "\t" ? 4 : 1), 0);
    if (markers > limits.nesting) {
      return error(i, `Block quotes and lists are nested ${markers} deep here; the limit is ${limits.nesting} (the report prints two levels).`, 1);
    }
    if (indent > limits.indentColumns) {
      return error(i, `This line is indented ${indent} columns; the limit is ${limits.indentColumns}. Deeply nested lists cannot be printed.`, 1);
    }
    marks += line.match(/[*_~[\]`<>|]/g)?.length ?? 0;
    if (marks > limits.markupMarks) {
      return error(chunkStart, `This paragraph or list holds more than ${limits.markupMarks} emphasis, link or code marks (* _ ~ [ ] \` < > |); split it up or remove stray marks.`);
    }
  }
  return true;
}

/** Exact nesting, paragraph and word limits on the parsed tree; errors at the node's line. */
export function checkMarkdownTree(tree: Root, source: GuardedSource, sink: DiagnosticSink): void {
  // Nodes a plugin makes (a GFM autolink's text) have no position: they are reported at their nearest
  // positioned ancestor's, so every error still names a line.
  const placed = new WeakMap<Positioned, Positioned>();
  const at = (node: Positioned): At => {
    const where = node.position ? node : placed.get(node);
    return where?.position ? { line: where.position.start.line + source.firstLine - 1, column: where.position.start.column } : {};
  };
  const reported = new Set<string>();
  const once = (rule: string, node: Positioned, message: string, where: At = at(node)) => {
    const key = `${rule}:${where.line}`;
    if (reported.has(key)) return;
    reported.add(key);
    sink.error(source.file, rule, message, where);
  };
  const containers = new Set(["blockquote", "list"]);
  const inlines = new Set(["emphasis", "strong", "delete", "link", "linkReference"]);

  const visit = (node: Positioned, depth: number, inlineDepth: number): void => {
    const d = depth + (containers.has(node.type) ? 1 : 0);
    const id = inlineDepth + (inlines.has(node.type) ? 1 : 0);
    if (d > limits.nesting) return once("markdown-limit", node, `Block quotes and lists are nested ${d} deep here; the limit is ${limits.nesting}.`);
    if (id > limits.inlineNesting) return once("markdown-limit", node, `Emphasis, bold and links are nested ${id} deep here; the limit is ${limits.inlineNesting}.`);
    if (node.type === "paragraph") {
      const length = plain(node).length;
      if (length > limits.paragraphChars) once("markdown-limit", node, `This paragraph has ${length} characters; the limit is ${limits.paragraphChars}. Split it into shorter paragraphs.`);
    }
    if (node.type === "text" && typeof node.value === "string") checkWords(node);
    for (const child of node.children ?? []) {
      if (!child.position) placed.set(child, node.position ? node : (placed.get(node) ?? node));
      visit(child, d, id);
    }
  };

  const checkWords = (node: Positioned) => {
    // A {{ figure }} is printed as its value, not as written: blank it out, keeping every column.
    const value = node.value!.replace(/\{\{[\s\S]*?\}\}/g, (expression) => " ".repeat(expression.length));
    for (const match of value.matchAll(/\S+/g)) {
      if ([...match[0]].length <= limits.wordChars) continue;
      const before = value.slice(0, match.index);
      const newlines = before.match(/\n/g)?.length ?? 0;
      const start = at(node);
      const where = newlines === 0 ? start : { line: (start.line ?? 0) + newlines };
      const shown = `${[...match[0]].slice(0, 30).join("")}…`;
      once("long-word", node, `The word "${printable(shown)}" has ${[...match[0]].length} characters and would run off the page; the limit is ${limits.wordChars}. Break it up, or write a web address as [words](https://…).`, where.line === start.line && newlines === 0 ? { line: where.line, column: (start.column ?? 1) + match.index! } : where);
    }
  };

  for (const child of tree.children as Positioned[]) visit(child, 0, 0);
}

const plain = (node: Positioned): string => (typeof node.value === "string" ? node.value : (node.children ?? []).map(plain).join(""));

const safeScheme = /^(https?:\/\/|mailto:)/i;

/**
 * Only https:, http: and mailto: links are printed as links. Anything else (javascript:, data:, file:, a
 * relative path) is an error at its line; false means print the words without a link.
 */
export function checkLink(url: string, file: string, sink: DiagnosticSink, at: At): boolean {
  if (!safeScheme.test(url)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
    const what = scheme ? `uses the "${scheme.toLowerCase()}:" scheme` : "is not a full web address";
    sink.error(file, "link-scheme", `The link "${printable(url)}" ${what}; only https://, http:// and mailto: links can be printed.`, at);
    return false;
  }
  if (!/^(https?:\/\/|mailto:)[^\s]+$/i.test(url)) {
    sink.warn(file, "malformed-link", `The link "${printable(url)}" is not a full web address (https://…) or mailto: address; readers of the PDF cannot follow it.`, at);
  }
  return true;
}

/** A Markdown image: local, inside the content folder, a sound PNG or JPEG within the limits. */
export function checkMarkdownImage(source: GuardedSource, url: string, sink: DiagnosticSink, at: At): string | null {
  if (isRemote(url)) {
    sink.error(source.file, "remote-image", `The image "${printable(url)}" is not a local file; put it in the content folder and refer to it by its path.`, at);
    return null;
  }
  let reference: string;
  try {
    reference = decodeURI(url);
  } catch {
    reference = url;
  }
  const baseDir = path.dirname(source.file);
  return checkImageReference(reference, baseDir, source.root ?? baseDir, sink, { file: source.file, ...at }, "image");
}
