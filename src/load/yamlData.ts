// YAML checked against a schema; each problem is reported at the line of the field it concerns.
import { LineCounter, parseDocument, isMap, isScalar, visit, type Node } from "yaml";
import type { z } from "zod";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { closest, didYouMean } from "../diagnostics/suggest.ts";
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
    const missing = missingFields(result.error.issues, plain ?? {});
    for (const issue of result.error.issues) {
      const field = issue.path.join(".");
      if (issue.code === "unrecognized_keys") {
        // Keys named as the likely intent of a missing field are said there, once.
        const keys = (issue as { keys: string[] }).keys.filter((k) => !missing.some((m) => m.meant === k && sameParent(m.path, issue.path)));
        if (keys.length > 0) sink.error(file, "schema", `${field ? `${field}: ` : ""}${unknownKeys(keys, allowedKeys(schema, issue.path))}`, { line: lineOf([...issue.path, keys[0]]), column: 1 });
        continue;
      }
      const gap = missing.find((m) => m.issue === issue);
      if (gap) {
        const parent = gap.path.slice(0, -1);
        const place = parent.length ? ` from ${parent.join(".")}` : "";
        const hint = gap.meant ? ` "${gap.meant}" on this line is not a field here; if it was meant as ${String(gap.path.at(-1))}, rename it.` : ` Add a line beginning "${String(gap.path.at(-1))}:"${parent.length ? ` under ${parent.join(".")}` : ""}${gap.maybe?.length ? `, or rename the one of ${gap.maybe.map((k) => `"${k}"`).join(", ")} (not fields here) that was meant as ${String(gap.path.at(-1))}` : ""}.`;
        // zod's own wording ("Invalid input: expected string, received undefined") adds nothing to "missing".
        const what = /^Invalid input/.test(issue.message) ? "" : `: ${issue.message}`;
        sink.error(file, "schema", `${field} is missing${place}${what}.${hint}`, { line: gap.meant ? lineOf([...parent, gap.meant]) : lineOf(parent), column: 1 });
        continue;
      }
      sink.error(file, "schema", `${field ? `${field}: ` : ""}${issue.message}`, { line: lineOf(issue.path), column: 1 });
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

type Issue = z.ZodError["issues"][number];

const sameParent = (fieldPath: readonly PropertyKey[], objectPath: readonly PropertyKey[]) =>
  fieldPath.length === objectPath.length + 1 && objectPath.every((part, i) => part === fieldPath[i]);

/**
 * The required fields absent from their object (not merely of the wrong type), each with the unknown key
 * of the same object it was probably renamed to: the one a typo explains ("titel"), else the only unknown
 * key left over ("headline" for a missing title), else the unknown keys left over as candidates.
 */
function missingFields(issues: readonly Issue[], plain: unknown): { issue: Issue; path: PropertyKey[]; meant?: string; maybe?: string[] }[] {
  const objectAt = (path: readonly PropertyKey[]) => path.reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[part] : undefined), plain);
  const gaps = issues
    .filter((issue) => issue.code === "invalid_type" && issue.path.length > 0)
    .filter((issue) => {
      const parent = objectAt(issue.path.slice(0, -1));
      return parent !== null && typeof parent === "object" && !Array.isArray(parent) && !Object.prototype.hasOwnProperty.call(parent, issue.path.at(-1)!);
    })
    .map((issue) => ({ issue, path: [...issue.path], meant: undefined as string | undefined, maybe: undefined as string[] | undefined }));
  for (const unknown of issues.filter((i) => i.code === "unrecognized_keys")) {
    const here = gaps.filter((g) => sameParent(g.path, unknown.path));
    let keys = [...(unknown as { keys: string[] }).keys];
    for (const gap of here) {
      const typo = keys.find((k) => closest(k, [String(gap.path.at(-1))]) !== undefined);
      if (typo) {
        gap.meant = typo;
        keys = keys.filter((k) => k !== typo);
      }
    }
    const open = here.filter((g) => !g.meant);
    if (open.length === 1 && keys.length === 1) open[0].meant = keys[0];
    else for (const gap of open) gap.maybe = keys;
  }
  return gaps;
}

function unknownKeys(keys: string[], allowed: string[]): string {
  const names = keys.map((k) => `"${k}"`).join(", ");
  const suggestion = keys.length === 1 ? didYouMean(keys[0], allowed) : "";
  return `${names} ${keys.length === 1 ? "is not a field" : "are not fields"} here.${suggestion}${allowed.length ? ` The fields allowed here are: ${allowed.join(", ")}.` : ""}`;
}
