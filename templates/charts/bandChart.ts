// The band chart: the nine bands (men +15 % … equal … women +15 %) as columns across the page, one
// equal-sized box per force stacked in its band's column, each box named. The page prints the title.
import type { TopLevelSpec } from "vega-lite";
import { bands, type Band } from "../../src/domain/vocabulary.ts";
import type { ChartInputs } from "../../src/document/model.ts";
import { charts, colours } from "../../src/design/theme.ts";
import {
  LINE_HEIGHT,
  capHeight,
  chartConfig,
  csvColumns,
  descent,
  r2,
  textColourOn,
  textColumnWidth,
  textWidth,
  atPoints,
  placedRect,
} from "./common.ts";
import { fitLabel } from "./fitLabel.ts";

export type BandChartInput = ChartInputs["band"];

export interface BandChartOptions {
  /** Overall width in points; default the A4 text column. */
  width?: number;
}

// Spacing in points. Names are set at one size; a box is as tall as its name's lines, with room
// above the capitals and below the descenders so no letter touches its edge.
const LABEL_SIZE = charts.bandLabelFontSize;
const COLUMN_GAP = 1.8; // between neighbouring columns' boxes
const ROW_GAP = 1.2; // between stacked boxes
const PAD_X = 1.8; // text inset from the box's sides
const PAD_Y = 2.4; // from the capitals to the box's top, and from the baseline to its bottom
const AXIS_GAP = 4; // from the lowest box to the baseline rule and labels
const COUNT_GAP = 3; // from a column's count to its top box
const GROUP_GAP = 3; // from the column labels to a group's bracket, and to its words

interface Label {
  lines: string[];
  fontSize: number;
}

interface Layout {
  boxWidth: number;
  labels: Map<string, Label>;
}

/** A name over as many lines as it needs at the label size, broken between words. */
function wrapWords(name: string, width: number): Label {
  const lines: string[] = [];
  let line = "";
  for (const word of name.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, LABEL_SIZE) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  lines.push(line);
  // Only a single word wider than the box makes the name smaller.
  const widest = Math.max(...lines.map((l) => textWidth(l, LABEL_SIZE)));
  return { lines, fontSize: Math.floor(Math.min(LABEL_SIZE, (LABEL_SIZE * width) / widest) * 100) / 100 };
}

/**
 * Each name in full at the label size: one line, else two between words, else three between words
 * ("British / Transport / Police") rather than a name cut inside a word; a single word too long for
 * the box is hyphenated ("Nottingham-" / "shire").
 */
function fitName(name: string, width: number): Label {
  if (textWidth(name, LABEL_SIZE) <= width) return { lines: [name], fontSize: LABEL_SIZE };
  const two = fitLabel(name, { width, height: Infinity, maxFontSize: LABEL_SIZE, minFontSize: LABEL_SIZE });
  const cutInWord = two.lines.some((line, i) => i < two.lines.length - 1 && line.endsWith("-") && !name.includes(line));
  const byWords = wrapWords(name, width);
  if (two.fontSize >= LABEL_SIZE && !(cutInWord && byWords.fontSize >= LABEL_SIZE && byWords.lines.length <= 3)) return two;
  return byWords.fontSize >= LABEL_SIZE || two.fontSize < byWords.fontSize ? byWords : two;
}

function layoutLabels(names: string[], boxWidth: number): Layout {
  return { boxWidth, labels: new Map(names.map((name) => [name, fitName(name, boxWidth - 2 * PAD_X)])) };
}

/** A box's height: its lines from the capitals to the last baseline, padded. */
const boxHeightOf = (label: Label): number => 2 * PAD_Y + capHeight(label.fontSize) + (label.lines.length - 1) * LINE_HEIGHT * label.fontSize;

/** A column's stack, top to bottom, with ROW_GAP between its boxes. */
const stackHeightOf = (names: string[], layout: Layout): number =>
  names.reduce((sum, name) => sum + boxHeightOf(layout.labels.get(name)!), 0) + Math.max(0, names.length - 1) * ROW_GAP;

/** The column words by band, from the document; the spec only places them. */
function columnLabeller(data: BandChartInput): (band: Band) => string {
  const labelOf = new Map(data.columns.map((c) => [c.band, c.label]));
  return (band) => {
    const label = labelOf.get(band);
    if (label === undefined) throw new Error(`bandChart: no column label for the band "${band}"`);
    return label;
  };
}

/** Column label size: the chart size, smaller only if a label would not fit its column. */
function headerFontSize(step: number, bandLabel: (band: Band) => string): number {
  return Math.min(
    charts.fontSize,
    ...bands.map((b) => (charts.fontSize * (step - ROW_GAP)) / textWidth(bandLabel(b), charts.fontSize, 600)),
  );
}

/** Each band's force names, in the input's order. */
function namesByBand(forces: BandChartInput["forces"]): Map<Band, string[]> {
  const byBand = new Map<Band, string[]>(bands.map((b) => [b, []]));
  for (const force of forces) byBand.get(force.band)!.push(force.shortName);
  return byBand;
}

interface VerticalLayout {
  /** Baseline of the columns' counts, above the tallest stack. */
  countBaseline: number;
  /** Bottom of the lowest boxes. */
  baseY: number;
  ruleY: number;
  headerBaseline: number;
  groupSize: number;
  bracketY: number;
  groupBaseline: number;
  height: number;
}

/** Heights down the chart: the counts, the stacks, the baseline rule, the column labels, then the groups' brackets and words. */
function verticalLayout(stackHeight: number, headerSize: number, hasGroups: boolean): VerticalLayout {
  const countBaseline = capHeight(LABEL_SIZE, 600) + 1.5;
  const baseY = countBaseline + COUNT_GAP + stackHeight;
  const ruleY = baseY + AXIS_GAP / 2;
  const headerBaseline = baseY + AXIS_GAP + capHeight(headerSize) + headerSize * 0.2;
  const groupSize = LABEL_SIZE + 0.5;
  const bracketY = headerBaseline + descent(headerSize) + GROUP_GAP;
  const groupBaseline = bracketY + GROUP_GAP + capHeight(groupSize);
  const height = Math.ceil(hasGroups ? groupBaseline + descent(groupSize) : headerBaseline + descent(headerSize));
  return { countBaseline, baseY, ruleY, headerBaseline, groupSize, bracketY, groupBaseline, height };
}

/** Under the column labels, a bracket and words for each group of columns ("points more men"). */
function groupMarksOf(groups: NonNullable<BandChartInput["groups"]>, step: number, vertical: VerticalLayout) {
  return groups.map((group) => {
    const columns = group.bands.map((band) => bands.indexOf(band));
    if (columns.some((c) => c < 0)) throw new Error(`bandChart: the group "${group.label}" names an unknown band`);
    const first = Math.min(...columns);
    const last = Math.max(...columns);
    return { label: group.label, x: r2(first * step + COLUMN_GAP), x2: r2((last + 1) * step - COLUMN_GAP), xMid: r2(((first + last + 1) * step) / 2), y: r2(vertical.bracketY), baseline: r2(vertical.groupBaseline) };
  });
}

/** One data row per force: its CSV fields and its box's and name's placement. */
function boxRows(data: BandChartInput, byBand: Map<Band, string[]>, layout: Layout, step: number, baseY: number, bandLabel: (band: Band) => string) {
  const { boxWidth, labels } = layout;
  const groupOf = new Map((data.groups ?? []).flatMap((g) => g.bands.map((b) => [b, g.label] as const)));
  const rows: Record<string, unknown>[] = [];
  bands.forEach((band, column) => {
    const x = column * step + (step - boxWidth) / 2;
    // Alphabetical reading down the stack: the first name sits on top.
    const names = [...byBand.get(band)!].sort((a, b) => a.localeCompare(b, "en-GB"));
    const fill = colours.bands[band];
    const ink = textColourOn(fill);
    let y = baseY - stackHeightOf(names, layout);
    names.forEach((name) => {
      const label = labels.get(name)!;
      const y2 = y + boxHeightOf(label);
      const firstBaseline = y + PAD_Y + capHeight(label.fontSize);
      rows.push({
        year: data.year,
        level: data.level,
        force: name,
        band,
        // The CSV names the band in full: the column's words and its group's ("5 to 10 points more men").
        bandLabel: groupOf.has(band) ? `${bandLabel(band)} ${band === "equal" ? `(${groupOf.get(band)})` : groupOf.get(band)}` : bandLabel(band),
        // Layout (not in the CSV):
        x: r2(x),
        x2: r2(x + boxWidth),
        y: r2(y),
        y2: r2(y2),
        fill,
        ink,
        labelX: r2(x + boxWidth / 2),
        labelLines: label.lines,
        labelBaselines: label.lines.map((_, k) => r2(firstBaseline + k * LINE_HEIGHT * label.fontSize)),
        labelSize: label.fontSize,
      });
      y = y2 + ROW_GAP;
    });
  });
  return rows;
}

/** The groups' bracket rules and italic words, or nothing when the document names no groups. */
function groupLayers(groupMarks: ReturnType<typeof groupMarksOf>, groupSize: number) {
  if (groupMarks.length === 0) return [];
  return [
    {
      data: { values: groupMarks },
      mark: { type: "rule", color: colours.inkMuted, strokeWidth: 0.6 },
      encoding: { x: atPoints("x"), x2: { field: "x2" }, y: atPoints("y") },
    },
    {
      data: { values: groupMarks },
      mark: { type: "text", align: "center", baseline: "alphabetic", fontSize: r2(groupSize), fontStyle: "italic", color: colours.inkMuted },
      encoding: { x: atPoints("xMid"), y: atPoints("baseline"), text: { field: "label", type: "nominal" } },
    },
  ];
}

/** The Vega-Lite spec of a band chart. Pure: the same input gives the same spec. */
export function bandChart(data: BandChartInput, options: BandChartOptions = {}): TopLevelSpec {
  const bandLabel = columnLabeller(data);
  const width = r2(options.width ?? textColumnWidth);
  const step = width / bands.length;
  const boxWidth = step - COLUMN_GAP;
  const layout = layoutLabels(
    data.forces.map((f) => f.shortName),
    boxWidth,
  );
  for (const force of data.forces) {
    if (!bands.includes(force.band)) throw new Error(`bandChart: ${force.shortName} has an unknown band "${force.band}"`);
  }
  const headerSize = headerFontSize(step, bandLabel);

  const byBand = namesByBand(data.forces);
  const tallest = Math.max(0, ...[...byBand.values()].map((names) => stackHeightOf(names, layout)));
  const groups = data.groups ?? [];
  const vertical = verticalLayout(tallest, headerSize, groups.length > 0);
  const groupMarks = groupMarksOf(groups, step, vertical);
  const rows = boxRows(data, byBand, layout, step, vertical.baseY, bandLabel);
  const headers = bands.map((band, column) => ({ label: bandLabel(band), x: r2(column * step + step / 2), y: r2(vertical.headerBaseline) }));
  // Boxes grow with their names, so a stack's height only roughly shows its count: the count says it.
  const counts = bands.map((band, column) => {
    const names = byBand.get(band)!;
    return { count: String(names.length), x: r2(column * step + step / 2), y: r2(vertical.baseY - stackHeightOf(names, layout) - COUNT_GAP) };
  });

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    usermeta: csvColumns("year", "level", "force", "band", "bandLabel"),
    description: `Forces by band of the difference between women's share of ${data.level === "middleManagement" ? "middle management" : "senior leadership"} and of all officers, ${data.year}.`,
    width,
    height: vertical.height,
    data: { values: rows },
    layer: [
      placedRect("x", "x2", "y", "y2"),
      {
        transform: [{ flatten: ["labelLines", "labelBaselines"] }],
        mark: { type: "text", align: "center", baseline: "alphabetic" },
        encoding: {
          x: atPoints("labelX"),
          y: atPoints("labelBaselines"),
          text: { field: "labelLines", type: "nominal" },
          size: { field: "labelSize", type: "quantitative", scale: null },
          color: { field: "ink", type: "nominal", scale: null },
        },
      },
      {
        data: { values: [{ x: r2((step - boxWidth) / 2), x2: r2(width - (step - boxWidth) / 2), y: r2(vertical.ruleY) }] },
        mark: { type: "rule", color: colours.rule, strokeWidth: 0.75 },
        encoding: { x: atPoints("x"), x2: { field: "x2" }, y: atPoints("y") },
      },
      {
        data: { values: counts },
        mark: { type: "text", align: "center", baseline: "alphabetic", fontSize: LABEL_SIZE, fontWeight: 600, color: colours.inkMuted },
        encoding: { x: atPoints("x"), y: atPoints("y"), text: { field: "count", type: "nominal" } },
      },
      {
        data: { values: headers },
        mark: { type: "text", align: "center", baseline: "alphabetic", fontSize: r2(headerSize), fontWeight: 600, color: colours.ink },
        encoding: { x: atPoints("x"), y: atPoints("y"), text: { field: "label", type: "nominal" } },
      },
      ...groupLayers(groupMarks, vertical.groupSize),
    ],
    config: chartConfig(),
  } as TopLevelSpec;
}
