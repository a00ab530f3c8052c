// Proofing of the edition's Markdown, on the source: British spelling (retext-spell with the Hunspell
// en-GB dictionary and the project's word list), repeated words (retext-repeated-words), doubled spaces,
// terms spelt more than one way, and words a gender-equality report should not use. Each finding is a
// diagnostic at the file, line and column of the source text, with a suggestion.
//
// The checks run on the Markdown tree's text nodes (remark), not on the rendered text, so a finding's
// place is where a writer fixes it; `{{ }}` expressions are replaced by digits first (ignored by the checks). The front matter's title and
// lede are checked too. A reviewer silences one finding with `<!-- review-ignore RULE -->` on the line
// before it (several rules separated by spaces; none named silences every rule for that line).
import dictionary from "dictionary-en-gb";
import { existsSync } from "node:fs";
import path from "node:path";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { retext } from "retext";
import retextEnglish from "retext-english";
import retextRepeatedWords from "retext-repeated-words";
import retextSpell from "retext-spell";
import nspell from "nspell";
import { unified } from "unified";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { filesBelow, readRegularFile } from "../cache/filesBelow.ts";

export const proofRules = ["spelling", "repeated-word", "double-space", "term-consistency", "inclusive-language"] as const;
export type ProofRule = (typeof proofRules)[number];

export interface ProofFinding extends Diagnostic {
  rule: ProofRule;
  /** The content file as the document names it ("content/2024/good-practice/kent.md"). */
  logicalFile: string;
  /** The words found, and what to write instead (null where nothing is offered). */
  actual: string;
  suggestion: string | null;
}

export interface ProofResult {
  findings: ProofFinding[];
  silenced: { total: number; byRule: Partial<Record<ProofRule, number>> };
  /** Words in the project word list. */
  wordList: number;
}

/** One preferred spelling for terms the report uses; every other form found is reported. */
export const preferredTerms: { preferred: string; pattern: RegExp }[] = [
  { preferred: "HeForShe", pattern: /\bhe[\s-]*for[\s-]*she\b/gi },
  { preferred: "UN Women", pattern: /\bUN[\s-]*women\b/gi },
  { preferred: "email", pattern: /\be-mail\b/gi },
  { preferred: "neurodiversity", pattern: /\bneuro-diversity\b/gi },
  { preferred: "wellbeing", pattern: /\bwell-being\b/gi },
  { preferred: "senior leadership", pattern: /\bsenior-leadership\b/gi },
];

/**
 * Words to avoid, with what to write. A curated list rather than retext-equality: that plugin flags
 * "women", "men", "female" and "male", which this report must use for its statistics, and would bury
 * the few words that matter among hundreds of findings.
 */
export const avoidedTerms: { pattern: RegExp; suggestion: string }[] = [
  { pattern: /\bpolicem[ae]n\b/gi, suggestion: "police officer(s)" },
  { pattern: /\bmanpower\b/gi, suggestion: "workforce, staffing or people" },
  { pattern: /\bchairm[ae]n\b/gi, suggestion: "chair" },
  { pattern: /\bman-?hours\b/gi, suggestion: "hours worked" },
  { pattern: /\bmann(?:ed|ing)\b/gi, suggestion: "staffed / staffing" },
  { pattern: /\bspokesm[ae]n\b/gi, suggestion: "spokesperson" },
  { pattern: /\bmankind\b/gi, suggestion: "humankind, people" },
  { pattern: /\blaym[ae]n\b/gi, suggestion: "non-specialist(s)" },
  { pattern: /\bWPCs?\b/g, suggestion: "PC (constables' titles no longer name their sex)" },
];

/** The Markdown files of an edition folder (its README aside). */
const markdownFiles = (dir: string): string[] => filesBelow(dir).filter((file) => file.endsWith(".md") && path.basename(file) !== "README.md");

/** The project word list: content/wordlist.txt and content/<year>/wordlist.txt, one word a line, # comments. */
export function readWordList(contentDir: string, year: number): string[] {
  return [path.join(contentDir, "wordlist.txt"), path.join(contentDir, String(year), "wordlist.txt")]
    .filter((file) => existsSync(file))
    .flatMap((file) => readRegularFile(file).toString("utf8").split(/\r?\n/))
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
}

interface Piece {
  /** Text to check (expressions blanked), and the file offset of each of its characters. */
  text: string;
  offsets: number[];
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Aligns a text node's value with the source it came from (escapes, quote markers and indents skipped). */
function align(value: string, source: string, start: number, end: number): number[] {
  const offsets: number[] = [];
  let s = start;
  for (const ch of value) {
    let k = s;
    while (k < end && source[k] !== ch) k++;
    if (k >= end) k = Math.min(s, end - 1);
    for (let u = 0; u < ch.length; u++) offsets.push(k + u);
    s = k + ch.length;
  }
  return offsets;
}

export function textPieces(source: string): Piece[] {
  // Front matter becomes blank lines, keeping every line where it is; its title and lede are checked.
  const fm = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(source);
  const pieces: Piece[] = [];
  let body = source;
  if (fm) {
    body = fm[0].replace(/[^\n]/g, " ") + source.slice(fm[0].length);
    for (const m of fm[0].matchAll(/^(title|lede):[ \t]*(["']?)(.+?)\2[ \t]*$/gm)) {
      const at = m.index! + m[0].indexOf(m[3], m[1].length + 1);
      pieces.push({ text: m[3], offsets: [...m[3]].flatMap((_, i) => [at + i]) });
    }
  }
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as MdNode;
  const visit = (node: MdNode) => {
    if (node.type === "text" && node.value && node.position?.start.offset !== undefined) {
      const text = node.value.replace(/\{\{[\s\S]*?\}\}/g, (m) => "0".repeat(m.length));
      pieces.push({ text, offsets: align(node.value, body, node.position.start.offset, node.position.end.offset ?? body.length) });
    }
    if (node.type === "code" || node.type === "inlineCode" || node.type === "html") return;
    node.children?.forEach(visit);
  };
  visit(tree);
  return pieces;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** Line → rules silenced on it (an empty set silences all), from review-ignore comments on the line before. */
function ignores(source: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  source.split("\n").forEach((line, i) => {
    const m = /<!--\s*review-ignore\b([^>]*?)-->/.exec(line);
    if (!m) return;
    const rules = new Set(m[1].trim().split(/[\s,]+/).filter(Boolean));
    // The comment's own line (when it follows text) and the next line.
    for (const target of [i + 1, i + 2]) out.set(target, new Set([...(out.get(target) ?? []), ...rules]));
  });
  return out;
}

interface Found {
  start: number;
  end: number;
  rule: ProofRule;
  actual: string;
  suggestion: string | null;
  message: string;
}

type Checker = (text: string) => Promise<Found[]>;

/**
 * Ordinary British words the Hunspell en-GB dictionary lacks, each with a dictionary word it inflects like
 * (so "advisors" is known too). Names, places and acronyms belong in content/wordlist.txt instead.
 */
const ordinaryWords: [word: string, model: string][] = [
  ["advisor", "adviser"], // Oxford gives both; forces' own job titles use -or
  ["imposter", "impostor"], // as in "imposter syndrome"
  ["debutant", "debutante"],
  ["enablement", "management"],
];

/** Prefixes that make ordinary words of known ones ("relit", "preloaded", "co-chaired", "overstretched"). */
const prefixes = ["counter", "under", "inter", "multi", "micro", "cross", "super", "over", "anti", "post", "semi", "self", "mini", "non", "pre", "mis", "out", "sub", "dis", "mid", "up", "re", "un", "co", "de"];

/** Misspellings a prefix would otherwise explain (un + till, super + cede). */
const notWords = new Set(["untill", "supercede", "superceded", "supercedes"]);

/**
 * Whether a word the dictionary does not list is still an ordinary word: a plural of a known word
 * (relativities, workforces), an -ed/-ing form of one whose ending leaves no doubt about doubling the
 * last consonant ("onboarded", but not "occured"), a known prefix on a known word or on one of those
 * forms ("relit"), an accented word known without its accents ("café"), or hyphenated parts each of
 * which is one ("co-founded").
 */
export function ordinaryForm(word: string, known: (w: string) => boolean): boolean {
  if (notWords.has(word.toLowerCase())) return false;
  const isKnown = (w: string) => known(w) || known(w.toLowerCase());
  const inflected = (w: string): boolean => {
    const lower = w.toLowerCase();
    const bases: string[] = [];
    // Only the regular forms: "storys", "churchs", "studyed" and "hopeing" stay findings.
    if (lower.endsWith("ies")) bases.push(`${w.slice(0, -3)}y`);
    if (/[^s]s$/.test(lower) && !/([^aeiou]y|ch|sh|x|z)s$/.test(lower)) bases.push(w.slice(0, -1));
    if (/(ch|sh|ss|x|z)es$/.test(lower)) bases.push(w.slice(0, -2));
    for (const ending of ["ed", "ing"]) {
      if (!lower.endsWith(ending)) continue;
      const stem = w.slice(0, -ending.length);
      // A stem ending consonant-vowel-consonant may need its consonant doubled ("occured"), and one ending
      // in a doubled consonant may be wrongly doubled ("comming"): leave both to the dictionary.
      if (/[^aeiou][aeiou][^aeiouwxy]$/i.test(stem) || /([^aeiouflsz])\1$/i.test(stem)) continue;
      if (ending === "ed" && /[^aeiou]y$/i.test(stem)) continue;
      if (!(ending === "ing" && /[^eoy]e$/i.test(stem))) bases.push(stem);
      if (!/e$/i.test(stem)) bases.push(`${stem}e`);
    }
    return bases.some((base) => base.length >= 4 && isKnown(base));
  };
  const ordinary = (w: string): boolean => isKnown(w) || inflected(w);
  const prefixed = (w: string): boolean =>
    prefixes.some((prefix) => w.toLowerCase().startsWith(prefix) && w.length - prefix.length >= 3 && ordinary(w.slice(prefix.length)));
  // The dictionary has café, naïve and façade only unaccented.
  const plain = word.normalize("NFD").replace(/\p{M}/gu, "");
  if (plain !== word && (ordinary(plain) || prefixed(plain))) return true;
  const parts = word.split("-");
  if (parts.length > 1) return parts.every((part, i) => ordinary(part) || prefixed(part) || (i < parts.length - 1 && prefixes.includes(part.toLowerCase())));
  return inflected(word) || prefixed(word);
}

async function makeChecker(words: string[]): Promise<Checker> {
  // A second speller over the same dictionary and words, for the forms ordinaryForm() derives.
  const speller = nspell(dictionary).personal([...words, ...ordinaryWords.map(([word, model]) => `${word}/${model}`)].join("\n"));
  const known = (w: string) => speller.correct(w);
  const processor = retext()
    .use(retextEnglish)
    .use(retextSpell, { dictionary, personal: words.join("\n"), max: 5 })
    .use(retextRepeatedWords)
    .freeze();
  return async (text) => {
    const file = await processor.process(text);
    return file.messages.flatMap((m): Found[] => {
      const start = m.place && "start" in m.place ? m.place.start.offset : undefined;
      const end = m.place && "end" in m.place ? m.place.end.offset : undefined;
      if (start === undefined || end === undefined) return [];
      const actual = text.slice(start, end);
      if (m.source === "retext-spell") {
        // Numbers with letters ("1970s", "10kV") are not words to spell.
        if (/\d/.test(actual) || known(actual) || ordinaryForm(actual, known)) return [];
        const expected = (m.expected ?? []) as string[];
        return [{ start, end, rule: "spelling" as const, actual, suggestion: expected[0] ?? null, message: `"${actual}" is not in the British English dictionary or the project word list${expected.length ? `; did you mean ${expected.slice(0, 3).map((e) => `"${e}"`).join(", ")}?` : "."} (Add names, places and acronyms to content/wordlist.txt.)` }];
      }
      if (m.source === "retext-repeated-words") {
        return [{ start, end, rule: "repeated-word" as const, actual, suggestion: actual.split(/\s+/)[0], message: `"${actual}" repeats a word; delete one.` }];
      }
      return [];
    });
  };
}

function patternFindings(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(/(?<=\S)( {2,})(?=\S)/g)) {
    out.push({ start: m.index!, end: m.index! + m[1].length, rule: "double-space", actual: m[1], suggestion: " ", message: `${m[1].length} spaces between words; use one.` });
  }
  for (const { preferred, pattern } of preferredTerms) {
    for (const m of text.matchAll(pattern)) {
      if (m[0] === preferred) continue;
      out.push({ start: m.index!, end: m.index! + m[0].length, rule: "term-consistency", actual: m[0], suggestion: preferred, message: `"${m[0]}" is written "${preferred}" across the report.` });
    }
  }
  for (const { pattern, suggestion } of avoidedTerms) {
    for (const m of text.matchAll(pattern)) {
      out.push({ start: m.index!, end: m.index! + m[0].length, rule: "inclusive-language", actual: m[0], suggestion, message: `"${m[0]}" is not a word for a report on gender equality; write ${suggestion}.` });
    }
  }
  return out;
}

/**
 * Proofs every Markdown file of the edition. `displayPath` turns a file's path under the content folder
 * into the path diagnostics print (as the build's other warnings do).
 */
export async function proofContent(contentDir: string, year: number): Promise<ProofResult> {
  const words = readWordList(contentDir, year);
  const check = await makeChecker(words);
  const findings: ProofFinding[] = [];
  const silenced: ProofResult["silenced"] = { total: 0, byRule: {} };
  for (const file of markdownFiles(path.join(contentDir, String(year)))) {
    const source = readRegularFile(file).toString("utf8").replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
    const starts = lineStarts(source);
    const ignored = ignores(source);
    const logicalFile = `content/${path.relative(contentDir, file).split(path.sep).join("/")}`;
    for (const piece of textPieces(source)) {
      if (!/\S/.test(piece.text)) continue;
      const found = [...(await check(piece.text)), ...patternFindings(piece.text)];
      for (const f of found) {
        const at = position(starts, piece.offsets[f.start] ?? piece.offsets[0]);
        const rules = ignored.get(at.line);
        if (rules && (rules.size === 0 || rules.has(f.rule))) {
          silenced.total++;
          silenced.byRule[f.rule] = (silenced.byRule[f.rule] ?? 0) + 1;
          continue;
        }
        findings.push({ severity: "warning", file, ...at, rule: f.rule, message: f.message, logicalFile, actual: f.actual, suggestion: f.suggestion });
      }
    }
  }
  // retext-spell can report a word twice once its cache knows the word; one finding per place and rule.
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.file}:${f.line}:${f.column}:${f.rule}:${f.actual}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  unique.sort((a, b) => a.file.localeCompare(b.file) || a.line! - b.line! || a.column! - b.column!);
  return { findings: unique, silenced, wordList: words.length };
}
