// Where each section landed, recorded during layout; a second layout pass prints these numbers in the contents.
export class PageLog {
  private readonly pages = new Map<string, number>();
  /** Sections the contents asked for before their page was known; a second pass fills them in. */
  readonly missing = new Set<string>();

  /** Pages (of the document being laid out) that carry a folio, when folios are drawn over the book afterwards. */
  readonly folios = new Set<number>();

  record(id: string, pageNumber: number): void {
    if (!this.pages.has(id)) this.pages.set(id, pageNumber);
  }

  pageOf(id: string): number | undefined {
    return this.pages.get(id);
  }

  entries(): [string, number][] {
    return [...this.pages.entries()];
  }
}
