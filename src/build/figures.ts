// The names an edition's prose can use in {{ }}, with this year's values: data and report.yml only, so
// the list is there even while the prose has errors (which is when it is most needed).
import { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { editionOf, expressionContext } from "../document/assembleDocument.ts";
import { listFigures, type FigureName } from "../document/figureList.ts";
import { loadContent } from "../load/content.ts";
import type { PrepareOptions } from "./prepare.ts";
import { runEdition } from "./runEdition.ts";

export async function editionFigures(options: PrepareOptions, filter?: string): Promise<{ figures: FigureName[]; context: unknown; sink: DiagnosticSink }> {
  // Data errors make every value doubtful: the pipeline stops. Content errors do not change the names or values.
  const { register, about, statistics, sink } = await runEdition(options, { kind: "figures" });
  const contentSink = new DiagnosticSink();
  const content = loadContent(options.contentDir, options.year, register, contentSink);
  const { edition, editionLabel } = content ? editionOf(content) : { edition: null, editionLabel: null };
  const context = expressionContext(statistics, edition as number, editionLabel as string, content?.report.title as string, about);
  if (!content) sink.warn(`${options.contentDir}/${options.year}/report.yml`, "figures-without-report", "The edition's report.yml could not be read, so edition, editionLabel and title show as n/a.");
  return { figures: listFigures(context, filter), context, sink };
}
