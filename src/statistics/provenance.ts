// Which input rows a statistic adds up: the answer to "where does 24.52 % on the Met's page come from?".
// It mirrors computeStatistics.ts path by path; a path it does not know is an error, not an empty answer,
// so a new statistic cannot print without provenance.
import { levelDefinitions, levels, staffGroups, type Level, type OfficerRank, type Sex } from "../domain/vocabulary.ts";
import type { OfficerCount, StaffCount, WorkforceYear } from "../load/workforce.ts";

/** Rows of one input file, by line. */
export interface RowSelection {
  file: string;
  lines: number[];
}

export class UnknownProvenance extends Error {}

const stated = (sex: Sex) => sex !== "Not stated";
const isLevel = (name: string): name is Level => (levels as readonly string[]).includes(name);

/** The level a force-statistic key speaks of: "middleManagementWomenPct" → middleManagement. */
function levelOfKey(key: string): Level | null {
  for (const level of levels) if (key === level || key.startsWith(level)) return level;
  return null;
}

// Each set of loaded years answers each path once: the preview prepares the edition again on every save
// with the same years (src/build/prepare.ts loads unchanged data once), and finding the rows again was
// about a quarter of its document stage. Kept with the years, so it goes when they go.
const answered = new WeakMap<readonly WorkforceYear[], Map<string, RowSelection[]>>();

/** provenance() for these years and edition year, each path's rows found once. */
export function provenanceOf(years: readonly WorkforceYear[], year: number): (path: string) => RowSelection[] {
  let known = answered.get(years);
  if (!known) answered.set(years, (known = new Map()));
  const rows = known;
  return (path) => {
    const key = `${year}\u0000${path}`;
    let found = rows.get(key);
    if (!found) rows.set(key, (found = provenance(path, years, year)));
    return found;
  };
}

// A force's officer rows, gathered once per loaded year: each of a force's statistics asks for its rows,
// and reading the whole table for each was most of finding them (423 paths in a 2024 build).
const officerRowsByForce = new WeakMap<WorkforceYear, Map<string, OfficerCount[]>>();
function officerRows(data: WorkforceYear, force: string | null): readonly OfficerCount[] {
  if (force === null) return data.officers;
  let byForce = officerRowsByForce.get(data);
  if (!byForce) {
    byForce = new Map();
    for (const row of data.officers) {
      const rows = byForce.get(row.force);
      if (rows) rows.push(row);
      else byForce.set(row.force, [row]);
    }
    officerRowsByForce.set(data, byForce);
  }
  return byForce.get(force) ?? [];
}

export function provenance(path: string, years: readonly WorkforceYear[], year: number): RowSelection[] {
  const current = years.find((y) => y.year === year);
  const previous = years.find((y) => y.year === year - 1) ?? null;
  if (!current) throw new UnknownProvenance(`no data for ${year}`);
  const [head, ...rest] = path.split(".");

  const officers = (data: WorkforceYear | null, keep: (row: OfficerCount) => boolean, force: string | null = null): RowSelection[] =>
    data ? [{ file: data.files.officers, lines: officerRows(data, force).filter(keep).map((r) => r.line) }] : [];
  const staff = (data: WorkforceYear | null, keep: (row: StaffCount) => boolean): RowSelection[] =>
    data?.files.staff ? [{ file: data.files.staff, lines: data.staff.filter(keep).map((r) => r.line) }] : [];
  const atLevel = (level: Level) => (rank: OfficerRank) => (levelDefinitions[level].ranks as readonly OfficerRank[]).includes(rank);
  /** The rows a share at a level sums: stated sex (women only when only women are counted). */
  const levelRows = (data: WorkforceYear | null, level: Level, force: string | null, womenOnly = false) =>
    officers(data, (r) => atLevel(level)(r.rank) && (womenOnly ? r.sex === "Female" : stated(r.sex)), force);

  switch (head) {
    case "year":
    case "previousYear":
    case "edition":
    case "editionLabel":
    case "title":
    case "data":
      return [];
    case "forces": {
      const [slug, key, sub] = rest;
      if (!slug || !key) break;
      if (key === "change") {
        if (!sub || !isLevel(sub)) break;
        return [...levelRows(previous, sub, slug, true), ...levelRows(current, sub, slug, true)];
      }
      if (key === "previousBands") return levelRows(previous, "officers", slug);
      if (key === "slug" || key === "name" || key === "shortName") return [];
      const level = levelOfKey(key);
      if (!level) break;
      // A difference or band compares the level with all officers, so it reads every stated row.
      const whole = /Difference|Band/.test(key) ? "officers" : level;
      return levelRows(current, whole, slug, sub === "women");
    }
    case "national": {
      const data = rest[0] === "previous" ? previous : current;
      const [group, key, sub] = rest[0] === "previous" ? rest.slice(1) : rest;
      if (group === "staff") {
        const roles = staffGroups.find((g) => g.key === key)?.roles;
        if (!roles) break;
        return staff(data, (r) => roles.includes(r.role) && (sub === "women" ? r.sex === "Female" : stated(r.sex)));
      }
      if (!group || !isLevel(group)) break;
      return levelRows(data, group, null, key === "women");
    }
    case "averageChange":
    case "averageChangeForces": {
      const level = rest[0];
      if (!level || !isLevel(level)) break;
      return [...levelRows(previous, level, null, true), ...levelRows(current, level, null, true)];
    }
    case "bandCounts": {
      const data = years.find((y) => String(y.year) === rest[1]) ?? null;
      if (!data) break;
      return levelRows(data, "officers", null);
    }
    case "excluded":
      return officers(rest[0] === "notStatedPrevious" ? previous : current, (r) => r.sex === "Not stated");
    case "trend":
      return years.filter((y) => y.year <= year).flatMap((data) => levelRows(data, "officers", null));
  }
  throw new UnknownProvenance(`no provenance is known for the statistic "${path}"`);
}
