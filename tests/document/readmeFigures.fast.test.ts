// The examples in content/README.md print what the sample data gives, so a reader can try them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { editionOf, expressionContext } from "../../src/document/assembleDocument.ts";
import { evaluateExpression, parseExpression } from "../../src/document/expressions.ts";
import { loadContent } from "../../src/load/content.ts";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { loadForceRegister } from "../../src/load/forceRegister.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("content/README.md examples", () => {
  it("every row of the sample-data table gives what it says", () => {
    const readme = readFileSync(path.join(root, "content", "README.md"), "utf8");
    const table = readme.split("| write | gives (sample 2024 data) |")[1].split("\n\n")[0];
    const rows = [...table.matchAll(/^\| `\{\{ (.+?) \}\}` \| `(.+?)` \|$/gm)].map((m) => ({ expression: m[1].replace(/\\\|/g, "|"), gives: m[2] }));
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const { statistics } = prepare({ year: 2024, dataDir: path.join(root, "data"), contentDir: path.join(root, "content") });
    const sink = new DiagnosticSink();
    const content = loadContent(path.join(root, "content"), 2024, loadForceRegister(path.join(root, "data", "forces.csv"), sink)!, sink)!;
    const { edition, editionLabel } = editionOf(content);
    const context = expressionContext(statistics, edition, editionLabel, content.report.title);
    for (const row of rows) {
      expect(evaluateExpression(parseExpression(row.expression), context).replace(/\u00a0/g, " "), row.expression).toBe(row.gives);
    }
  });
});
