// The pipeline's stages depend one way: no import cycle between the folders of src/ and templates/.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

/** A file's stage: its folder directly under src/ (src/load/x.ts → "load"), or "templates". */
function stageOf(file: string): string {
  const rel = path.relative(root, file).split(path.sep);
  return rel[0] === "src" ? rel[1] : rel[0];
}

function stageGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of [...sourceFiles(path.join(root, "src")), ...sourceFiles(path.join(root, "templates"))]) {
    const from = stageOf(file);
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)) {
      const to = stageOf(path.resolve(path.dirname(file), match[1]));
      if (to !== from) edges.set(to, `${path.relative(root, file)} imports ${match[1]}`);
    }
  }
  return graph;
}

describe("stages", () => {
  it("import one another without cycles", () => {
    const graph = stageGraph();
    const cycles: string[] = [];
    const visit = (stage: string, trail: string[]) => {
      for (const [next, why] of graph.get(stage) ?? []) {
        const at = trail.indexOf(next);
        if (at >= 0) cycles.push([...trail.slice(at), next].join(" → ") + ` (${why})`);
        else visit(next, [...trail, next]);
      }
    };
    for (const stage of graph.keys()) visit(stage, [stage]);
    expect(cycles).toEqual([]);
  });

  it("keep the vocabulary at the bottom: src/domain imports no other stage", () => {
    expect([...(stageGraph().get("domain")?.keys() ?? [])]).toEqual([]);
  });
});
