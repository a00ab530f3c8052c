// The preview's builder, in a worker thread: it keeps the laid-out stages warm between edits, and runs
// the pipeline in its preview mode: the sections an edit touched are shown first (laid out on their own,
// right after the prepare stage), then the whole draft is built.
import { parentPort } from "node:worker_threads";
import { runEdition, type BuildOptions } from "../build/runEdition.ts";
import type { StageCache } from "../cache/stageCache.ts";
import type { ReportDocument } from "../document/model.ts";
import { asDiagnostics } from "../diagnostics/unexpected.ts";
import { projectVersion } from "../build/version.ts";
import { changedSections, sectionTexts } from "./changedSections.ts";

export type WorkerRequest = { type: "build"; options: BuildOptions };
export type WorkerReply =
  | { type: "sections"; ids: string[]; pdf: Uint8Array; ms: number }
  | { type: "built"; pdfFile: string; pageCount: number; pages: Record<string, number>; warnings: unknown[]; changed: string[]; ms: number }
  | { type: "failed"; diagnostics: unknown[]; ms: number };

let last: { sections: ReadonlyMap<string, string>; pages: Record<string, number> } | null = null;

async function run(options: BuildOptions): Promise<void> {
  const started = performance.now();
  const post = (reply: WorkerReply) => parentPort!.postMessage(reply);
  let changed: string[] = [];
  let sections: ReadonlyMap<string, string> | undefined;
  // The sections of the first look shown for this save, as text.
  let shown: string | undefined;
  // A first look at what the edit touched, while the pipeline goes on to lay out the whole draft. It is
  // called early (an edited entry assembled on the last prepare) and again after the whole prepare: the
  // second stands down when the first showed the very same sections.
  const firstLook = async (document: ReportDocument, cache: StageCache) => {
    sections = sectionTexts(document);
    changed = last ? changedSections(last.sections, sections) : [];
    if (changed.length === 0 || changed.length > 3) return;
    const look = JSON.stringify(changed.map((id) => [id, sections!.get(id)]));
    if (look === shown) return;
    shown = look;
    const { renderSectionsPdf } = await import("../render/renderPdf.tsx");
    const roots = { contentDir: options.contentDir, dataDir: options.dataDir };
    const pdf = await renderSectionsPdf(document, changed, { print: false, creator: `gender-equality-report ${projectVersion()}`, roots, cache, pages: last?.pages ?? {} });
    post({ type: "sections", ids: changed, pdf, ms: performance.now() - started });
  };
  try {
    const result = await runEdition(options, { kind: "preview", firstLook });
    last = { sections: sections ?? sectionTexts(result.document), pages: result.pages };
    post({ type: "built", pdfFile: result.pdfFile, pageCount: result.pageCount, pages: result.pages, warnings: result.warnings, changed, ms: performance.now() - started });
  } catch (error) {
    post({ type: "failed", diagnostics: asDiagnostics(error), ms: performance.now() - started });
  }
}

parentPort?.on("message", (request: WorkerRequest) => {
  if (request.type === "build") void run(request.options);
});
