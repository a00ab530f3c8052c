// Reading rendered SVG in the chart tests.
import { parse, type ElementNode, type Node } from "svg-parser";

export function svgRoot(svg: string): ElementNode {
  return parse(svg).children[0] as ElementNode;
}

export function elements(node: ElementNode): ElementNode[] {
  const out: ElementNode[] = [node];
  for (const child of node.children) {
    if (typeof child !== "string" && child.type === "element") out.push(...elements(child));
  }
  return out;
}

/**
 * The items of one Vega mark: the children of its `<g class="mark-… layer_N_marks">` containers (a
 * mark faceted by series, like a line per level, has one container per series).
 */
export function markItems(svg: string, layerClass: string): ElementNode[] {
  return elements(svgRoot(svg))
    .filter((e) => e.tagName === "g" && String(e.properties?.class ?? "").split(" ").includes(layerClass))
    .flatMap((group) => group.children.filter((c): c is ElementNode => typeof c !== "string" && c.type === "element"));
}

export function textOf(node: Node | string): string {
  if (typeof node === "string") return node;
  if (node.type === "text") return String(node.value ?? "");
  return node.children.map(textOf).join(node.tagName === "text" ? "" : " ");
}

/** Every text line in the SVG (a tspan is a line). */
export function textLines(svg: string): string[] {
  const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'");
  return elements(svgRoot(svg))
    .filter((e) => e.tagName === "text")
    .flatMap((e) => {
      const tspans = e.children.filter((c): c is ElementNode => typeof c !== "string" && c.type === "element" && c.tagName === "tspan");
      return tspans.length ? tspans.map((t) => decode(textOf(t))) : [decode(textOf(e))];
    });
}
