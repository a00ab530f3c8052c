// Two sections (or two entries of one force) with the same `order` are put in file-name order, which
// is rarely what the writer meant: say so. Files without `order` come after those with one.
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";

interface Ordered {
  file: string;
  data: { order?: number };
  fieldLines: Record<string, number>;
}

export function warnSameOrder(files: readonly Ordered[], what: string, sink: DiagnosticSink): void {
  const first = new Map<number, Ordered>();
  for (const f of files) {
    const order = f.data.order;
    if (order === undefined) continue;
    const earlier = first.get(order);
    if (!earlier) {
      first.set(order, f);
      continue;
    }
    sink.warn(f.file, "same-order", `order: ${order} is also the order of ${earlier.file}; two ${what} in the same place are put in file-name order. Give each its own number.`, {
      line: f.fieldLines.order,
      column: 1,
    });
  }
}
