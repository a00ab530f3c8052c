// The format-neutral report: what is said and in what order, with no knowledge of PDF or HTML.
// Layout stages (PDF now, HTML later) read only this.

export type Inline =
  | { type: "text"; value: string }
  | { type: "emphasis"; children: Inline[] }
  | { type: "strong"; children: Inline[] }
  | { type: "link"; url: string; children: Inline[] }
  | { type: "break" }
  | { type: "footnoteRef"; number: number };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; depth: 2 | 3 | 4; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Block[][] }
  | { type: "quote"; children: Block[]; attribution: Inline[] | null }
  | { type: "image"; src: string; alt: string };

export interface Footnote {
  number: number;
  children: Block[];
}

/** Text written in Markdown, resolved: figures filled in, typography applied. */
export interface RichText {
  source: string;
  blocks: Block[];
  footnotes: Footnote[];
  words: number;
}

export type BandName = import("../domain/vocabulary.ts").Band;

/** What each chart is drawn from; the chart specs in templates/charts take exactly these. */
export interface ChartInputs {
  band: { year: number; level: "middleManagement" | "seniorLeadership"; forces: { shortName: string; band: BandName }[] };
  forceRepresentation: { officers: { womenPct: number }; middleManagement: { womenPct: number }; seniorLeadership: { womenPct: number } };
  staff: { role: string; womenPct: number }[];
  trend: { year: number; middleManagement: number | null; seniorLeadership: number | null }[];
}

export type ChartKind = keyof ChartInputs;

export type ChartFigure = {
  [K in ChartKind]: {
    /** Stable file-safe id, e.g. "band-middle-management-2024"; the chart files are named after it. */
    id: string;
    kind: K;
    title: string;
    /** A sentence that says what the chart shows, for alt text and the accessible edition. */
    description: string;
    input: ChartInputs[K];
  };
}[ChartKind];

export interface TableColumn {
  key: string;
  label: string;
  align: "left" | "right";
}

export interface TableFigure {
  id: string;
  title: string;
  columns: TableColumn[];
  rows: Record<string, string>[];
  /** Closing row, e.g. the averages. */
  footerRow: Record<string, string> | null;
  notes: string[];
}

export interface Person {
  author: string;
  role: string;
  organisation: string;
  portrait: string | null;
}

export interface GoodPracticeEntry {
  file: string;
  title: string;
  lede: Inline[];
  body: RichText;
  links: { text: string; url: string }[];
  sample: boolean;
}

export interface ForceFigures {
  officersWomenPct: number;
  middleManagementWomenPct: number;
  seniorLeadershipWomenPct: number;
  middleManagementDifference: number;
  seniorLeadershipDifference: number;
}

export type Section =
  | { kind: "cover"; id: string; title: string; editionName: string; year: number }
  | { kind: "contents"; id: string; title: string }
  | { kind: "foreword"; id: string; title: string; person: Person; body: RichText }
  | { kind: "summary"; id: string; title: string; person: Person; body: RichText }
  | { kind: "analysis"; id: string; title: string; body: RichText; charts: ChartFigure[]; table: TableFigure | null }
  | {
      kind: "force";
      id: string;
      slug: string;
      title: string;
      shortName: string;
      figures: ForceFigures | null;
      chart: ChartFigure | null;
      entries: GoodPracticeEntry[];
    }
  | { kind: "back"; id: string; title: string; body: RichText; sources: { text: string; url: string }[] };

export interface ReportDocument {
  meta: {
    title: string;
    year: number;
    edition: number;
    editionLabel: string;
    runningHeader: string;
    subject: string;
    keywords: string[];
    author: string;
    language: string;
    publicationDate: string;
    onlineEdition: string | null;
  };
  sections: Section[];
}
