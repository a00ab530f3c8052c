// What each chart says, in words and in a table: its text alternative and its data, made from the same
// inputs the chart is drawn from. They are document wording, so the HTML edition (and any other renderer)
// prints them as they are and never describes a chart itself.
import { bands, levelDefinitions, type Band, type LeadershipLevel } from "../domain/vocabulary.ts";
import { fixed, NOT_AVAILABLE, percent } from "./formatters.ts";
import { count } from "../domain/plural.ts";
import { words } from "./labels.ts";
import type { ChartFigure, ChartKind, TableCell, TableColumn, TableFigure } from "./model.ts";

/** A chart figure before its text alternative and data table are added. */
export type ChartFigureCore = { [K in ChartKind]: Omit<Extract<ChartFigure, { kind: K }>, "alt" | "table"> }[ChartKind];

export interface ChartTextContext {
  /** The edition's year. */
  year: number;
  /** For a force's chart: its full name and its differences (level share − share of all officers). */
  force?: { name: string; differences: Record<LeadershipLevel, number | null> };
}

const chartWords = {
  women: "Women",
  men: "Men",
  level: "Officers",
  group: "Group",
  year: "Year",
  band: "Band",
  bandMeaning: "Share of women compared with their share of all officers",
  forceCount: "Number of forces",
  forceNames: "Forces",
  /** How far below (men) or above (women) the share of all officers a band lies. */
  bandRange: (band: Band): string => {
    if (band === "equal") return "within 1 point";
    const [side, amount] = band.split("+");
    const from = Number(amount);
    const to = { 1: 5, 5: 10, 10: 15, 15: null }[from as 1 | 5 | 10 | 15];
    const span = to === null ? `${from} or more points` : `${from} to ${to} points`;
    return `${span} ${side === "men" ? "lower" : "higher"}`;
  },
  forces: (n: number) => count(n, "force"),
  /** "9.82 points below their share of all officers". */
  against: (difference: number | null): string => {
    if (difference === null) return "no comparison with all officers";
    const size = fixed(Math.abs(difference), 2);
    if (size === "0.00") return "level with their share of all officers";
    return `${size} points ${difference < 0 ? "below" : "above"} their share of all officers`;
  },
};

const pct = (value: number | null) => (value === null ? NOT_AVAILABLE : percent(value, 2));

/** "Police staff" → "police staff", but "PCSOs" stays as it is. */
const inProse = (name: string) => (/^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name);

/** "a, b and c". */
const series = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

function table(figure: ChartFigureCore, columns: TableColumn[], rows: string[][]): TableFigure {
  const cell = (text: string): TableCell => ({ text, binding: null });
  return {
    id: `${figure.id}/data`,
    title: figure.title,
    continued: words.tableContinued,
    columns,
    rows: rows.map((row) => Object.fromEntries(columns.map((column, i) => [column.key, cell(row[i])]))),
    footerRow: null,
    notes: [],
  };
}

const left = (key: string, label: string): TableColumn => ({ key, label, align: "left" });
const right = (key: string, label: string): TableColumn => ({ key, label, align: "right" });

/** The chart with its text alternative and its data table. */
export function describeChart(figure: ChartFigureCore, context: ChartTextContext): ChartFigure {
  switch (figure.kind) {
    case "forceRepresentation": {
      const rows = figure.input.rows;
      const officers = rows.find((r) => r.level === "officers");
      const name = context.force?.name;
      if (!name || !officers) throw new Error(`${figure.id}: a force chart needs the force's name and its share of all officers.`);
      const leadership = rows
        .filter((r) => r.level !== "officers")
        .map((r) => {
          const level = r.level as LeadershipLevel;
          return `${pct(r.womenPct)} of ${levelDefinitions[level].who} (${chartWords.against(context.force!.differences[level] ?? null)})`;
        });
      return {
        ...figure,
        alt: `In ${context.year} women were ${pct(officers.womenPct)} of all officers in ${name}, ${series(leadership)}.`,
        table: table(
          figure,
          [left("level", chartWords.level), right("women", chartWords.women), right("men", chartWords.men)],
          rows.map((r) => [r.label, pct(r.womenPct), pct(r.womenPct === null ? null : 100 - r.womenPct)]),
        ),
      };
    }
    case "band": {
      const { year, level, columns, forces } = figure.input;
      const counts = bands.map((band) => ({ band, forces: forces.filter((f) => f.band === band).map((f) => f.shortName) }));
      const said = counts.filter((c) => c.forces.length > 0).map((c) => `${chartWords.bandRange(c.band)} in ${chartWords.forces(c.forces.length)}`);
      const label = (band: Band) => columns.find((c) => c.band === band)?.label ?? band;
      return {
        ...figure,
        alt:
          forces.length === 0
            ? `There are no figures for ${levelDefinitions[level].name} in ${year}.`
            : `In ${year} the share of women in ${levelDefinitions[level].name}, compared with their share of all officers, was ${series(said)} (${chartWords.forces(forces.length)} in all).`,
        table: table(
          figure,
          [left("band", chartWords.band), left("meaning", chartWords.bandMeaning), right("count", chartWords.forceCount), left("forces", chartWords.forceNames)],
          counts.map((c) => [label(c.band), chartWords.bandRange(c.band), String(c.forces.length), c.forces.join(", ")]),
        ),
      };
    }
    case "staff": {
      const groups = figure.input;
      return {
        ...figure,
        alt: `In ${context.year} women were ${series(groups.map((g) => `${pct(g.womenPct)} of ${inProse(g.role)}`))}.`,
        table: table(
          figure,
          [left("group", chartWords.group), right("women", chartWords.women), right("men", chartWords.men)],
          groups.map((g) => [g.role, pct(g.womenPct), pct(100 - g.womenPct)]),
        ),
      };
    }
    case "trend": {
      const { series: lines, points } = figure.input;
      const said = lines.map(({ key }) => {
        const known = points.filter((p) => p[key] !== null);
        const name = levelDefinitions[key].name;
        if (known.length === 0) return `there are no figures for ${name}`;
        const first = known[0];
        const last = known[known.length - 1];
        if (known.length === 1) return `in ${name} it was ${pct(first[key])} in ${first.year}`;
        const [a, b] = [pct(first[key]), pct(last[key])];
        if (a === b) return `in ${name} it stayed at ${a} from ${first.year} to ${last.year}`;
        return `in ${name} it ${first[key]! < last[key]! ? "rose" : "fell"} from ${a} in ${first.year} to ${b} in ${last.year}`;
      });
      return {
        ...figure,
        alt: `The national share of women officers: ${said.join("; ")}.`,
        table: table(
          figure,
          [left("year", chartWords.year), ...lines.map((l) => right(l.key, l.label))],
          points.map((p) => [String(p.year), ...lines.map((l) => pct(p[l.key]))]),
        ),
      };
    }
  }
}
