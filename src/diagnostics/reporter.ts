// The one place that prints diagnostics for people.
import { formatLocation, type Diagnostic } from "./diagnostic.ts";
import { count } from "../domain/plural.ts";

export function report(diagnostics: readonly Diagnostic[], write: (line: string) => void = (l) => process.stderr.write(l + "\n")): void {
  const sorted = [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file, "en") ||
      Number(a.rule === "too-many-errors") - Number(b.rule === "too-many-errors") ||
      (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  for (const d of sorted) write(formatLocation(d));
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) write(`${count(errors, "error")}, ${count(warnings, "warning")}`);
}
