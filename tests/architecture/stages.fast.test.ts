// The pipeline's stages depend one way, as the README's table of allowed imports draws them: the test
// reads that table, so the drawing and the rule cannot drift apart.
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

type Graph = Map<string, Map<string, string>>;

function stageGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of [...sourceFiles(path.join(root, "src")), ...sourceFiles(path.join(root, "templates"))]) {
    const from = stageOf(file);
    if (from === "types") continue; // ambient declarations of untyped packages, not a stage
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)) {
      const to = stageOf(path.resolve(path.dirname(file), match[1]));
      if (to !== from && to !== "types") edges.set(to, `${path.relative(root, file)} imports ${match[1]}`);
    }
  }
  return graph;
}

/** The README's table "The stages of src/ and what each may import", in its order. */
function readmeTable(): { order: string[]; allowed: Map<string, Set<string>> } {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### The stages of `src/`"));
  const rows = [...section.matchAll(/^\| `([a-z]+)` \| [^|]+ \|([^|]*)\|$/gm)];
  const order = rows.map((r) => r[1]);
  const allowed = new Map<string, Set<string>>();
  rows.forEach((r, i) => {
    const cell = r[2].trim();
    allowed.set(r[1], new Set(cell === "every stage above" ? order.slice(0, i) : cell ? cell.split(/,\s*/) : []));
  });
  return { order, allowed };
}

/** Every import the table does not allow, as "from → to (file imports …)". */
function forbiddenImports(graph: Graph, allowed: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  for (const [from, edges] of graph) {
    for (const [to, why] of edges) if (!allowed.get(from)?.has(to)) found.push(`${from} → ${to} (${why})`);
  }
  return found.sort();
}

describe("stages", () => {
  const table = readmeTable();

  it("the README's table names every stage once, and each row allows only stages above it", () => {
    expect(new Set(table.order).size).toBe(table.order.length);
    expect([...stageGraph().keys()].filter((s) => !table.order.includes(s))).toEqual([]);
    const upward = table.order.flatMap((stage, i) => [...table.allowed.get(stage)!].filter((to) => !table.order.slice(0, i).includes(to)).map((to) => `${stage} → ${to}`));
    expect(upward).toEqual([]);
  });

  it("import only what the README's table allows", () => {
    expect(forbiddenImports(stageGraph(), table.allowed)).toEqual([]);
  });

  it("a planted import against the order is caught", () => {
    const graph = stageGraph();
    graph.get("domain")!.set("build", "src/domain/planted.ts imports ../build/build.ts");
    graph.get("load")!.set("render", "src/load/planted.ts imports ../render/renderPdf.tsx");
    expect(forbiddenImports(graph, table.allowed)).toEqual([
      "domain → build (src/domain/planted.ts imports ../build/build.ts)",
      "load → render (src/load/planted.ts imports ../render/renderPdf.tsx)",
    ]);
  });
});

/** Files of src/ (relative, sorted) whose text matches `pattern`: with `planted`, that text stands in for the files' own. */
function filesMatching(pattern: RegExp, planted: Record<string, string> = {}): string[] {
  const texts = new Map(sourceFiles(path.join(root, "src")).map((file) => [path.relative(root, file), readFileSync(file, "utf8")]));
  for (const [file, text] of Object.entries(planted)) texts.set(file, text);
  return [...texts].filter(([, text]) => pattern.test(text)).map(([file]) => file).sort();
}

// The one pipeline (src/build/runEdition.ts): a command that prepares, or writes a build report, on its
// own is a second pipeline; a stage that opens PDF bytes itself is a second PDF reader.
const preparing = /(?<![\w.]|function )(?:prepare|prepareCached)\(/;
const reportWriting = /\["build-report\.json"\]\s*=/;
const pdfLibraries = /(?:from\s+|import\(\s*|require\(\s*)"(?:pdf-lib|pdfjs-dist)[^"]*"/;

describe("one pipeline", () => {
  it("only the pipeline driver runs the prepare stage, and writes build-report.json", () => {
    expect(filesMatching(preparing)).toEqual(["src/build/prepareCached.ts", "src/build/runEdition.ts"]);
    expect(filesMatching(reportWriting)).toEqual(["src/build/runEdition.ts"]);
  });

  it("only src/pdf/ opens PDF bytes with pdf-lib or pdf.js", () => {
    expect(filesMatching(pdfLibraries).filter((file) => !file.startsWith("src/pdf/"))).toEqual([]);
  });

  it("a planted second driver, report writer or PDF reader is caught", () => {
    const planted = {
      "src/preview/planted.ts": 'const prepared = await prepareCached(options, cache);\nfiles["build-report.json"] = "{}";',
      "src/comments/planted.ts": 'import { PDFDocument } from "pdf-lib";',
    };
    expect(filesMatching(preparing, planted)).toContain("src/preview/planted.ts");
    expect(filesMatching(reportWriting, planted)).toContain("src/preview/planted.ts");
    expect(filesMatching(pdfLibraries, planted)).toContain("src/comments/planted.ts");
  });
});
