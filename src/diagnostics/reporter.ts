// The one place that prints diagnostics for people.
import { plural } from "../domain/plural.ts";
import { formatLocation, type Diagnostic } from "./diagnostic.ts";

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
  if (diagnostics.length > 0) write(`${plural(errors, "error")}, ${plural(warnings, "warning")}`);
}
