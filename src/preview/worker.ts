// The preview's builder, in a worker thread: it keeps the laid-out stages warm between edits, shows the
// sections an edit touched first (laid out on their own), then builds the whole draft.
import { parentPort } from "node:worker_threads";
import path from "node:path";
import { build, prepareCached, type BuildOptions } from "../build/build.ts";
import { diskCache } from "../cache/stageCache.ts";
import { editionInputs } from "../load/editionInputs.ts";
import type { ReportDocument } from "../document/model.ts";
import { asDiagnostics } from "../diagnostics/unexpected.ts";
import { projectVersion } from "../build/version.ts";
import { changedSections } from "./changedSections.ts";

export type WorkerRequest = { type: "build"; options: BuildOptions };
export type WorkerReply =
  | { type: "sections"; ids: string[]; pdf: Uint8Array; ms: number }
  | { type: "built"; pdfFile: string; pageCount: number; pages: Record<string, number>; warnings: unknown[]; changed: string[]; ms: number }
  | { type: "failed"; diagnostics: unknown[]; ms: number };

let last: { document: ReportDocument; pages: Record<string, number> } | null = null;

async function run(options: BuildOptions): Promise<void> {
  const started = performance.now();
  const post = (reply: WorkerReply) => parentPort!.postMessage(reply);
  try {
    const cache = diskCache(path.join(options.outDir, ".cache"));
    // The inputs are listed and hashed once for both the first look and the whole draft.
    const inputs = editionInputs(options.dataDir, options.contentDir, options.year);
    const prepared = await prepareCached(options, cache, {}, inputs.hash);
    const changed = last ? changedSections(last.document, prepared.document) : [];
    // A first look at what the edit touched, while the whole draft is laid out behind it.
    if (changed.length > 0 && changed.length <= 3) {
      const { renderSectionsPdf } = await import("../render/renderPdf.tsx");
      const roots = { contentDir: options.contentDir, dataDir: options.dataDir };
      const pdf = await renderSectionsPdf(prepared.document, changed, { print: false, creator: `gender-equality-report ${projectVersion()}`, roots, cache, pages: last?.pages ?? {} });
      post({ type: "sections", ids: changed, pdf, ms: performance.now() - started });
    }
    const result = await build(options, inputs);
    last = { document: result.document, pages: result.pages };
    post({ type: "built", pdfFile: result.pdfFile, pageCount: result.pageCount, pages: result.pages, warnings: result.warnings, changed, ms: performance.now() - started });
  } catch (error) {
    post({ type: "failed", diagnostics: asDiagnostics(error), ms: performance.now() - started });
  }
}

parentPort?.on("message", (request: WorkerRequest) => {
  if (request.type === "build") void run(request.options);
});
