// Warnings for reviewers: things that do not stop a build but that someone should look at.
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { count, verb } from "../domain/plural.ts";
import type { ContentSet } from "../load/content.ts";
import type { ForceRegister } from "../load/forceRegister.ts";
import type { Statistics } from "../statistics/types.ts";
import { realPath, type DocumentRoots } from "./bindings.ts";
import type { ReportDocument } from "./model.ts";

/** More forces than this with the same warning are one line listing them. */
const manyForces = 5;

/** An entry this long no longer fits two pages beside its chart. */
export const longEntryWords = 950;

/**
 * A foreword is one page: set a step smaller over `stepDown` words (templates/pages/PersonPage.tsx), and
 * over `onePage` it runs onto a second page whatever its size.
 */
export const forewordWords = { stepDown: 380, onePage: 440 } as const;

/** A lede longer than this (about six lines at the force page's 12 pt) stops reading as an opening. */
export const ledeWords = 40;

export function checkDocument(content: ContentSet, statistics: Statistics, register: ForceRegister, document: ReportDocument, sink: DiagnosticSink, roots: DocumentRoots): void {
  const officersFile = realPath(`data/${statistics.year}/officers.csv`, roots);
  const withEntries = new Set(content.entries.map((e) => e.force.slug));
  const withData = new Set(statistics.forces.map((f) => f.slug));
  const entriesDir = `${content.dir}/good-practice`;

  // A few are listed one by one (the review sheet gives each its page); many are one line with the list.
  const withoutEntry = statistics.forces.filter((force) => !withEntries.has(force.slug));
  if (withoutEntry.length > manyForces) {
    sink.warn(entriesDir, "missing-entry", `${count(withoutEntry.length, "force")} in the ${statistics.year} data have no good-practice entry; their pages will show figures only: ${withoutEntry.map((f) => f.name).join(", ")}.`);
  } else {
    for (const force of withoutEntry) sink.warn(entriesDir, "missing-entry", `${force.name} is in the ${statistics.year} data but has no good-practice entry; its page will show figures only.`);
  }
  for (const entry of content.entries) {
    // It still sets (last words tied, without overflow); the warning says where to cut.
    const lede = entry.data.lede.split(/\s+/).filter(Boolean).length;
    if (lede > ledeWords) sink.warn(entry.file, "lede-length", `The lede has ${lede} words; keep it to ${ledeWords} or fewer, so it reads as the entry's opening, not a paragraph.`, { line: entry.fieldLines.lede });
    if (!withData.has(entry.force.slug) && entry.force.dataSource !== "none") {
      sink.warn(entry.file, "entry-without-data", `${entry.force.name} sends workforce data (${entry.force.dataSource}) but none is in the ${statistics.year} data; its page will have no chart.`, { line: entry.fieldLines.force });
    }
  }
  const withoutData = register.forces.filter((force) => force.dataSource !== "none" && !withData.has(force.slug));
  if (withoutData.length > manyForces) {
    sink.warn(officersFile, "force-without-data", `${count(withoutData.length, "force")} of the register ${verb(withoutData.length, "is", "are")} not in the ${statistics.year} officer data: ${withoutData.map((f) => f.name).join(", ")}.`);
  } else {
    for (const force of withoutData) sink.warn(officersFile, "force-without-data", `${force.name} is in the register but not in the ${statistics.year} officer data.`);
  }

  // The document speaks in logical paths ("content/…"); warnings name the file as the user gave it.
  const realFile = (logical: string) => realPath(logical, roots);
  const titleLine = new Map(content.entries.map((e) => [e.file, e.fieldLines.title]));

  const titles = new Map<string, string>();
  for (const section of document.sections) {
    if (section.kind === "force") {
      for (const entry of section.entries) {
        const file = realFile(entry.source.file);
        if (entry.body.words > longEntryWords) {
          sink.warn(file, "long-entry", `The entry runs to ${entry.body.words} words; most are 250–450 and more than ${longEntryWords} will not fit two pages.`);
        }
        if (entry.body.words === 0) sink.warn(file, "empty-section", "The entry has no body text.");
        const key = entry.title.toLowerCase();
        const earlier = titles.get(key);
        if (earlier) sink.warn(file, "duplicate-title", `The title "${entry.title}" is also used by ${earlier}.`, { line: titleLine.get(file) });
        else titles.set(key, file);
      }
    }
    if (section.kind === "foreword" && section.body.words > forewordWords.onePage) {
      sink.warn(realFile(section.body.source.file), "long-foreword", `The foreword runs to ${section.body.words} words; its page holds about ${forewordWords.onePage}, so it will run onto a second page. Cut it, or accept a second page.`, { line: section.body.source.line });
    }
    if ((section.kind === "foreword" || section.kind === "summary" || section.kind === "analysis") && section.body.words === 0) {
      sink.warn(realFile(section.body.source.file), "empty-section", `The ${section.kind} "${section.title}" has no text.`);
    }
  }
  if (content.forewords.length === 0) sink.warn(`${content.dir}/forewords`, "empty-section", "There are no forewords.");
  if (!content.summary) sink.warn(`${content.dir}/executive-summary.md`, "empty-section", "There is no executive summary.");
  if (content.analysis.length === 0) sink.warn(`${content.dir}/analysis`, "empty-section", "There is no data analysis.");
}
