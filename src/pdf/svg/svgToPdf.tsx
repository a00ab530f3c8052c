// Converts an SVG string (as Vega's `toSVG()` writes it) into react-pdf SVG primitives, so charts are
// drawn as vector paths and real text in the PDF. Follows the pitfalls recorded in
// /work/shared/notes/charts-in-react-pdf.md; anything it cannot draw faithfully is a thrown error that
// names the element, never a silent gap.
import React from "react";
import {
  Circle,
  ClipPath,
  Defs,
  G,
  Line,
  LinearGradient,
  Path,
  Rect,
  Stop,
  Svg,
  Text,
} from "@react-pdf/renderer";
import { parse, type ElementNode, type Node as SvgNode } from "svg-parser";
import { fonts } from "../../design/theme.ts";
import { fontFaceFor, fontStyleOf } from "../../charts/textMetrics.ts";
import {
  SvgConversionError,
  attrString,
  decodeEntities,
  parseColour,
  parseDashArray,
  parseLength,
  parseNumber,
  parseOpacity,
  parsePaint,
  parseTransform,
  type Paint,
} from "./values.ts";

export { SvgConversionError } from "./values.ts";

export interface SvgToPdfOptions {
  /** Width of the drawn chart in points; the height keeps the SVG's aspect ratio. Default: SVG width. */
  width?: number;
  /** Font families registered with react-pdf that text may use. Default: the theme's family. */
  fontFamilies?: readonly string[];
}

type Props = Record<string, unknown>;
interface Out {
  type: React.ElementType;
  props: Props;
  children: (Out | string)[];
}

/** SVG presentation state, inherited down the tree the way SVG inherits it. */
interface State {
  fill: Paint;
  fillOpacity: number;
  fillRule: "nonzero" | "evenodd";
  stroke: Paint;
  strokeOpacity: number;
  strokeWidth: number;
  dash: string | undefined;
  lineCap: "butt" | "round" | "square";
  lineJoin: "miter" | "round" | "bevel";
  fontFamily: string | undefined;
  fontSize: number;
  fontWeight: string | number;
  fontStyle: string;
  textAnchor: "start" | "middle" | "end";
  visible: boolean;
  /** `opacity` is not inherited in SVG but composites the whole group: multiplied down to leaves. */
  opacity: number;
  /** An ancestor carries a clip path (react-pdf would otherwise re-apply it in child coordinates). */
  clipped: boolean;
  /** Element path for error messages, e.g. "svg > g > text". */
  path: string;
}

interface Context {
  families: readonly string[];
  defs: Map<string, { tag: string; out: Out }>;
}

const el = (type: React.ElementType, props: Props, children: (Out | string)[] = []): Out => ({ type, props, children });

// Attributes that do not change what is drawn.
const IGNORED = new Set([
  "class",
  "role",
  "id",
  "xmlns",
  "xmlns:xlink",
  "xml:space",
  "version",
  "pointer-events",
  "cursor",
  "tabindex",
  "focusable",
]);
const isIgnored = (name: string): boolean =>
  IGNORED.has(name) || name.startsWith("aria-") || name.startsWith("data-");

// Presentation attributes handled by resolveState.
const PRESENTATION = new Set([
  "fill",
  "fill-opacity",
  "fill-rule",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-miterlimit",
  "opacity",
  "display",
  "visibility",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "clip-path",
  "transform",
]);

const GEOMETRY: Record<string, Set<string>> = {
  svg: new Set(["width", "height", "viewBox", "x", "y"]),
  g: new Set(),
  rect: new Set(["x", "y", "width", "height", "rx", "ry"]),
  path: new Set(["d"]),
  line: new Set(["x1", "y1", "x2", "y2"]),
  circle: new Set(["cx", "cy", "r"]),
  text: new Set(["x", "y", "dx", "dy"]),
};

// Elements that draw nothing and may be skipped.
const NON_RENDERING = new Set(["title", "desc", "metadata"]);

function fail(state: Pick<State, "path">, message: string): never {
  throw new SvgConversionError(`svgToPdf: cannot draw <${state.path}>: ${message}`);
}

function tagOf(node: ElementNode): string {
  return node.tagName ?? "?";
}

function attrs(node: ElementNode): Record<string, string | number> {
  return node.properties ?? {};
}

/** Throws on any attribute that is neither ignorable, presentation, nor geometry of this element. */
function checkAttributes(node: ElementNode, state: State, allowed: Set<string>): void {
  for (const [name, value] of Object.entries(attrs(node))) {
    if (isIgnored(name) || PRESENTATION.has(name) || allowed.has(name)) continue;
    if (name === "style" && String(value).trim() === "") continue;
    fail(state, `attribute ${name}="${value}" is not supported`);
  }
}

function resolveState(node: ElementNode, parent: State): State | null {
  const a = attrs(node);
  const tag = tagOf(node);
  const state: State = { ...parent, path: parent.path ? `${parent.path} > ${tag}` : tag };
  const where = (name: string) => name; // the error names the element itself (see fail)
  try {
    if (attrString(a.display) === "none") return null;
    const visibility = attrString(a.visibility);
    if (visibility !== undefined) {
      if (visibility === "hidden" || visibility === "collapse") state.visible = false;
      else if (visibility === "visible") state.visible = true;
      else fail(state, `visibility="${visibility}"`);
    }
    const fill = parsePaint(a.fill, where("fill"));
    if (fill) state.fill = fill;
    const stroke = parsePaint(a.stroke, where("stroke"));
    if (stroke) state.stroke = stroke;
    const fillOpacity = parseOpacity(a["fill-opacity"], where("fill-opacity"));
    if (fillOpacity !== undefined) state.fillOpacity = fillOpacity;
    const strokeOpacity = parseOpacity(a["stroke-opacity"], where("stroke-opacity"));
    if (strokeOpacity !== undefined) state.strokeOpacity = strokeOpacity;
    const opacity = parseOpacity(a.opacity, where("opacity"));
    if (opacity !== undefined) state.opacity = parent.opacity * opacity;
    const fillRule = attrString(a["fill-rule"]);
    if (fillRule !== undefined) {
      if (fillRule !== "nonzero" && fillRule !== "evenodd") fail(state, `fill-rule="${fillRule}"`);
      state.fillRule = fillRule;
    }
    const strokeWidth = parseLength(a["stroke-width"], where("stroke-width"));
    if (strokeWidth !== undefined) state.strokeWidth = strokeWidth;
    if (a["stroke-dasharray"] !== undefined) state.dash = parseDashArray(a["stroke-dasharray"], where("stroke-dasharray"));
    const dashOffset = parseLength(a["stroke-dashoffset"], where("stroke-dashoffset"));
    if (dashOffset !== undefined && dashOffset !== 0) fail(state, `stroke-dashoffset="${dashOffset}" (react-pdf draws dashes from 0)`);
    const cap = attrString(a["stroke-linecap"]);
    if (cap !== undefined) {
      if (cap !== "butt" && cap !== "round" && cap !== "square") fail(state, `stroke-linecap="${cap}"`);
      state.lineCap = cap;
    }
    const join = attrString(a["stroke-linejoin"]);
    if (join !== undefined) {
      if (join !== "miter" && join !== "round" && join !== "bevel") fail(state, `stroke-linejoin="${join}"`);
      state.lineJoin = join;
    }
    // stroke-miterlimit: react-pdf cannot set it (PDF default 10). Vega writes 4 on its root group;
    // the charts here stroke rectangles, rules and gently bending lines, where both limits draw the
    // same joins. Any other value is refused.
    const miter = parseNumber(a["stroke-miterlimit"], where("stroke-miterlimit"));
    if (miter !== undefined && miter !== 4 && miter !== 10) fail(state, `stroke-miterlimit="${miter}"`);

    const family = attrString(a["font-family"]);
    if (family !== undefined) state.fontFamily = family;
    const fontSize = parseLength(a["font-size"], where("font-size"), parent.fontSize);
    if (fontSize !== undefined) state.fontSize = fontSize;
    const weight = a["font-weight"];
    if (weight !== undefined) state.fontWeight = typeof weight === "number" ? weight : decodeEntities(weight).trim();
    const style = attrString(a["font-style"]);
    if (style !== undefined) state.fontStyle = style;
    const anchor = attrString(a["text-anchor"]);
    if (anchor !== undefined) {
      if (anchor !== "start" && anchor !== "middle" && anchor !== "end") fail(state, `text-anchor="${anchor}"`);
      state.textAnchor = anchor;
    }
  } catch (error) {
    if (error instanceof SvgConversionError && error.message.startsWith("svgToPdf:")) throw error;
    fail(state, (error as Error).message);
  }
  return state;
}

/** fill / stroke props for a shape, with opacity folded into fill and stroke alpha. */
function paintProps(state: State, ctx: Context, canFill: boolean): Props | null {
  const props: Props = {};
  let draws = false;
  const alpha = (paint: Paint, opacity: number) =>
    paint.kind === "color" ? paint.alpha * opacity * state.opacity : paint.kind === "url" ? opacity * state.opacity : 0;

  const fillAlpha = canFill ? alpha(state.fill, state.fillOpacity) : 0;
  if (fillAlpha > 0 && state.fill.kind !== "none") {
    if (state.fill.kind === "url") {
      const def = ctx.defs.get(state.fill.id);
      if (!def || def.tag !== "linearGradient") fail(state, `fill="url(#${state.fill.id})" has no gradient to refer to`);
      props.fill = `url(#${state.fill.id})`;
    } else {
      props.fill = state.fill.hex;
    }
    if (fillAlpha < 1) props.fillOpacity = round(fillAlpha);
    if (state.fillRule === "evenodd") props.fillRule = "evenodd";
    draws = true;
  } else {
    props.fill = "none";
  }

  const strokeAlpha = alpha(state.stroke, state.strokeOpacity);
  if (strokeAlpha > 0 && state.stroke.kind !== "none" && state.strokeWidth > 0) {
    if (state.stroke.kind === "url") fail(state, `stroke="url(#${state.stroke.id})": gradient strokes are not supported`);
    props.stroke = state.stroke.hex;
    props.strokeWidth = state.strokeWidth;
    if (strokeAlpha < 1) props.strokeOpacity = round(strokeAlpha);
    if (state.dash) props.strokeDasharray = state.dash;
    if (state.lineCap !== "butt") props.strokeLinecap = state.lineCap;
    if (state.lineJoin !== "miter") props.strokeLinejoin = state.lineJoin;
    draws = true;
  }
  return draws ? props : null;
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * Wraps converted content for an element's transform and clip path. SVG clips in the element's own
 * (transformed) user space, while react-pdf applies a node's clip before its transform, so a clipped
 * element becomes G(transform) > G(clipPath) > content.
 */
function wrap(content: Out[], transform: string | undefined, clipId: string | undefined, parentClipped: boolean, isGroup: boolean): Out[] {
  if (content.length === 0) return [];
  let result = content;
  if (clipId) result = [el(G, { clipPath: `url(#${clipId})` }, result)];
  if (transform) {
    // A shape or one-line text keeps its own transform; a group's goes on a G.
    if (!isGroup && !clipId && result.length === 1 && result[0].type !== G) result[0].props.transform = transform;
    else result = [el(G, { transform }, result)];
  }
  // react-pdf copies a G's clipPath onto its children, which would re-clip grandchildren in their
  // own transformed coordinates: below a clip, each node states that it adds none (null, which
  // react-pdf's own inheritance then passes further down).
  if (parentClipped) for (const out of result) if (!("clipPath" in out.props)) out.props.clipPath = null;
  return result;
}

function clipIdOf(node: ElementNode, state: State, ctx: Context): string | undefined {
  const value = attrs(node)["clip-path"];
  if (value === undefined) return undefined;
  const s = attrString(value) ?? "";
  if (s === "none" || s === "") return undefined;
  const m = /^url\(\s*['"]?#([^'")]+)['"]?\s*\)$/.exec(s);
  if (!m) fail(state, `clip-path="${s}"`);
  const def = ctx.defs.get(m[1]);
  if (!def || def.tag !== "clipPath") fail(state, `clip-path="${s}" refers to no <clipPath>`);
  return m[1];
}

function num(node: ElementNode, name: string, state: State): number | undefined {
  try {
    return parseLength(attrs(node)[name], name);
  } catch (error) {
    fail(state, (error as Error).message);
  }
}

function convertChildren(children: (SvgNode | string)[], state: State, ctx: Context): Out[] {
  const out: Out[] = [];
  for (const child of children) {
    if (typeof child === "string" || child.type === "text") {
      const text = typeof child === "string" ? child : String(child.value ?? "");
      if (text.trim() !== "") fail(state, `stray text "${text.trim()}" outside <text>`);
      continue;
    }
    out.push(...convertElement(child, state, ctx));
  }
  return out;
}

function convertElement(node: ElementNode, parent: State, ctx: Context): Out[] {
  const tag = tagOf(node);
  if (NON_RENDERING.has(tag)) return [];
  if (tag === "defs") return []; // collected beforehand
  const state = resolveState(node, parent);
  if (!state) return []; // display="none"
  const allowed = GEOMETRY[tag];
  if (!allowed) fail(state, `element <${tag}> is not supported`);
  checkAttributes(node, state, allowed);

  const transform = (() => {
    try {
      return parseTransform(attrs(node).transform, "transform");
    } catch (error) {
      return fail(state, (error as Error).message);
    }
  })();
  const clipId = clipIdOf(node, state, ctx);
  const inner: State = clipId ? { ...state, clipped: true } : state;

  let content: Out[];
  switch (tag) {
    case "g":
      content = convertChildren(node.children, inner, ctx);
      break;
    case "svg":
      return fail(state, "nested <svg> is not supported");
    case "text":
      content = convertText(node, inner, ctx);
      break;
    default:
      content = convertShape(node, tag, inner, ctx);
  }
  return wrap(content, transform, clipId, parent.clipped, tag === "g");
}

function convertShape(node: ElementNode, tag: string, state: State, ctx: Context): Out[] {
  if (node.children.some((c) => typeof c !== "string" && c.type === "element" && !NON_RENDERING.has(tagOf(c)))) {
    fail(state, `<${tag}> with child elements`);
  }
  if (!state.visible) return [];
  const paint = paintProps(state, ctx, tag !== "line");
  if (!paint) return [];
  switch (tag) {
    case "rect": {
      const width = num(node, "width", state) ?? 0;
      const height = num(node, "height", state) ?? 0;
      if (width <= 0 || height <= 0) return [];
      const props: Props = { x: num(node, "x", state) ?? 0, y: num(node, "y", state) ?? 0, width, height, ...paint };
      const rx = num(node, "rx", state);
      const ry = num(node, "ry", state);
      if (rx !== undefined && rx > 0) props.rx = rx;
      if (ry !== undefined && ry > 0) props.ry = ry;
      return [el(Rect, props)];
    }
    case "path": {
      const d = attrString(attrs(node).d) ?? "";
      if (d === "") return [];
      if (/[^MmLlHhVvCcSsQqTtAaZz0-9eE.,+\-\s]/.test(d)) fail(state, `d="${d.slice(0, 40)}" is not path data`);
      return [el(Path, { d, ...paint })];
    }
    case "line":
      // x1/y1/x2/y2 default to 0 (react-pdf throws on undefined).
      return [
        el(Line, {
          x1: num(node, "x1", state) ?? 0,
          y1: num(node, "y1", state) ?? 0,
          x2: num(node, "x2", state) ?? 0,
          y2: num(node, "y2", state) ?? 0,
          ...paint,
        }),
      ];
    case "circle": {
      const r = num(node, "r", state) ?? 0;
      if (r <= 0) return [];
      return [el(Circle, { cx: num(node, "cx", state) ?? 0, cy: num(node, "cy", state) ?? 0, r, ...paint })];
    }
    default:
      return fail(state, `element <${tag}> is not supported`);
  }
}

// --- text ------------------------------------------------------------------------------------

interface TextLine {
  x: number;
  y: number;
  text: string;
}

/** SVG's default white-space handling (xml:space="default"): drop newlines, collapse spaces. */
const collapse = (s: string): string => s.replace(/[\n\r]/g, "").replace(/\t/g, " ").replace(/ {2,}/g, " ");

function textValue(child: SvgNode | string): string {
  if (typeof child === "string") return decodeEntities(child);
  if (child.type === "text") return decodeEntities(String(child.value ?? ""));
  return "";
}

/**
 * SVG text never wraps, so a no-break space can be a plain one, drawn with the same glyph. It must be:
 * fontkit caches a glyph with the characters it was first looked up for, and react-pdf lays chart text
 * out before the pages' text; if a face's space glyph is first met as U+00A0, react-pdf no longer sees
 * spaces as spaces in that face, and squeezes letters instead of word spaces (lines then overflow).
 */
const plainSpaces = (text: string): string => text.replace(/\u00a0/g, " ");

function convertText(node: ElementNode, state: State, ctx: Context): Out[] {
  if (!state.visible) return [];
  const a = attrs(node);
  const fontSize = state.fontSize;
  const n = (v: string | number | undefined, name: string, where: State) => {
    try {
      return parseLength(v, name, fontSize);
    } catch (error) {
      return fail(where, (error as Error).message);
    }
  };
  const lines: TextLine[] = [];
  let current: TextLine = { x: (n(a.x, "x", state) ?? 0) + (n(a.dx, "dx", state) ?? 0), y: (n(a.y, "y", state) ?? 0) + (n(a.dy, "dy", state) ?? 0), text: "" };
  for (const child of node.children) {
    if (typeof child === "string" || child.type === "text") {
      current.text += textValue(child);
      continue;
    }
    const ctag = tagOf(child);
    if (NON_RENDERING.has(ctag)) continue;
    const cstate: State = { ...state, path: `${state.path} > ${ctag}` };
    if (ctag !== "tspan") fail(cstate, `<${ctag}> inside <text> is not supported`);
    const ta = attrs(child);
    for (const [name, value] of Object.entries(ta)) {
      if (isIgnored(name) || name === "x" || name === "y" || name === "dy") continue;
      fail(cstate, `attribute ${name}="${value}" on <tspan> is not supported`);
    }
    if (child.children.some((c) => typeof c !== "string" && c.type === "element")) fail(cstate, "nested <tspan>");
    const positioned = ta.x !== undefined || ta.y !== undefined || ta.dy !== undefined;
    if (positioned) {
      // react-pdf ignores dy: each positioned tspan becomes its own Text.
      const hasText = collapse(current.text).trim() !== "";
      if (hasText && ta.x === undefined) fail(cstate, "a <tspan> moved without x after text cannot be placed without measuring");
      if (hasText) lines.push(current);
      const x = n(ta.x, "x", cstate) ?? current.x;
      const y = ta.y !== undefined ? (n(ta.y, "y", cstate) ?? 0) : current.y;
      current = { x, y: y + (n(ta.dy, "dy", cstate) ?? 0), text: "" };
    }
    current.text += child.children.map(textValue).join("");
  }
  lines.push(current);

  const texts = lines
    // After collapsing, so a no-break space still counts as one that SVG keeps.
    .map((line) => ({ ...line, text: plainSpaces(collapse(line.text).trim()) }))
    .filter((line) => line.text !== "");
  if (texts.length === 0) return [];
  if (fontSize <= 0) return [];
  if (state.stroke.kind !== "none" && state.strokeOpacity * state.opacity > 0 && state.strokeWidth > 0) {
    fail(state, "stroked text is not supported");
  }
  if (state.fill.kind === "url") fail(state, "gradient-filled text is not supported");
  const alpha = state.fill.kind === "color" ? state.fill.alpha * state.fillOpacity * state.opacity : 0;
  if (alpha <= 0 || state.fill.kind !== "color") return [];

  const family = pickFamily(state, ctx);
  let weight: number;
  let fontStyle: "normal" | "italic";
  try {
    fontStyle = fontStyleOf(state.fontStyle);
    // The numeric weight of the face react-pdf will pick (a string weight would throw or fall back).
    weight = family === fonts.family ? fontFaceFor(state.fontWeight, fontStyle).weight : numericWeight(state.fontWeight);
  } catch (error) {
    return fail(state, (error as Error).message);
  }
  const style = { fontFamily: family, fontSize, fontWeight: weight, fontStyle };
  const props: Props = { fill: state.fill.hex, textAnchor: state.textAnchor };
  // react-pdf sets a text run's fill alpha from `opacity` (it ignores fillOpacity on text).
  if (alpha < 1) props.opacity = round(alpha);
  return texts.map((line) => el(Text, { x: line.x, y: line.y, ...props, style }, [line.text]));
}

function numericWeight(w: string | number): number {
  if (w === "normal") return 400;
  if (w === "bold") return 700;
  const n = Number(w);
  if (!Number.isFinite(n)) throw new Error(`font-weight="${w}"`);
  return n;
}

function pickFamily(state: State, ctx: Context): string {
  const list = (state.fontFamily ?? "")
    .split(",")
    .map((f) => f.trim().replace(/^['"]|['"]$/g, ""))
    .filter(Boolean);
  const found = list.find((f) => ctx.families.includes(f));
  if (!found) fail(state, `font-family="${state.fontFamily ?? ""}" is not a registered font (${ctx.families.join(", ")})`);
  return found;
}

// --- defs ------------------------------------------------------------------------------------

function collectDefs(root: ElementNode, ctx: Context): void {
  const visit = (node: ElementNode, path: string) => {
    for (const child of node.children) {
      if (typeof child === "string" || child.type !== "element") continue;
      const tag = tagOf(child);
      const childPath = `${path} > ${tag}`;
      if (tag === "defs") {
        for (const def of child.children) {
          if (typeof def === "string" || def.type !== "element") continue;
          convertDef(def, `${childPath} > ${tagOf(def)}`, ctx);
        }
      } else {
        visit(child, childPath);
      }
    }
  };
  visit(root, "svg");
}

function convertDef(node: ElementNode, path: string, ctx: Context): void {
  const tag = tagOf(node);
  const a = attrs(node);
  const state = { path };
  const id = attrString(a.id);
  if (!id) fail(state, "a definition without an id");
  if (ctx.defs.has(id)) fail(state, `duplicate id "${id}"`);
  if (tag === "clipPath") ctx.defs.set(id, { tag, out: clipPathDef(node, path, a, id) });
  else if (tag === "linearGradient") ctx.defs.set(id, { tag, out: linearGradientDef(node, path, a, id) });
  else fail(state, `definition <${tag}> is not supported`);
}

/** A <clipPath> in user space, of plain rects, paths and circles. */
function clipPathDef(node: ElementNode, path: string, a: Record<string, string | number>, id: string): Out {
  for (const [name, value] of Object.entries(a)) {
    if (isIgnored(name)) continue;
    if (name === "clipPathUnits" && value === "userSpaceOnUse") continue;
    fail({ path }, `attribute ${name}="${value}" is not supported`);
  }
  const shapes: Out[] = [];
  for (const child of node.children) {
    if (typeof child === "string" || child.type !== "element") continue;
    shapes.push(clipShape(child, `${path} > ${tagOf(child)}`));
  }
  return el(ClipPath, { id }, shapes);
}

/** One shape of a clip path, as bare geometry. */
function clipShape(child: ElementNode, path: string): Out {
  const ctag = tagOf(child);
  const cpath = { path };
  const ca = attrs(child);
  const geometry = GEOMETRY[ctag];
  if (!geometry || !["rect", "path", "circle"].includes(ctag)) fail(cpath, `<${ctag}> in a clip path is not supported`);
  for (const [name, value] of Object.entries(ca)) {
    if (isIgnored(name) || geometry.has(name)) continue;
    // react-pdf draws clip shapes as bare geometry: no transform, no clip of their own.
    fail(cpath, `attribute ${name}="${value}" in a clip path is not supported`);
  }
  const len = (name: string) => {
    try {
      return parseLength(ca[name], name);
    } catch (error) {
      return fail(cpath, (error as Error).message);
    }
  };
  if (ctag === "rect") return el(Rect, { x: len("x") ?? 0, y: len("y") ?? 0, width: len("width") ?? 0, height: len("height") ?? 0 });
  if (ctag === "path") return el(Path, { d: attrString(ca.d) ?? "" });
  return el(Circle, { cx: len("cx") ?? 0, cy: len("cy") ?? 0, r: len("r") ?? 0 });
}

/** A <linearGradient>: its vector, units and transform, then its stops. */
function linearGradientDef(node: ElementNode, path: string, a: Record<string, string | number>, id: string): Out {
  const props = gradientProps(a, { path }, id);
  const stops: Out[] = [];
  for (const child of node.children) {
    if (typeof child === "string" || child.type !== "element") continue;
    stops.push(gradientStop(child, `${path} > ${tagOf(child)}`));
  }
  return el(LinearGradient, props, stops);
}

/** The gradient's own attributes as react-pdf props; coordinates may be numbers or percentages. */
function gradientProps(a: Record<string, string | number>, state: Pick<State, "path">, id: string): Props {
  const props: Props = { id };
  const coord = (name: string) => {
    const v = a[name];
    if (v === undefined) return;
    const s = String(v).trim();
    const n = s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);
    if (!Number.isFinite(n)) fail(state, `${name}="${s}"`);
    props[name] = n;
  };
  for (const [name, value] of Object.entries(a)) {
    if (isIgnored(name)) continue;
    if (["x1", "y1", "x2", "y2"].includes(name)) coord(name);
    else if (name === "gradientUnits" && (value === "objectBoundingBox" || value === "userSpaceOnUse")) props.gradientUnits = value;
    else if (name === "gradientTransform") {
      try {
        props.gradientTransform = parseTransform(value, "gradientTransform");
      } catch (error) {
        fail(state, (error as Error).message);
      }
    } else if (name === "spreadMethod" && value === "pad") continue;
    else fail(state, `attribute ${name}="${value}" is not supported`);
  }
  return props;
}

/** One <stop>: react-pdf takes the colour's own alpha folded into stop-opacity. */
function gradientStop(child: ElementNode, path: string): Out {
  const cpath = { path };
  if (tagOf(child) !== "stop") fail(cpath, `<${tagOf(child)}> in a gradient is not supported`);
  const sa = attrs(child);
  let offset = 0;
  let colour = { hex: "#000000", alpha: 1 };
  let opacity = 1;
  for (const [name, value] of Object.entries(sa)) {
    if (isIgnored(name)) continue;
    if (name === "offset") {
      const o = parseOpacity(value, "offset"); // same syntax: number or percentage, clamped
      offset = o ?? 0;
    } else if (name === "stop-color") {
      const c = parseColour(String(value));
      if (!c) fail(cpath, `stop-color="${value}"`);
      colour = c;
    } else if (name === "stop-opacity") {
      opacity = parseOpacity(value, "stop-opacity") ?? 1;
    } else fail(cpath, `attribute ${name}="${value}" is not supported`);
  }
  return el(Stop, { offset, stopColor: colour.hex, stopOpacity: round(colour.alpha * opacity) });
}

// --- entry point -----------------------------------------------------------------------------

const INITIAL: Omit<State, "path"> = {
  fill: { kind: "color", hex: "#000000", alpha: 1 },
  fillOpacity: 1,
  fillRule: "nonzero",
  stroke: { kind: "none" },
  strokeOpacity: 1,
  strokeWidth: 1,
  dash: undefined,
  lineCap: "butt",
  lineJoin: "miter",
  fontFamily: undefined,
  fontSize: 16,
  fontWeight: 400,
  fontStyle: "normal",
  textAnchor: "start",
  visible: true,
  opacity: 1,
  clipped: false,
};

function toReact(out: Out | string): React.ReactNode {
  if (typeof out === "string") return out;
  return React.createElement(out.type, out.props, ...out.children.map(toReact));
}

// A chart is drawn in every copyfitting pass of its part (a measuring pass leaves it out:
// templates/measuringPass.ts): a pure function of the SVG and the options, converted once. React elements
// are descriptions, never changed by rendering, so one tree serves every pass.
const converted = new Map<string, React.ReactElement>();
const convertedLimit = 200;

/** The react-pdf element tree for an SVG string (e.g. Vega's `view.toSVG()`). */
export function svgToPdf(svg: string, options: SvgToPdfOptions = {}): React.ReactElement {
  const key = JSON.stringify([options.width ?? null, options.fontFamilies ?? null, svg]);
  let element = converted.get(key);
  if (!element) {
    element = convert(svg, options);
    if (converted.size >= convertedLimit) converted.delete(converted.keys().next().value!);
    converted.set(key, element);
  }
  return element;
}

function convert(svg: string, options: SvgToPdfOptions): React.ReactElement {
  let parsed;
  try {
    parsed = parse(svg);
  } catch (error) {
    throw new SvgConversionError(`svgToPdf: the SVG does not parse: ${(error as Error).message}`);
  }
  const root = parsed.children.find((c): c is ElementNode => c.type === "element");
  if (!root || tagOf(root) !== "svg") throw new SvgConversionError("svgToPdf: the document's root is not <svg>");
  const ctx: Context = { families: options.fontFamilies ?? [fonts.family], defs: new Map() };
  const rootState: State = { ...INITIAL, path: "svg" };
  checkAttributes(root, rootState, GEOMETRY.svg);
  const a = attrs(root);
  for (const name of ["x", "y"]) {
    if (a[name] !== undefined && Number(a[name]) !== 0) fail(rootState, `${name}="${a[name]}" on the root`);
  }
  const state = resolveState(root, { ...INITIAL, path: "" });
  if (!state) throw new SvgConversionError('svgToPdf: the root <svg> has display="none"');
  if (attrs(root).transform !== undefined || attrs(root)["clip-path"] !== undefined) {
    fail(rootState, "transform or clip-path on the root");
  }

  let viewBox: [number, number, number, number];
  const vb = attrString(a.viewBox);
  const width = num(root, "width", rootState);
  const height = num(root, "height", rootState);
  if (vb !== undefined) {
    const parts = vb.split(/[\s,]+/).map(Number);
    if (parts.length !== 4 || !parts.every(Number.isFinite) || parts[2] <= 0 || parts[3] <= 0) fail(rootState, `viewBox="${vb}"`);
    viewBox = parts as [number, number, number, number];
    // Unequal scales would need preserveAspectRatio handling: refuse rather than distort.
    if (width !== undefined && height !== undefined && Math.abs(width / height - parts[2] / parts[3]) > 1e-6) {
      fail(rootState, `width/height ${width}×${height} do not match viewBox ${vb}`);
    }
  } else {
    if (width === undefined || height === undefined) fail(rootState, "no viewBox and no width/height");
    viewBox = [0, 0, width, height];
  }
  const naturalWidth = width ?? viewBox[2];
  const outWidth = options.width ?? naturalWidth;
  const outHeight = (outWidth * viewBox[3]) / viewBox[2];

  collectDefs(root, ctx);
  const children = convertChildren(root.children, state, ctx);
  const defs = [...ctx.defs.values()].map((d) => d.out);
  const tree = el(
    Svg,
    { width: outWidth, height: outHeight, viewBox: viewBox.join(" ") },
    defs.length ? [el(Defs, {}, defs), ...children] : children,
  );
  return toReact(tree) as React.ReactElement;
}
