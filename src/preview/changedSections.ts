// Which sections an edit touched: those whose content (words, figures, sources) differs, and new ones.
import type { ReportDocument } from "../document/model.ts";

// Each section's text by the section itself: an early look's document shares every section but the
// edited ones with the last prepare's (src/build/prepare.ts editedEntries), so only those are written out
// again (about 3 ms of each save). Documents are never changed once made.
const texts = new WeakMap<object, string>();

/** Each section as text, to compare with the next build's: kept by the preview's worker, so a save writes out only the new document's. */
export function sectionTexts(document: ReportDocument): ReadonlyMap<string, string> {
  return new Map(
    document.sections.map((s) => {
      let text = texts.get(s);
      if (text === undefined) texts.set(s, (text = JSON.stringify(s)));
      return [s.id, text];
    }),
  );
}

/** The sections of `after` that `before` did not have as they are now, in the order of `after`. */
export function changedSections(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...after].filter(([id, text]) => before.get(id) !== text).map(([id]) => id);
}
