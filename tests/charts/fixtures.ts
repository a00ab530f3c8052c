// Small, self-contained Statistics-like fixtures for the chart tests and the bench: no data files read.
import { bandGroups, bandLabel, bands, leadershipLevels, type Band } from "../../src/domain/vocabulary.ts";
import { words } from "../../src/document/labels.ts";
import type { ChartInputs } from "../../src/document/model.ts";
import { type ForceStatistics, type Share, type Statistics } from "../../src/statistics/types.ts";

/** Short names like the register's (spelled out, never abbreviated), long and short, with "-" and an apostrophe. */
export const SHORT_NAMES = [
  "Avon and Somerset", "Bedfordshire", "British Transport Police", "Cambridgeshire", "Cheshire", "City of London", "Cleveland",
  "Cumbria", "Derbyshire", "Devon and Cornwall", "Dorset", "Durham", "Dyfed-Powys", "Essex", "Gloucestershire",
  "Greater Manchester", "Gwent", "Hampshire", "Hertfordshire", "Humberside", "Kent", "Lancashire",
  "Leicestershire", "Lincolnshire", "Merseyside", "Metropolitan Police", "Norfolk", "North Wales",
  "North Yorkshire", "Northamptonshire", "Northumbria", "Nottinghamshire", "Police Scotland", "Police Service of Northern Ireland",
  "South Wales", "South Yorkshire", "Staffordshire", "Suffolk", "Surrey", "Sussex", "Thames Valley",
  "Warwickshire", "West Mercia", "West Midlands", "West Yorkshire", "Wiltshire",
  "Superintendents' Association", "Overseas Territories",
];

/** A tiny deterministic generator (same seed, same fixtures). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const share = (women: number, total: number): Share => ({ women, total, womenPct: total === 0 ? null : (100 * women) / total });

function bandOf(difference: number): Band {
  const d = difference;
  if (d <= -15) return "men+15";
  if (d <= -10) return "men+10";
  if (d <= -5) return "men+5";
  if (d <= -1) return "men+1";
  if (d < 1) return "equal";
  if (d < 5) return "women+1";
  if (d < 10) return "women+5";
  if (d < 15) return "women+10";
  return "women+15";
}

function force(name: string, next: () => number): ForceStatistics {
  const officers = share(Math.round(200 + next() * 2000), 0);
  officers.total = Math.round(officers.women / (0.3 + next() * 0.12));
  officers.womenPct = (100 * officers.women) / officers.total;
  const mmTotal = Math.round(officers.total * 0.15);
  const middleManagement = share(Math.round(mmTotal * (0.15 + next() * 0.3)), mmTotal);
  const slTotal = Math.max(3, Math.round(officers.total * 0.01));
  const seniorLeadership = share(Math.round(slTotal * next() * 0.6), slTotal);
  const mmDiff = middleManagement.womenPct! - officers.womenPct!;
  const slDiff = seniorLeadership.womenPct! - officers.womenPct!;
  const slug = name.toLowerCase().replace(/[^a-z]+/g, "-");
  return {
    slug,
    name,
    shortName: name,
    officers,
    middleManagement,
    seniorLeadership,
    officersWomenPct: officers.womenPct,
    middleManagementWomenPct: middleManagement.womenPct,
    seniorLeadershipWomenPct: seniorLeadership.womenPct,
    middleManagementDifference: mmDiff,
    seniorLeadershipDifference: slDiff,
    middleManagementBand: bandOf(mmDiff),
    seniorLeadershipBand: bandOf(slDiff),
    previousBands: null,
    change: { officers: null, middleManagement: null, seniorLeadership: null },
    changeNote: {},
  };
}

/** A Statistics object with `forceCount` forces and `years` years of trend, from a seed. */
export function fixtureStatistics(options: { forceCount?: number; years?: number; seed?: number; year?: number } = {}): Statistics {
  const { forceCount = 46, years = 10, seed = 2024, year = 2024 } = options;
  const next = random(seed);
  const forces = SHORT_NAMES.slice(0, forceCount).map((name) => force(name, next));
  const sum = (pick: (f: ForceStatistics) => Share) =>
    share(
      forces.reduce((n, f) => n + pick(f).women, 0),
      forces.reduce((n, f) => n + pick(f).total, 0),
    );
  const counts = (level: "middleManagementBand" | "seniorLeadershipBand") =>
    Object.fromEntries(bands.map((b) => [b, forces.filter((f) => f[level] === b).length])) as Record<Band, number>;
  const staff = [
    { role: "Police staff and designated officers", roles: ["Police staff", "Designated officer"] as const, women: 40512, total: 66201 },
    { role: "PCSOs", roles: ["PCSO"] as const, women: 3921, total: 8104 },
    { role: "Special constables", roles: ["Special constable"] as const, women: 1802, total: 6033 },
    { role: "Police support volunteers", roles: ["Police support volunteer"] as const, women: 3611, total: 7011 },
  ].map((s) => ({ ...share(s.women, s.total), key: s.role.toLowerCase().replace(/[^a-z]+/g, "-"), role: s.role, roles: [...s.roles] }));
  const national = {
    officers: sum((f) => f.officers),
    middleManagement: sum((f) => f.middleManagement),
    seniorLeadership: sum((f) => f.seniorLeadership),
    staff,
  };
  return {
    year,
    previousYear: year - 1,
    measure: { officers: "headcount", staff: "headcount" },
    national: { ...national, previous: null },
    forces,
    averageChange: { officers: null, middleManagement: null, seniorLeadership: null },
    averageChangeForces: { officers: 0, middleManagement: 0, seniorLeadership: 0 },
    bandCounts: {
      middleManagement: { [year]: counts("middleManagementBand") },
      seniorLeadership: { [year]: counts("seniorLeadershipBand") },
    },
    excluded: { notStated: 0, notStatedPrevious: null },
    trend: Array.from({ length: years }, (_, i) => {
      const y = year - years + 1 + i;
      return {
        year: y,
        middleManagement: 22 + i * 1.1 + next(),
        seniorLeadership: 17 + i * 1.5 + next(),
        officers: 29 + i * 0.6,
      };
    }),
  };
}

// --- chart inputs in the document's shape, labels from the vocabulary ------------------------------

export function bandInput(statistics: Statistics, level: "middleManagement" | "seniorLeadership"): ChartInputs["band"] {
  const key = level === "middleManagement" ? "middleManagementBand" : "seniorLeadershipBand";
  return {
    year: statistics.year,
    level,
    columns: bands.map((band) => ({ band, label: bandLabel(band) })),
    groups: bandGroups.map((g) => ({ label: g.label, bands: [...g.bands] })),
    forces: statistics.forces.filter((f) => f[key] !== null).map((f) => ({ shortName: f.shortName, band: f[key]! })),
  };
}

export function forceInput(force: ForceStatistics): ChartInputs["forceRepresentation"] {
  return {
    rows: (["officers", "middleManagement", "seniorLeadership"] as const).map((level) => ({ level, label: words.levelLabel(level), womenPct: force[level].womenPct })),
  };
}

export function staffInput(statistics: Statistics) {
  return statistics.national.staff.map((s) => ({ role: s.role, womenPct: s.womenPct }));
}

export function trendInput(statistics: Statistics): ChartInputs["trend"] {
  return {
    series: leadershipLevels.map((key) => ({ key, label: words.levelLabel(key) })),
    points: statistics.trend.map((t) => ({ year: t.year, middleManagement: t.middleManagement, seniorLeadership: t.seniorLeadership })),
  };
}

/** A force chart's input from three shares, in the document's shape. */
export function forceShares(officers: number | null, middleManagement: number | null, seniorLeadership: number | null): ChartInputs["forceRepresentation"] {
  const pct = { officers, middleManagement, seniorLeadership };
  return { rows: (["officers", "middleManagement", "seniorLeadership"] as const).map((level) => ({ level, label: words.levelLabel(level), womenPct: pct[level] })) };
}

/** A band chart's input for a few forces, with the vocabulary's column labels. */
export function bandForces(year: number, level: "middleManagement" | "seniorLeadership", forces: { shortName: string; band: Band }[]): ChartInputs["band"] {
  return { year, level, columns: bands.map((band) => ({ band, label: bandLabel(band) })), forces };
}

/** A trend chart's input from its points. */
export function trendPoints(points: ChartInputs["trend"]["points"]): ChartInputs["trend"] {
  return { series: leadershipLevels.map((key) => ({ key, label: words.levelLabel(key) })), points };
}
