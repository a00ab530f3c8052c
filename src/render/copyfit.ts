// The copyfitting rule, applied between layout passes (values in src/design/theme.ts `copyfit`):
//
// - A force's pages end at least a quarter full, or the force is set again one step tighter (leading
//   and paragraph space, bounded so a reader does not notice); after the last step, a stranded tail
//   becomes a warning naming the force, its file and about how many words to cut.
// - No word is broken across a page turn: a word hyphenated on a page's last line, with the next page
//   continuing the same section, is kept whole in the next pass.
import { copyfit } from "../design/theme.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { realPath, type DocumentRoots } from "../document/bindings.ts";
import type { ReportDocument } from "../document/model.ts";
import type { PageInspection } from "./inspectLayout.ts";

export interface SectionSpan {
  id: string;
  first: number;
  last: number;
}

/** Each section's pages, from the page each one starts on (in document order) and the page count. */
export function sectionSpans(starts: [string, number][], pageCount: number): SectionSpan[] {
  const sorted = [...starts].sort((a, b) => a[1] - b[1]);
  return sorted.map(([id, first], i) => ({ id, first, last: i + 1 < sorted.length ? Math.max(first, sorted[i + 1][1] - 1) : pageCount }));
}

/** Pages worth reading back: the last page of a section that runs over, and every page that continues. */
export function pagesToCheck(spans: SectionSpan[]): number[] {
  const pages = new Set<number>();
  for (const span of spans) for (let p = span.first; p <= span.last && span.last > span.first; p++) pages.add(p);
  return [...pages].sort((a, b) => a - b);
}

export interface Stranded {
  id: string;
  page: number;
  fill: number;
  words: number;
}

export interface FitPlan {
  /** Copyfit step per section id (0: as designed; n: copyfit.steps[n - 1]). */
  steps: Record<string, number>;
  keepWhole: string[];
  /** Headings found alone at a page's foot: each starts a new page in the next pass. */
  keepWithNext: string[];
  /** True when the next pass would differ from this one. */
  changed: boolean;
  /** Tails still stranded at the last step. */
  stranded: Stranded[];
}

export function planFits(spans: SectionSpan[], pages: Map<number, PageInspection>, previous: { steps: Record<string, number>; keepWhole: string[]; keepWithNext?: string[] }, fittable: (id: string) => boolean): FitPlan {
  const steps = { ...previous.steps };
  const keep = new Set(previous.keepWhole);
  const headings = new Set(previous.keepWithNext ?? []);
  const stranded: Stranded[] = [];
  let changed = false;
  for (const span of spans) {
    if (span.last === span.first) continue;
    for (let p = span.first; p < span.last; p++) {
      const here = pages.get(p);
      const next = pages.get(p + 1);
      if (here?.headingAtFoot && next && !headings.has(here.headingAtFoot)) {
        headings.add(here.headingAtFoot);
        changed = true;
      }
      if (here?.brokenWord && next) {
        const word = (here.brokenWord.start + next.firstWord).replace(/[^A-Za-z\u00e0-\u00ff]+$/, "").toLowerCase();
        if (!keep.has(word)) {
          keep.add(word);
          changed = true;
        }
      }
    }
    const tail = pages.get(span.last);
    if (!tail || tail.fill >= copyfit.minLastPageFill || !fittable(span.id)) continue;
    const step = steps[span.id] ?? 0;
    if (step < copyfit.steps.length) {
      steps[span.id] = step + 1;
      changed = true;
    } else stranded.push({ id: span.id, page: span.last, fill: tail.fill, words: tail.words });
  }
  return { steps, keepWhole: [...keep].sort(), keepWithNext: [...headings].sort(), changed, stranded };
}

/** The warning for a tail the rule could not fit: the force, its entry's file and line, the words to cut. */
export function strandedWarning(tail: Stranded, section: ReportDocument["sections"][number] | undefined, roots: DocumentRoots): Diagnostic {
  const entry = section?.kind === "force" ? section.entries.at(-1) : undefined;
  const name = section?.title ?? tail.id;
  const file = entry ? realPath(entry.source.file, roots) : tail.id;
  const percent = Math.round(tail.fill * 100);
  return {
    severity: "warning",
    file,
    ...(entry?.source.line ? { line: entry.source.line } : {}),
    rule: "stranded-tail",
    page: tail.page,
    message: `${name}'s pages end with ${tail.words} words alone on page ${tail.page} (${percent}% of the page), even set as tight as the copyfitting rule allows; cut about ${tail.words} words so the entry ends a page earlier.`,
  };
}
