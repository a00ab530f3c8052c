// Partners' marks on the cover: SVG files named in report.yml, inside the content folder. Checked here, at
// the line that names them, so a mark the PDF could not draw faithfully is an error before layout; the
// build draws only what this allows (shapes and paths in plain colours), and never fetches anything.
import { readFileSync } from "node:fs";
import { parse, type ElementNode, type Node } from "svg-parser";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { limits } from "../domain/limits.ts";
import { printable, resolveReference } from "./safePath.ts";

export interface PartnerMark {
  name: string;
  /** The SVG as written; the cover draws it. */
  svg: string;
  /** Line of its `mark:` in report.yml. */
  line: number;
}

/** Elements and attributes a mark may use: what the PDF's SVG drawing (src/pdf/svg) renders exactly. */
export const markElements = new Set(["svg", "g", "path", "rect", "circle", "line", "title", "desc"]);
export const markAttributes = new Set([
  "xmlns", "version", "id", "viewBox", "width", "height",
  "fill", "fill-rule", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "opacity",
  "d", "x", "y", "rx", "ry", "cx", "cy", "r", "x1", "y1", "x2", "y2",
]);

/** The line of the SVG text where `<tag` first appears (svg-parser keeps no positions). */
function svgLine(text: string, tag: string): number {
  const at = text.indexOf(`<${tag}`);
  return at < 0 ? 1 : text.slice(0, at).split("\n").length;
}

/** Why the SVG cannot be a mark on the cover, or null. */
export function markProblem(text: string): string | null {
  let root: ElementNode | undefined;
  try {
    root = parse(text).children.find((c): c is ElementNode => c.type === "element");
  } catch (error) {
    return `is not well-formed SVG (${(error as Error).message.split("\n")[0]})`;
  }
  if (!root || root.tagName !== "svg") return "is not an SVG file: its outermost element is not <svg>";
  const props = root.properties ?? {};
  if (props.viewBox === undefined && (props.width === undefined || props.height === undefined)) return "has neither a viewBox nor a width and height, so its size is unknown; add viewBox=\"0 0 W H\"";
  const walk = (node: Node): string | null => {
    if (node.type !== "element") return null;
    const tag = String(node.tagName);
    if (!markElements.has(tag)) return `uses <${tag}> (line ${svgLine(text, tag)} of the SVG), which the cover does not draw; a mark may use ${[...markElements].filter((t) => t !== "svg").map((t) => `<${t}>`).join(", ")} in plain colours (convert text to outlines)`;
    for (const name of Object.keys(node.properties ?? {})) {
      if (/^xmlns:/.test(name)) continue;
      if (!markAttributes.has(name)) return `uses the attribute ${name} on <${tag}> (line ${svgLine(text, tag)} of the SVG), which the cover does not draw; save the mark as plain shapes with presentation attributes`;
    }
    for (const child of node.children) {
      const problem = walk(child as Node);
      if (problem) return problem;
    }
    return null;
  };
  return walk(root);
}

/**
 * Each partner's mark, resolved relative to the edition folder inside the content folder and checked;
 * a missing, outside or undrawable file is an error naming it at the report.yml line of its `mark:`.
 */
export function checkPartnerMarks(partners: { name: string; mark: string }[], reportFile: string, reportText: string, dir: string, root: string, sink: DiagnosticSink): PartnerMark[] {
  // The i-th "mark:" line is the i-th partner's: the schema allows one per partner.
  const markLines = reportText.split(/\r?\n/).flatMap((line, i) => (/^\s*(-\s+)?mark\s*:/.test(line) ? [i + 1] : []));
  const marks: PartnerMark[] = [];
  partners.forEach((partner, i) => {
    const at = { file: reportFile, line: markLines[i] ?? 1, column: 1 };
    const file = resolveReference(partner.mark, dir, { root, expected: "an SVG file", extensions: [".svg"], maxBytes: limits.markBytes, rule: "partner-mark" }, sink, at);
    if (file === null) return;
    const text = readFileSync(file, "utf8");
    const problem = markProblem(text);
    if (problem) {
      sink.error(reportFile, "partner-mark", `The mark "${printable(partner.mark)}" of ${partner.name} ${problem}.`, { line: at.line, column: 1 });
      return;
    }
    marks.push({ name: partner.name, svg: text, line: at.line });
  });
  return marks;
}
