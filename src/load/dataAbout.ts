// data/<year>/about.yml: what a year's workforce data is (the date its counts are as at, where they come
// from). Source lines, "as at" dates and the edition's words are made from it, so a new year's text never
// carries last year's date by hand.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { readInputFile } from "./readInput.ts";
import { parseYamlWithSchema } from "./yamlData.ts";

export const dataAboutSchema = z.strictObject({
  asAt: z
    .string({ error: "expected the date the counts are as at, as YYYY-MM-DD (e.g. 2024-03-31)" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "expected a real calendar date"),
  source: z
    .string({ error: "expected the name of the data's source (text)" })
    .trim()
    .min(1, "expected the name of the data's source")
    // It is printed as written (it is a value {{ data.source }} puts in, not a template).
    .refine((t) => !/\{\{|\}\}/.test(t), "expected the source's name as it is printed, without {{ or }}"),
  url: z.string().regex(/^https?:\/\/\S+$/, "expected a full web address starting https://").optional(),
});

export interface DataAbout {
  year: number;
  file: string;
  /** YYYY-MM-DD. */
  asAt: string;
  source: string;
  url?: string;
  lines: Record<string, number>;
}

export const aboutFile = (dataDir: string, year: number) => path.join(dataDir, String(year), "about.yml");

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2024-03-31" → { day: "31 March 2024", month: "March 2024" } (British order, no leading zero). */
export function dateWords(date: string): { day: string; month: string } {
  const [y, m, d] = date.split("-").map(Number);
  const month = `${monthNames[m - 1]} ${y}`;
  return { day: `${d} ${month}`, month };
}

/** The year's description, or null when the file is absent (the caller decides whether that matters). */
export function loadDataAbout(dataDir: string, year: number, sink: DiagnosticSink): DataAbout | null {
  const file = aboutFile(dataDir, year);
  if (!existsSync(file)) return null;
  const text = readInputFile(file, sink, "the year's data description (asAt, source, url)", dataDir);
  if (text === null) return null;
  const parsed = parseYamlWithSchema(file, text, 1, dataAboutSchema, sink);
  if (!parsed) return null;
  const asAtYear = Number(parsed.data.asAt.slice(0, 4));
  if (asAtYear !== year) {
    sink.error(file, "about-year", `asAt is ${parsed.data.asAt}, which is not in ${year}; the ${year} folder describes the ${year} counts.`, { line: parsed.fieldLines.asAt, column: 1 });
    return null;
  }
  return { year, file, asAt: parsed.data.asAt, source: parsed.data.source, url: parsed.data.url, lines: parsed.fieldLines };
}

/** The names `{{ data.… }}` offers (report.yml and the prose), e.g. {{ data.asAtMonth }} → "March 2024". */
export function dataNames(about: DataAbout): { asAt: string; asAtMonth: string; asAtYear: number; source: string } {
  const words = dateWords(about.asAt);
  return { asAt: words.day, asAtMonth: words.month, asAtYear: Number(about.asAt.slice(0, 4)), source: about.source };
}
