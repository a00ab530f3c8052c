// A foreword's pull quote (front matter `pullQuote:`): printed large beside the text, so it must be the
// author's own words as the text prints them, whole sentences, never a paraphrase a reader would take
// for a quotation. Anything else is a warning at the field's line and the quote is left out.
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { RichText } from "./model.ts";
import { blockTexts } from "./markdown.ts";
import { typeset } from "./typography.ts";

/** Beyond this the quote outgrows the side column beside the text (about twelve lines at its size). */
export const pullQuoteMaxWords = 40;

/** Spaces of any kind as one space, so a line break or no-break space in either text does not matter. */
const spaced = (text: string) => text.replace(/[\s\u00a0]+/g, " ").trim();


const sentenceEnd = /[.!?\u2026][\u2019\u201d)]*$/;

/** True when `quote` stands in one paragraph as one or more whole sentences (its last full stop may be left off). */
function isWholeSentences(quote: string, paragraph: string): boolean {
  for (let at = paragraph.indexOf(quote); at >= 0; at = paragraph.indexOf(quote, at + 1)) {
    const before = paragraph.slice(0, at);
    const after = paragraph.slice(at + quote.length);
    const starts = before === "" || /[.!?\u2026][\u2019\u201d)]* $/.test(before);
    const ends = sentenceEnd.test(quote) ? after === "" || after.startsWith(" ") : /^[.!?\u2026][\u2019\u201d)]*( |$)/.test(after);
    if (starts && ends) return true;
  }
  return false;
}

/**
 * The pull quote as printed (typeset as the text is: curly quotes, dashes, no break before %), or null
 * with a warning at `line` when it is not whole sentences of the body or is too long for its column.
 */
export function checkPullQuote(written: string | undefined, body: RichText, file: string, line: number | undefined, sink: DiagnosticSink): string | null {
  if (written === undefined) return null;
  // Printed with the text's no-break spaces ("30 %" stays on one line); compared without them.
  const printed = typeset(written.replace(/[ \t\r\n]+/g, " ").trim());
  const quote = spaced(printed);
  const at = { line, column: 1 };
  const words = quote.split(" ").length;
  if (words > pullQuoteMaxWords) {
    sink.warn(file, "pull-quote", `pullQuote: ${words} words is more than the side column holds (${pullQuoteMaxWords} at most), so it is not printed; choose a shorter sentence.`, at);
    return null;
  }
  // Any block the body prints, lists and block quotes included (not footnotes).
  if (!blockTexts(body.blocks).some((p) => isWholeSentences(quote, spaced(p)))) {
    sink.warn(file, "pull-quote", `pullQuote: "${quote}" is not a whole sentence of the text below, word for word, so it is not printed; copy one or two sentences from the text exactly.`, at);
    return null;
  }
  return printed;
}
