// Which sections an edit touched: those whose content (words, figures, sources) differs, and new ones.
import type { ReportDocument } from "../document/model.ts";

export function changedSections(before: ReportDocument, after: ReportDocument): string[] {
  const old = new Map(before.sections.map((s) => [s.id, JSON.stringify(s)]));
  return after.sections.filter((s) => old.get(s.id) !== JSON.stringify(s)).map((s) => s.id);
}
