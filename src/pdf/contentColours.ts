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

/**
 * The stream with every RGB colour replaced by `toCmyk`'s CMYK and overprint set for 100 % K.
 * `where` names the stream in errors ("page 12", "form XObject 40 0 R"); `carried` is the state a page's
 * earlier content stream left (a page's streams are one stream in parts), and is updated.
 */
export function rewriteContentColours(content: string, toCmyk: (rgb: number[]) => Cmyk, where: string, carried: ColourState = newColourState()): string {
  const out: string[] = [];
  let copied = 0;
  const stack = carried.stack;
  let state = carried.state;
  let operands: { start: number; text: string }[] = [];
  let i = 0;
  const n = content.length;

  const replace = (from: number, to: number, text: string) => {
    out.push(content.slice(copied, from), text);
    copied = to;
  };
  const fail = (message: string): never => {
    throw new UnconvertibleColour(`${where}: ${message}`);
  };
  const overprint = (stroke: boolean, on: boolean): string => {
    const key = stroke ? "strokeOp" : "fillOp";
    if (state[key] === on) return "";
    state[key] = on;
    const name = stroke ? (on ? overprintStates.strokeOn : overprintStates.strokeOff) : on ? overprintStates.fillOn : overprintStates.fillOff;
    return ` /${name} gs`;
  };
  const setCmyk = (start: number, end: number, cmyk: Cmyk, stroke: boolean, operator: string) => {
    replace(start, end, `${cmyk.map(num).join(" ")} ${operator}${overprint(stroke, isBlack(cmyk))}`);
  };
  const numbers = (count: number, op: string) => {
    if (operands.length !== count) fail(`"${op}" with ${operands.length} operands, not ${count}`);
    return operands.map((o) => {
      const v = Number(o.text);
      if (!Number.isFinite(v)) fail(`"${op}" with a non-number operand "${o.text}"`);
      return v;
    });
  };

  while (i < n) {
    const c = content[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "%") {
      while (i < n && content[i] !== "\n" && content[i] !== "\r") i++;
      continue;
    }
    if (c === "(") {
      let depth = 0;
      for (; i < n; i++) {
        const d = content[i];
        if (d === "\\") i++;
        else if (d === "(") depth++;
        else if (d === ")" && --depth === 0) break;
      }
      if (i >= n) fail("a string that never ends");
      i++;
      operands.push({ start, text: content.slice(start, i) });
      continue;
    }
    if (c === "<" && content[i + 1] === "<") {
      i += 2;
      operands.push({ start, text: "<<" });
      continue;
    }
    if (c === ">" && content[i + 1] === ">") {
      i += 2;
      operands.push({ start, text: ">>" });
      continue;
    }
    if (c === "<") {
      const end = content.indexOf(">", i);
      if (end < 0) fail("a hex string that never ends");
      i = end + 1;
      operands.push({ start, text: content.slice(start, i) });
      continue;
    }
    if (c === "[" || c === "]" || c === "{" || c === "}") {
      i++;
      operands.push({ start, text: c });
      continue;
    }
    // A name or a number or an operator: a run of regular characters (a name starts with its slash).
    i++;
    while (i < n && !isSpace(content[i]) && !delimiters.has(content[i])) i++;
    const word = content.slice(start, i);
    if (c === "/" || /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === "true" || word === "false" || word === "null") {
      operands.push({ start, text: word });
      continue;
    }
    const first = operands[0]?.start ?? start;
    switch (word) {
      case "q":
        stack.push({ ...state });
        break;
      case "Q":
        state = stack.pop() ?? fail("Q without q");
        carried.state = state;
        break;
      case "cs":
      case "CS": {
        const space = operands.length === 1 ? operands[0].text.slice(1) : fail(`"${word}" without a colour space`);
        const stroke = word === "CS";
        if (space === "DeviceRGB") replace(first, i, `/DeviceCMYK ${word}`);
        else if (space !== "DeviceCMYK" && space !== "DeviceGray") fail(`the colour space /${space}, which the print edition's CMYK conversion does not handle`);
        state[stroke ? "stroke" : "fill"] = space;
        break;
      }
      case "sc":
      case "scn":
      case "SC":
      case "SCN": {
        const stroke = word === "SC" || word === "SCN";
        const space = stroke ? state.stroke : state.fill;
        // The space as the stream set it: after "/DeviceRGB cs" (written out as CMYK) come three values.
        const values = numbers(space === "DeviceGray" ? 1 : space === "DeviceRGB" ? 3 : 4, word);
        if (values.length === 3) setCmyk(first, i, toCmyk(values), stroke, word);
        else if (values.length === 4) setCmyk(first, i, values.map((v) => v * 100) as unknown as Cmyk, stroke, word);
        else replace(first, i, `${content.slice(first, i)}${overprint(stroke, false)}`);
        break;
      }
      case "rg":
      case "RG": {
        const stroke = word === "RG";
        state[stroke ? "stroke" : "fill"] = "DeviceRGB";
        setCmyk(first, i, toCmyk(numbers(3, word)), stroke, stroke ? "K" : "k");
        break;
      }
      case "k":
      case "K": {
        const stroke = word === "K";
        state[stroke ? "stroke" : "fill"] = "DeviceCMYK";
        setCmyk(first, i, numbers(4, word).map((v) => v * 100) as unknown as Cmyk, stroke, word);
        break;
      }
      case "g":
      case "G": {
        // Grey is black ink alone; it never overprints (black text is set as CMYK by pdfkit).
        const stroke = word === "G";
        state[stroke ? "stroke" : "fill"] = "DeviceGray";
        numbers(1, word);
        replace(first, i, `${content.slice(first, i)}${overprint(stroke, false)}`);
        break;
      }
      case "sh":
        fail("a shading (sh), which the print edition's CMYK conversion does not handle");
        break;
      case "BI":
        fail("an inline image, which the print edition's CMYK conversion does not handle");
        break;
    }
    operands = [];
  }
  out.push(content.slice(copied));
  carried.state = state;
  return out.join("");
}
