// The one writer for every CSV the project writes (chart data, comments.csv, the imported workforce
// files). Cells come from reviewers' notes, file names and spreadsheets, so each is made safe to open in
// a spreadsheet, per OWASP's CSV-injection guidance: a text cell that begins with = + - @ tab or carriage
// return is prefixed with ' so it is read as text, never as a formula; control characters are dropped
// (a tab becomes a space; a line break stays, quoted). Plain numbers, negative ones included, are data.

const formulaStart = /^[=+\-@]/;
const plainNumber = /^-?\d+(\.\d+)?$/;
// C0 and C1 controls and DEL, except the line feed a multi-line note keeps.
const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** One cell: neutralised, cleaned, and quoted when it holds a comma, quote, line break or edge space. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`CSV data holds a non-finite number (${value})`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value !== "string") throw new Error(`CSV data holds a ${Array.isArray(value) ? "list" : typeof value}; CSV columns must be plain values`);
  // Cleaned first, so a control character cannot hide a formula behind it.
  const clean = value.replace(/\r\n?/g, "\n").replace(controls, (c) => (c === "\t" ? " " : ""));
  const formula = (formulaStart.test(clean) || /^[\t\r]/.test(value)) && !plainNumber.test(clean);
  return quoted(formula ? `'${clean}` : clean);
}

function quoted(clean: string): string {
  return /[",\n]|^\s|\s$/.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

/** A whole CSV: the header line, then one line per row, each ended by `eol`. */
export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[], eol: "\n" | "\r\n" = "\n"): string {
  return [header, ...rows].map((cells) => cells.map(csvCell).join(",") + eol).join("");
}
