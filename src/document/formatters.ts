// How figures are printed. One place, so the narrative, tables and charts print a number the same way.
import { numberInWords, ordinalInWords, ordinalSuffix } from "./numberWords.ts";
import { wordingFormatters } from "./wording.ts";

export const MINUS = "\u2212";
export const NBSP = "\u00a0";
export const NOT_AVAILABLE = "n/a";

/** Rounds half away from zero at the given decimals, working on the decimal string to avoid 1.005 → 1.00. */
export function roundHalfAway(value: number, decimals: number): number {
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  return (sign * Math.round(shifted)) / 10 ** decimals || 0;
}

export function fixed(value: number, decimals: number): string {
  const rounded = roundHalfAway(value, decimals);
  const text = Math.abs(rounded).toFixed(decimals);
  return rounded < 0 ? `${MINUS}${text}` : text;
}

export function signed(value: number, decimals: number): string {
  const rounded = roundHalfAway(value, decimals);
  return rounded > 0 ? `+${fixed(value, decimals)}` : fixed(value, decimals);
}

export const percent = (value: number, decimals: number): string => `${fixed(value, decimals)}${NBSP}%`;

export function thousands(value: number): string {
  const rounded = roundHalfAway(value, 0);
  const text = Math.abs(rounded).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return rounded < 0 ? `${MINUS}${text}` : text;
}

export type Formatter = (value: unknown) => string;

const numeric =
  (name: string, format: (n: number) => string): Formatter =>
  (value) => {
    if (value === null || value === undefined) return NOT_AVAILABLE;
    if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${name} needs a number, got ${JSON.stringify(value)}.`);
    return format(value);
  };

export const formatters: Record<string, Formatter> = {
  pct0: numeric("pct0", (n) => percent(n, 0)),
  pct1: numeric("pct1", (n) => percent(n, 1)),
  pct2: numeric("pct2", (n) => percent(n, 2)),
  pp: numeric("pp", (n) => `${signed(n, 2)}${NBSP}pp`),
  signed2: numeric("signed2", (n) => signed(n, 2)),
  dec2: numeric("dec2", (n) => fixed(n, 2)),
  int: numeric("int", thousands),
  words: numeric("words", (n) => numberInWords(roundHalfAway(n, 0))),
  ordinal: numeric("ordinal", (n) => ordinalSuffix(roundHalfAway(n, 0))),
  ordinalWords: numeric("ordinalWords", (n) => ordinalInWords(roundHalfAway(n, 0))),
  capitalise: (value) => {
    const text = value === null || value === undefined ? NOT_AVAILABLE : String(value);
    return text.charAt(0).toUpperCase() + text.slice(1);
  },
  ...wordingFormatters(),
};

/** Plain text for a value with no formatter: whole numbers as they are (years stay "2024"), others to 2 decimals. */
export function formatDefault(value: unknown): string {
  if (value === null || value === undefined) return NOT_AVAILABLE;
  if (typeof value === "number") return Number.isInteger(value) ? fixed(value, 0) : fixed(value, 2);
  return String(value);
}
