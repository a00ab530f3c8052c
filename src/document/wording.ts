// Words that agree with a figure, so prose reads right whatever the data says:
//   {{ n | forces | capitalise }} now {{ n | sits }} in the equal band  → "One force now sits" / "Four forces now sit"
//   the share {{ change(now, before) }}                                 → "rose by two points" / "stayed the same" / "fell by one point"
//   the number {{ changeCount(now, before) }}                           → "rose by two" / "stayed the same" / "fell by one"
// Registered in formatters.ts (formatters) and expressions.ts (functions). The tables are built by
// function declarations, which exist before any module code runs, so the import cycle with
// formatters.ts is safe whichever file is loaded first.
import { roundHalfAway } from "./formatters.ts";
import { numberInWords } from "./numberWords.ts";

type Value = number | string | null;

/** A count of things: a whole number, 0 or more. Other values are the writer's mistake, said plainly. */
function count(name: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${name} needs a number of things, got ${JSON.stringify(value)}.`);
  const n = roundHalfAway(value, 0);
  if (n < 0) throw new RangeError(`${name} needs a count of 0 or more, got ${value}; for a change use change() or changeCount().`);
  return n;
}

/** Singular for exactly one, plural otherwise ("no forces sit", "one force sits", "two forces sit"). */
function agree(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}

/** Formatters: nouns that count (with the number in words) and verbs that agree with a count. */
export function wordingFormatters(): Record<string, (value: unknown) => string> {
  const nouns: Record<string, [string, string]> = { forces: ["force", "forces"] };
  const verbs: Record<string, [string, string]> = { sits: ["sits", "sit"], is: ["is", "are"], has: ["has", "have"], was: ["was", "were"] };
  const table: Record<string, (value: unknown) => string> = {};
  for (const [name, [one, many]] of Object.entries(nouns)) {
    // "forces": "no forces", "one force", "twenty-three forces"; "force": the noun alone, "force"/"forces".
    table[name] = (value) => {
      const n = count(name, value);
      return n === null ? "n/a" : n === 0 ? `no ${many}` : `${numberInWords(n)} ${agree(n, one, many)}`;
    };
    table[one] = (value) => {
      const n = count(one, value);
      return n === null ? many : agree(n, one, many);
    };
  }
  for (const [name, [one, many]] of Object.entries(verbs)) {
    table[name] = (value) => {
      const n = count(name, value);
      return n === null ? many : agree(n, one, many);
    };
  }
  return table;
}

/** How a figure moved, in words, from the difference as the reader will see it printed. */
function changeWords(difference: number, unit: [string, string] | null): string {
  if (difference === 0) return "stayed the same";
  const size = Math.abs(difference);
  const amount = unit ? `${numberInWords(size)} ${agree(size, unit[0], unit[1])}` : numberInWords(size);
  return `${difference > 0 ? "rose" : "fell"} by ${amount}`;
}

/**
 * The finest precision the report prints a share at anywhere (charts, the national table: two decimals).
 * The wording rule, decided once here: words may not contradict any printed figure. A share that moved
 * less than a whole point but differs at this precision (29.63 % → 30.14 %, both "30 %" in the text) did
 * not stay the same; it "rose by less than a point".
 */
export const finestPrintedDecimals = 2;

/** A share's move in words: whole points, as pct0 prints them, never "the same" where finer figures differ. */
function shareChangeWords(now: number, before: number): string {
  const points = roundHalfAway(now, 0) - roundHalfAway(before, 0);
  if (points !== 0) return changeWords(points, ["point", "points"]);
  const fine = roundHalfAway(now, finestPrintedDecimals) - roundHalfAway(before, finestPrintedDecimals);
  if (fine === 0) return "stayed the same";
  return `${fine > 0 ? "rose" : "fell"} by less than a point`;
}

/** Functions: change(now, before) for percentages (see shareChangeWords); changeCount for counts. */
export function wordingFunctions(): Record<string, { arity: number; apply: (...args: Value[]) => Value }> {
  return {
    change: {
      arity: 2,
      apply: (now, before) => (typeof now === "number" && typeof before === "number" ? shareChangeWords(now, before) : null),
    },
    changeCount: {
      arity: 2,
      apply: (now, before) => (typeof now === "number" && typeof before === "number" ? changeWords(roundHalfAway(now - before, 0), null) : null),
    },
  };
}
