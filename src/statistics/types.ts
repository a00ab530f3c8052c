// The statistics of one edition: plain values, unrounded, and the shape of output/<year>/statistics.json.
import type { Measure } from "../load/measure.ts";

import type { Band, Level, StaffRole } from "../domain/vocabulary.ts";

export interface Share {
  women: number;
  total: number;
  /** Unrounded; null when total is zero. */
  womenPct: number | null;
}

export interface StaffShare extends Share {
  /** A chart group, e.g. "Police staff and designated officers", may combine several roles. */
  /** Name for the prose's {{ }} expressions, e.g. "pcsos". */
  key: string;
  role: string;
  roles: StaffRole[];
}

export interface NationalLevels {
  officers: Share;
  middleManagement: Share;
  seniorLeadership: Share;
  staff: StaffShare[];
}

export interface NationalStatistics extends NationalLevels {
  previous: NationalLevels | null;
}

export interface ForceStatistics {
  slug: string;
  name: string;
  shortName: string;
  officers: Share;
  middleManagement: Share;
  seniorLeadership: Share;
  officersWomenPct: number | null;
  middleManagementWomenPct: number | null;
  seniorLeadershipWomenPct: number | null;
  middleManagementDifference: number | null;
  seniorLeadershipDifference: number | null;
  middleManagementBand: Band | null;
  seniorLeadershipBand: Band | null;
  /** Bands from the previous year's data, where the force has it. */
  previousBands: { middleManagement: Band | null; seniorLeadership: Band | null } | null;
  /** % change in the number of women since the previous year; null where undefined. */
  change: Record<Level, number | null>;
  /** Why a change is null, for the table's note. */
  changeNote: Partial<Record<Level, "absent last year" | "no women last year">>;
}

export type BandCounts = Record<Band, number>;

export interface Statistics {
  year: number;
  previousYear: number | null;
  /**
   * What the edition year's figures count: "headcount" (people) or "fte" (full-time equivalents), for
   * the officer figures (shares, bands, % changes, trend) and the staff figures. The loader makes every
   * year's officers file use the edition's measure, so a % change never compares FTE with people.
   */
  measure: { officers: Measure; staff: Measure };
  national: NationalStatistics;
  forces: ForceStatistics[];
  averageChange: Record<Level, number | null>;
  /** Forces that had a defined change at each level (the averages' denominators). */
  averageChangeForces: Record<Level, number>;
  bandCounts: {
    middleManagement: Record<string, BandCounts>;
    seniorLeadership: Record<string, BandCounts>;
  };
  excluded: { notStated: number; notStatedPrevious: number | null };
  /** National women % per level for every year the data holds, oldest first (for the trend chart). */
  trend: { year: number; middleManagement: number | null; seniorLeadership: number | null; officers: number | null }[];
}
