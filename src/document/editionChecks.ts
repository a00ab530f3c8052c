// Checks that keep last year's words out of this year's edition: typed years and dates in the parts
// carried from edition to edition (`stale-year`), the publication date against the data's as-at date, and
// the edition's checklist (content/<year>/checklist.yml). In a draft they are warnings; in a final
// edition each stops the build unless the checklist accepts it with a reason.
import { existsSync } from "node:fs";
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { Checklist, ChecklistItem } from "../load/checklist.ts";
import type { ContentSet } from "../load/content.ts";
import { aboutFile, type DataAbout } from "../load/dataAbout.ts";
import { readInputFile } from "../load/readInput.ts";
import type { MarkdownFile } from "../load/frontMatter.ts";

/** Offsets → 1-based line and column. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: (before.match(/\n/g)?.length ?? 0) + 1, column: offset - before.lastIndexOf("\n") };
}

/** The text with expressions, web addresses and Markdown link targets blanked out (offsets kept). */
export function maskUntouchable(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, " ");
  return text
    .replace(/\{\{[\s\S]*?\}\}/g, blank)
    .replace(/\]\([^)]*\)/g, blank)
    .replace(/\b(?:https?:\/\/|mailto:|www\.)\S+/g, blank)
    .replace(/^(\s*)(\d+)\.(?=\s)/gm, (m) => blank(m)); // numbered-list markers
}

const monthNames = "January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|winter";

export interface StaleYear {
  line: number;
  column: number;
  /** The words as written: "March 2024", "2023", "2023-11-25". */
  text: string;
}

/**
 * Years and dates before the edition's year in carried text. A date (month and year, or YYYY-MM-DD) names
 * a moment, so an earlier one is stale; a bare year is a comparison, and stands, when it is a year the
 * edition draws data for (or the first edition's) and its sentence names another year or a {{ }} figure.
 */
export function findStaleYears(text: string, year: number, comparedYears: ReadonlySet<number>): StaleYear[] {
  const masked = maskUntouchable(text);
  const found: (StaleYear & { offset: number; end: number })[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && end > f.offset);
  const add = (offset: number, words: string) => found.push({ offset, end: offset + words.length, text: words, ...positionAt(text, offset) });
  for (const m of masked.matchAll(new RegExp(`\\b(?:\\d{1,2}\\s+)?(?:${monthNames})\\s+((?:19|20)\\d{2})\\b`, "gi"))) {
    if (Number(m[1]) < year) add(m.index!, m[0]);
  }
  for (const m of masked.matchAll(/\b((?:19|20)\d{2})-\d{2}-\d{2}\b/g)) if (Number(m[1]) < year && !taken(m.index!, m.index! + m[0].length)) add(m.index!, m[0]);
  for (const m of masked.matchAll(/\b(?:19|20)\d{2}\b/g)) {
    const y = Number(m[0]);
    if (y >= year || taken(m.index!, m.index! + 4)) continue;
    if (comparedYears.has(y)) {
      // The sentence around it: from the last full stop (or blank line) before to the next one after.
      const ends = [...masked.matchAll(/[.!?](?=\s|$)|\n\s*\n/g)].map((e) => e.index!);
      const start = Math.max(0, ...ends.filter((e) => e < m.index!));
      const end = ends.find((e) => e > m.index!) ?? text.length;
      const sentence = text.slice(start, end);
      const otherYears = [...sentence.matchAll(/\b(?:19|20)\d{2}\b/g)].filter((o) => o[0] !== m[0]);
      if (otherYears.length > 0 || /\{\{/.test(sentence)) continue;
    }
    add(m.index!, m[0]);
  }
  return found.sort((a, b) => a.offset - b.offset).map(({ offset: _o, end: _e, ...s }) => s);
}

/** A claim about the data in words, with the kind of figure that would bind it. */
export interface UnboundClaim {
  line: number;
  column: number;
  /** The words that state it: "more", "most forces", "stayed the same". */
  text: string;
  helper: string;
}

// Words that state a direction or a count, and the {{ }} that makes them follow the data instead.
const claimWords: [RegExp, string][] = [
  [/\b(?:most|every|all|no|few|several|many|the majority of)\s+(?:other\s+)?forces\b/i, "{{ n | forces }} with a count from the data (npm run figures forces)"],
  [/\b(?:stayed|remained) (?:the same|unchanged|level)\b|\bunchanged\b/i, "{{ change(now, before) }} or {{ trend(now, before) }}, which say 'stayed the same' only when the printed figures do"],
  [/(?<!\bor )\b(?:more|fewer|less|higher|lower|larger|smaller)\b(?! (?:is|are|was|were) needed| than (?:ever|before|usual))/i, "{{ change(now, before) }} or {{ changeCount(now, before) }}, or a figure beside it"],
  [/\b(?:rose|risen|rising|increased?|grew|grown|fell|fallen|falling|decreased?|declined?|improved?|worsened)\b/i, "{{ change(now, before) }} or {{ trend(now, before) }}"],
];
// What the sentence must be about for it to be a claim about the workforce data.
const dataSubjects = /\b(?:women|men|officers?|female|male|shares?|proportions?|representation|represented|sergeants?|inspectors?|ranks?|workforce|percentage|balance)\b/i;

/**
 * Sentences that state a direction or a count about the data ("more women", "most forces", "stayed the
 * same") with no {{ }} figure in them: true when written, but nothing makes them follow next year's data.
 */
export function findUnboundClaims(text: string): UnboundClaim[] {
  const found: UnboundClaim[] = [];
  for (const m of text.matchAll(/[^.!?\n]+(?:\n(?!\s*\n)[^.!?\n]+)*[.!?]?/g)) {
    const sentence = m[0];
    if (/\{\{/.test(sentence) || !dataSubjects.test(sentence)) continue;
    const masked = maskUntouchable(sentence);
    for (const [pattern, helper] of claimWords) {
      const hit = pattern.exec(masked);
      if (!hit) continue;
      found.push({ ...positionAt(text, m.index! + hit.index), text: hit[0], helper });
      break;
    }
  }
  return found;
}

/**
 * change() and trend() say how a share moved at whole points, as | pct0 prints it; the same share printed
 * beside them (same paragraph) at finer precision can show a move the words deny ("stayed the same" next
 * to 28.40 % and 28.10 %). Each such figure, at its "{{".
 */
export function findPrecisionMismatches(text: string): (UnboundClaim & { figure: string })[] {
  const found: (UnboundClaim & { figure: string })[] = [];
  for (const paragraph of text.matchAll(/(?:[^\n]|\n(?!\s*\n))+/g)) {
    const words = [...paragraph[0].matchAll(/\{\{\s*(change|trend)\(\s*([\w.+-]+)\s*,\s*([\w.+-]+)\s*\)/g)];
    if (words.length === 0) continue;
    const compared = new Map(words.flatMap((w) => [[w[2], w[1]], [w[3], w[1]]] as [string, string][]));
    for (const figure of paragraph[0].matchAll(/\{\{\s*([\w.+-]+)\s*\|\s*(pct1|pct2|pp|signed2)\b[^}]*\}\}/g)) {
      const fn = compared.get(figure[1]);
      if (!fn) continue;
      found.push({ ...positionAt(text, paragraph.index! + figure.index!), text: figure[0], figure: figure[1], helper: `${fn}()` });
    }
  }
  return found;
}

export interface EditionCheckInput {
  content: ContentSet;
  about: DataAbout | null;
  dataDir: string;
  /** Years whose data the edition reads (the comparison and trend years). */
  dataYears: readonly number[];
  final: boolean;
}

/** An acceptance as the archive's manifest keeps it. */
export interface Acceptance {
  file: string;
  line?: number;
  rule?: string;
  text: string;
  reason: string;
}

export function checkEditionText({ content, about, dataDir, dataYears, final }: EditionCheckInput, checklist: Checklist | null, sink: DiagnosticSink): Acceptance[] {
  const { report, reportFile, reportText } = content;
  const year = report.year;
  const say = (file: string, rule: string, message: string, at?: { line?: number; column?: number }) =>
    final ? sink.error(file, rule, message, at) : sink.warn(file, rule, message, at);
  const editionDir = path.resolve(content.dir);
  const relative = (file: string) => path.relative(editionDir, path.resolve(file)).split(path.sep).join("/");

  // Dates: the publication date is set by hand and must come after the counts it reports.
  const dateLine = content.reportLines.publicationDate;
  const dateText = reportText.split("\n")[(dateLine ?? 1) - 1] ?? "";
  if (/#.*placeholder/i.test(dateText) || report.publicationDate === `${year}-01-01`) {
    say(reportFile, "publication-date", `publicationDate ${report.publicationDate} is the placeholder new-edition wrote; set the day the ${year} edition is published${final ? " before building the final edition" : ""}.`, { line: dateLine, column: 1 });
  } else if (about && report.publicationDate < about.asAt) {
    say(reportFile, "publication-date", `publicationDate ${report.publicationDate} is before ${about.asAt}, the date the ${year} counts are as at (${relative(about.file)}); the report cannot be published before its data.`, { line: dateLine, column: 1 });
  }
  if (final && !about) sink.error(aboutFile(dataDir, year), "no-data-about", `A final edition needs data/${year}/about.yml (asAt, source), so its dates and source lines come from the data.`);

  // The checklist: each item open until its words are gone from the file or it is accepted.
  const acceptances: Acceptance[] = [];
  const placed: { file: string; line: number; item: Checklist["items"][number] }[] = [];
  for (const item of checklist?.items ?? []) {
    const full = path.resolve(editionDir, item.file);
    // Named as the build was given the folder, like every other message.
    const file = path.join(content.dir, path.relative(editionDir, full));
    if (!full.startsWith(editionDir + path.sep)) {
      sink.error(checklist!.file, "checklist-path", `file: "${item.file}" is outside the edition folder; give a path inside it.`, { line: item.itemLine, column: 1 });
      continue;
    }
    if (item.accepted) acceptances.push({ file: `content/${year}/${relative(file)}`, line: item.line, rule: item.rule, text: item.text, reason: item.accepted });
    const now = full === path.resolve(reportFile) ? reportText : existsSync(file) ? (readInputFile(file, sink, "an edition file the checklist names", content.root) ?? "") : "";
    const where = locate(now, item);
    if (!where) continue; // changed: the words are no longer there
    placed.push({ file, line: where.line, item });
    if (!item.accepted) say(file, "checklist-open", `Checklist: ${item.check ?? `look at "${item.text}".`} Change it, or accept it in ${relative(checklist!.file)}:${item.itemLine} with  accepted: "why".`, where);
  }

  // Stale years in the parts carried from the last edition (good-practice entries are new each year and tell their own history).
  const compared = new Set([...dataYears, report.firstEditionYear]);
  const staleIn = (file: string, text: string, firstLine: number) => {
    for (const s of findStaleYears(text, year, compared)) {
      const line = s.line + firstLine - 1;
      // A checklist item on the same words says it already (open), or accepts it.
      const item = placed.find((p) => path.resolve(p.file) === path.resolve(file) && p.line === line && (p.item.text.includes(s.text) || s.text.includes(p.item.text)));
      const byRule = checklist?.items.find((i) => i.accepted && i.rule === "stale-year" && i.text === s.text && path.resolve(editionDir, i.file) === path.resolve(file));
      if (item || byRule) continue;
      say(
        file,
        "stale-year",
        `"${s.text}" is neither ${year} nor a year this edition compares with: write it from the data ({{ year }}, {{ previousYear }}, {{ data.asAtMonth }}), or if it stands, accept it in checklist.yml:  - { file: ${relative(file)}, rule: stale-year, text: "${s.text}", accepted: "why" }`,
        { line, column: s.column },
      );
    }
  };
  // report.yml: its words, not the settings that are dates or numbers by nature, nor comments.
  const settingsText = reportText.replace(/^(?:year|publicationDate|firstEditionYear|edition):.*$|#.*$/gm, (m) => " ".repeat(m.length));
  staleIn(reportFile, settingsText, 1);
  const carried: (MarkdownFile<{ title?: string }> | null)[] = [...content.forewords, content.summary, ...content.analysis, content.backPage];
  for (const part of carried) {
    if (!part) continue;
    if (part.data.title) staleIn(part.file, part.data.title, part.fieldLines.title ?? 1);
    staleIn(part.file, part.body, part.bodyLine);
    for (const m of findPrecisionMismatches(part.body)) {
      sink.warn(part.file, "comparison-precision", `${m.figure} is printed at finer precision than ${m.helper} compares it (whole points, as | pct0 prints it), so the figures can show a change the words deny; print it with | pct0 in this paragraph.`, { line: m.line + part.bodyLine - 1, column: m.column });
    }
    // Claims about the data in words alone: a warning (a person decides), in check, drafts and the preview.
    for (const claim of findUnboundClaims(part.body)) {
      const line = claim.line + part.bodyLine - 1;
      const item = placed.find((p) => path.resolve(p.file) === path.resolve(part.file) && p.line === line && p.item.accepted && p.item.text === claim.text);
      const byRule = checklist?.items.find((i) => i.accepted && i.rule === "unbound-claim" && i.text === claim.text && path.resolve(editionDir, i.file) === path.resolve(part.file) && (i.line === undefined || i.line === line));
      if (item || byRule) continue;
      sink.warn(part.file, "unbound-claim", `"${claim.text}" states something about the data with no figure bound to it, so it will not follow next year's data: write it with ${claim.helper}; if it stands, accept it in checklist.yml.`, { line, column: claim.column });
    }
  }

  return acceptances;
}

/** Where an item's words stand now: the occurrence nearest the line they were listed at. */
function locate(text: string, item: ChecklistItem): { line: number; column: number } | null {
  let best: { line: number; column: number } | null = null;
  for (let at = text.indexOf(item.text); at >= 0; at = text.indexOf(item.text, at + 1)) {
    const here = positionAt(text, at);
    if (!best || Math.abs(here.line - (item.line ?? 1)) < Math.abs(best.line - (item.line ?? 1))) best = here;
  }
  return best;
}
