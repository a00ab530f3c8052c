// `build`: the ordinary, print or final edition, by the one pipeline (src/build/runEdition.ts).
import type { EditionInputs } from "../load/editionInputs.ts";
import { runEdition, type BuildOptions, type BuildResult } from "./runEdition.ts";

export type { BuildOptions, BuildResult } from "./runEdition.ts";
export { prepareCached, type Prepared } from "./prepareCached.ts";
export { stage } from "./stage.ts";
export { BuildError } from "../diagnostics/diagnostic.ts";

/** `inputs`: the edition's inputs when the caller has just listed them. */
export async function build(options: BuildOptions, inputs?: EditionInputs): Promise<BuildResult> {
  return runEdition(options, { kind: "build", inputs });
}
