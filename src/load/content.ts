// content/<year>/: the report's words, front matter checked, forces resolved; Markdown bodies kept raw
// for the assemble stage, which binds them to the statistics.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import {
  analysisSchema,
  backPageSchema,
  entrySchema,
  forewordSchema,
  personSchema,
  reportSchema,
  type AnalysisFrontMatter,
  type EntryFrontMatter,
  type ForewordFrontMatter,
  type PersonFrontMatter,
  type ReportConfig,
} from "./contentSchemas.ts";
import type { Force, ForceRegister } from "./forceRegister.ts";
import { readMarkdownFile, type MarkdownFile } from "./frontMatter.ts";
import { readInputFile } from "./readInput.ts";
import { checkImageReference } from "./imageFile.ts";
import { warnSameOrder } from "./orderChecks.ts";
import { parseYamlWithSchema } from "./yamlData.ts";
import { checkPartnerMarks, type PartnerMark } from "./partnerMark.ts";

export interface Entry extends MarkdownFile<EntryFrontMatter> {
  force: Force;
}

export interface ContentSet {
  /** The content folder the build was given; every file it reads lies inside. */
  root: string;
  dir: string;
  report: ReportConfig;
  reportFile: string;
  /** report.yml as written, to place a problem in a setting's words at its line. */
  reportText: string;
  /** Line of each setting in report.yml. */
  reportLines: Record<string, number>;
  forewords: MarkdownFile<ForewordFrontMatter>[];
  summary: MarkdownFile<PersonFrontMatter> | null;
  analysis: MarkdownFile<AnalysisFrontMatter>[];
  entries: Entry[];
  backPage: MarkdownFile<{ title: string }> | null;
  /** The cover's partner marks, checked (report.yml partners). */
  partnerMarks: PartnerMark[];
}

/** Markdown files of a folder in name order; a missing folder is an empty list (the checks warn). */
function markdownFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md") && !name.startsWith("."))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => path.join(dir, name));
}

/**
 * A portrait is a local PNG or JPEG, its path relative to the edition folder (content/<year>/images/…).
 * The checked real path replaces the written one; a refused portrait is an error at its front-matter line.
 */
function checkPortrait(person: MarkdownFile<PersonFrontMatter> | null, contentRoot: string, dir: string, sink: DiagnosticSink): void {
  if (!person?.data.portrait) return;
  const at = { file: person.file, line: person.fieldLines.portrait, column: 1 };
  person.data.portrait = checkImageReference(person.data.portrait, dir, contentRoot, sink, at, "portrait") ?? undefined;
}

const byOrder = <T extends { data: { order?: number }; file: string }>(a: T, b: T) =>
  (a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) || (a.file < b.file ? -1 : 1);

export function loadContent(contentRoot: string, year: number, register: ForceRegister, sink: DiagnosticSink): ContentSet | null {
  const dir = path.join(contentRoot, String(year));
  const reportFile = path.join(dir, "report.yml");
  const reportText = readInputFile(reportFile, sink, "the edition's settings (title, year, running header, sources)", contentRoot);
  const report = reportText === null ? null : parseYamlWithSchema(reportFile, reportText, 1, reportSchema, sink);
  if (report && report.data.year !== year) {
    sink.error(reportFile, "report-year", `year is ${report.data.year} but this is the ${year} folder; they must agree.`, { line: report.fieldLines.year });
  }

  const forewords = markdownFiles(path.join(dir, "forewords"))
    .map((file) => readMarkdownFile(file, forewordSchema, sink, "a foreword", contentRoot))
    .filter((f): f is MarkdownFile<ForewordFrontMatter> => f !== null)
    .sort(byOrder);

  const summaryFile = path.join(dir, "executive-summary.md");
  const summary = existsSync(summaryFile) ? readMarkdownFile(summaryFile, personSchema, sink, "the executive summary", contentRoot) : null;
  const backFile = path.join(dir, "back-page.md");
  const backPage = existsSync(backFile) ? readMarkdownFile(backFile, backPageSchema, sink, "the back page", contentRoot) : null;

  for (const person of [...forewords, summary]) checkPortrait(person, contentRoot, dir, sink);

  const analysis = markdownFiles(path.join(dir, "analysis"))
    .map((file) => readMarkdownFile(file, analysisSchema, sink, "a data-analysis section", contentRoot))
    .filter((f): f is MarkdownFile<AnalysisFrontMatter> => f !== null)
    .sort(byOrder);

  const entries: Entry[] = [];
  for (const file of markdownFiles(path.join(dir, "good-practice"))) {
    const entry = readMarkdownFile(file, entrySchema, sink, "a good-practice entry", contentRoot);
    if (!entry) continue;
    const force = register.resolve(entry.data.force);
    if (!force) {
      sink.error(file, "unknown-force", `force: ${register.unknownMessage(entry.data.force)}`, { line: entry.fieldLines.force, column: 1 });
      continue;
    }
    entries.push({ ...entry, force });
  }
  warnMisnamedEntries(entries, sink);
  for (const file of [...forewords, summary, backPage, ...analysis, ...entries]) if (file) checkFrontMatterBraces(file, sink);
  warnSameOrder(forewords, "forewords", sink);
  warnSameOrder(analysis, "analysis sections", sink);
  for (const slug of new Set(entries.map((e) => e.force.slug))) warnSameOrder(entries.filter((e) => e.force.slug === slug), "entries of one force", sink);
  const registerOrder = new Map(register.forces.map((f, i) => [f.slug, i]));
  entries.sort((a, b) => registerOrder.get(a.force.slug)! - registerOrder.get(b.force.slug)! || byOrder(a, b));

  if (!report) return null;
  const partnerMarks = checkPartnerMarks(report.data.partners, reportFile, reportText ?? "", dir, contentRoot, sink);
  return { root: contentRoot, dir, report: report.data, reportFile, reportText: reportText ?? "", reportLines: report.fieldLines, forewords, summary, analysis, entries, backPage, partnerMarks };
}

/** Front matter is printed as written: {{ }} works in report.yml and the text below the front matter only. */
export function checkFrontMatterBraces(file: MarkdownFile<unknown>, sink: DiagnosticSink): void {
  for (const [key, value] of Object.entries(file.data as Record<string, unknown>)) {
    const brace = typeof value === "string" ? /\{\{|\}\}/.exec(value) : null;
    if (brace) sink.error(file.file, "unresolved-braces", `${key}: "${brace[0]}" would print as typed; {{ }} is filled in only in the text below the front matter (and in report.yml).`, { line: file.fieldLines[key], column: 1 });
  }
}

/**
 * An entry's file is named after its force: `<slug>.md`, or `<slug>-<n>.md` for a force with several
 * (north-wales-1.md, north-wales-2.md; import:entry names them so too). A name that says another force,
 * or a misspelt one, builds the right page but sends the team and the entry ids to the wrong name, so it
 * is warned about with the name to use: the first of <slug>, <slug>-2, <slug>-3 … no other file has.
 */
function warnMisnamedEntries(entries: Entry[], sink: DiagnosticSink): void {
  const stemOf = (file: string) => path.basename(file, path.extname(file));
  const taken = new Set(entries.map((e) => stemOf(e.file)));
  for (const entry of entries) {
    const { slug, name } = entry.force;
    const stem = stemOf(entry.file);
    if (stem === slug || (stem.startsWith(`${slug}-`) && /^\d+$/.test(stem.slice(slug.length + 1)))) continue;
    let n = 1;
    while (taken.has(n === 1 ? slug : `${slug}-${n}`)) n++;
    const expected = `${n === 1 ? slug : `${slug}-${n}`}${path.extname(entry.file)}`;
    sink.warn(entry.file, "entry-file-name", `This entry is about ${name} (force: ${entry.data.force}), but its file is named ${path.basename(entry.file)}; rename it ${expected}, the name of its force's entries.`, { line: entry.fieldLines.force, column: 1 });
  }
}
