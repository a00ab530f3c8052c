// Which edition is being laid out. Paper cannot be clicked, so the print edition prints each link's
// address after its text; the screen edition keeps the link alone.
import { createContext, useContext } from "react";

export const PrintEdition = createContext(false);

export const usePrintEdition = (): boolean => useContext(PrintEdition);

/**
 * Headings (their text) that a layout pass left alone at a page's foot; the renderer's next pass starts
 * each on a new page, so a heading always keeps with the text after it (src/render/copyfit.ts).
 */
export const HeadingsToBreak = createContext<ReadonlySet<string>>(new Set());

export const useHeadingsToBreak = (): ReadonlySet<string> => useContext(HeadingsToBreak);

/** The address as a reader would type it: no scheme, no "www.", no trailing slash ("gov.uk/police"). */
export function shortAddress(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/$/, "");
}

/** What follows a link's text in print: " (gov.uk/police)"; nothing on screen, for mail links, or when the text is the address. */
export function printedAddress(url: string, text: string, print: boolean): string {
  if (!print || !/^https?:\/\//.test(url)) return "";
  const address = shortAddress(url);
  return text.includes(address) ? "" : ` (${address})`;
}
