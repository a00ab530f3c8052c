// The format-neutral report: what is said, in what order, and where every word and figure came from.
// Renderers (PDF now, HTML next) read only this; they place what it says and add nothing to the wording.
//
// Paths in the document are logical and machine-independent: "content/…" is relative to the content
// folder the build was given and "data/…" to the data folder, whatever those folders are called here.
import type { Band, LeadershipLevel } from "../domain/vocabulary.ts";

/** Where something was written: a file, and the line and column (1-based) it starts at. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

/** Input rows a figure was computed from: a data file and its lines, e.g. "12-18,40". */
export interface DataRows {
  file: string;
  lines: string;
}

/**
 * A printed figure and its provenance: the text as printed, the value behind it, the `{{ }}` expression
 * and where it is written (for figures in prose), the statistics it reads and the data rows they sum.
 */
export interface Binding {
  id: string;
  text: string;
  value: number | string | null;
  expression: string | null;
  source: SourceRef | null;
  /** Paths into statistics.json, e.g. "forces.kent.middleManagement.womenPct". */
  statistics: string[];
  data: DataRows[];
}

export type Inline =
  | { type: "text"; value: string }
  | { type: "figure"; binding: string; text: string }
  | { type: "emphasis"; children: Inline[] }
  | { type: "strong"; children: Inline[] }
  | { type: "link"; url: string; children: Inline[] }
  | { type: "break" }
  | { type: "footnoteRef"; number: number }
  /**
   * Drafts only: words added or removed since the previous draft (see src/review/changes.ts); a deletion
   * says which draft had the words and where they were written in it.
   */
  | { type: "insert" | "delete"; children: Inline[]; was?: RemovedFrom };

/** Where removed words stood: the earlier draft and the source of the block that held them there. */
export interface RemovedFrom {
  draft: number | null;
  source: SourceRef | null;
}

interface Located {
  /** Stable within its section: the section or entry id, then the block's place in it ("entry/kent/3"). */
  id: string;
  source: SourceRef | null;
}

export type Block = Located &
  (
    | { type: "paragraph"; children: Inline[] }
    | { type: "heading"; depth: 2 | 3 | 4; children: Inline[] }
    | { type: "list"; ordered: boolean; items: Block[][] }
    | { type: "quote"; children: Block[]; attribution: Inline[] | null }
    | { type: "image"; src: string; alt: string }
  );

export interface Footnote {
  number: number;
  children: Block[];
}

/** Text written in Markdown, resolved: figures bound, typography applied. */
export interface RichText {
  source: SourceRef;
  blocks: Block[];
  footnotes: Footnote[];
  words: number;
}

/** What each chart is drawn from, its labels included; the chart specs take exactly these. */
export interface ChartInputs {
  band: {
    year: number;
    level: LeadershipLevel;
    /** The nine columns, in order, with the words each is headed by. */
    columns: { band: Band; label: string }[];
    /** Words under runs of columns: the side each is on, and what "equal" means. */
    groups?: { label: string; bands: Band[] }[];
    forces: { shortName: string; band: Band }[];
  };
  forceRepresentation: { rows: { level: string; label: string; womenPct: number | null }[] };
  staff: { role: string; womenPct: number }[];
  trend: {
    series: { key: LeadershipLevel; label: string }[];
    points: { year: number; middleManagement: number | null; seniorLeadership: number | null }[];
  };
}

export type ChartKind = keyof ChartInputs;

export type ChartFigure = {
  [K in ChartKind]: {
    /** "chart/band-middle-management-2024"; the chart files are named after the part after "chart/". */
    id: string;
    kind: K;
    title: string;
    /** A sentence that says what the chart shows, for alt text and the accessible edition. */
    description: string;
    /** What the chart shows, in figures: its text alternative, made from the statistics (src/document/chartText.ts). */
    alt: string;
    /** The chart's data as a table, for readers who cannot see the chart. */
    table: TableFigure;
    input: ChartInputs[K];
    /** Where the chart's data comes from, printed under it ("Source: …"), when the report names one. */
    sourceNote?: string;
    statistics: string[];
    data: DataRows[];
  };
}[ChartKind];

export interface TableColumn {
  key: string;
  label: string;
  align: "left" | "right";
}

/** A table cell as printed; a figure cell names its binding. */
export interface TableCell {
  text: string;
  binding: string | null;
  /** Drafts only: the text in the previous draft, where it changed (printed struck through before the new). */
  was?: string;
}

export interface TableFigure {
  id: string;
  title: string;
  /** Added to the title on pages the table continues onto. */
  continued: string;
  columns: TableColumn[];
  rows: Record<string, TableCell>[];
  /** Closing row, e.g. the averages. */
  footerRow: Record<string, TableCell> | null;
  notes: string[];
}

export interface Person {
  author: string;
  role: string;
  organisation: string;
  /** Logical path of a portrait image, or null. */
  portrait: string | null;
}

export interface GoodPracticeEntry {
  id: string;
  source: SourceRef;
  title: string;
  lede: Inline[];
  body: RichText;
  links: { text: string; url: string }[];
  sample: boolean;
  /** Drafts only: the title with its changes since the previous draft marked. */
  titleMarks?: Inline[];
}

/** One difference printed large on a force page, with what it is above and what it compares below. */
export interface ForceDifference {
  id: string;
  label: string;
  /** The signed difference, e.g. "−9.82". */
  value: Inline;
  unit: string;
  note: Inline[];
  /** Drafts only: the value in the previous draft, where it changed (printed struck through beside the new). */
  was?: string;
}

/** The executive summary's panel: national shares this year and last, and the average change by force. */
export interface KeyFigures {
  label: string;
  shares: { label: string; now: Inline; before: Inline | null; beforeLabel: string }[];
  changesLabel: string;
  changes: { label: string; value: Inline }[];
}

export interface ForcePanel {
  chartLabel: string;
  differences: ForceDifference[];
}

interface SectionBase {
  id: string;
  title: string;
  /** The section's full name for bookmarks and page titles, e.g. "Foreword: Jane Doe". */
  outlineTitle: string;
  source: SourceRef | null;
}

export type Section =
  /** pullQuote: a sentence of the body, checked, printed large beside it (PDF only: it repeats the text). */
  | (SectionBase & { kind: "foreword"; person: Person; body: RichText; pullQuote: string | null })
  | (SectionBase & { kind: "summary"; person: Person; body: RichText; keyFigures: KeyFigures | null })
  | (SectionBase & { kind: "analysis"; kicker: string; body: RichText; charts: ChartFigure[]; table: TableFigure | null })
  | (SectionBase & {
      kind: "force";
      slug: string;
      shortName: string;
      kicker: string;
      panel: ForcePanel | null;
      /** Said in place of the panel where the force has no data. */
      noFigures: string | null;
      chart: ChartFigure | null;
      entries: GoodPracticeEntry[];
      /** Said in place of entries where none was received. */
      noEntry: string | null;
      /** Printed on the force's continuation pages, so a reader knows whose pages they are. */
      continued: string;
    })
  | (SectionBase & {
      kind: "back";
      body: RichText;
      sourcesLabel: string;
      sources: { text: string; url: string }[];
      onlineEditionLabel: string;
    });

/** Words a renderer prints around the sections (contents, headings of parts, cover). */
export interface Labels {
  contents: string;
  cover: string;
  dataAnalysis: string;
  goodPracticeByForce: string;
  furtherReading: string;
  /** The HTML edition's words around the content (src/render/renderHtml.ts). */
  skipToContent: string;
  previous: string;
  next: string;
  pageNavigation: string;
  downloadPdf: string;
  chartData: string;
  footnote: string;
  footnotes: string;
  /** The line on the PDF's contents page that points to the HTML edition. */
  onlineEditionNote: string;
}

export interface ReportDocument {
  meta: {
    title: string;
    year: number;
    edition: number;
    editionName: string;
    editionLabel: string;
    runningHeader: string;
    subject: string;
    keywords: string[];
    author: string;
    language: string;
    publicationDate: string;
    onlineEdition: string | null;
    /** Where these settings are written (report.yml). */
    source: SourceRef;
    /** The cover's graphic, drawn from the edition's data: its middle-management band chart as one square per force. */
    coverGraphic: { bands: { band: Band; forces: number }[]; alt: string } | null;
    /** Partners' marks for the cover, as checked SVG text, with the name read in place of each. */
    partners: { name: string; svg: string; source: SourceRef }[];
  };
  labels: Labels;
  sections: Section[];
  bindings: Record<string, Binding>;
}

/** Every chart of the document, in reading order. */
export function chartFigures(document: ReportDocument): ChartFigure[] {
  return document.sections.flatMap((s) => (s.kind === "analysis" ? s.charts : s.kind === "force" && s.chart ? [s.chart] : []));
}
