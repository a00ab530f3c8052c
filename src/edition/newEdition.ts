// A new edition's content folder, started from the newest one: settings moved on a year, the forewords,
// summary, analysis and back page carried as starting text, good practice left for the year's entries.
// Year-numbered figure names are made year-independent; typed years, dates and figures are listed.
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { kindOf, lstatOrNull, notRegular, readRegularFile } from "../cache/filesBelow.ts";
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { checklistFile, checklistText, type ChecklistItem } from "../load/checklist.ts";
import { findReviewPlaces, rewriteYearNames } from "./reviewPlaces.ts";

export interface NewEditionOptions {
  contentDir: string;
  year: number;
  /** The edition to start from; default the newest folder before `year`. */
  fromYear?: number;
}

export interface NewEditionResult {
  dir: string;
  fromDir: string;
  files: string[];
  rewrites: { file: string; line: number; column: number; from: string; to: string }[];
  /** content/<year>/checklist.yml: the places listed, kept with the edition until each is resolved. */
  checklist: string;
  items: number;
}

/** Folders and files carried as starting text (and the cover's partner marks); good-practice is not (each year's entries are new). */
const carried = ["report.yml", "executive-summary.md", "back-page.md", "forewords", "analysis", "images", "marks"];

export function createEdition(options: NewEditionOptions, sink: DiagnosticSink): NewEditionResult | null {
  const { contentDir, year } = options;
  const dir = path.join(contentDir, String(year));
  if (existsSync(dir)) {
    sink.error(dir, "edition-exists", `The ${year} edition folder already exists; nothing was changed. Remove or rename it first if you want to start again.`);
    return null;
  }
  const earlier = existsSync(contentDir) ? readdirSync(contentDir).filter((n) => /^\d{4}$/.test(n) && Number(n) < year).map(Number) : [];
  const fromYear = options.fromYear ?? (earlier.length ? Math.max(...earlier) : undefined);
  const fromDir = path.join(contentDir, String(fromYear));
  if (fromYear === undefined || !existsSync(path.join(fromDir, "report.yml"))) {
    sink.error(fromYear === undefined ? contentDir : path.join(fromDir, "report.yml"), "no-earlier-edition", `There is no earlier edition before ${year} with a report.yml to start from.`);
    return null;
  }

  const files: { rel: string; text: string | null }[] = [];
  const collect = (rel: string) => {
    const full = path.join(fromDir, rel);
    const kind = lstatOrNull(full);
    if (!kind) return;
    if (kind.isDirectory()) {
      for (const name of readdirSync(full).sort()) if (!name.startsWith(".")) collect(path.join(rel, name));
    } else if (!kind.isFile()) {
      // The input walk's rule (src/cache/filesBelow.ts): a link or special file is named, never carried.
      const refused = notRegular(full, kindOf(kind));
      sink.error(refused.file, refused.rule, refused.message);
    } else files.push({ rel, text: /\.(md|yml|yaml)$/.test(rel) ? readRegularFile(full).toString("utf8") : null });
  };
  carried.forEach(collect);
  if (sink.errors.length > 0) return null;

  const result: NewEditionResult = { dir, fromDir, files: [], rewrites: [], checklist: checklistFile(dir), items: 0 };
  const items: ChecklistItem[] = [];
  const writes: { file: string; content: string | null; source: string }[] = [];
  for (const { rel, text } of files) {
    const file = path.join(dir, rel);
    if (text === null) {
      writes.push({ file, content: null, source: path.join(fromDir, rel) });
      continue;
    }
    let content = rel === "report.yml" ? moveSettingsOn(text, fromYear, year, file, sink) : text;
    const rewritten = rewriteYearNames(content, fromYear);
    content = rewritten.text;
    result.rewrites.push(...rewritten.rewrites.map((r) => ({ file, ...r })));
    for (const place of [...rewritten.left, ...findReviewPlaces(content)]) {
      // The settings' own year and the placeholder date are handled above, not a person's job to find.
      // Comments are not printed.
      if (rel === "report.yml" && /^(year|publicationDate):|^\s*#/.test(content.split("\n")[place.line - 1] ?? "")) continue;
      sink.warn(file, place.rule, place.message, { line: place.line, column: place.column });
      items.push({ file: rel.split(path.sep).join("/"), line: place.line, column: place.column, rule: place.rule, text: place.text, check: place.message });
    }
    writes.push({ file, content, source: "" });
  }

  // Everything is decided before anything is written; then written without overwriting.
  mkdirSync(path.join(dir, "good-practice"), { recursive: true });
  writeFileSync(
    path.join(dir, "good-practice", ".gitkeep"),
    `Good-practice entries for ${year} go in this folder, one .md file each (see content/README.md; npm run import:entry turns a Word document into one).\n`,
    { flag: "wx" },
  );
  writes.push({ file: result.checklist, content: checklistText(year, items), source: "" });
  result.items = items.length;
  for (const w of writes) {
    mkdirSync(path.dirname(w.file), { recursive: true });
    if (w.content === null) cpSync(w.source, w.file, { errorOnExist: true, force: false });
    else writeFileSync(w.file, w.content, { flag: "wx" });
    if (w.file !== result.checklist) result.files.push(w.file);
  }
  return result;
}

/** report.yml for the new year: year, a placeholder publication date, edition number moved on. */
function moveSettingsOn(text: string, fromYear: number, year: number, file: string, sink: DiagnosticSink): string {
  const lines = text.split("\n");
  const lineOf = (key: string) => lines.findIndex((l) => new RegExp(`^${key}:`).test(l));
  const set = (key: string, value: string) => {
    const i = lineOf(key);
    if (i >= 0) lines[i] = `${key}: ${value}`;
    return i;
  };
  set("year", String(year));
  // The file's own heading comment names its edition; move it on rather than list it.
  if (/^#/.test(lines[0] ?? "")) lines[0] = lines[0].replaceAll(String(fromYear), String(year));
  const date = set("publicationDate", `${year}-01-01 # placeholder: set the day the ${year} edition is published`);
  if (date >= 0) sink.warn(file, "publication-date", `The publication date is a placeholder (${year}-01-01); set the real date before publishing.`, { line: date + 1, column: 18 });
  const edition = lineOf("edition");
  if (edition >= 0) {
    const n = Number(/^edition:\s*(\d+)/.exec(lines[edition])?.[1]);
    if (Number.isInteger(n)) lines[edition] = `edition: ${n + year - fromYear}`;
  }
  const label = lineOf("editionLabel");
  if (label >= 0) sink.warn(file, "edition-label", "editionLabel is typed by hand; change it for the new edition, or remove it to have it made from the year and edition number.", { line: label + 1, column: 1 });
  return lines.join("\n");
}
