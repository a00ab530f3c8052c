// Parsing of SVG attribute values for the SVG → react-pdf converter. Every parser throws on a value
// it cannot represent, so the converter never draws something silently different.

export class SvgConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SvgConversionError";
  }
}

/** Decodes the XML entities Vega (and any XML serialiser) writes: named, decimal and hex. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    const named = NAMED_ENTITIES[body];
    if (named === undefined) throw new SvgConversionError(`unknown XML entity &${body};`);
    return named;
  });
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/** An attribute value as svg-parser gives it (numbers already converted) → string. */
export function attrString(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "number" ? String(value) : decodeEntities(value).trim();
}

/** A length in user units: a number, optionally with "px". Percentages and em are refused. */
export function parseLength(value: string | number | undefined, what: string, fontSize?: number): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value === "number") return value;
  const s = value.trim();
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(px|em)?$/.exec(s);
  if (!m) throw new SvgConversionError(`${what}="${value}" is not a length in user units`);
  const n = Number(m[1]);
  if (m[2] === "em") {
    if (fontSize === undefined) throw new SvgConversionError(`${what}="${value}": em without a font size`);
    return n * fontSize;
  }
  return n;
}

export function parseNumber(value: string | number | undefined, what: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = typeof value === "number" ? value : Number(value.trim());
  if (!Number.isFinite(n)) throw new SvgConversionError(`${what}="${value}" is not a number`);
  return n;
}

/** opacity-like value: number or percentage, clamped to [0, 1]. */
export function parseOpacity(value: string | number | undefined, what: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  let n: number;
  if (typeof value === "string" && value.trim().endsWith("%")) n = Number(value.trim().slice(0, -1)) / 100;
  else n = typeof value === "number" ? value : Number(value.trim());
  if (!Number.isFinite(n)) throw new SvgConversionError(`${what}="${value}" is not an opacity`);
  return Math.min(1, Math.max(0, n));
}

// ---------------------------------------------------------------------------------------------
// Paint

export type Paint =
  | { kind: "none" }
  | { kind: "color"; hex: string; alpha: number }
  | { kind: "url"; id: string };

// The CSS colour keywords a chart is likely to carry. Anything else is refused (never guessed).
const NAMED_COLOURS: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#d3d3d3",
  lightgrey: "#d3d3d3",
  darkgray: "#a9a9a9",
  darkgrey: "#a9a9a9",
  silver: "#c0c0c0",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  purple: "#800080",
  steelblue: "#4682b4",
};

const hex2 = (n: number): string => Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, "0");

function parseChannel(s: string): number {
  const t = s.trim();
  if (t.endsWith("%")) return (Number(t.slice(0, -1)) / 100) * 255;
  return Number(t);
}
function parseAlpha(s: string): number {
  const t = s.trim();
  return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
}

/** Parses a colour to `#rrggbb` plus alpha. Returns undefined for something that is not a colour. */
export function parseColour(input: string): { hex: string; alpha: number } | undefined {
  const s = input.trim().toLowerCase();
  if (s === "transparent") return { hex: "#000000", alpha: 0 };
  const named = NAMED_COLOURS[s];
  if (named) return { hex: named, alpha: 1 };
  let m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s);
  if (m) {
    let h = m[1];
    if (h.length <= 4) h = [...h].map((c) => c + c).join("");
    const alpha = h.length === 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1;
    return { hex: `#${h.slice(0, 6)}`, alpha };
  }
  m = /^rgba?\(([^)]*)\)$/.exec(s);
  if (m) {
    const parts = m[1].split(/\s*[,/]\s*|\s+/).filter(Boolean);
    if (parts.length !== 3 && parts.length !== 4) return undefined;
    const [r, g, b] = parts.slice(0, 3).map(parseChannel);
    const a = parts.length === 4 ? parseAlpha(parts[3]) : 1;
    if (![r, g, b, a].every(Number.isFinite)) return undefined;
    return { hex: `#${hex2(r)}${hex2(g)}${hex2(b)}`, alpha: Math.min(1, Math.max(0, a)) };
  }
  return undefined;
}

export function parsePaint(value: string | number | undefined, what: string): Paint | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (s === "" ) return undefined;
  if (s === "none") return { kind: "none" };
  const url = /^url\(\s*['"]?#([^'")]+)['"]?\s*\)$/.exec(s);
  if (url) return { kind: "url", id: url[1] };
  const colour = parseColour(s);
  if (!colour) throw new SvgConversionError(`${what}="${s}" is not a colour this converter can draw`);
  if (colour.alpha === 0) return { kind: "none" };
  return { kind: "color", ...colour };
}

// ---------------------------------------------------------------------------------------------
// Transforms

const TRANSFORM_ARITY: Record<string, number[]> = {
  translate: [1, 2],
  scale: [1, 2],
  rotate: [1, 3],
  matrix: [6],
  skewX: [1],
  skewY: [1],
};

/**
 * Validates an SVG transform list and returns it in a canonical form react-pdf parses
 * ("translate(x, y) rotate(a)"). Throws on an operation or argument count it cannot apply.
 */
export function parseTransform(value: string | number | undefined, what: string): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (!s) return undefined;
  const ops: string[] = [];
  const re = /\s*([a-zA-Z]+)\s*\(([^)]*)\)\s*,?/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(s)) !== null) {
    consumed = re.lastIndex;
    const name = m[1];
    const args = m[2].trim() === "" ? [] : m[2].trim().split(/\s*,\s*|\s+/).map(Number);
    const arity = TRANSFORM_ARITY[name];
    if (!arity) throw new SvgConversionError(`${what}="${s}": transform "${name}" is not supported`);
    if (!arity.includes(args.length) && !(name === "translate" && args.length === 1)) {
      throw new SvgConversionError(`${what}="${s}": ${name} takes ${arity.join(" or ")} arguments`);
    }
    if (!args.every(Number.isFinite)) throw new SvgConversionError(`${what}="${s}": bad number`);
    if (name === "translate") {
      const [x, y = 0] = args;
      if (x !== 0 || y !== 0) ops.push(`translate(${x}, ${y})`);
    } else if (name === "scale") {
      const [x, y = x] = args;
      if (x !== 1 || y !== 1) ops.push(`scale(${x}, ${y})`);
    } else if (name === "rotate") {
      if (args[0] !== 0) ops.push(args.length === 3 ? `rotate(${args[0]}, ${args[1]}, ${args[2]})` : `rotate(${args[0]})`);
    } else if (name === "matrix") {
      ops.push(`matrix(${args.join(", ")})`);
    } else {
      if (args[0] !== 0) ops.push(`${name}(${args[0]})`);
    }
  }
  if (consumed !== s.length) throw new SvgConversionError(`${what}="${s}" is not a transform list`);
  return ops.length ? ops.join(" ") : undefined;
}

/** stroke-dasharray → "a b c d" (even length, as SVG repeats an odd list), or undefined for none. */
export function parseDashArray(value: string | number | undefined, what: string): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (s === "" || s === "none") return undefined;
  const parts = s.split(/\s*,\s*|\s+/).map((p) => parseLength(p, what));
  if (parts.some((p) => p === undefined || p < 0)) throw new SvgConversionError(`${what}="${s}" is not a dash array`);
  const nums = parts as number[];
  if (nums.every((n) => n === 0)) return undefined; // SVG: all zeros = solid
  const even = nums.length % 2 === 1 ? [...nums, ...nums] : nums;
  return even.join(" ");
}
