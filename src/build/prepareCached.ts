// The prepare stage through the stage cache: load, statistics and document, unless the same inputs were
// prepared by the same code before. prepare.ts, which loads the heavy stages, is imported only on a miss.
import type { Root } from "mdast";
import { codeVersion } from "../cache/codeVersion.ts";
import { hashOf, type StageCache } from "../cache/stageCache.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { MarkdownTrees } from "../document/markdown.ts";
import type { ReportDocument } from "../document/model.ts";
import { editionInputs, type EditionInputs } from "../load/editionInputs.ts";
import type { Statistics } from "../statistics/types.ts";
import type { LoadedInputs, PrepareOptions } from "./prepare.ts";

export interface Prepared {
  statistics: Statistics;
  document: ReportDocument;
  warnings: Diagnostic[];
}

/** Load, statistics and document, unless the same inputs were prepared by the same code before. */
export async function prepareCached(
  // A build's options will do: only what prepare reads shapes the result.
  options: PrepareOptions & { outDir?: string; print?: boolean },
  cache: StageCache,
  timings: Record<string, number> = {},
  inputs: EditionInputs = editionInputs(options.dataDir, options.contentDir, options.year),
  /** Work that needs the result before it is written to the cache (the preview's first look). */
  first?: (prepared: Prepared) => Promise<void>,
): Promise<Prepared> {
  const started = performance.now();
  const key = hashOf(codeVersion(), inputs.hash, options.contentDir, options.dataDir, String(options.final ?? false));
  const kept = cache.get<Prepared>("prepare", key);
  if (kept) {
    timings.prepare = performance.now() - started;
    await first?.(kept);
    return kept;
  }
  const { prepare } = await import("./prepare.ts");
  const used = new Map<string, Root>();
  const loaded = prepare({ ...options, trees: markdownTrees(cache, used) }, timings);
  lastTrees = used;
  lastPrepared = { options: optionsKey(options), files: filesOf(inputs), loaded };
  const { statistics, document, sink } = loaded;
  const prepared = { statistics, document, warnings: sink.warnings };
  // Written after the first look: some 700 KB of JSON it need not wait for.
  await first?.(prepared);
  cache.set("prepare", key, prepared);
  return prepared;
}

/** The Markdown trees the last build in this process used, by cache key (never changed: see MarkdownTrees). */
let lastTrees = new Map<string, Root>();

/**
 * Each file's parsed Markdown is kept under its text, so an edit parses one file again. The trees of the
 * last build are also kept in memory (`used` becomes them): the preview prepares on every save, and
 * reading back and parsing 61 trees' JSON from the cache was about 7 ms of it.
 */
function markdownTrees(cache: StageCache, used: Map<string, Root>): MarkdownTrees {
  return {
    get: (text) => {
      const key = hashOf(codeVersion(), text);
      const tree = lastTrees.get(key) ?? cache.get<Root>("markdown", key);
      if (tree) used.set(key, tree);
      return tree;
    },
    set: (text, tree) => {
      const key = hashOf(codeVersion(), text);
      used.set(key, tree);
      cache.set("markdown", key, tree);
    },
  };
}

/** The last prepare this process ran: its options, its input files' hashes (by logical path) and what it read and made. */
let lastPrepared: { options: string; files: Map<string, string>; loaded: LoadedInputs } | undefined;

const optionsKey = (options: PrepareOptions) => JSON.stringify([codeVersion(), options.year, options.contentDir, options.dataDir, options.final ?? false]);

/** Each input's SHA-256 by logical path. */
function filesOf(inputs: EditionInputs): Map<string, string> {
  return new Map(inputs.files.map((f) => [f.path, f.sha256]));
}

/**
 * The preview's early look at a save that changed only good-practice entries: the last prepare's
 * document with those entries' forces assembled again (src/build/prepare.ts editedEntries), made before
 * the whole prepare runs. Null when anything else changed, or nothing did, or the look could mislead.
 */
export async function earlyDocument(options: PrepareOptions, inputs: EditionInputs, cache: StageCache): Promise<ReportDocument | null> {
  const last = lastPrepared;
  if (!last || last.options !== optionsKey(options)) return null;
  const entries = `content/${options.year}/good-practice/`;
  const changed = inputs.files.filter((f) => f.sha256 !== last.files.get(f.path));
  const onlyEntries = inputs.files.length === last.files.size && changed.length > 0 && changed.every((f) => last.files.has(f.path) && f.path.startsWith(entries) && f.path.endsWith(".md") && !f.path.slice(entries.length).includes("/"));
  if (!onlyEntries) return null;
  const { editedEntries } = await import("./prepare.ts");
  // Trees parsed here are kept for the whole prepare that follows.
  return editedEntries(last.loaded, changed.map((f) => f.source), { ...options, trees: markdownTrees(cache, lastTrees) });
}
