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
  return curlQuotes(out, before);
}

/** Straight quotes and apostrophes made typographic: opening after a space, bracket or dash, closing elsewhere. */
export function curlQuotes(text: string, before = " "): string {
  if (!text.includes("'") && !text.includes('"')) return text;
  let result = "";
  let previous = before;
  for (const char of text) {
    if (char === "'") result += /[\s(\[\u2014\u2013]/.test(previous) || previous === "" ? "\u2018" : "\u2019";
    else if (char === '"') result += /[\s(\[\u2014\u2013]/.test(previous) || previous === "" ? "\u201c" : "\u201d";
    else result += char;
    previous = char;
  }
  return result;
}

/** Keys whose strings are names for machines, not words for readers: never changed. */
const machineKeys = new Set(["id", "file", "url", "src", "source", "binding", "bindings", "expression", "kind", "type", "slug", "language", "publicationDate", "onlineEdition", "align", "svg", "band"]);

/**
 * Every reader-facing string a document holds with typographic quotes: names from the force register
 * ("Police Superintendents' Association"), report.yml's words and labels reach titles, contents, running
 * heads and the HTML without passing through the Markdown, so the document stage makes them once here.
 */
export function curlDocumentQuotes<T>(value: T): T {
  return curl(value) as T;
}

function curl(value: unknown): unknown {
  if (typeof value === "string") return /^[a-z][a-z0-9+.-]*:|^[^\s]*\/[^\s]*$/i.test(value) ? value : curlQuotes(value);
  if (Array.isArray(value)) return value.map(curl);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = machineKeys.has(key) ? child : curl(child);
    return out;
  }
  return value;
}
