// Content + statistics → the format-neutral document: every section, entry, block, chart and table with a
// stable id and its source, every printed figure a binding to the statistics and the rows behind them.
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { bandGroups, bandLabel, bands, leadershipLevels, levelDefinitions, levels, type LeadershipLevel, type Level } from "../domain/vocabulary.ts";
import type { ContentSet, Entry } from "../load/content.ts";
import type { PersonFrontMatter, ReportConfig } from "../load/contentSchemas.ts";
import { dataNames, type DataAbout } from "../load/dataAbout.ts";
import type { ForceRegister } from "../load/forceRegister.ts";
import type { MarkdownFile } from "../load/frontMatter.ts";
import type { WorkforceYear } from "../load/workforce.ts";
import { provenance } from "../statistics/provenance.ts";
import type { ForceStatistics, Statistics } from "../statistics/types.ts";
import { BindingTable, logicalPath, type DocumentRoots } from "./bindings.ts";
import { describeChart, type ChartFigureCore } from "./chartText.ts";
import { fixed, formatters, NBSP, NOT_AVAILABLE, percent, signed } from "./formatters.ts";
import { labels, words } from "./labels.ts";
import { parseMarkdown, type MarkdownTrees } from "./markdown.ts";
import type { ChartFigure, ForcePanel, GoodPracticeEntry, Inline, KeyFigures, Person, ReportDocument, RichText, Section, SourceRef, TableCell, TableFigure } from "./model.ts";
import { ordinalInWords } from "./numberWords.ts";
import { curlDocumentQuotes, typeset } from "./typography.ts";
import { ExpressionError, evaluate, parseExpression } from "./expressions.ts";
import { measureNote } from "./measureNote.ts";

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

export function assembleDocument({ content, statistics, register, years, about, roots, trees }: AssembleInput, sink: DiagnosticSink): ReportDocument {
  const { edition, editionName, editionLabel } = editionOf(content);
  const names = expressionContext(statistics, edition, editionLabel, content.report.title, about);
  const report = fillSettings(content, names, sink);
  const bindings = new BindingTable((statistic) => provenance(statistic, years, statistics.year), roots);
  const at = (file: string, line = 1, column = 1): SourceRef => ({ file: logicalPath(file, roots), line, column });

  // Ids are checked as they are given: two things with one id would collide in links, caches and the HTML.
  const owners = new Map<string, string>();
  const claim = (id: string, file: string, line?: number): string => {
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

  const rich = (file: { file: string; body: string; bodyLine: number }, idPrefix: string): RichText =>
    parseMarkdown({ file: file.file, text: file.body, firstLine: file.bodyLine, root: content.root }, { names, bindings, roots, idPrefix }, sink, trees);

  /** A figure printed by the document itself (not written in prose): a binding whose source is the data. */
  const figure = (id: string, text: string, value: number | null, statistic: string): Inline => {
    const binding = bindings.add({ id, text, value, statistics: [statistic] });
    return { type: "figure", binding: binding.id, text };
  };
  const pctFigure = (id: string, value: number | null, statistic: string, decimals = 2): Inline =>
    figure(id, value === null ? NOT_AVAILABLE : percent(value, decimals), value, statistic);

  const person = (file: MarkdownFile<PersonFrontMatter>): Person => {
    let portrait: string | null = null;
    if (file.data.portrait) {
      // Relative to the content folder, as content/README.md says.
      portrait = logicalPathOrNull(path.resolve(roots.contentDir, file.data.portrait), roots);
      if (portrait === null) sink.error(file.file, "portrait-outside", `portrait: "${file.data.portrait}" is outside the content folder; give a path inside it.`, { line: file.fieldLines.portrait });
    }
    return { author: file.data.author, role: file.data.role, organisation: file.data.organisation, portrait };
  };

  const sections: Section[] = [];
  const figureOwners = new Map<string, string>();
  for (const foreword of content.forewords) {
    const id = claim(`foreword/${stem(foreword.file)}`, foreword.file);
    const title = foreword.data.title ?? words.foreword;
    sections.push({ kind: "foreword", id, title, outlineTitle: `${title}: ${foreword.data.author}`, source: at(foreword.file), person: person(foreword), body: rich(foreword, id) });
  }
  if (content.summary) {
    const id = claim("summary", content.summary.file);
    const title = content.summary.data.title ?? words.summary;
    sections.push({ kind: "summary", id, title, outlineTitle: `${title}: ${content.summary.data.author}`, source: at(content.summary.file), person: person(content.summary), body: rich(content.summary, id), keyFigures: keyFigures(id) });
  }
  for (const section of content.analysis) {
    const id = claim(`analysis/${stem(section.file)}`, section.file);
    const body = rich(section, id);
    // Each chart or table is printed once; a second section asking for it is an error, not a copy.
    const wanted = (section.data.figures ?? []).filter((name) => {
      const earlier = figureOwners.get(name);
      if (earlier === undefined) figureOwners.set(name, section.file);
      else sink.error(section.file, "duplicate-id", `The figure "${name}" is already printed by ${earlier}; a figure appears once in the report.`, { line: section.fieldLines.figures });
      return earlier === undefined;
    });
    const { charts, table } = analysisFigures(wanted);
    for (const chart of charts) claim(chart.id, section.file, section.fieldLines.figures);
    if (table) claim(table.id, section.file, section.fieldLines.figures);
    sections.push({ kind: "analysis", id, title: section.data.title, outlineTitle: section.data.title, source: at(section.file), kicker: words.analysisKicker, body, charts, table });
  }

  const entriesByForce = new Map<string, Entry[]>();
  for (const entry of content.entries) entriesByForce.set(entry.force.slug, [...(entriesByForce.get(entry.force.slug) ?? []), entry]);
  const statsBySlug = new Map(statistics.forces.map((f) => [f.slug, f]));
  for (const force of register.forces) {
    const stats = statsBySlug.get(force.slug);
    const entries = entriesByForce.get(force.slug) ?? [];
    if (!stats && entries.length === 0) continue;
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
    const panel = stats ? forcePanel(id, stats) : null;
    const chart = panel && stats ? describeChart(forceChart(force.slug, force.name, stats), { year: statistics.year, force: { name: force.name, differences: { middleManagement: stats.middleManagementDifference, seniorLeadership: stats.seniorLeadershipDifference } } }) : null;
    if (chart) claim(chart.id, "data/forces.csv");
    sections.push({
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
    });
  }
  if (content.backPage) {
    const id = claim("back-page", content.backPage.file);
    sections.push({
      kind: "back",
      id,
      title: content.backPage.data.title,
      outlineTitle: content.backPage.data.title,
      source: at(content.backPage.file),
      body: rich(content.backPage, id),
      sourcesLabel: words.dataSources,
      sources: report.sources,
      onlineEditionLabel: words.onlineEdition,
    });
  }

  // Typographic quotes in every string the renderers print, whatever file it came from.
  return curlDocumentQuotes({
    meta: {
      title: report.title,
      year: report.year,
      edition,
      editionName,
      editionLabel: report.editionLabel ?? editionLabel,
      runningHeader: report.runningHeader,
      subject: report.subject,
      keywords: report.keywords,
      author: report.author,
      language: "en-GB",
      publicationDate: report.publicationDate,
      onlineEdition: report.onlineEdition ?? null,
      source: at(content.reportFile),
    },
    labels,
    sections,
    bindings: bindings.all,
  });

  // --- figures the document prints itself ------------------------------------------------------

  /** The summary's key figures, every one bound to the statistics it prints. */
  function keyFigures(sectionId: string): KeyFigures {
    const previous = statistics.national.previous;
    return {
      label: words.keyFigures,
      shares: levels.map((level) => ({
        label: words.levelLabel(level),
        now: pctFigure(`${sectionId}/key-${levelDefinitions[level].slug}-share`, statistics.national[level].womenPct, `national.${level}.womenPct`),
        before: previous ? pctFigure(`${sectionId}/key-${levelDefinitions[level].slug}-share-before`, previous[level].womenPct, `national.previous.${level}.womenPct`) : null,
        beforeLabel: words.inYear(statistics.year - 1),
      })),
      changesLabel: words.averageChange,
      changes: levels.map((level) => {
        const value = statistics.averageChange[level];
        return {
          label: words.levelLabel(level),
          value: figure(`${sectionId}/key-${levelDefinitions[level].slug}-average-change`, value === null ? NOT_AVAILABLE : `${signed(value, 2)}${NBSP}%`, value, `averageChange.${level}`),
        };
      }),
    };
  }

  function forcePanel(sectionId: string, stats: ForceStatistics): ForcePanel | null {
    if (stats.officersWomenPct === null || stats.middleManagementWomenPct === null || stats.seniorLeadershipWomenPct === null) return null;
    const base = `forces.${stats.slug}`;
    const pct = (level: Level, n: number) => pctFigure(`${sectionId}/${levelDefinitions[level].slug}-share-${n}`, stats[level].womenPct, `${base}.${level}.womenPct`);
    return {
      chartLabel: words.forceChartLabel,
      differences: leadershipLevels.map((level, n) => {
        const difference = stats[`${level}Difference`];
        const diffId = `${sectionId}/${levelDefinitions[level].slug}-difference`;
        // Women are 37.04 % of sergeants and inspectors[, 30.00 % of all officers].
        const note: Inline[] = [
          { type: "text", value: "Women are " },
          pct(level, 1),
          { type: "text", value: ` of ${levelDefinitions[level].who}` },
          ...(n === 0 ? [{ type: "text", value: ", " } as Inline, pct("officers", 1), { type: "text", value: ` of ${levelDefinitions.officers.who}.` } as Inline] : [{ type: "text", value: "." } as Inline]),
        ];
        return {
          id: diffId,
          label: words.differenceLabel(level),
          value: figure(diffId, difference === null ? NOT_AVAILABLE : signed(difference, 2), difference, `${base}.${level}Difference`),
          unit: words.differenceUnit,
          note,
        };
      }),
    };
  }

  function sourcesOf(statisticPaths: string[]) {
    return { statistics: statisticPaths, data: bindings.dataOf(statisticPaths) };
  }

  function forceChart(slug: string, name: string, stats: ForceStatistics): ChartFigureCore {
    const levels = ["officers", "middleManagement", "seniorLeadership"] as const;
    return {
      id: `chart/force-${slug}`,
      kind: "forceRepresentation",
      title: `${name}: women and men among officers`,
      description: `Share of women and men among all officers, in middle management and in senior leadership at ${name}.`,
      input: { rows: levels.map((level) => ({ level, label: words.levelLabel(level), womenPct: stats[level].womenPct })) },
      ...sourcesOf(levels.map((level) => `forces.${slug}.${level}.womenPct`)),
    };
  }

  function bandChart(level: LeadershipLevel, year: number): ChartFigureCore {
    const current = year === statistics.year;
    const forces = statistics.forces.map((f) => ({ shortName: f.shortName, band: current ? f[`${level}Band`] : (f.previousBands?.[level] ?? null) }));
    const name = levelDefinitions[level].name;
    return {
      id: `chart/band-${levelDefinitions[level].slug}-${year}`,
      kind: "band",
      title: `${capitalise(name)}, ${year}`,
      description: `Each box is one force, placed by how far the share of women in ${name} differs from the share of women among all its officers in ${year}.`,
      input: {
        year,
        level,
        columns: bands.map((band) => ({ band, label: bandLabel(band) })),
        groups: bandGroups.map((group) => ({ label: group.label, bands: [...group.bands] })),
        forces: forces.filter((f): f is { shortName: string; band: NonNullable<typeof f.band> } => f.band !== null),
      },
      ...sourcesOf(bands.map((band) => `bandCounts.${level}.${year}.${band}`)),
    };
  }

  function changeTable(): TableFigure {
    const inTable: Level[] = ["officers", "middleManagement", "seniorLeadership"];
    const id = "table/change";
    const notes: string[] = [];
    const measure = measureNote(statistics);
    if (measure) notes.push(measure);
    const undefinedChanges = statistics.forces.flatMap((f) => inTable.filter((l) => f.change[l] === null).map((l) => ({ force: f, level: l })));
    if (undefinedChanges.length > 0) {
      notes.push(
        `${NOT_AVAILABLE}: no % change can be given where a force had no women at that level, or no data, in ${statistics.previousYear ?? "the previous year"} (${undefinedChanges
          .map((u) => `${u.force.shortName}, ${levelDefinitions[u.level].name}`)
          .join("; ")}).`,
      );
    }
    const cell = (bindingId: string, value: number | null, statistic: string): TableCell => {
      const text = value === null ? NOT_AVAILABLE : `${fixed(value, 2)}${NBSP}%`;
      bindings.add({ id: bindingId, text, value, statistics: [statistic] });
      return { text, binding: bindingId };
    };
    const plain = (text: string): TableCell => ({ text, binding: null });
    return {
      id,
      title: "National representation of women officers",
      continued: words.tableContinued,
      columns: [
        { key: "force", label: "Police force", align: "left" },
        ...inTable.map((level) => ({ key: level, label: `% change in women ${level === "officers" ? "officers" : `in ${levelDefinitions[level].name}`}`, align: "right" as const })),
      ],
      rows: statistics.forces.map((f) => ({
        force: plain(f.shortName),
        ...Object.fromEntries(inTable.map((level) => [level, cell(`${id}/${f.slug}/${level}`, f.change[level], `forces.${f.slug}.change.${level}`)])),
      })),
      footerRow: {
        force: plain("Average (unweighted)"),
        ...Object.fromEntries(inTable.map((level) => [level, cell(`${id}/average/${level}`, statistics.averageChange[level], `averageChange.${level}`)])),
      },
      notes,
    };
  }

  function analysisFigures(figures: readonly string[]): { charts: ChartFigure[]; table: TableFigure | null } {
    const cores: ChartFigureCore[] = [];
    let table: TableFigure | null = null;
    // The workforce data's source, as the report lists it first (report.yml `sources`).
    const sourceNote = report.sources[0] ? words.sourceNote(report.sources[0].text) : undefined;
    const chartYears = [statistics.previousYear, statistics.year].filter((y): y is number => y !== null);
    for (const name of figures) {
      if (name === "middleManagementBands") cores.push(...chartYears.map((y) => bandChart("middleManagement", y)));
      if (name === "seniorLeadershipBands") cores.push(...chartYears.map((y) => bandChart("seniorLeadership", y)));
      if (name === "changeTable") {
        table = changeTable();
        if (sourceNote) table.notes.push(sourceNote);
      }
      if (name === "staffChart") {
        const groups = statistics.national.staff.filter((s) => s.womenPct !== null);
        cores.push({
          id: `chart/staff-${statistics.year}`,
          kind: "staff",
          title: `Women and men among police staff and volunteers, ${statistics.year}`,
          description: "The share of women and of men in each group of police staff and volunteers.",
          input: groups.map((s) => ({ role: s.role, womenPct: s.womenPct! })),
          ...(sourceNote ? { sourceNote } : {}),
          ...sourcesOf(groups.map((s) => `national.staff.${s.key}.womenPct`)),
        });
      }
      if (name === "trendChart") {
        cores.push({
          id: `chart/trend-${statistics.year}`,
          kind: "trend",
          title: "Women in middle management and senior leadership, by year",
          description: "The national share of women officers in middle management and in senior leadership in each year the data holds.",
          input: {
            series: leadershipLevels.map((key) => ({ key, label: words.levelLabel(key) })),
            points: statistics.trend.map((t) => ({ year: t.year, middleManagement: t.middleManagement, seniorLeadership: t.seniorLeadership })),
          },
          ...(sourceNote ? { sourceNote } : {}),
          ...sourcesOf(["trend"]),
        });
      }
    }
    // Each chart with its text alternative and data table, said from the same inputs it is drawn from.
    const charts = cores.map((core) => describeChart(core, { year: statistics.year }));
    return { charts, table };
  }
}

function logicalPathOrNull(file: string, roots: DocumentRoots): string | null {
  try {
    return logicalPath(file, roots);
  } catch {
    return null;
  }
}
