// The document's bindings: every printed figure, with the statistics it reads and the data rows behind them.
import path from "node:path";
import type { RowSelection } from "../statistics/provenance.ts";
import type { Binding, DataRows, SourceRef } from "./model.ts";

/** The folders the build read, for paths that do not depend on this machine. */
export interface DocumentRoots {
  contentDir: string;
  dataDir: string;
}

/** "content/2024/good-practice/kent.md" for a file in the content folder; "data/…" for the data folder. */
export function logicalPath(file: string, roots: DocumentRoots): string {
  for (const [name, dir] of [["content", roots.contentDir], ["data", roots.dataDir]] as const) {
    const relative = path.relative(path.resolve(dir), path.resolve(file));
    if (!relative.startsWith("..") && !path.isAbsolute(relative)) return [name, ...relative.split(path.sep)].join("/");
  }
  throw new Error(`${file} is outside the content and data folders`);
}

/** The real file behind a logical path. */
export function realPath(logical: string, roots: DocumentRoots): string {
  const [name, ...rest] = logical.split("/");
  const dir = name === "content" ? roots.contentDir : name === "data" ? roots.dataDir : null;
  if (dir === null) throw new Error(`"${logical}" is not a path in the content or data folder`);
  return path.join(dir, ...rest);
}

/** Sorted lines as ranges: [3,4,5,9] → "3-5,9". */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return ranges.join(",");
}

export interface NewBinding {
  id: string;
  text: string;
  value: number | string | null;
  statistics: string[];
  expression?: string;
  source?: SourceRef;
}

export class BindingTable {
  readonly all: Record<string, Binding> = {};

  constructor(
    private readonly rowsOf: (statistic: string) => RowSelection[],
    private readonly roots: DocumentRoots,
  ) {}

  /** The rows behind some statistics, merged per file. */
  dataOf(statistics: readonly string[]): DataRows[] {
    const byFile = new Map<string, number[]>();
    for (const statistic of statistics) {
      for (const { file, lines } of this.rowsOf(statistic)) byFile.set(file, [...(byFile.get(file) ?? []), ...lines]);
    }
    return [...byFile].filter(([, lines]) => lines.length > 0).map(([file, lines]) => ({ file: logicalPath(file, this.roots), lines: lineRanges(lines) }));
  }

  add(binding: NewBinding): Binding {
    if (this.all[binding.id]) throw new Error(`Two figures share the binding id "${binding.id}"`);
    const made: Binding = {
      id: binding.id,
      text: binding.text,
      value: binding.value,
      expression: binding.expression ?? null,
      source: binding.source ?? null,
      statistics: [...binding.statistics],
      data: this.dataOf(binding.statistics),
    };
    this.all[binding.id] = made;
    return made;
  }
}
