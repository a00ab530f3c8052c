// content/<year>/checklist.yml: the places a person must look at before the edition is published,
// written by new-edition and kept with the edition. An item is done when its text is no longer in the
// file (it was changed) or when it carries `accepted:` with a reason; a final edition is not built while
// any is open, and the archive's manifest records each acceptance and its reason.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { readInputFile } from "./readInput.ts";
import { parseYamlWithSchema } from "./yamlData.ts";

export const checklistItemSchema = z.strictObject({
  file: z.string({ error: "expected the file, relative to the edition folder (e.g. executive-summary.md)" }).min(1),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  rule: z.string().optional(),
  text: z.string({ error: "expected the words to look at, as they stand in the file" }).min(1, "expected the words to look at"),
  check: z.string().optional(),
  accepted: z.string({ error: "expected the reason the text stands as it is" }).trim().min(3, "expected a reason, in a few words, why the text stands as it is").optional(),
});

export const checklistSchema = z.strictObject({
  items: z.array(checklistItemSchema, { error: "expected a list of items, each with file, text and check" }).default([]),
});

export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export interface Checklist {
  file: string;
  items: (ChecklistItem & { itemLine: number })[];
}

export const checklistFile = (editionDir: string) => path.join(editionDir, "checklist.yml");

/** The edition's checklist, or null when it has none (an edition not started with new-edition). */
export function loadChecklist(editionDir: string, contentRoot: string, sink: DiagnosticSink): Checklist | null {
  const file = checklistFile(editionDir);
  if (!existsSync(file)) return null;
  const text = readInputFile(file, sink, "the edition's checklist (items: file, text, check, accepted)", contentRoot);
  if (text === null) return null;
  const parsed = parseYamlWithSchema(file, text, 1, checklistSchema, sink);
  if (!parsed) return null;
  // Each item's own line ("  - file: …"), so a message about an item points at it.
  const starts = [...text.matchAll(/^[ \t]*-[ \t]/gm)].map((m) => text.slice(0, m.index).split("\n").length);
  return { file, items: parsed.data.items.map((item, i) => ({ ...item, itemLine: starts[i] ?? parsed.fieldLines.items ?? 1 })) };
}

/** The checklist as new-edition writes it: one item per place, in file order. */
export function checklistText(year: number, items: ChecklistItem[]): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    `# Places to check before the ${year} edition is published, listed by new-edition.`,
    "# An item is done when its text is changed in the file, or when you add  accepted: <why it stands>.",
    "# npm run check lists the open ones; build --final and archive stop while any is open.",
    items.length === 0 ? "items: []" : "items:",
  ];
  for (const item of items) {
    lines.push(`  - file: ${q(item.file)}`);
    if (item.line !== undefined) lines.push(`    line: ${item.line}`);
    if (item.column !== undefined) lines.push(`    column: ${item.column}`);
    if (item.rule) lines.push(`    rule: ${item.rule}`);
    lines.push(`    text: ${q(item.text)}`);
    if (item.check) lines.push(`    check: ${q(item.check)}`);
    if (item.accepted) lines.push(`    accepted: ${q(item.accepted)}`);
  }
  return lines.join("\n") + "\n";
}
