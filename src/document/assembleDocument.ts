// Content + statistics → the format-neutral document. Every figure in it comes from the statistics.
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { ContentSet, Entry } from "../load/content.ts";
import type { PersonFrontMatter } from "../load/contentSchemas.ts";
import type { ForceRegister } from "../load/forceRegister.ts";
import type { MarkdownFile } from "../load/frontMatter.ts";
import type { Level, Statistics } from "../statistics/types.ts";
import { fixed, formatters, NBSP, NOT_AVAILABLE } from "./formatters.ts";
import { parseMarkdown } from "./markdown.ts";
import type { ChartFigure, GoodPracticeEntry, Person, ReportDocument, RichText, Section, TableFigure } from "./model.ts";
import { ordinalInWords } from "./numberWords.ts";
import { typeset } from "./typography.ts";
import { withYearAliases } from "./yearAliases.ts";

export interface AssembleInput {
  content: ContentSet;
  statistics: Statistics;
  register: ForceRegister;
}

const capitalise = formatters.capitalise;

/** Names the prose may use in {{ }}: the statistics, plus the edition's own facts. */
export function expressionContext(statistics: Statistics, edition: number, editionLabel: string, title: string) {
  return { ...withYearAliases(statistics), edition, editionLabel, title };
}

export function editionOf(content: ContentSet): { edition: number; editionName: string; editionLabel: string } {
  const { report } = content;
  const edition = report.edition ?? report.year - report.firstEditionYear + 1;
  const editionName = `${capitalise(ordinalInWords(edition))} Annual Report`;
  return { edition, editionName, editionLabel: report.editionLabel ?? `${editionName} ${report.year}` };
}

const levelNames: Record<"middleManagement" | "seniorLeadership", string> = {
  middleManagement: "middle management",
  seniorLeadership: "senior leadership",
};

function bandChart(statistics: Statistics, level: "middleManagement" | "seniorLeadership", year: number): ChartFigure {
  const forces =
    year === statistics.year
      ? statistics.forces.map((f) => ({ shortName: f.shortName, band: level === "middleManagement" ? f.middleManagementBand : f.seniorLeadershipBand }))
      : statistics.forces.map((f) => ({ shortName: f.shortName, band: f.previousBands?.[level] ?? null }));
  return {
    id: `band-${level === "middleManagement" ? "middle-management" : "senior-leadership"}-${year}`,
    kind: "band",
    title: `${capitalise(levelNames[level])}, ${year}`,
    description: `Each box is one force, placed by how far the share of women in ${levelNames[level]} differs from the share of women among all its officers in ${year}.`,
    input: { year, level, forces: forces.filter((f): f is { shortName: string; band: NonNullable<typeof f.band> } => f.band !== null) },
  };
}

const pctCell = (value: number | null): string => (value === null ? NOT_AVAILABLE : `${fixed(value, 2)}${NBSP}%`);

function changeTable(statistics: Statistics): TableFigure {
  const levelsInTable: Level[] = ["officers", "middleManagement", "seniorLeadership"];
  const notes: string[] = [];
  const undefinedChanges = statistics.forces.flatMap((f) => levelsInTable.filter((l) => f.change[l] === null).map((l) => ({ force: f, level: l })));
  if (undefinedChanges.length > 0) {
    notes.push(
      `n/a: no % change can be given where a force had no women at that level, or no data, in ${statistics.previousYear ?? "the previous year"} (${undefinedChanges
        .map((u) => `${u.force.shortName}, ${u.level === "officers" ? "all officers" : levelNames[u.level as "middleManagement"]}`)
        .join("; ")}).`,
    );
  }
  return {
    id: "change-table",
    title: "National representation of women officers",
    columns: [
      { key: "force", label: "Police force", align: "left" },
      { key: "officers", label: "% change in women officers", align: "right" },
      { key: "middleManagement", label: "% change in women in middle management", align: "right" },
      { key: "seniorLeadership", label: "% change in women in senior leadership", align: "right" },
    ],
    rows: statistics.forces.map((f) => ({
      force: f.shortName,
      officers: pctCell(f.change.officers),
      middleManagement: pctCell(f.change.middleManagement),
      seniorLeadership: pctCell(f.change.seniorLeadership),
    })),
    footerRow: {
      force: "Average (unweighted)",
      officers: pctCell(statistics.averageChange.officers),
      middleManagement: pctCell(statistics.averageChange.middleManagement),
      seniorLeadership: pctCell(statistics.averageChange.seniorLeadership),
    },
    notes,
  };
}

function analysisCharts(statistics: Statistics, figures: readonly string[]): { charts: ChartFigure[]; table: TableFigure | null } {
  const charts: ChartFigure[] = [];
  let table: TableFigure | null = null;
  const years = [statistics.previousYear, statistics.year].filter((y): y is number => y !== null);
  for (const figure of figures) {
    if (figure === "middleManagementBands") charts.push(...years.map((y) => bandChart(statistics, "middleManagement", y)));
    if (figure === "seniorLeadershipBands") charts.push(...years.map((y) => bandChart(statistics, "seniorLeadership", y)));
    if (figure === "changeTable") table = changeTable(statistics);
    if (figure === "staffChart") {
      charts.push({
        id: `staff-${statistics.year}`,
        kind: "staff",
        title: `Women and men among police staff and volunteers, ${statistics.year}`,
        description: "The share of women and of men in each group of police staff and volunteers.",
        input: statistics.national.staff.filter((s) => s.womenPct !== null).map((s) => ({ role: s.role, womenPct: s.womenPct! })),
      });
    }
    if (figure === "trendChart") {
      charts.push({
        id: `trend-${statistics.year}`,
        kind: "trend",
        title: "Women in middle management and senior leadership, by year",
        description: "The national share of women officers in middle management and in senior leadership in each year the data holds.",
        input: statistics.trend.map((t) => ({ year: t.year, middleManagement: t.middleManagement, seniorLeadership: t.seniorLeadership })),
      });
    }
  }
  return { charts, table };
}

const person = (file: MarkdownFile<PersonFrontMatter>): Person => ({
  author: file.data.author,
  role: file.data.role,
  organisation: file.data.organisation,
  portrait: file.data.portrait ?? null,
});

export function assembleDocument({ content, statistics, register }: AssembleInput, sink: DiagnosticSink): ReportDocument {
  const { report } = content;
  const { edition, editionName, editionLabel } = editionOf(content);
  const context = expressionContext(statistics, edition, editionLabel, report.title);
  const rich = (file: { file: string; body: string; bodyLine: number }): RichText =>
    parseMarkdown({ file: file.file, text: file.body, firstLine: file.bodyLine }, context, sink);

  const sections: Section[] = [
    { kind: "cover", id: "cover", title: report.title, editionName, year: report.year },
    { kind: "contents", id: "contents", title: "Contents" },
  ];
  for (const foreword of content.forewords) {
    sections.push({ kind: "foreword", id: `foreword-${sections.length}`, title: foreword.data.title ?? "Foreword", person: person(foreword), body: rich(foreword) });
  }
  if (content.summary) {
    sections.push({ kind: "summary", id: "executive-summary", title: content.summary.data.title ?? "Executive summary", person: person(content.summary), body: rich(content.summary) });
  }
  for (const section of content.analysis) {
    const { charts, table } = analysisCharts(statistics, section.data.figures ?? []);
    sections.push({ kind: "analysis", id: `analysis-${section.data.order}`, title: section.data.title, body: rich(section), charts, table });
  }

  const entriesByForce = new Map<string, Entry[]>();
  for (const entry of content.entries) entriesByForce.set(entry.force.slug, [...(entriesByForce.get(entry.force.slug) ?? []), entry]);
  const statsBySlug = new Map(statistics.forces.map((f) => [f.slug, f]));
  for (const force of register.forces) {
    const stats = statsBySlug.get(force.slug);
    const entries = entriesByForce.get(force.slug) ?? [];
    if (!stats && entries.length === 0) continue;
    const goodPractice: GoodPracticeEntry[] = entries.map((entry) => ({
      file: entry.file,
      title: typeset(entry.data.title),
      lede: [{ type: "text", value: typeset(entry.data.lede) }],
      body: rich(entry),
      links: entry.data.links ?? [],
      sample: entry.data.sample ?? false,
    }));
    const figures =
      stats && stats.officersWomenPct !== null && stats.middleManagementWomenPct !== null && stats.seniorLeadershipWomenPct !== null
        ? {
            officersWomenPct: stats.officersWomenPct,
            middleManagementWomenPct: stats.middleManagementWomenPct,
            seniorLeadershipWomenPct: stats.seniorLeadershipWomenPct,
            middleManagementDifference: stats.middleManagementDifference!,
            seniorLeadershipDifference: stats.seniorLeadershipDifference!,
          }
        : null;
    sections.push({
      kind: "force",
      id: `force-${force.slug}`,
      slug: force.slug,
      title: force.name,
      shortName: force.shortName,
      figures,
      chart: figures
        ? {
            id: `force-${force.slug}`,
            kind: "forceRepresentation",
            title: `${force.name}: women and men among officers`,
            description: `Share of women and men among all officers, in middle management and in senior leadership at ${force.name}.`,
            input: {
              officers: { womenPct: figures.officersWomenPct },
              middleManagement: { womenPct: figures.middleManagementWomenPct },
              seniorLeadership: { womenPct: figures.seniorLeadershipWomenPct },
            },
          }
        : null,
      entries: goodPractice,
    });
  }
  if (content.backPage) {
    sections.push({ kind: "back", id: "back-page", title: content.backPage.data.title, body: rich(content.backPage), sources: report.sources });
  }

  const fill = (template: string) => template.replace(/\{\{\s*(editionLabel|title)\s*\}\}/g, (_, name: string) => (name === "title" ? report.title : editionLabel));
  return {
    meta: {
      title: report.title,
      year: report.year,
      edition,
      editionLabel,
      runningHeader: fill(report.runningHeader),
      subject: report.subject,
      keywords: report.keywords,
      author: report.author,
      language: "en-GB",
      publicationDate: report.publicationDate,
      onlineEdition: report.onlineEdition ?? null,
    },
    sections,
  };
}
