// The report's design in one place: every template and chart spec reads these values.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const sourceSansDir = path.dirname(require.resolve("@expo-google-fonts/source-sans-3/package.json"));

export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

export interface FontFace {
  weight: 400 | 600 | 700;
  style: "normal" | "italic";
  file: string;
}

export const fonts = {
  family: "Source Sans 3",
  faces: [
    { weight: 400, style: "normal", file: "400Regular/SourceSans3_400Regular.ttf" },
    { weight: 400, style: "italic", file: "400Regular_Italic/SourceSans3_400Regular_Italic.ttf" },
    { weight: 600, style: "normal", file: "600SemiBold/SourceSans3_600SemiBold.ttf" },
    { weight: 600, style: "italic", file: "600SemiBold_Italic/SourceSans3_600SemiBold_Italic.ttf" },
    { weight: 700, style: "normal", file: "700Bold/SourceSans3_700Bold.ttf" },
    { weight: 700, style: "italic", file: "700Bold_Italic/SourceSans3_700Bold_Italic.ttf" },
  ].map((face) => ({ ...face, file: path.join(sourceSansDir, face.file) })) as FontFace[],
} as const;

// Women dark, men light: distinct in greyscale and for every common colour-vision deficiency.
export const colours = {
  women: "#5B2A86",
  men: "#8FD3C7",
  onWomen: "#FFFFFF",
  onMen: "#13302B",
  accent: "#B0186A",
  ink: "#1C1B22",
  inkMuted: "#55535E",
  rule: "#C9C6D1",
  zebra: "#F3F1F6",
  paper: "#FFFFFF",
  coverField: "#2E1650",
  coverInk: "#FFFFFF",
  coverAccent: "#F0A8CF",
  // Drafts only: watermark, stamp, change bars and inserted/deleted words (never in a final build).
  change: "#C2410C",
  // Nine bands from "men +15" to "women +15": dark-to-light teal, a near-white grey, light-to-dark
  // purple. In greyscale each band differs from its neighbours by at least 10 L*, and each women's
  // band is darker than the men's band of the same size, so print without colour still tells them apart
  // (tests/design/colours.fast.test.ts).
  bands: {
    "men+15": "#0B4F47",
    "men+10": "#2A7A6F",
    "men+5": "#5EA89A",
    "men+1": "#A3D6CB",
    equal: "#F1EFF4",
    "women+1": "#C3ACDD",
    "women+5": "#8259B4",
    "women+10": "#6A3D99",
    "women+15": "#3F1566",
  },
} as const;

export const type = {
  body: 9.5,
  leading: 13,
  // A force entry's body in two columns of the text block: half a point under the body, so a column's
  // line holds 55–75 characters (at 9.5 pt the median is 54), on the body's leading (the grid).
  columnBody: 9,
  small: 7.5,
  caption: 8,
  lede: 12,
  ledeLeading: 16,
  h1: 26,
  h2: 17,
  h3: 12,
  bigFigure: 28,
  runningHeader: 7,
  // Capitals tracked at 9 % of the size: under a tenth of an em, which pdf.js and poppler both read as
  // letters of one word (wider, pdf.js reads each letter as a word; poppler needs ActualText).
  runningHeaderTracking: 0.63,
} as const;

export const page = {
  size: "A4" as const,
  width: mm(210),
  height: mm(297),
  marginTop: mm(20),
  marginBottom: mm(22),
  marginInner: mm(19),
  marginOuter: mm(19),
  bleed: mm(3),
  /** Print edition: paper beyond the bleed where the crop marks stand (the "slug"). */
  slug: mm(9),
  /** Crop marks: their length, and the gap they keep from the bleed's edge. */
  cropMarkLength: mm(6),
  cropMarkGap: mm(1.5),
  columnGap: mm(6),
  headerOffset: mm(10),
  footerOffset: mm(10),
} as const;

/**
 * Copyfitting (src/render/copyfit.ts): a force's last page must be at least a quarter full. If it is
 * not, the force's pages are set again with the next step: leading and the space between paragraphs a
 * little tighter (a force's columns have no space between paragraphs: their grid is the leading), by amounts a reader does not notice (at most 0.75 pt of leading, a line in 17). If the
 * last step still leaves a stranded tail, the build warns with the force, its file and the words to cut.
 */
export const copyfit = {
  minLastPageFill: 0.25,
  steps: [
    { leading: type.leading - 0.5, paragraphSpace: 0.25 },
    { leading: type.leading - 0.75, paragraphSpace: 0.15 },
  ],
} as const;

/** Vertical rhythm: every gap between blocks is a multiple of the body leading. */
export const space = (lines: number): number => lines * type.leading;

export const charts = {
  fontSize: 8,
  labelFontSize: 6.3,
  titleFontSize: 9,
  bandBoxHeight: 7.6,
  /** Force names in the band charts: never smaller; a long name wraps in its box instead. */
  bandLabelFontSize: 7,
} as const;
