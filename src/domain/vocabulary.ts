// The report's vocabulary, named once: ranks, sexes, staff roles, the levels the report compares, the
// difference bands, and the words the document prints for each. Every stage reads these; none retypes them.

export const officerRanks = [
  "Constable",
  "Sergeant",
  "Inspector",
  "Chief Inspector",
  "Superintendent",
  "Chief Superintendent",
  "Chief Officer",
] as const;
export type OfficerRank = (typeof officerRanks)[number];

export const sexes = ["Female", "Male", "Not stated"] as const;
export type Sex = (typeof sexes)[number];

export const staffRoles = [
  "Police staff",
  "Designated officer",
  "PCSO",
  "Special constable",
  "Police support volunteer",
] as const;
export type StaffRole = (typeof staffRoles)[number];

export const levels = ["officers", "middleManagement", "seniorLeadership"] as const;
export type Level = (typeof levels)[number];
/** The two levels the report places in bands. */
export type LeadershipLevel = Exclude<Level, "officers">;
export const leadershipLevels: readonly LeadershipLevel[] = ["middleManagement", "seniorLeadership"];

export interface LevelDefinition {
  ranks: readonly OfficerRank[];
  /** Lower-case name for running prose: "middle management". */
  name: string;
  /** Who the level is, for captions: "sergeants and inspectors". */
  who: string;
  /** File-safe form for ids: "middle-management". */
  slug: string;
}

export const levelDefinitions: Record<Level, LevelDefinition> = {
  officers: { ranks: officerRanks, name: "all officers", who: "all officers", slug: "officers" },
  middleManagement: { ranks: ["Sergeant", "Inspector"], name: "middle management", who: "sergeants and inspectors", slug: "middle-management" },
  seniorLeadership: {
    ranks: ["Chief Inspector", "Superintendent", "Chief Superintendent", "Chief Officer"],
    name: "senior leadership",
    who: "chief inspectors and above",
    slug: "senior-leadership",
  },
};

export const bands = [
  "men+15",
  "men+10",
  "men+5",
  "men+1",
  "equal",
  "women+1",
  "women+5",
  "women+10",
  "women+15",
] as const;
export type Band = (typeof bands)[number];

const NBSP = "\u00a0";

const bandRanges: Record<string, string> = { "1": "1 to 5", "5": "5 to 10", "10": "10 to 15", "15": `15${NBSP}or more` };

/**
 * Column labels of the band charts, as ranges of percentage points: "15 or more", "10 to 15", …,
 * "Equal", …, "15 or more"; the chart's group labels (bandGroups) say on whose side each column is.
 */
export function bandLabel(band: Band): string {
  if (band === "equal") return "Equal";
  return bandRanges[band.split("+")[1]];
}

/** The band charts' groups of columns and their words: the two sides, and what "equal" means. */
export const bandGroups: readonly { label: string; bands: readonly Band[] }[] = [
  { label: "points more men", bands: ["men+15", "men+10", "men+5", "men+1"] },
  { label: `within 1${NBSP}point`, bands: ["equal"] },
  { label: "points more women", bands: ["women+1", "women+5", "women+10", "women+15"] },
];

/** The groups the staff chart shows; staff and designated officers are one group, as published. */
export const staffGroups: readonly { key: string; role: string; roles: readonly StaffRole[] }[] = [
  { key: "staffAndDesignatedOfficers", role: "Police staff and designated officers", roles: ["Police staff", "Designated officer"] },
  { key: "pcsos", role: "PCSOs", roles: ["PCSO"] },
  { key: "specialConstables", role: "Special constables", roles: ["Special constable"] },
  { key: "supportVolunteers", role: "Police support volunteers", roles: ["Police support volunteer"] },
];
