// Every name the prose can write in {{ }}, found by walking the same object the expressions look names
// up in (so the list can never drift from what works), with its value and a one-line meaning.
import { formatDefault } from "./formatters.ts";

export interface FigureName {
  name: string;
  value: number | string | null;
  meaning: string;
  /** Set on a name with a year in it (`bandCounts.x.2024.equal`): the year-free name to write instead. */
  yearFormOf?: string;
}

/** The id by which an item of a list is named in an expression (forces by slug, staff groups by key). */
const idOf = (item: unknown): string | undefined =>
  item && typeof item === "object" ? ((item as { slug?: string }).slug ?? (item as { key?: string }).key) : undefined;

/** Dotted names of every single figure in the context, in the order the statistics hold them. */
export function walkFigures(context: unknown): { segments: string[]; value: number | string | null }[] {
  const out: { segments: string[]; value: number | string | null }[] = [];
  const visit = (node: unknown, segments: string[]) => {
    if (node === null || typeof node === "number" || typeof node === "string") {
      if (segments.length) out.push({ segments, value: node });
      return;
    }
    if (Array.isArray(node)) {
      // Only lists whose items have a slug or key can be named (the trend by year cannot).
      for (const item of node) {
        const id = idOf(item);
        if (id !== undefined) visit(item, [...segments, id]);
      }
      return;
    }
    if (typeof node === "object") for (const [key, value] of Object.entries(node as object)) visit(value, [...segments, key]);
  };
  visit(context, []);
  return out;
}

/** Every name, for "did you mean" on an unknown name. */
export function figureNames(context: unknown): string[] {
  return walkFigures(context).map((f) => f.segments.join("."));
}

const levelWords: Record<string, string> = {
  officers: "all officers",
  middleManagement: "middle management (sergeants and inspectors)",
  seniorLeadership: "senior leadership (chief inspectors and above)",
};

/** Meanings of whole names that are not built from parts. */
const exact: Record<string, string> = {
  year: "the edition's year",
  previousYear: "the year compared with (n/a when there is no previous year's data)",
  edition: "the edition's number (6 for the sixth annual report)",
  editionLabel: "the edition's label, as on the cover",
  title: "the report's title",
  "data.asAt": "the date this year's counts are as at (data/<year>/about.yml), e.g. 31 March 2024",
  "data.asAtMonth": "the month and year the counts are as at, e.g. March 2024",
  "data.asAtYear": "the year the counts are as at",
  "data.source": "where this year's counts come from (data/<year>/about.yml)",
  "excluded.notStated": "officers whose sex was not stated, left out of every figure",
  "excluded.notStatedPrevious": "officers whose sex was not stated in the previous year's data",
};

/** Meanings of the last part of a name; the parts before it say where (national, a force, a year). */
const leaf: Record<string, string> = {
  women: "number of women",
  total: "number of women and men (sex not stated left out)",
  womenPct: "share of women (%)",
  officersWomenPct: "share of women among all officers, in %",
  middleManagementWomenPct: "share of women in middle management, in %",
  seniorLeadershipWomenPct: "share of women in senior leadership, in %",
  middleManagementDifference: "share of women in middle management minus their share of all officers, in percentage points",
  seniorLeadershipDifference: "share of women in senior leadership minus their share of all officers, in percentage points",
  middleManagementBand: "band of the middle-management difference (equal, men+1 … men+15, women+1 … women+15)",
  seniorLeadershipBand: "band of the senior-leadership difference (equal, men+1 … men+15, women+1 … women+15)",
  slug: "short identifier",
  name: "full name",
  shortName: "short name, as in tables and charts",
  key: "the name of this group in expressions",
  role: "the group's name as printed",
};

/** A one-line meaning: a known whole name, or the meaning of the last part placed by the parts before it. */
export function describeFigure(segments: string[], context: unknown): string {
  const name = segments.join(".");
  if (exact[name]) return exact[name];
  const [head, ...rest] = segments;
  const last = segments[segments.length - 1];
  let what = leaf[last] ?? last.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

  if (head === "bandCounts" && rest.length === 3) {
    const [level, year, band] = rest;
    const { year: now, previousYear } = context as { year?: number; previousYear?: number | null };
    const when = year === "current" ? `this edition's year (${now})` : year === "previous" ? `the previous year (${previousYear ?? "n/a"})` : year;
    return `number of forces in the ${band} band for ${levelWords[level] ?? level}, ${when}`;
  }
  if (head === "averageChange") return `average over forces (each weighted the same) of the % change in the number of women, ${levelWords[last] ?? last}`;
  if (head === "averageChangeForces") return `forces with a % change for ${levelWords[last] ?? last} (those the average is taken over)`;

  const scopes: string[] = [];
  let group = "";
  let when = "";
  let scope = context;
  for (let i = 0; i < segments.length - 1; i++) {
    const part = segments[i];
    const next = Array.isArray(scope) ? scope.find((item) => idOf(item) === part) : scope && typeof scope === "object" ? (scope as Record<string, unknown>)[part] : undefined;
    if (Array.isArray(scope) && next && typeof next === "object") {
      const label = (next as { name?: string; role?: string }).name ?? (next as { role?: string }).role ?? part;
      if (head === "forces") scopes.push(`at ${label}`);
      else group = `among ${/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label}`;
    } else if (part === "national") scopes.push("UK-wide");
    else if (part === "previous" || part === "previousBands") when = "previous year";
    else if (part === "change") what = `% change since the previous year in the number of women, ${levelWords[last] ?? last}`;
    else if (part === "changeNote") what = `why the % change for ${levelWords[last] ?? last} is n/a`;
    else if (levelWords[part]) group = `in ${levelWords[part]}`;
    scope = next;
  }
  if (segments[segments.length - 2] === "previousBands") what = `band of the difference for ${levelWords[last] ?? last}`;
  return [[what, group].filter(Boolean).join(" "), ...scopes, when].filter(Boolean).join(", ");
}

/**
 * Every name with its value and meaning. A name with the edition's year or the previous year in it is
 * listed in its year-free form (`current` / `previous`, the form content/README.md asks writers to use,
 * since it stays right when the text is carried into next year) among the others, and again after all of
 * them as a year form, marked with the name to write instead.
 */
export function listFigures(context: unknown, filter?: string): FigureName[] {
  const needle = filter?.toLowerCase();
  const { year, previousYear } = (context ?? {}) as { year?: number; previousYear?: number | null };
  const aliasOf = (segment: string) => (year !== undefined && segment === String(year) ? "current" : previousYear != null && segment === String(previousYear) ? "previous" : undefined);
  const named = (segments: string[], value: FigureName["value"]): FigureName => ({ name: segments.join("."), value, meaning: describeFigure(segments, context) });
  const yearFree: FigureName[] = [];
  const yearForms: FigureName[] = [];
  for (const { segments, value } of walkFigures(context)) {
    const at = segments.findIndex((segment, i) => i > 0 && aliasOf(segment) !== undefined);
    if (at < 0) {
      yearFree.push(named(segments, value));
      continue;
    }
    const alias = segments.map((segment, i) => (i === at ? aliasOf(segment)! : segment));
    yearFree.push(named(alias, value));
    yearForms.push({ ...named(segments, value), yearFormOf: alias.join(".") });
  }
  const matches = (f: FigureName) => !needle || [f.name, f.meaning, f.yearFormOf ?? ""].some((text) => text.toLowerCase().includes(needle));
  return [...yearFree, ...yearForms].filter(matches);
}

/** Lines for the terminal: name, value as {{ name }} alone prints it, meaning; year forms last, under a heading that says what they are. */
export function formatFigureList(figures: FigureName[]): string[] {
  const width = Math.min(60, Math.max(0, ...figures.map((f) => f.name.length)));
  const valueWidth = Math.min(24, Math.max(0, ...figures.map((f) => formatDefault(f.value).length)));
  const line = (f: FigureName, meaning: string) => `${f.name.padEnd(width)}  ${formatDefault(f.value).padStart(valueWidth)}  ${meaning}`;
  const yearFree = figures.filter((f) => !f.yearFormOf);
  const yearForms = figures.filter((f) => f.yearFormOf);
  return [
    ...yearFree.map((f) => line(f, f.meaning)),
    ...(yearForms.length > 0 ? [...(yearFree.length > 0 ? [""] : []), YEAR_FORMS_HEADING] : []),
    ...yearForms.map((f) => line(f, `year form of ${f.yearFormOf}`)),
  ];
}

export const YEAR_FORMS_HEADING = "Year forms (the same figures named by their year; they work, but write the current/previous name, which stays right next year):";
