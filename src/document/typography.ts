// British typesetting on plain text: curly quotes, spaced en dashes, ellipses, no break before % or units.
import { NBSP } from "./formatters.ts";

/** `before` is the character preceding the text (from an earlier node), so quotes open or close correctly. */
export function typeset(text: string, before = " "): string {
  let out = text
    .replace(/---/g, "\u2014")
    .replace(/--/g, "\u2013")
    .replace(/ - /g, " \u2013 ")
    .replace(/\.\.\./g, "\u2026")
    .replace(/(\d) ?%/g, `$1${NBSP}%`)
    .replace(/(\d) (pp|mm|cm|km)\b/g, `$1${NBSP}$2`);
  // A figure printed just before this text ends in a digit: "{{ x | dec2 }} %" keeps its % beside it.
  if (/\d/.test(before)) out = out.replace(/^ ?%/, `${NBSP}%`).replace(/^ (pp|mm|cm|km)\b/, `${NBSP}$1`);
  let result = "";
  let previous = before;
  for (const char of out) {
    if (char === "'") result += /[\s(\[\u2014\u2013]/.test(previous) || previous === "" ? "\u2018" : "\u2019";
    else if (char === '"') result += /[\s(\[\u2014\u2013]/.test(previous) || previous === "" ? "\u201c" : "\u201d";
    else result += char;
    previous = char;
  }
  out = result;
  return out;
}
