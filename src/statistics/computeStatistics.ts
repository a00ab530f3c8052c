// From loaded workforce data to the one typed result every later stage reads.
import type { ForceRegister } from "../load/forceRegister.ts";
import type { WorkforceYear } from "../load/workforce.ts";
import { bandOfShares } from "./bands.ts";
import { levelShare, mean, percentChange, shareOf } from "./shares.ts";
import { bands, levels, staffGroups, type Band, type Level } from "../domain/vocabulary.ts";
import type { BandCounts, ForceStatistics, NationalLevels, Share, Statistics, StaffShare } from "./types.ts";

export interface StatisticsInput {
  register: ForceRegister;
  /** Every year of data available, any order; the edition year must be among them. */
  years: readonly WorkforceYear[];
  year: number;
}

const difference = (level: Share, all: Share): number | null =>
  level.womenPct === null || all.womenPct === null ? null : level.womenPct - all.womenPct;

function nationalLevels(data: WorkforceYear): NationalLevels {
  return {
    officers: levelShare(data.officers, "officers"),
    middleManagement: levelShare(data.officers, "middleManagement"),
    seniorLeadership: levelShare(data.officers, "seniorLeadership"),
    staff: staffGroups.map(
      ({ key, role, roles }): StaffShare => ({ key, role, roles: [...roles], ...shareOf(data.staff.filter((s) => roles.includes(s.role))) }),
    ),
  };
}

function forceLevels(data: WorkforceYear, slug: string): Record<Level, Share> | null {
  const rows = data.officers.filter((o) => o.force === slug);
  if (rows.length === 0) return null;
  return {
    officers: levelShare(rows, "officers"),
    middleManagement: levelShare(rows, "middleManagement"),
    seniorLeadership: levelShare(rows, "seniorLeadership"),
  };
}

function bandsOf(levelsOfForce: Record<Level, Share>): { middleManagement: Band | null; seniorLeadership: Band | null } {
  return {
    middleManagement: bandOfShares(levelsOfForce.middleManagement, levelsOfForce.officers),
    seniorLeadership: bandOfShares(levelsOfForce.seniorLeadership, levelsOfForce.officers),
  };
}

function countBands(values: (Band | null)[]): BandCounts {
  const counts = Object.fromEntries(bands.map((b) => [b, 0])) as BandCounts;
  for (const b of values) if (b) counts[b] += 1;
  return counts;
}

function notStated(data: WorkforceYear): number {
  return data.officers.filter((o) => o.sex === "Not stated").reduce((sum, o) => sum + o.hundredths, 0) / 100;
}

export function computeStatistics({ register, years, year }: StatisticsInput): Statistics {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const current = sorted.find((y) => y.year === year);
  if (!current) throw new Error(`No workforce data for ${year}; the statistics need the edition year's data.`);
  const previous = sorted.find((y) => y.year === year - 1) ?? null;

  const forces: ForceStatistics[] = [];
  for (const force of register.forces) {
    const now = forceLevels(current, force.slug);
    if (!now) continue;
    const before = previous ? forceLevels(previous, force.slug) : null;
    const change = {} as Record<Level, number | null>;
    const changeNote: ForceStatistics["changeNote"] = {};
    for (const level of levels) {
      change[level] = percentChange(before ? before[level].women : null, now[level].women);
      if (change[level] === null) changeNote[level] = before ? "no women last year" : "absent last year";
    }
    const currentBands = bandsOf(now);
    forces.push({
      slug: force.slug,
      name: force.name,
      shortName: force.shortName,
      officers: now.officers,
      middleManagement: now.middleManagement,
      seniorLeadership: now.seniorLeadership,
      officersWomenPct: now.officers.womenPct,
      middleManagementWomenPct: now.middleManagement.womenPct,
      seniorLeadershipWomenPct: now.seniorLeadership.womenPct,
      middleManagementDifference: difference(now.middleManagement, now.officers),
      seniorLeadershipDifference: difference(now.seniorLeadership, now.officers),
      middleManagementBand: currentBands.middleManagement,
      seniorLeadershipBand: currentBands.seniorLeadership,
      previousBands: before ? bandsOf(before) : null,
      change,
      changeNote,
    });
  }

  const yearBands = (data: WorkforceYear) =>
    register.forces.map((f) => forceLevels(data, f.slug)).filter((l): l is Record<Level, Share> => l !== null).map(bandsOf);
  const bandCounts: Statistics["bandCounts"] = { middleManagement: {}, seniorLeadership: {} };
  for (const data of [previous, current]) {
    if (!data) continue;
    const b = yearBands(data);
    bandCounts.middleManagement[data.year] = countBands(b.map((x) => x.middleManagement));
    bandCounts.seniorLeadership[data.year] = countBands(b.map((x) => x.seniorLeadership));
  }

  const averageChange = {} as Record<Level, number | null>;
  const averageChangeForces = {} as Record<Level, number>;
  for (const level of levels) {
    const values = forces.map((f) => f.change[level]);
    averageChange[level] = previous ? mean(values) : null;
    averageChangeForces[level] = values.filter((v) => v !== null).length;
  }

  return {
    year,
    previousYear: previous ? previous.year : null,
    measure: { ...current.measure },
    national: { ...nationalLevels(current), previous: previous ? nationalLevels(previous) : null },
    forces,
    averageChange,
    averageChangeForces,
    bandCounts,
    excluded: { notStated: notStated(current), notStatedPrevious: previous ? notStated(previous) : null },
    trend: sorted
      .filter((y) => y.year <= year)
      .map((data) => {
        const n = nationalLevels(data);
        return {
          year: data.year,
          officers: n.officers.womenPct,
          middleManagement: n.middleManagement.womenPct,
          seniorLeadership: n.seniorLeadership.womenPct,
        };
      }),
  };
}

