// Stages up to the format-neutral document: load and validate, compute statistics, assemble.
import { existsSync, lstatSync, readdirSync } from "node:fs";
import { filesBelow } from "../cache/filesBelow.ts";
import { editionInputFiles } from "../load/editionInputs.ts";
import path from "node:path";
import { DiagnosticSink, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { assembleDocument, assembleForceSections } from "../document/assembleDocument.ts";
import { checkDocument } from "../document/checks.ts";
import type { ReportDocument } from "../document/model.ts";
import type { MarkdownTrees } from "../document/markdown.ts";
import { checkMeasures, checkPlausibility } from "../load/checkWorkforce.ts";
import { checkFrontMatterBraces, loadContent, type ContentSet, type Entry } from "../load/content.ts";
import { entrySchema } from "../load/contentSchemas.ts";
import { readMarkdownFile } from "../load/frontMatter.ts";
import { loadChecklist } from "../load/checklist.ts";
import { checkEditionText } from "../document/editionChecks.ts";
import { aboutFile, loadDataAbout, type DataAbout } from "../load/dataAbout.ts";
import { loadForceRegister, type ForceRegister } from "../load/forceRegister.ts";
import { loadWorkforceYear, type WorkforceYear } from "../load/workforce.ts";
import { computeStatistics } from "../statistics/computeStatistics.ts";
import type { Statistics } from "../statistics/types.ts";

export interface PrepareOptions {
  year: number;
  dataDir: string;
  contentDir: string;
  /** Markdown parsed by earlier builds (src/build/prepareCached.ts keeps it in the stage cache). */
  trees?: MarkdownTrees;
  /** The published edition: what a draft only warns about (open checklist items, stale years, dates) stops it. */
  final?: boolean;
}

/** Years with a data folder, up to the edition year: the edition, the one before, and history for trends. */
function dataYears(dataDir: string, year: number): number[] {
  if (!existsSync(dataDir)) return [year];
  const years = readdirSync(dataDir)
    .filter((name) => /^\d{4}$/.test(name) && Number(name) <= year)
    .map(Number);
  return [...new Set([...years, year])].sort((a, b) => a - b);
}

export interface LoadedInputs {
  statistics: Statistics;
  document: ReportDocument;
  sink: DiagnosticSink;
  /** What the document was assembled from: the preview's early look assembles edited entries on it (editedEntries). */
  content: ContentSet;
  data: LoadedData;
}

/** The register, every workforce year the edition uses, and what the data says about itself. */
export interface LoadedData {
  register: ForceRegister;
  years: WorkforceYear[];
  about: DataAbout | null;
}

/** The register and every workforce year the edition uses; throws BuildError when the register is unusable. */
export function loadData(options: PrepareOptions, sink: DiagnosticSink): LoadedData {
  const register = loadForceRegister(path.join(options.dataDir, "forces.csv"), sink, options.dataDir);
  sink.throwIfErrors();
  const years: WorkforceYear[] = [];
  for (const y of dataYears(options.dataDir, options.year)) {
    const optional = y !== options.year && !existsSync(path.join(options.dataDir, String(y)));
    if (optional) continue;
    const loaded = loadWorkforceYear(options.dataDir, y, register!, sink, { staffRequired: y === options.year });
    if (loaded) years.push(loaded);
  }
  if (!years.some((y) => y.year === options.year - 1)) {
    sink.warn(path.join(options.dataDir, String(options.year - 1)), "no-previous-year", `There is no ${options.year - 1} data, so no % changes or previous-year charts can be shown.`);
  }
  const about = loadDataAbout(options.dataDir, options.year, sink);
  if (!about && !sink.errors.some((e) => e.file === aboutFile(options.dataDir, options.year))) {
    sink.warn(aboutFile(options.dataDir, options.year), "no-data-about", `There is no ${options.year}/about.yml saying when the ${options.year} counts are as at and where they come from; write it (see data/README.md), or source lines and dates cannot be made from the data and a final edition cannot be built.`);
  }
  if (sink.errors.length === 0) {
    checkMeasures(years, options.year, sink);
    checkPlausibility(years, options.year, register!, sink);
  }
  return { register: register!, years, about };
}

/** The data folder as it stands: each file's path, size and modification time (no file is read). */
function dataListing(dataDir: string): string {
  return filesBelow(dataDir)
    .map((file) => {
      const stat = lstatSync(file);
      return `${file}\u0000${stat.size}\u0000${stat.mtimeMs}`;
    })
    .join("\n");
}

let lastData: { key: string; loaded: ReturnType<typeof loadData>; messages: Diagnostic[]; statistics?: Statistics } | undefined;

/**
 * loadData, unless this process loaded the same data folder last time: the preview prepares the edition
 * on every save, and most saves are to the content. Data with errors is never kept.
 */
function loadDataOnce(options: PrepareOptions, sink: DiagnosticSink): ReturnType<typeof loadData> {
  const key = `${options.year}\u0000${options.dataDir}\u0000${dataListing(options.dataDir)}`;
  if (lastData?.key === key) {
    for (const message of lastData.messages) sink.messages.push(message);
    return lastData.loaded;
  }
  const own = new DiagnosticSink();
  lastData = undefined;
  try {
    const loaded = loadData(options, own);
    if (own.errors.length === 0) lastData = { key, loaded, messages: [...own.messages] };
    return loaded;
  } finally {
    // What it found reaches the build's sink whether or not it threw (check lists warnings beside errors).
    for (const message of own.messages) sink.messages.push(message);
  }
}

/** computeStatistics, computed once for data loadDataOnce kept: the same data gives the same statistics (never changed after). */
function statisticsOnce(loaded: LoadedData, year: number): Statistics {
  const compute = () => computeStatistics({ register: loaded.register, years: loaded.years, year });
  if (lastData?.loaded !== loaded) return compute();
  return (lastData.statistics ??= compute());
}

/** Everything up to the format-neutral document; throws BuildError with every input error found. */
export function prepare(options: PrepareOptions, timings: Record<string, number> = {}, sink = new DiagnosticSink()): LoadedInputs {
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - t;
    t = now;
  };
  // The one input rule before any file is opened: a link, pipe, socket or device in the inputs stops here.
  editionInputFiles(options.dataDir, options.contentDir, options.year);
  const data = loadDataOnce(options, sink);
  const { register, years, about } = data;
  const content = loadContent(options.contentDir, options.year, register!, sink);
  if (content) {
    const checklist = loadChecklist(content.dir, options.contentDir, sink);
    checkEditionText({ content, about, dataDir: options.dataDir, dataYears: years.map((y) => y.year), final: options.final ?? false }, checklist, sink);
  }
  lap("load");
  sink.throwIfErrors();
  const statistics = statisticsOnce(data, options.year);
  lap("statistics");
  const roots = { contentDir: options.contentDir, dataDir: options.dataDir };
  const document = assembleDocument({ content: content!, statistics, register: register!, years, about, roots, trees: options.trees }, sink);
  checkDocument(content!, statistics, register!, document, sink, roots);
  lap("document");
  sink.throwIfErrors();
  return { statistics, document, sink, content: content!, data };
}

/**
 * An earlier prepare's document with some good-practice entries read again and their forces' sections
 * assembled again on the same data and other content: the preview's early look at a save that changed
 * only entries' words. Null when the look could mislead: an entry that cannot be read or has an error,
 * one that is new, or one whose force or order changed (the whole build reports and places those).
 */
export function editedEntries(before: LoadedInputs, files: readonly string[], options: PrepareOptions): ReportDocument | null {
  const { content, data, statistics, document } = before;
  const sink = new DiagnosticSink();
  const edited = new Map<string, Entry>();
  for (const file of files) {
    const old = content.entries.find((e) => e.file === file);
    const entry = readMarkdownFile(file, entrySchema, sink, "a good-practice entry", options.contentDir);
    if (entry) checkFrontMatterBraces(entry, sink);
    if (!old || !entry || sink.errors.length > 0) return null;
    const force = data.register.resolve(entry.data.force);
    if (force?.slug !== old.force.slug || entry.data.order !== old.data.order) return null;
    edited.set(file, { ...entry, force });
  }
  const entries = content.entries.map((e) => edited.get(e.file) ?? e);
  const roots = { contentDir: options.contentDir, dataDir: options.dataDir };
  const slugs = new Set([...edited.values()].map((e) => e.force.slug));
  const input = { content: { ...content, entries }, statistics, register: data.register, years: data.years, about: data.about, roots, trees: options.trees };
  const assembled = assembleForceSections(input, slugs, sink);
  const sections = new Map(assembled.sections.map((s) => [s.id, s]));
  if (sink.errors.length > 0 || ![...sections.keys()].every((id) => document.sections.some((s) => s.id === id))) return null;
  // The sections' figures are bound under their own ids and their entries' ("force/kent/…", "entry/kent/…").
  const owners = document.sections.filter((s) => sections.has(s.id)).flatMap((s) => [s.id, ...(s.kind === "force" ? s.entries.map((e) => e.id) : [])]);
  const kept = Object.entries(document.bindings).filter(([id]) => !owners.some((owner) => id.startsWith(`${owner}/`)));
  return { ...document, sections: document.sections.map((s) => sections.get(s.id) ?? s), bindings: { ...Object.fromEntries(kept), ...assembled.bindings } };
}



