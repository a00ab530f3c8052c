// What every HTML page template is given: the document, its charts, and where things live in the folder.
import type { RenderedChart } from "../../src/charts/renderedChart.ts";
import type { ReportDocument } from "../../src/document/model.ts";

export interface PageLink {
  href: string;
  title: string;
}

export interface Site {
  document: ReportDocument;
  charts: ReadonlyMap<string, RenderedChart>;
  /** The file (relative to the html/ folder) a section's page is written to. */
  pageOf(sectionId: string): string;
  /** Registers an image by its logical path ("content/…") and returns its address in the folder. */
  image(logical: string): string;
  /** The PDF edition, copied into the folder. */
  pdf: string;
}

/** "force/kent" → "force-kent.html": one flat folder, so every link is relative and the folder moves as a whole. */
export function pageFile(sectionId: string): string {
  return `${anchor(sectionId)}.html`;
}

/** An id usable in HTML and URLs: "entry/north-wales-2" → "entry-north-wales-2". */
export function anchor(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, "-");
}

/**
 * Heading levels on one page: a Markdown heading keeps its place under the page's own headings, and
 * never skips a level after the last one printed (## then #### prints h2 then h3).
 */
export class Headings {
  private last = 1;
  /** The level for a heading that wants `requested`; records it as the last one. */
  level(requested: number): number {
    const level = Math.max(2, Math.min(requested, this.last + 1, 6));
    this.last = level;
    return level;
  }
}
