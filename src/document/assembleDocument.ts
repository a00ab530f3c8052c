// Content + statistics → the format-neutral document: every section, entry, block, chart and table with a
// stable id and its source, every printed figure a binding to the statistics and the rows behind them.
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { ContentSet, Entry } from "../load/content.ts";
import type { PersonFrontMatter, ReportConfig } from "../load/contentSchemas.ts";
import { dataNames, type DataAbout } from "../load/dataAbout.ts";
import type { ForceRegister } from "../load/forceRegister.ts";
import type { MarkdownFile } from "../load/frontMatter.ts";
import type { WorkforceYear } from "../load/workforce.ts";
import { provenanceOf } from "../statistics/provenance.ts";
import { bands } from "../domain/vocabulary.ts";
import type { ForceStatistics, Statistics } from "../statistics/types.ts";
import { BindingTable, logicalPath, type DocumentRoots } from "./bindings.ts";
import { describeChart } from "./chartText.ts";
import { analysisFigures, forceChart, forcePanel, keyFigures } from "./documentFigures.ts";
import { formatters } from "./formatters.ts";
import { labels, words } from "./labels.ts";
import { parseMarkdown, type MarkdownTrees } from "./markdown.ts";
import type { GoodPracticeEntry, Person, ReportDocument, RichText, Section, SourceRef } from "./model.ts";
import { ordinalInWords } from "./numberWords.ts";
import { checkPullQuote } from "./pullQuote.ts";
import { curlDocumentQuotes, typeset } from "./typography.ts";
import { ExpressionError, evaluate, parseExpression } from "./expressions.ts";

export interface AssembleInput {
  content: ContentSet;
  statistics: Statistics;
  register: ForceRegister;
  /** The workforce data the statistics were computed from, for the provenance of every figure. */
  years: readonly WorkforceYear[];
  /** data/<year>/about.yml: the as-at date and source the settings' {{ data.… }} names come from. */
  about?: DataAbout | null;
  roots: DocumentRoots;
  /** Markdown parsed by an earlier build, kept by the caller (src/build/prepare.ts). */
  trees?: MarkdownTrees;
}

const capitalise = formatters.capitalise;

/** Names the prose may use in {{ }}: the statistics, plus the edition's own facts. */
export function expressionContext(statistics: Statistics, edition: number, editionLabel: string, title: string, about?: DataAbout | null) {
  return { ...statistics, edition, editionLabel, title, ...(about && { data: dataNames(about) }) };
}

/**
 * report.yml's words with their {{ }} filled in (source lines, running header, metadata), from the same
 * names the prose uses; a problem is an error at its line of report.yml, and a brace left over after
 * filling (a lone "{{" or "}}") is one too, so nothing prints as typed.
 */
export function fillSettings(content: ContentSet, names: object, sink: DiagnosticSink): ReportConfig {
  const lines = content.reportText.split("\n");
  const lineOf = (key: string, value: string) => {
    const from = (content.reportLines[key] ?? 1) - 1;
    const probe = value.slice(0, 30);
    for (let i = from; i < lines.length; i++) if (lines[i].includes(probe)) return i + 1;
    return from + 1;
  };
  const fill = (key: string, value: string): string => {
    const line = lineOf(key, value);
    const columnOf = (needle: string) => Math.max(0, (lines[line - 1] ?? "").indexOf(needle)) + 1;
    const filled = value.replace(/\{\{([\s\S]*?)\}\}/g, (whole, inner: string) => {
      try {
        return evaluate(parseExpression(inner), names).text;
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        sink.error(content.reportFile, "expression", `${key}: in {{${inner}}}: ${error.message}`, { line, column: columnOf(whole) });
        return "";
      }
    });
    // A brace without its partner, found in the words as written (pairs blanked), so its column is exact.
    const stray = /\{\{|\}\}/.exec(value.replace(/\{\{[\s\S]*?\}\}/g, (m) => " ".repeat(m.length)));
    if (stray) {
      const start = (lines[line - 1] ?? "").indexOf(value);
      sink.error(content.reportFile, "unresolved-braces", `${key}: "${stray[0]}" has no partner, so it would print as typed; a name is written {{ name }} (npm run figures lists them).`, {
        line,
        column: start >= 0 ? start + stray.index + 1 : columnOf(stray[0]),
      });
    }
    return filled;
  };
  const { report } = content;
  return {
    ...report,
    title: fill("title", report.title),
    author: fill("author", report.author),
    subject: fill("subject", report.subject),
    keywords: report.keywords.map((k) => fill("keywords", k)),
    runningHeader: fill("runningHeader", report.runningHeader),
    ...(report.editionLabel !== undefined && { editionLabel: fill("editionLabel", report.editionLabel) }),
    sources: report.sources.map((s) => ({ ...s, text: fill("sources", s.text) })),
  };
}

export function editionOf(content: ContentSet): { edition: number; editionName: string; editionLabel: string } {
  const { report } = content;
  const edition = report.edition ?? report.year - report.firstEditionYear + 1;
  const editionName = `${capitalise(ordinalInWords(edition))} Annual Report`;
  return { edition, editionName, editionLabel: report.editionLabel ?? `${editionName} ${report.year}` };
}

/** "1-middle-management.md" → "middle-management": the leading number only orders the files. */
const stem = (file: string) => path.basename(file, ".md").replace(/^\d+[-_ ]/, "");

export function assembleDocument(input: AssembleInput, sink: DiagnosticSink): ReportDocument {
  const { content, statistics, register } = input;
  const { parts, edition } = partsOf(input, sink);

  // In reading order, which is also the order ids are claimed and figures bound in.
  const sections: Section[] = [...forewordSections(parts), ...summarySections(parts), ...analysisSections(parts), ...forceSections(parts, register.forces), ...backPageSections(parts)];

  // Typographic quotes in every string the renderers print, whatever file it came from.
  return curlDocumentQuotes({
    meta: {
      ...documentMeta(parts.report, edition, parts.at(content.reportFile)),
      coverGraphic: coverGraphic(statistics),
      partners: content.partnerMarks.map((m) => ({ name: m.name, svg: m.svg, source: parts.at(content.reportFile, m.line) })),
    },
    labels,
    sections,
    bindings: parts.bindings.all,
  });
}

/**
 * The sections of the forces named, alone, made as assembleDocument makes them: the preview's early look
 * at an edited entry (src/build/prepare.ts). Checks that need the whole document (ids given twice across
 * forces) are the whole build's.
 */
export function assembleForceSections(input: AssembleInput, slugs: ReadonlySet<string>, sink: DiagnosticSink): Pick<ReportDocument, "sections" | "bindings"> {
  const { parts } = partsOf(input, sink);
  return curlDocumentQuotes({ sections: forceSections(parts, input.register.forces.filter((f) => slugs.has(f.slug))), bindings: parts.bindings.all });
}

/** What every section is made with, and the edition's names. */
function partsOf({ content, statistics, years, about, roots, trees }: AssembleInput, sink: DiagnosticSink): { parts: Parts; edition: ReturnType<typeof editionOf> } {
  const edition = editionOf(content);
  const names = expressionContext(statistics, edition.edition, edition.editionLabel, content.report.title, about);
  const report = fillSettings(content, names, sink);
  const bindings = new BindingTable(provenanceOf(years, statistics.year), roots);
  const parts: Parts = {
    content,
    statistics,
    report,
    bindings,
    roots,
    sink,
    claim: idClaimer(sink),
    at: (file, line = 1, column = 1) => ({ file: logicalPath(file, roots), line, column }),
    rich: (file, idPrefix) => parseMarkdown({ file: file.file, text: file.body, firstLine: file.bodyLine, root: content.root }, { names, bindings, roots, idPrefix }, sink, trees),
  };
  return { parts, edition };
}

/** What every part of the document is made with; the binding table and the ids given so far are shared. */
interface Parts {
  content: ContentSet;
  statistics: Statistics;
  /** report.yml with its {{ }} filled in. */
  report: ReportConfig;
  bindings: BindingTable;
  roots: DocumentRoots;
  sink: DiagnosticSink;
  /** Gives an id, or reports it taken and gives a provisional one. */
  claim: (id: string, file: string, line?: number) => string;
  at: (file: string, line?: number, column?: number) => SourceRef;
  /** A file's Markdown body, its figures bound, its ids under idPrefix. */
  rich: (file: { file: string; body: string; bodyLine: number }, idPrefix: string) => RichText;
}

/** Ids are checked as they are given: two things with one id would collide in links, caches and the HTML. */
function idClaimer(sink: DiagnosticSink): Parts["claim"] {
  const owners = new Map<string, string>();
  return (id, file, line) => {
    const earlier = owners.get(id);
    if (earlier === undefined) {
      owners.set(id, file);
      return id;
    }
    sink.error(file, "duplicate-id", `This gives the id "${id}", which ${earlier} already has; rename one of the files.`, { line });
    // Carry on under a provisional id, so every other problem is reported in the same run.
    let n = 2;
    while (owners.has(`${id}~${n}`)) n++;
    owners.set(`${id}~${n}`, file);
    return `${id}~${n}`;
  };
}

/** The edition's middle-management bands, counted, for the cover; none when no force has one. */
function coverGraphic(statistics: Statistics): ReportDocument["meta"]["coverGraphic"] {
  const counts = statistics.bandCounts.middleManagement[statistics.year];
  if (!counts || bands.every((b) => counts[b] === 0)) return null;
  const shown = bands.map((band) => ({ band, forces: counts[band] }));
  return { bands: shown, alt: words.coverGraphicAlt(statistics.year, shown) };
}

function documentMeta(report: ReportConfig, names: ReturnType<typeof editionOf>, source: SourceRef): Omit<ReportDocument["meta"], "coverGraphic" | "partners"> {
  return {
    title: report.title,
    year: report.year,
    edition: names.edition,
    editionName: names.editionName,
    editionLabel: report.editionLabel ?? names.editionLabel,
    runningHeader: report.runningHeader,
    subject: report.subject,
    keywords: report.keywords,
    author: report.author,
    language: "en-GB",
    publicationDate: report.publicationDate,
    onlineEdition: report.onlineEdition ?? null,
    source,
  };
}

function person(file: MarkdownFile<PersonFrontMatter>, roots: DocumentRoots, sink: DiagnosticSink): Person {
  let portrait: string | null = null;
  if (file.data.portrait) {
    // Relative to the content folder, as content/README.md says.
    portrait = logicalPathOrNull(path.resolve(roots.contentDir, file.data.portrait), roots);
    if (portrait === null) sink.error(file.file, "portrait-outside", `portrait: "${file.data.portrait}" is outside the content folder; give a path inside it.`, { line: file.fieldLines.portrait });
  }
  return { author: file.data.author, role: file.data.role, organisation: file.data.organisation, portrait };
}

function forewordSections({ content, claim, at, rich, roots, sink }: Parts): Section[] {
  return content.forewords.map((foreword) => {
    const id = claim(`foreword/${stem(foreword.file)}`, foreword.file);
    const title = foreword.data.title ?? words.foreword;
    const body = rich(foreword, id);
    const pullQuote = checkPullQuote(foreword.data.pullQuote, body, foreword.file, foreword.fieldLines.pullQuote, sink);
    return { kind: "foreword", id, title, outlineTitle: `${title}: ${foreword.data.author}`, source: at(foreword.file), person: person(foreword, roots, sink), body, pullQuote };
  });
}

function summarySections({ content, statistics, bindings, claim, at, rich, roots, sink }: Parts): Section[] {
  const summary = content.summary;
  if (!summary) return [];
  const id = claim("summary", summary.file);
  const title = summary.data.title ?? words.summary;
  return [
    { kind: "summary", id, title, outlineTitle: `${title}: ${summary.data.author}`, source: at(summary.file), person: person(summary, roots, sink), body: rich(summary, id), keyFigures: keyFigures(statistics, bindings, id) },
  ];
}

function analysisSections({ content, statistics, report, bindings, sink, claim, at, rich }: Parts): Section[] {
  const figureOwners = new Map<string, string>();
  return content.analysis.map((section) => {
    const id = claim(`analysis/${stem(section.file)}`, section.file);
    const body = rich(section, id);
    // Each chart or table is printed once; a second section asking for it is an error, not a copy.
    const wanted = (section.data.figures ?? []).filter((name) => {
      const earlier = figureOwners.get(name);
      if (earlier === undefined) figureOwners.set(name, section.file);
      else sink.error(section.file, "duplicate-id", `The figure "${name}" is already printed by ${earlier}; a figure appears once in the report.`, { line: section.fieldLines.figures });
      return earlier === undefined;
    });
    const { charts, table } = analysisFigures(statistics, bindings, report, wanted);
    for (const chart of charts) claim(chart.id, section.file, section.fieldLines.figures);
    if (table) claim(table.id, section.file, section.fieldLines.figures);
    return { kind: "analysis", id, title: section.data.title, outlineTitle: section.data.title, source: at(section.file), kicker: words.analysisKicker, body, charts, table };
  });
}

/** One section per force in the register that has figures or an entry, in the register's order. */
function forceSections(parts: Parts, forces: ForceRegister["forces"]): Section[] {
  const entriesByForce = new Map<string, Entry[]>();
  for (const entry of parts.content.entries) entriesByForce.set(entry.force.slug, [...(entriesByForce.get(entry.force.slug) ?? []), entry]);
  const statsBySlug = new Map(parts.statistics.forces.map((f) => [f.slug, f]));
  return forces.flatMap((force) => {
    const stats = statsBySlug.get(force.slug);
    const entries = entriesByForce.get(force.slug) ?? [];
    return !stats && entries.length === 0 ? [] : [forceSection(parts, force, stats, entries)];
  });
}

function forceSection(parts: Parts, force: ForceRegister["forces"][number], stats: ForceStatistics | undefined, entries: Entry[]): Section {
  const { statistics, bindings, claim, at, rich } = parts;
  const id = claim(`force/${force.slug}`, "data/forces.csv");
  const goodPractice: GoodPracticeEntry[] = entries.map((entry) => {
    const entryId = claim(`entry/${stem(entry.file)}`, entry.file);
    return {
      id: entryId,
      source: at(entry.file),
      title: typeset(entry.data.title),
      lede: [{ type: "text", value: typeset(entry.data.lede) }],
      body: rich(entry, entryId),
      links: entry.data.links ?? [],
      sample: entry.data.sample ?? false,
    };
  });
  const panel = stats ? forcePanel(bindings, id, stats) : null;
  const chart = panel && stats ? describeChart(forceChart(bindings, force.slug, force.name, stats), { year: statistics.year, force: { name: force.name, differences: { middleManagement: stats.middleManagementDifference, seniorLeadership: stats.seniorLeadershipDifference } } }) : null;
  if (chart) claim(chart.id, "data/forces.csv");
  return {
    kind: "force",
    id,
    slug: force.slug,
    title: force.name,
    outlineTitle: force.name,
    shortName: force.shortName,
    source: entries[0] ? at(entries[0].file) : null,
    kicker: goodPractice.length > 0 ? words.forceKicker : words.forceWithoutEntryKicker,
    panel,
    noFigures: panel ? null : words.noFigures(force.name),
    chart,
    entries: goodPractice,
    noEntry: goodPractice.length === 0 ? words.noEntry : null,
    continued: words.forceContinued(force.name),
  };
}

function backPageSections({ content, report, claim, at, rich }: Parts): Section[] {
  const backPage = content.backPage;
  if (!backPage) return [];
  const id = claim("back-page", backPage.file);
  return [
    {
      kind: "back",
      id,
      title: backPage.data.title,
      outlineTitle: backPage.data.title,
      source: at(backPage.file),
      body: rich(backPage, id),
      sourcesLabel: words.dataSources,
      sources: report.sources,
      onlineEditionLabel: words.onlineEdition,
    },
  ];
}

function logicalPathOrNull(file: string, roots: DocumentRoots): string | null {
  try {
    return logicalPath(file, roots);
  } catch {
    return null;
  }
}
