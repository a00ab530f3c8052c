// YAML checked against a schema; each problem is reported at the line of the field it concerns.
import { LineCounter, parseDocument, isMap, isScalar, visit, type Node } from "yaml";
import type { z } from "zod";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import { allowedKeys, explainYamlError } from "./yamlProblems.ts";

export interface CheckedYaml<T> {
  data: T;
  /** File line of each top-level field. */
  fieldLines: Record<string, number>;
}

/** `firstLine` is the file line of the YAML text's first line (front matter starts after the opening ---). */
export function parseYamlWithSchema<S extends z.ZodType>(file: string, text: string, firstLine: number, schema: S, sink: DiagnosticSink): CheckedYaml<z.infer<S>> | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const fileLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    // One message per line: a single slip often makes YAML complain several times about the same line.
    const seen = new Set<number>();
    const lines = text.split(/\r?\n/);
    for (const e of doc.errors) {
      const at = counter.linePos(e.pos[0]);
      if (seen.has(at.line)) continue;
      seen.add(at.line);
      sink.error(file, "yaml", explainYamlError(e, lines[at.line - 1] ?? "", lines[at.line] ?? ""), { line: fileLine(e.pos[0]), column: at.col });
    }
    return null;
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as (string | number)[], true) as Node | undefined;
      if (node?.range) return fileLine(node.range[0]);
    }
    return firstLine;
  };
  let plain: unknown;
  try {
    // An alias to an anchor that is not set, or aliases that multiply past yaml's limit, throw here.
    plain = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    let aliasOffset: number | undefined;
    visit(doc, { Alias: (_key, node) => ((aliasOffset ??= node.range?.[0]), undefined) });
    sink.error(file, "yaml", `Not valid YAML: ${(error as Error).message.split("\n")[0]}`, { line: aliasOffset === undefined ? firstLine : fileLine(aliasOffset) });
    return null;
  }
  const result = schema.safeParse(plain ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.join(".");
      const message = issue.code === "unrecognized_keys" ? unknownKeys((issue as { keys: string[] }).keys, allowedKeys(schema, issue.path)) : issue.message;
      const at = issue.code === "unrecognized_keys" ? [...issue.path, (issue as { keys: string[] }).keys[0]] : issue.path;
      sink.error(file, "schema", `${field ? `${field}: ` : ""}${message}`, { line: lineOf(at), column: 1 });
    }
    return null;
  }
  const fieldLines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range) fieldLines[String(item.key.value)] = fileLine(item.key.range[0]);
    }
  }
  return { data: result.data, fieldLines };
}

function unknownKeys(keys: string[], allowed: string[]): string {
  const names = keys.map((k) => `"${k}"`).join(", ");
  const suggestion = keys.length === 1 ? didYouMean(keys[0], allowed) : "";
  return `${names} ${keys.length === 1 ? "is not a field" : "are not fields"} here.${suggestion}${allowed.length ? ` The fields allowed here are: ${allowed.join(", ")}.` : ""}`;
}
