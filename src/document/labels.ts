// The fixed words the report prints around its content: kickers, captions, notes and headings of parts.
// They live here, in the document stage, so the PDF and the HTML edition say the same thing.
import { bandLabel, levelDefinitions, type Band, type Level } from "../domain/vocabulary.ts";
import type { Labels } from "./model.ts";
import { count } from "../domain/plural.ts";

export const labels: Labels = {
  contents: "Contents",
  cover: "Cover",
  dataAnalysis: "Data analysis",
  goodPracticeByForce: "Good practice by force",
  furtherReading: "Further reading",
  skipToContent: "Skip to content",
  previous: "Previous",
  next: "Next",
  pageNavigation: "Previous and next pages",
  downloadPdf: "Download the report as a PDF",
  chartData: "Show the data in this chart as a table",
  footnote: "Footnote",
  footnotes: "Notes",
  onlineEditionNote: "This report is also published as an accessible web edition at",
};

export const words = {
  forceKicker: "Good practice example",
  /** Above a force that sent no entry: its figures are all the page shows, so it is not headed as an example. */
  forceWithoutEntryKicker: "Workforce figures",
  analysisKicker: "Data analysis",
  forceChartLabel: "Women and men among officers",
  differenceUnit: "pp",
  /** The unit as a screen reader speaks it (the tagged PDF's ActualText of a difference). */
  differenceUnitSpoken: "percentage points",
  noEntry: "No good-practice entry was received for this edition.",
  noFigures: (force: string) => `${force} is not part of the national workforce data, so this page has no figures.`,
  differenceLabel: (level: Level) => `Difference in ${levelDefinitions[level].name}`,
  /** "Middle management", "All officers". */
  levelLabel: (level: Level) => levelDefinitions[level].name.charAt(0).toUpperCase() + levelDefinitions[level].name.slice(1),
  tableContinued: "(continued)",
  /** Above the text on a force's second and later pages. */
  forceContinued: (force: string) => `${force}, continued`,
  dataSources: "Data sources",
  /** Under the national table and the staff and trend charts: the report's first listed source. */
  sourceNote: (source: string) => `Source: ${source}.`,
  onlineEdition: "Online edition",
  foreword: "Foreword",
  summary: "Executive summary",
  keyFigures: "Key figures",
  /** Under a national share: last year's. */
  inYear: (year: number) => `in ${year}`,
  averageChange: "Average change by force, women",
  /** The cover graphic's text alternative: what its squares show. */
  coverGraphicAlt: (year: number, counts: { band: Band; forces: number }[]) =>
    `One square per force, placed by how far women’s share of middle management sits from their share of all officers, ${year}: ${counts
      .filter((c) => c.forces > 0)
      .map((c) => `${count(c.forces, "force")} ${c.band === "equal" ? "within 1 point" : `${bandLabel(c.band).replace(/\u00a0/g, " ")} points more ${c.band.split("+")[0]}`}`)
      .join(", ")}.`,
  /** Under the cover graphic, saying how to read it. */
  coverGraphicCaption: (year: number) => `Each square is a force, placed by the gap between women’s share of its middle management and of all its officers, ${year}: more men to the left, more women to the right.`,
  /** On the divider page before the data analysis, above its sections' titles. */
  analysisHolds: (sections: number) => `What this year’s workforce figures show, nationally and force by force, in ${count(sections, "section")}:`,
  /** On the divider page before the good practice. */
  goodPracticeHolds: (forces: number, entries: number, figuresOnly: number) =>
    `${count(entries, "example")} of good practice from ${count(forces, "force or body", "forces and bodies")}, A to Z, with each force’s workforce figures${figuresOnly > 0 ? `; ${count(figuresOnly, "more force shows its", "more forces show their")} figures alone` : ""}.`,
};
