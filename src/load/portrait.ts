// A portrait's path is relative to the edition's folder (content/<year>/), as content/README.md says;
// a missing or unprintable file is an error at the portrait line, never a silently empty circle.
import { existsSync } from "node:fs";
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import type { PersonFrontMatter } from "./contentSchemas.ts";
import type { MarkdownFile } from "./frontMatter.ts";

export function resolvePortrait(file: MarkdownFile<PersonFrontMatter>, editionDir: string, sink: DiagnosticSink): void {
  const given = file.data.portrait;
  if (!given) return;
  const at = { line: file.fieldLines.portrait, column: 1 };
  if (/^[a-z]+:/i.test(given) || given.startsWith("//")) {
    sink.error(file.file, "remote-image", `portrait: "${given}" is not a local file; put the picture in ${path.join(editionDir, "images")} and write images/<name>.`, at);
    return;
  }
  const full = path.resolve(editionDir, given);
  if (!/\.(png|jpe?g)$/i.test(full) || !existsSync(full)) {
    sink.error(file.file, "missing-image", `portrait: "${given}" must be a PNG or JPEG file, relative to the edition's folder (looked for ${full}).`, at);
    return;
  }
  file.data.portrait = full;
}
