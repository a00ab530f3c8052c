// Markdown files with front matter; the front matter is checked, the body is kept for a later stage.
import matter from "gray-matter";
import type { z } from "zod";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { readInputFile } from "./readInput.ts";
import { parseYamlWithSchema } from "./yamlData.ts";

export interface MarkdownFile<T> {
  file: string;
  data: T;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  /** Line of each top-level front matter field, for later checks (e.g. an unknown force). */
  fieldLines: Record<string, number>;
}

export function readMarkdownFile<S extends z.ZodType>(file: string, schema: S, sink: DiagnosticSink, expected: string, root?: string): MarkdownFile<z.infer<S>> | null {
  const text = readInputFile(file, sink, expected, root);
  if (text === null) return null;
  return parseMarkdownFile(file, text, schema, sink);
}

// Each file's last front matter read without a problem, under its text and schema: the preview reads every
// file on every save, and parsing 61 files' YAML again was about 7 ms of each save. One a file.
const parsedFiles = new Map<string, { text: string; schema: z.ZodType; parsed: MarkdownFile<unknown> }>();

/** A copy the caller may change (a portrait's checked path replaces the written one). */
const copyOf = <T>(parsed: MarkdownFile<T>): MarkdownFile<T> => ({ ...parsed, data: structuredClone(parsed.data), fieldLines: { ...parsed.fieldLines } });

export function parseMarkdownFile<S extends z.ZodType>(file: string, text: string, schema: S, sink: DiagnosticSink): MarkdownFile<z.infer<S>> | null {
  const kept = parsedFiles.get(file);
  if (kept?.text === text && kept.schema === schema) return copyOf(kept.parsed as MarkdownFile<z.infer<S>>);
  const reported = sink.messages.length;
  const parsed = parseFrontMatter(file, text, schema, sink);
  if (parsed && sink.messages.length === reported) parsedFiles.set(file, { text, schema, parsed: copyOf(parsed) });
  else parsedFiles.delete(file);
  return parsed;
}

function parseFrontMatter<S extends z.ZodType>(file: string, text: string, schema: S, sink: DiagnosticSink): MarkdownFile<z.infer<S>> | null {
  const source = text.replace(/^\uFEFF/, "");
  if (!/^---\r?\n/.test(source)) {
    sink.error(file, "front-matter", "The file must start with front matter between --- lines (see content/README.md).", { line: 1, column: 1 });
    return null;
  }
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(source.slice(3))) {
    sink.error(file, "front-matter", "The front matter that starts here has no closing --- line. Add a line with just --- after the last field, before the text begins.", { line: 1, column: 1 });
    return null;
  }
  // gray-matter only splits here; YAML is parsed by `yaml`, which knows line numbers.
  const split = matter(source, { engines: { yaml: () => ({}) } });
  const checked = parseYamlWithSchema(file, split.matter, 1, schema, sink);
  if (!checked) return null;
  return { file, data: checked.data, body: split.content, bodyLine: split.matter.split("\n").length + 2, fieldLines: checked.fieldLines };
}
