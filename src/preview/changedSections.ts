// Which sections an edit touched: those whose content (words, figures, sources) differs, and new ones.
import type { ReportDocument } from "../document/model.ts";

/** Each section as text, to compare with the next build's: kept by the preview's worker, so a save writes out only the new document's. */
export function sectionTexts(document: ReportDocument): ReadonlyMap<string, string> {
  return new Map(document.sections.map((s) => [s.id, JSON.stringify(s)]));
}

/** The sections of `after` that `before` did not have as they are now, in the order of `after`. */
export function changedSections(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...after].filter(([id, text]) => before.get(id) !== text).map(([id]) => id);
}
