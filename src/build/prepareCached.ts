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
): Promise<Prepared> {
  const started = performance.now();
  const key = hashOf(codeVersion(), inputsHash, options.contentDir, options.dataDir, String(options.final ?? false));
  const kept = cache.get<Prepared>("prepare", key);
  if (kept) {
    timings.prepare = performance.now() - started;
    return kept;
  }
  const { prepare } = await import("./prepare.ts");
  // Each file's parsed Markdown is kept under its text, so an edit parses one file again.
  const trees: MarkdownTrees = {
    get: (text) => cache.get<Root>("markdown", hashOf(codeVersion(), text)),
    set: (text, tree) => cache.set("markdown", hashOf(codeVersion(), text), tree),
  };
  const { statistics, document, sink } = prepare({ ...options, trees }, timings);
  const prepared = { statistics, document, warnings: sink.warnings };
  cache.set("prepare", key, prepared);
  return prepared;
}
