// The prepare stage through the stage cache: load, statistics and document, unless the same inputs were
// prepared by the same code before. prepare.ts, which loads the heavy stages, is imported only on a miss.
import type { Root } from "mdast";
import { codeVersion } from "../cache/codeVersion.ts";
import { hashOf, type StageCache } from "../cache/stageCache.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { MarkdownTrees } from "../document/markdown.ts";
import type { ReportDocument } from "../document/model.ts";
import { editionInputs } from "../load/editionInputs.ts";
import type { Statistics } from "../statistics/types.ts";
import type { PrepareOptions } from "./prepare.ts";

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
  inputsHash = editionInputs(options.dataDir, options.contentDir, options.year).hash,
  /** Work that needs the result before it is written to the cache (the preview's first look). */
  first?: (prepared: Prepared) => Promise<void>,
): Promise<Prepared> {
  const started = performance.now();
  const key = hashOf(codeVersion(), inputsHash, options.contentDir, options.dataDir, String(options.final ?? false));
  const kept = cache.get<Prepared>("prepare", key);
  if (kept) {
    timings.prepare = performance.now() - started;
    await first?.(kept);
    return kept;
  }
  const { prepare } = await import("./prepare.ts");
  // Each file's parsed Markdown is kept under its text, so an edit parses one file again. The trees of
  // the last build are also kept in memory: the preview prepares on every save, and reading back and
  // parsing 61 trees' JSON from the cache was about 7 ms of it. Only the last build's are kept.
  const used = new Map<string, Root>();
  const trees: MarkdownTrees = {
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
  const { statistics, document, sink } = prepare({ ...options, trees }, timings);
  lastTrees = used;
  const prepared = { statistics, document, warnings: sink.warnings };
  // Written after the first look: some 700 KB of JSON it need not wait for.
  await first?.(prepared);
  cache.set("prepare", key, prepared);
  return prepared;
}

/** The Markdown trees the last build in this process used, by cache key (never changed: see MarkdownTrees). */
let lastTrees = new Map<string, Root>();
