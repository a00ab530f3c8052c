// HTML built from strings, safely: every value put into the `html` template is escaped unless it is
// already Html (made by this module), so a word from the content can never become markup.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value with &, <, >, " and ' escaped. */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

function flatten(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(flatten).join("");
  return escape(String(part));
}

/** A template literal whose values are escaped (arrays joined; null, undefined and false print nothing). */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += flatten(value) + strings[i + 1];
  });
  return new Html(out);
}

/** Markup that is trusted as it is: only for what the renderer made itself (e.g. a chart's SVG). */
export function trusted(markup: string): Html {
  return new Html(markup);
}
