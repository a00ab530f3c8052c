// Small transforms: no function in src/ or templates/ runs over 80 lines. A step that grows past it is
// split into named steps (as build, assembleDocument, parseMarkdown and joinParts were), not listed here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const LIMIT = 80;


function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Every function (declaration, method, arrow or expression) longer than the limit: "file name" → lines. */
function longFunctions(): Map<string, number> {
  const found = new Map<string, number>();
  for (const file of [...sourceFiles(path.join(root, "src")), ...sourceFiles(path.join(root, "templates"))]) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
        const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const named = (node as { name?: ts.Node }).name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : `(line ${first + 1})`);
        if (last - first + 1 > LIMIT) found.set(`${path.relative(root, file)} ${named}`, last - first + 1);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("functions", () => {
  it(`run to at most ${LIMIT} lines`, () => {
    expect([...longFunctions()].map(([name, lines]) => `${name}: ${lines} lines`)).toEqual([]);
  });
});
