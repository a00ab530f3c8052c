// The print edition's colours: every theme colour (src/design/theme.ts) built once in CMYK for each paper
// the report is printed on, and the printing conditions themselves (ICC profile, ink limit). The print
// edition's pages are rewritten through this table (src/pdf/pdfx.ts); a colour not in it goes through
// the paper's profile. Screen, HTML and final editions keep the theme's RGB.
//
// The rules the table keeps (tests/design/printColours.fast.test.ts):
// - text, captions, rules and chart text (ink, inkMuted, rule, onMen) and the greys print in black ink
//   only, so 9.5 pt text and 6.3 pt chart labels cannot fringe when the plates misregister;
// - every colour stays under the paper's ink limit, with room to spare (the darkest, women+15, is 215 %);
// - white type is reversed out of the brand purple (onWomen on women: chart labels, 6.3 pt and up) and
//   out of the back page's field (coverInk on coverField, 8–9.5 pt): both fields are two inks, cyan and
//   magenta, so a misregistered plate shows no third colour at a letter's edge;
// - coloured type (headings in women, the 7 pt kickers in accent) is two inks at most: accent is magenta
//   and black rather than the four inks the profile would give it. The field is lighter in print
//   (L* 28 against 14 on screen) for that: white on it still contrasts 7 : 1 and more.
// Values come from the sRGB colour through the profile (relative colorimetric, black-point compensation),
// rounded to 5 % steps, then held to the rules above.
import path from "node:path";
import { projectRoot } from "../domain/projectRoot.ts";
import { colours } from "./theme.ts";

export type Paper = "coated" | "uncoated";
export const papers: readonly Paper[] = ["coated", "uncoated"];

/** Cyan, magenta, yellow, black in per cent of full ink. */
export type Cmyk = readonly [number, number, number, number];

export interface PrintCondition {
  paper: Paper;
  /** The ICC output profile, under src/design/icc/ (see the README there). */
  profileFile: string;
  /** The characterisation the profile is made from, as registered with the ICC. */
  outputCondition: string;
  outputConditionText: string;
  /** Total area coverage the press takes, in per cent (C + M + Y + K). */
  inkLimit: number;
}

const iccDir = path.join(projectRoot(), "src/design/icc");

export const printConditions: Record<Paper, PrintCondition> = {
  coated: {
    paper: "coated",
    profileFile: path.join(iccDir, "FOGRA39-coated-300.icc"),
    outputCondition: "FOGRA39",
    outputConditionText: "Offset printing, ISO 12647-2:2004/Amd 1, paper type 1 or 2 (coated art), 300 % total ink",
    inkLimit: 300,
  },
  uncoated: {
    paper: "uncoated",
    profileFile: path.join(iccDir, "FOGRA29-uncoated-260.icc"),
    outputCondition: "FOGRA29",
    outputConditionText: "Offset printing, ISO 12647-2:2004, paper type 4 (uncoated white), 260 % total ink",
    inkLimit: 260,
  },
};

/** Every theme colour by name ("women", "bands.women+15"), flattened, with its sRGB hex. */
export type ThemeColourName = Exclude<keyof typeof colours, "bands"> | `bands.${keyof typeof colours.bands}`;

export function themeColours(): [ThemeColourName, string][] {
  const out: [ThemeColourName, string][] = [];
  for (const [name, value] of Object.entries(colours)) {
    if (typeof value === "string") out.push([name as ThemeColourName, value]);
    else for (const [band, hex] of Object.entries(value)) out.push([`bands.${band}` as ThemeColourName, hex]);
  }
  return out;
}

const K = (k: number): Cmyk => [0, 0, 0, k];
const white: Cmyk = [0, 0, 0, 0];

// Black-ink builds are the same on both papers; the colours are each paper's own.
const common = {
  ink: K(100),
  inkMuted: K(80),
  rule: K(30),
  zebra: K(6),
  paper: white,
  onWomen: white,
  onMen: K(100),
  coverInk: white,
  coverField: [90, 100, 0, 0],
  coverAccent: [5, 40, 0, 0],
  "bands.equal": K(6),
} as const satisfies Partial<Record<ThemeColourName, Cmyk>>;

export const printColours: Record<Paper, Record<ThemeColourName, Cmyk>> = {
  coated: {
    ...common,
    women: [80, 95, 0, 0],
    men: [45, 0, 25, 0],
    accent: [0, 95, 0, 25],
    change: [0, 80, 100, 20],
    "bands.men+15": [70, 0, 45, 70],
    "bands.men+10": [65, 0, 40, 45],
    "bands.men+5": [55, 0, 35, 20],
    "bands.men+1": [40, 0, 25, 0],
    "bands.women+1": [30, 35, 0, 0],
    "bands.women+5": [60, 70, 0, 0],
    "bands.women+10": [70, 85, 0, 5],
    "bands.women+15": [85, 100, 0, 30],
  },
  uncoated: {
    ...common,
    women: [75, 100, 0, 0],
    men: [40, 0, 20, 0],
    accent: [0, 100, 0, 20],
    change: [0, 85, 100, 15],
    "bands.men+15": [85, 0, 40, 60],
    "bands.men+10": [75, 0, 40, 35],
    "bands.men+5": [55, 0, 35, 10],
    "bands.men+1": [35, 0, 20, 0],
    "bands.women+1": [25, 35, 0, 0],
    "bands.women+5": [60, 75, 0, 0],
    "bands.women+10": [75, 95, 0, 0],
    "bands.women+15": [80, 100, 0, 30],
  },
};

/**
 * The paper's table by sRGB hex (upper case, "#1C1B22"). Two theme colours with the same hex (paper,
 * onWomen and coverInk are all white) must have the same build, or a page could not tell them apart.
 */
export function cmykByHex(paper: Paper): Map<string, { name: ThemeColourName; cmyk: Cmyk }> {
  const table = new Map<string, { name: ThemeColourName; cmyk: Cmyk }>();
  for (const [name, hex] of themeColours()) {
    const cmyk = printColours[paper][name];
    const key = hex.toUpperCase();
    const before = table.get(key);
    if (before && before.cmyk.join() !== cmyk.join()) throw new Error(`Theme colours ${before.name} and ${name} are both ${key} but print as ${before.cmyk.join("/")} and ${cmyk.join("/")} on ${paper} paper.`);
    table.set(key, { name, cmyk });
  }
  return table;
}
