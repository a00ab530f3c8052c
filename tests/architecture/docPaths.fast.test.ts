// Docs that stay true: every repository path a README or a code comment names must exist, so a file
// moved or renamed cannot leave a guide pointing at nothing.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const TOP = ["src", "templates", "tests", "scripts", "bench", "patches", "content", "data", ".ci"];
// A path: one of the top folders, then segments; placeholders (<year>, N, *) and examples are skipped.
const PATH = new RegExp(`(?<![\\w./-])(?:${TOP.map((t) => t.replace(".", "\\.")).join("|")})/[\\w.+@-]+(?:/[\\w.+@-]+)*/?`, "g");

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name.startsWith(".tmp") || name === "fixtures") return [];
    return statSync(full).isDirectory() ? files(full, keep) : keep(name) ? [full] : [];
  });
}

/** The comments of a source file (// and /* … *\/), with their line numbers. */
function commentLines(text: string): [number, string][] {
  return text.split("\n").flatMap((line, i): [number, string][] => {
    const at = line.search(/\/\/|\/\*|^\s*\*/);
    return at >= 0 && !/https?:\/\//.test(line.slice(at)) ? [[i + 1, line.slice(at)]] : [];
  });
}

const newestEdition = Math.max(...readdirSync(path.join(root, "content")).filter((n) => /^\d{4}$/.test(n)).map(Number));

/** The repository paths `text` names that do not exist. */
function unknownPaths(text: string): string[] {
  const missing: string[] = [];
  for (const match of text.matchAll(PATH)) {
    const named = match[0].replace(/[.]$/, "");
    if (/<|>|\bN\b|\*|\/x\.|example|-\d{4}-/.test(named) || /[{$*]/.test(text.slice(match.index! + match[0].length, match.index! + match[0].length + 1))) continue;
    // A later edition's folder (content/2025/) is an example of the year's work, not a path of this repo.
    const year = /^(?:content|data)\/(\d{4})\b/.exec(named)?.[1];
    if (year && Number(year) > newestEdition) continue;
    if (!existsSync(path.join(root, named))) missing.push(named);
  }
  return missing;
}

function missingPaths(): string[] {
  const missing: string[] = [];
  const check = (file: string, line: number, text: string) => {
    for (const named of unknownPaths(text)) missing.push(`${path.relative(root, file)}:${line}: ${named}`);
  };
  for (const readme of ["README.md", "content/README.md", "data/README.md"]) {
    readFileSync(path.join(root, readme), "utf8").split("\n").forEach((text, i) => check(path.join(root, readme), i + 1, text));
  }
  for (const dir of ["src", "templates", "scripts", "bench", "tests"]) {
    for (const file of files(path.join(root, dir), (n) => /\.(ts|tsx|mjs)$/.test(n))) {
      for (const [line, text] of commentLines(readFileSync(file, "utf8"))) check(file, line, text);
    }
  }
  return missing;
}

describe("paths named in the docs and comments", () => {
  it("all exist", () => {
    expect(missingPaths()).toEqual([]);
  });

  it("a path that does not exist is caught; placeholders and later editions are not paths", () => {
    expect(unknownPaths("limits are set in src/load/limits.ts and templates/theme.ts.")).toEqual(["src/load/limits.ts", "templates/theme.ts"]);
    expect(unknownPaths("see src/domain/limits.ts, content/<year>/report.yml and content/2099/kent.md")).toEqual([]);
  });
});
