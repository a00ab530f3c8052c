// The figures the document prints itself, not written in prose: the summary's key figures, each force's
// panel and chart, and the analysis charts and table. Every printed number is a binding to the statistics.
import type { ReportConfig } from "../load/contentSchemas.ts";
import { bandGroups, bandLabel, bands, leadershipLevels, levelDefinitions, levels, type LeadershipLevel, type Level } from "../domain/vocabulary.ts";
import type { ForceStatistics, Statistics } from "../statistics/types.ts";
import type { BindingTable } from "./bindings.ts";
import { describeChart, type ChartFigureCore } from "./chartText.ts";
import { fixed, formatters, NBSP, NOT_AVAILABLE, percent, signed } from "./formatters.ts";
import { words } from "./labels.ts";
import type { ChartFigure, ForcePanel, Inline, KeyFigures, TableCell, TableFigure } from "./model.ts";
import { measureNote } from "./measureNote.ts";

const capitalise = formatters.capitalise;

/** A figure printed by the document itself (not written in prose): a binding whose source is the data. */
function figure(bindings: BindingTable, id: string, text: string, value: number | null, statistic: string): Inline {
  const binding = bindings.add({ id, text, value, statistics: [statistic] });
  return { type: "figure", binding: binding.id, text };
}

function pctFigure(bindings: BindingTable, id: string, value: number | null, statistic: string, decimals = 2): Inline {
  return figure(bindings, id, value === null ? NOT_AVAILABLE : percent(value, decimals), value, statistic);
}

function sourcesOf(bindings: BindingTable, statisticPaths: string[]) {
  return { statistics: statisticPaths, data: bindings.dataOf(statisticPaths) };
}

/** The summary's key figures, every one bound to the statistics it prints. */
export function keyFigures(statistics: Statistics, bindings: BindingTable, sectionId: string): KeyFigures {
  const previous = statistics.national.previous;
  return {
    label: words.keyFigures,
    shares: levels.map((level) => ({
      label: words.levelLabel(level),
      now: pctFigure(bindings, `${sectionId}/key-${levelDefinitions[level].slug}-share`, statistics.national[level].womenPct, `national.${level}.womenPct`),
      before: previous ? pctFigure(bindings, `${sectionId}/key-${levelDefinitions[level].slug}-share-before`, previous[level].womenPct, `national.previous.${level}.womenPct`) : null,
      beforeLabel: words.inYear(statistics.year - 1),
    })),
    changesLabel: words.averageChange,
    changes: levels.map((level) => {
      const value = statistics.averageChange[level];
      return {
        label: words.levelLabel(level),
        value: figure(bindings, `${sectionId}/key-${levelDefinitions[level].slug}-average-change`, value === null ? NOT_AVAILABLE : `${signed(value, 2)}${NBSP}%`, value, `averageChange.${level}`),
      };
    }),
  };
}

/** A force's two differences, each with a sentence giving the shares it is the difference of; null without all three shares. */
export function forcePanel(bindings: BindingTable, sectionId: string, stats: ForceStatistics): ForcePanel | null {
  if (stats.officersWomenPct === null || stats.middleManagementWomenPct === null || stats.seniorLeadershipWomenPct === null) return null;
  const base = `forces.${stats.slug}`;
  const pct = (level: Level, n: number) => pctFigure(bindings, `${sectionId}/${levelDefinitions[level].slug}-share-${n}`, stats[level].womenPct, `${base}.${level}.womenPct`);
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
        value: figure(bindings, diffId, difference === null ? NOT_AVAILABLE : signed(difference, 2), difference, `${base}.${level}Difference`),
        unit: words.differenceUnit,
        note,
      };
    }),
  };
}

export function forceChart(bindings: BindingTable, slug: string, name: string, stats: ForceStatistics): ChartFigureCore {
  const levels = ["officers", "middleManagement", "seniorLeadership"] as const;
  return {
    id: `chart/force-${slug}`,
    kind: "forceRepresentation",
    title: `${name}: women and men among officers`,
    description: `Share of women and men among all officers, in middle management and in senior leadership at ${name}.`,
    input: { rows: levels.map((level) => ({ level, label: words.levelLabel(level), womenPct: stats[level].womenPct })) },
    ...sourcesOf(bindings, levels.map((level) => `forces.${slug}.${level}.womenPct`)),
  };
}

function bandChart(statistics: Statistics, bindings: BindingTable, level: LeadershipLevel, year: number): ChartFigureCore {
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
    ...sourcesOf(bindings, bands.map((band) => `bandCounts.${level}.${year}.${band}`)),
  };
}

function changeTable(statistics: Statistics, bindings: BindingTable): TableFigure {
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

/** The charts and table an analysis section asks for by name, in the order asked. */
export function analysisFigures(statistics: Statistics, bindings: BindingTable, report: ReportConfig, figures: readonly string[]): { charts: ChartFigure[]; table: TableFigure | null } {
  const cores: ChartFigureCore[] = [];
  let table: TableFigure | null = null;
  // The workforce data's source, as the report lists it first (report.yml `sources`).
  const sourceNote = report.sources[0] ? words.sourceNote(report.sources[0].text) : undefined;
  const chartYears = [statistics.previousYear, statistics.year].filter((y): y is number => y !== null);
  for (const name of figures) {
    if (name === "middleManagementBands") cores.push(...chartYears.map((y) => bandChart(statistics, bindings, "middleManagement", y)));
    if (name === "seniorLeadershipBands") cores.push(...chartYears.map((y) => bandChart(statistics, bindings, "seniorLeadership", y)));
    if (name === "changeTable") {
      table = changeTable(statistics, bindings);
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
        ...sourcesOf(bindings, groups.map((s) => `national.staff.${s.key}.womenPct`)),
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
        ...sourcesOf(bindings, ["trend"]),
      });
    }
  }
  // Each chart with its text alternative and data table, said from the same inputs it is drawn from.
  const charts = cores.map((core) => describeChart(core, { year: statistics.year }));
  return { charts, table };
}
