// document.json: the whole report with stable ids, sources and bindings, and the provenance of figures.
import { cpSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { prepare } from "../../src/build/prepare.ts";
import { BuildError } from "../../src/diagnostics/diagnostic.ts";
import type { Block, ReportDocument } from "../../src/document/model.ts";
import { chartFigures } from "../../src/document/model.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { sampleBuild } from "../helpers/sampleBuild.ts";

const root = path.resolve(import.meta.dirname, "../..");
let document: ReportDocument;

beforeAll(async () => {
  const sample = await sampleBuild();
  document = JSON.parse(readFileSync(path.join(path.dirname(sample.pdfFile), "document.json"), "utf8"));
});

function allBlocks(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...(b.type === "list" ? b.items.flatMap(allBlocks) : b.type === "quote" ? allBlocks(b.children) : [])]);
}

function everyId(doc: ReportDocument): string[] {
  return doc.sections.flatMap((s) => {
    const bodies = s.kind === "force" ? s.entries.map((e) => e.body) : [s.body];
    return [
      s.id,
      ...(s.kind === "force" ? s.entries.map((e) => e.id) : []),
      ...bodies.flatMap((b) => allBlocks([...b.blocks, ...b.footnotes.flatMap((f) => f.children)]).map((x) => x.id)),
      ...(s.kind === "analysis" && s.table ? [s.table.id] : []),
    ];
  });
}

/** The rows "12-18,40" of a CSV file as arrays of cells. */
function rowsAt(file: string, lines: string): string[][] {
  const text = readFileSync(path.join(root, file), "utf8").split(/\r?\n/);
  return lines.split(",").flatMap((range) => {
    const [from, to = from] = range.split("-").map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => text[from + i - 1].split(","));
  });
}

describe("document.json of the 2024 sample", () => {
  it("gives sections, entries, blocks, charts and tables ids that are unique and say what they are", () => {
    const ids = [...everyId(document), ...chartFigures(document).map((c) => c.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["force/kent", "entry/kent", "entry/north-wales-2", "chart/band-middle-management-2024", "chart/force-kent", "table/change", "analysis/middle-management"]));
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9/+-]*$/);
  });

  it("gives every block a source file, line and column in the content folder", () => {
    const blocks = document.sections.flatMap((s) => (s.kind === "force" ? s.entries.flatMap((e) => allBlocks(e.body.blocks)) : allBlocks(s.body.blocks)));
    expect(blocks.length).toBeGreaterThan(300);
    for (const block of blocks) expect(block.source).toEqual({ file: expect.stringMatching(/^content\/2024\/.+\.md$/), line: expect.any(Number), column: expect.any(Number) });
    const kent = document.sections.find((s) => s.id === "force/kent");
    expect(kent?.kind === "force" && kent.entries[0].body.blocks[0].source).toMatchObject({ file: "content/2024/good-practice/kent.md" });
  });

  it("binds every printed figure: prose figures to their expression and place, the others to data rows", () => {
    const bindings = Object.values(document.bindings);
    expect(bindings.length).toBeGreaterThan(350);
    for (const b of bindings) {
      expect(b.statistics.length).toBeGreaterThan(0);
      if (b.expression !== null) expect(b.source).toEqual({ file: expect.stringMatching(/^content\/2024\//), line: expect.any(Number), column: expect.any(Number) });
      else expect(b.data.length).toBeGreaterThan(0);
    }
    // No path of this machine leaks into the document.
    expect(JSON.stringify(document)).not.toContain(root);
  });

  it("traces the Met's middle-management share to the four CSV rows it sums", () => {
    const share = document.bindings["force/metropolitan-police/middle-management-share-1"];
    expect(share.text).toBe("22.77\u00a0%");
    expect(share.statistics).toEqual(["forces.metropolitan-police.middleManagement.womenPct"]);
    expect(share.data).toHaveLength(1);
    expect(share.data[0].file).toBe("data/2024/officers.csv");
    const rows = rowsAt(share.data[0].file, share.data[0].lines);
    expect(rows.map((r) => `${r[1]} ${r[2]}`).sort()).toEqual(["Female Inspector", "Female Sergeant", "Male Inspector", "Male Sergeant"]);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["Metropolitan Police"]));
    const women = rows.filter((r) => r[1] === "Female").reduce((a, r) => a + Number(r[3]), 0);
    const all = rows.reduce((a, r) => a + Number(r[3]), 0);
    expect(((women / all) * 100).toFixed(2)).toBe("22.77");
  });

  it("says every label a renderer prints, so the HTML edition needs no wording of its own", () => {
    const met = document.sections.find((s) => s.id === "force/metropolitan-police");
    expect(met?.kind).toBe("force");
    if (met?.kind !== "force") return;
    expect(met.kicker).toBe("Good practice example");
    expect(met.panel?.chartLabel).toBe("Women and men among officers");
    expect(met.panel?.differences.map((d) => d.label)).toEqual(["Difference in middle management", "Difference in senior leadership"]);
    const note = met.panel!.differences[0].note.map((i) => (i.type === "text" ? i.value : i.type === "figure" ? i.text : "")).join("");
    expect(note).toBe("Women are 22.77\u00a0% of sergeants and inspectors, 31.46\u00a0% of all officers.");
    const guernsey = document.sections.find((s) => s.id === "force/guernsey");
    expect(guernsey?.kind === "force" && guernsey.noFigures).toMatch(/not part of the national workforce data/);
    expect(document.labels).toMatchObject({ contents: "Contents", goodPracticeByForce: "Good practice by force" });
  });
});

describe("ids and sources across builds", () => {
  it("writes the same document.json twice, and ids do not depend on the build folder", async () => {
    const fixture = copyFixtures();
    const elsewhere = path.join(fixture.root, "moved");
    cpSync(fixture.contentDir, path.join(elsewhere, "content"), { recursive: true });
    cpSync(fixture.dataDir, path.join(elsewhere, "data"), { recursive: true });
    const a = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    const b = prepare({ year: 2024, dataDir: path.join(elsewhere, "data"), contentDir: path.join(elsewhere, "content") });
    expect(JSON.stringify(b.document)).toBe(JSON.stringify(a.document));
  });

  it("stops on two analysis files that would share an id, naming both files", () => {
    const fixture = copyFixtures();
    const analysis = path.join(fixture.contentDir, "2024", "analysis");
    const [first] = readdirSync(analysis).sort();
    const stem = first.replace(/^\d+[-_ ]/, "");
    cpSync(path.join(analysis, first), path.join(analysis, `9-${stem}`));
    let error: unknown;
    try {
      prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BuildError);
    const duplicate = (error as BuildError).diagnostics.find((d) => d.rule === "duplicate-id");
    expect(duplicate?.file).toBe(path.join(analysis, `9-${stem}`));
    expect(duplicate?.message).toContain(path.join(analysis, first));
  });

  it("writes document.json beside the PDF in a build", async () => {
    const fixture = copyFixtures();
    const result = await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), print: false });
    const written = JSON.parse(readFileSync(path.join(result.outputDir, "document.json"), "utf8"));
    expect(written.sections.map((s: { id: string }) => s.id)).toEqual(result.document.sections.map((s) => s.id));
  });
});
