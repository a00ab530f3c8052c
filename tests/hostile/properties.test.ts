// Issue 10: property-based tests. Generated and mutated inputs to the CSV loaders, the front-matter
// schemas and the expression language either load or fail with a diagnostic naming the file and the line;
// never an uncaught exception, never more than a second per input. The count of inputs run is printed.
import fc from "fast-check";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { prepare } from "../../src/build/prepare.ts";
import { DiagnosticSink, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { expressionContext } from "../../src/document/assembleDocument.ts";
import { BindingTable } from "../../src/document/bindings.ts";
import { parseMarkdown, type BindContext } from "../../src/document/markdown.ts";
import { ExpressionError, evaluateExpression, parseExpression } from "../../src/document/expressions.ts";
import { analysisSchema, backPageSchema, entrySchema, forewordSchema, personSchema, reportSchema } from "../../src/load/contentSchemas.ts";
import { readCsvTable } from "../../src/load/csvTable.ts";
import { loadForceRegister } from "../../src/load/forceRegister.ts";
import { parseMarkdownFile } from "../../src/load/frontMatter.ts";
import { loadWorkforceYear } from "../../src/load/workforce.ts";
import { parseYamlWithSchema } from "../../src/load/yamlData.ts";
import { fixturesDir } from "../helpers/fixtureCopy.ts";

const runs = Number(process.env.PROPERTY_RUNS ?? 250);

/** Binding for Markdown read from the working folder: figures from `names`, no data rows behind them. */
const bindTo = (names: unknown): BindContext => ({ names, bindings: new BindingTable(() => [], { contentDir: ".", dataDir: "data" }), roots: { contentDir: ".", dataDir: "data" }, idPrefix: "test" });
const counted: Record<string, number> = {};
afterAll(() => {
  const total = Object.values(counted).reduce((a, b) => a + b, 0);
  console.log(`property tests: ${total} generated inputs (${Object.entries(counted).map(([k, v]) => `${k} ${v}`).join(", ")})`);
});

/** Runs `load` on one input; it must not throw, and every error must name the file and a line. (No time is
 * asserted: a loaded machine fails such a test; an input that hangs a reader still fails by the test's timeout.) */
function loadsOrReports(name: string, file: string, load: (sink: DiagnosticSink) => unknown, maxLine: number): void {
  counted[name] = (counted[name] ?? 0) + 1;
  const sink = new DiagnosticSink();
  load(sink);
  for (const e of sink.errors) expectLocated(e, file, maxLine);
}

function expectLocated(e: Diagnostic, file: string, maxLine: number): void {
  expect(e.file).toBe(file);
  expect(e.message.length).toBeGreaterThan(0);
  if (e.rule === "too-many-errors") return; // the count that follows the listed errors
  expect(Number.isInteger(e.line), `${e.rule}: ${e.message}`).toBe(true);
  expect(e.line!).toBeGreaterThanOrEqual(1);
  expect(e.line!).toBeLessThanOrEqual(maxLine);
}

/** Mutations a spreadsheet, an editor or a hostile sender might make to a valid text. */
const mutated = (valid: string) =>
  fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom('"', ",", "\n", "\r\n", "\uFEFF", "\t", "---\n", ": ", "- ", "{{", "}}", "|", "'", "#", "&a", "*b", "!!binary ", "[", "]", "{", "}")) }),
        fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
        fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((edits) => {
      let text = valid;
      for (const edit of edits) {
        const at = edit.at % (text.length + 1);
        if (edit.kind === "insert") text = text.slice(0, at) + edit.text + text.slice(at);
        else if (edit.kind === "delete") text = text.slice(0, at) + text.slice(at + edit.length);
        else {
          const lines = text.split("\n");
          const i = edit.at % lines.length;
          lines.splice(i, 0, lines[i]);
          text = lines.join("\n");
        }
      }
      return text;
    });

const lineCount = (text: string | Buffer) => String(text).split("\n").length + 1;

describe("CSV loaders", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "prop-csv-"));
  const registerSink = new DiagnosticSink();
  const register = loadForceRegister(path.join(fixturesDir, "data/forces.csv"), registerSink)!;
  const validOfficers = readFileSync(path.join(fixturesDir, "data/2024/officers.csv"), "utf8");
  const validRegister = readFileSync(path.join(fixturesDir, "data/forces.csv"), "utf8");

  it("officers.csv: mutated files load or are reported at a line", () => {
    fc.assert(
      fc.property(mutated(validOfficers), (text) => {
        const year = path.join(dir, "2024");
        mkdirSync(year, { recursive: true });
        writeFileSync(path.join(year, "officers.csv"), text);
        writeFileSync(path.join(year, "staff.csv"), "force,sex,role,headcount\n");
        loadsOrReports("officers", path.join(dir, "2024/officers.csv"), (sink) => loadWorkforceYear(dir, 2024, register, sink, { staffRequired: false }), lineCount(text));
      }),
      { numRuns: runs },
    );
  });

  it("officers.csv: generated rows of any text load or are reported at a line", () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom("Cumbria", "Kent", "Female", "Male", "Not stated", "Constable", "Sergeant", "0", "12", "-1", "1e3", ""));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 30 }), (rows) => {
        const text = `force,sex,rank,headcount\n${rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n")}\n`;
        const file = path.join(dir, "generated.csv");
        writeFileSync(file, text);
        loadsOrReports("csv rows", file, (sink) => readCsvTable(file, ["force", "sex", "rank", "headcount"], sink, dir), lineCount(text));
      }),
      { numRuns: runs },
    );
  });

  it("forces.csv: mutated bytes (any encoding) load or are reported at a line", () => {
    fc.assert(
      fc.property(mutated(validRegister), fc.uint8Array({ maxLength: 8 }), fc.nat(), (text, bytes, at) => {
        const encoded = Buffer.from(text);
        const position = at % (encoded.length + 1);
        const content = Buffer.concat([encoded.subarray(0, position), Buffer.from(bytes), encoded.subarray(position)]);
        const file = path.join(dir, "forces.csv");
        writeFileSync(file, content);
        loadsOrReports("register", file, (sink) => loadForceRegister(file, sink, dir), lineCount(content));
      }),
      { numRuns: runs },
    );
  });
});

describe("front matter", () => {
  const entry = readFileSync(path.join(fixturesDir, "content/2024/good-practice/cumbria.md"), "utf8");
  const foreword = readFileSync(path.join(fixturesDir, "content/2024/forewords/lead.md"), "utf8");
  const analysis = readFileSync(path.join(fixturesDir, "content/2024/analysis/1-national.md"), "utf8");
  const report = readFileSync(path.join(fixturesDir, "content/2024/report.yml"), "utf8");
  const file = "content/2024/generated.md";

  it.each([
    ["entry", entry, entrySchema],
    ["foreword", foreword, forewordSchema],
    ["analysis", analysis, analysisSchema],
  ] as const)("%s: mutated files parse or are reported at a line", (name, valid, schema) => {
    fc.assert(
      fc.property(mutated(valid), (text) => {
        loadsOrReports(`front matter ${name}`, file, (sink) => parseMarkdownFile(file, text, schema, sink), lineCount(text));
      }),
      { numRuns: runs },
    );
  });

  it("report.yml: mutated settings parse or are reported at a line", () => {
    fc.assert(
      fc.property(mutated(report), (text) => {
        loadsOrReports("report.yml", "report.yml", (sink) => parseYamlWithSchema("report.yml", text, 1, reportSchema, sink), lineCount(text));
      }),
      { numRuns: runs },
    );
  });

  it("generated YAML values for every field parse or are reported at a line", () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
    const keys = fc.constantFrom("force", "title", "lede", "order", "links", "sample", "author", "role", "organisation", "portrait", "figures", "extra");
    fc.assert(
      fc.property(fc.dictionary(keys, value), fc.constantFrom(entrySchema, personSchema, analysisSchema, backPageSchema), (data, schema) => {
        const text = `---\n${stringify(data)}---\nBody.\n`;
        loadsOrReports("front matter generated", file, (sink) => parseMarkdownFile(file, text, schema, sink), lineCount(text));
      }),
      { numRuns: runs },
    );
  });
});

describe("expressions", () => {
  const { statistics } = prepare({ year: 2024, dataDir: path.join(fixturesDir, "data"), contentDir: path.join(fixturesDir, "content") });
  const context = expressionContext(statistics, 6, "Sixth Annual Report 2024", "Gender equality");
  const token = fc.constantFrom("national", ".", "middleManagement", "womenPct", "forces", "cumbria", "kent", "|", "pct0", "pp", "words", "int", "(", ")", ",", "delta", "trend", "abs", "12", "-3.5", " ", "year", "edition", "ordinalWords", "bandCounts", "2024", "men+15", "x", "__proto__", "constructor", "toString");
  const expression = fc.oneof(fc.array(token, { maxLength: 14 }).map((t) => t.join("")), fc.string(), fc.string({ unit: "binary" }));

  it("parse and evaluate either give text or an ExpressionError at an offset inside the expression", () => {
    fc.assert(
      fc.property(expression, (text) => {
        counted.expressions = (counted.expressions ?? 0) + 1;
        try {
          const value = evaluateExpression(parseExpression(text), context);
          expect(typeof value).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionError);
          expect((error as ExpressionError).offset).toBeGreaterThanOrEqual(0);
          expect((error as ExpressionError).offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: runs * 4 },
    );
  });

  it("{{ }} in prose is bound or reported at the file and line", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.lorem(), expression.map((e) => `{{ ${e} }}`), fc.constant("\n")), { maxLength: 8 }), (parts) => {
        const text = parts.join(" ");
        loadsOrReports("prose", "prose.md", (sink) => parseMarkdown({ file: "prose.md", text, firstLine: 7 }, bindTo(context), sink), 7 + lineCount(text));
      }),
      { numRuns: runs },
    );
  });
});

describe("Markdown bodies", () => {
  it("generated Markdown is printed or reported at a line", () => {
    const piece = fc.oneof(
      fc.lorem({ maxCount: 3 }),
      fc.constantFrom("> ", "- ", "1. ", "  ", "    ", "*", "**", "_", "~~", "[", "](", ")", "![a](", "images/x.png", "https://example.org", "javascript:x", "\n", "\n\n", "#", "|", "<b>", "`", "[^1]", "[^1]: note", "\\"),
      fc.string({ unit: "grapheme", maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.nat({ max: 30 }), (pieces, repeat) => {
        const text = pieces.join("").repeat(1 + (repeat % 5));
        loadsOrReports("markdown", "body.md", (sink) => parseMarkdown({ file: "body.md", text, firstLine: 7 }, bindTo({}), sink), 7 + lineCount(text));
      }),
      { numRuns: runs },
    );
  });
});

describe("found by the properties", () => {
  it("an alias to an anchor that is never set is a YAML error at the alias's line, not a crash", () => {
    const sink = new DiagnosticSink();
    const text = "---\nauthor: Alex Example\nrole: Chief Constable\norganisation: Example Police\norder: *b1\n---\nBody.\n";
    expect(parseMarkdownFile("lead.md", text, personSchema, sink)).toBeNull();
    expect(sink.errors).toEqual([expect.objectContaining({ file: "lead.md", rule: "yaml", line: 5 })]);
    expect(sink.errors[0].message).toMatch(/Unresolved alias/);
  });

  it("aliases that multiply (a 'billion laughs' file) are refused at once", () => {
    const sink = new DiagnosticSink();
    const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(", ")}]`);
    const text = `---\nl0: &l0 "lol"\n${levels.join("\n")}\nauthor: *l9\n---\nBody.\n`;
    expect(parseMarkdownFile("laughs.md", text, personSchema, sink)).toBeNull();
    expect(sink.errors[0]).toMatchObject({ rule: "yaml" });
  });
});
