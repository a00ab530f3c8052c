// Rewrites the colour operators of one PDF content stream (a page's or a form XObject's) from RGB to
// CMYK, and makes 100 % black overprint. react-pdf (pdfkit) sets every colour as "/DeviceRGB cs r g b scn"
// (CS/SCN for strokes); rg/RG, g/G, k/K are handled too. Any other colour space, a shading, a pattern or
// an inline image is refused with a message naming the stream: the print edition must not carry a colour
// this step has not converted.
//
// Overprint: black text and rules print over whatever is under them (no white gap around a letter when the
// plates misregister). It is switched on only while the colour is exactly 100 % K, through ExtGStates with
// OPM 1, and off for every other colour: white type reversed out of a field must knock out.
import type { Cmyk } from "../design/printColours.ts";

export const overprintStates = {
  fillOn: "PdfxOpF1",
  fillOff: "PdfxOpF0",
  strokeOn: "PdfxOpS1",
  strokeOff: "PdfxOpS0",
} as const;

export class UnconvertibleColour extends Error {}

/** The graphics state's colour part, carried from one of a page's content streams to the next. */
export interface ColourState {
  stack: State[];
  state: State;
}

export const newColourState = (): ColourState => ({ stack: [], state: { fill: "DeviceGray", stroke: "DeviceGray" } });

interface State {
  /** The colour spaces as the stream set them (an RGB one is written out as DeviceCMYK). */
  fill: string;
  stroke: string;
  /** Overprint as last set in this stream; undefined: inherited, so the first colour sets it. */
  fillOp?: boolean;
  strokeOp?: boolean;
}

const isBlack = (c: Cmyk) => c[0] === 0 && c[1] === 0 && c[2] === 0 && c[3] === 100;
const num = (v: number) => {
  const text = (v / 100).toFixed(4).replace(/\.?0+$/, "");
  return text === "" || text === "-0" ? "0" : text;
};

const delimiters = new Set([..."()<>[]{}/%"]);
const isSpace = (c: string) => c === " " || c === "\n" || c === "\r" || c === "\t" || c === "\f" || c === "\0";

/** A lexical token of a content stream: an operand (number, name, string, bracket) or an operator. */
interface Token {
  start: number;
  end: number;
  text: string;
  operand: boolean;
}

type Fail = (message: string) => never;

/**
 * The stream with every RGB colour replaced by `toCmyk`'s CMYK and overprint set for 100 % K.
 * `where` names the stream in errors ("page 12", "form XObject 40 0 R"); `carried` is the state a page's
 * earlier content stream left (a page's streams are one stream in parts), and is updated.
 */
export function rewriteContentColours(content: string, toCmyk: (rgb: number[]) => Cmyk, where: string, carried: ColourState = newColourState()): string {
  const fail: Fail = (message) => {
    throw new UnconvertibleColour(`${where}: ${message}`);
  };
  const out: string[] = [];
  let copied = 0;
  let operands: Token[] = [];
  for (let token = nextToken(content, 0, fail); token; token = nextToken(content, token.end, fail)) {
    if (token.operand) {
      operands.push(token);
      continue;
    }
    // An operator replaces itself and its operands; everything between replacements is copied as it was.
    const first = operands[0]?.start ?? token.start;
    const replacement = applyOperator(token.text, operands, content.slice(first, token.end), carried, toCmyk, fail);
    if (replacement !== undefined) {
      out.push(content.slice(copied, first), replacement);
      copied = token.end;
    }
    operands = [];
  }
  out.push(content.slice(copied));
  return out.join("");
}

/** The next token at or after `from`, past white space and comments; undefined at the stream's end. */
function nextToken(content: string, from: number, fail: Fail): Token | undefined {
  const n = content.length;
  let i = from;
  while (i < n && (isSpace(content[i]) || content[i] === "%")) {
    if (content[i] === "%") while (i < n && content[i] !== "\n" && content[i] !== "\r") i++;
    else i++;
  }
  if (i >= n) return undefined;
  const start = i;
  const c = content[i];
  const operand = (end: number, text = content.slice(start, end)): Token => ({ start, end, text, operand: true });
  if (c === "(") return operand(stringEnd(content, i, fail));
  if (c === "<" && content[i + 1] === "<") return operand(i + 2, "<<");
  if (c === ">" && content[i + 1] === ">") return operand(i + 2, ">>");
  if (c === "<") {
    const end = content.indexOf(">", i);
    if (end < 0) fail("a hex string that never ends");
    return operand(end + 1);
  }
  if (c === "[" || c === "]" || c === "{" || c === "}") return operand(i + 1, c);
  // A name or a number or an operator: a run of regular characters (a name starts with its slash).
  i++;
  while (i < n && !isSpace(content[i]) && !delimiters.has(content[i])) i++;
  const word = content.slice(start, i);
  const isOperand = c === "/" || /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === "true" || word === "false" || word === "null";
  return { start, end: i, text: word, operand: isOperand };
}

/** Where a literal string that opens at `start` ends (after its closing parenthesis); nesting and escapes counted. */
function stringEnd(content: string, start: number, fail: Fail): number {
  const n = content.length;
  let i = start;
  let depth = 0;
  for (; i < n; i++) {
    const d = content[i];
    if (d === "\\") i++;
    else if (d === "(") depth++;
    else if (d === ")" && --depth === 0) break;
  }
  if (i >= n) fail("a string that never ends");
  return i + 1;
}

/**
 * What one operator with its operands (`original` as the stream has them) becomes, updating the colour
 * state; undefined when it stays as it is. Operators that set no colour pass through untouched.
 */
function applyOperator(word: string, operands: Token[], original: string, colour: ColourState, toCmyk: (rgb: number[]) => Cmyk, fail: Fail): string | undefined {
  const state = colour.state;
  switch (word) {
    case "q":
      colour.stack.push({ ...state });
      return undefined;
    case "Q":
      colour.state = colour.stack.pop() ?? fail("Q without q");
      return undefined;
    case "cs":
    case "CS": {
      const space = operands.length === 1 ? operands[0].text.slice(1) : fail(`"${word}" without a colour space`);
      if (space !== "DeviceRGB" && space !== "DeviceCMYK" && space !== "DeviceGray") fail(`the colour space /${space}, which the print edition's CMYK conversion does not handle`);
      state[word === "CS" ? "stroke" : "fill"] = space;
      return space === "DeviceRGB" ? `/DeviceCMYK ${word}` : undefined;
    }
    case "sc":
    case "scn":
    case "SC":
    case "SCN": {
      const stroke = word === "SC" || word === "SCN";
      const space = stroke ? state.stroke : state.fill;
      // The space as the stream set it: after "/DeviceRGB cs" (written out as CMYK) come three values.
      const values = numbers(operands, space === "DeviceGray" ? 1 : space === "DeviceRGB" ? 3 : 4, word, fail);
      if (values.length === 3) return cmykOperator(state, toCmyk(values), stroke, word);
      if (values.length === 4) return cmykOperator(state, values.map((v) => v * 100) as unknown as Cmyk, stroke, word);
      return `${original}${overprint(state, stroke, false)}`;
    }
    case "rg":
    case "RG": {
      const stroke = word === "RG";
      state[stroke ? "stroke" : "fill"] = "DeviceRGB";
      return cmykOperator(state, toCmyk(numbers(operands, 3, word, fail)), stroke, stroke ? "K" : "k");
    }
    case "k":
    case "K": {
      const stroke = word === "K";
      state[stroke ? "stroke" : "fill"] = "DeviceCMYK";
      return cmykOperator(state, numbers(operands, 4, word, fail).map((v) => v * 100) as unknown as Cmyk, stroke, word);
    }
    case "g":
    case "G": {
      // Grey is black ink alone; it never overprints (black text is set as CMYK by pdfkit).
      const stroke = word === "G";
      state[stroke ? "stroke" : "fill"] = "DeviceGray";
      numbers(operands, 1, word, fail);
      return `${original}${overprint(state, stroke, false)}`;
    }
    case "sh":
      return fail("a shading (sh), which the print edition's CMYK conversion does not handle");
    case "BI":
      return fail("an inline image, which the print edition's CMYK conversion does not handle");
  }
  return undefined;
}

/** The operands of `op` as numbers, exactly `count` of them. */
function numbers(operands: Token[], count: number, op: string, fail: Fail): number[] {
  if (operands.length !== count) fail(`"${op}" with ${operands.length} operands, not ${count}`);
  return operands.map((o) => {
    const v = Number(o.text);
    if (!Number.isFinite(v)) fail(`"${op}" with a non-number operand "${o.text}"`);
    return v;
  });
}

/** A CMYK colour operator (0–1 values), followed by the overprint switch when overprint changes. */
function cmykOperator(state: State, cmyk: Cmyk, stroke: boolean, operator: string): string {
  return `${cmyk.map(num).join(" ")} ${operator}${overprint(state, stroke, isBlack(cmyk))}`;
}

/** The graphics state that turns overprint on or off for fills or strokes; nothing when it is already so. */
function overprint(state: State, stroke: boolean, on: boolean): string {
  const key = stroke ? "strokeOp" : "fillOp";
  if (state[key] === on) return "";
  state[key] = on;
  const name = stroke ? (on ? overprintStates.strokeOn : overprintStates.strokeOff) : on ? overprintStates.fillOn : overprintStates.fillOff;
  return ` /${name} gs`;
}
