// `{{ … }}` in the prose: a tiny language that is parsed and looked up, never run as JavaScript.
//   expression := term ("|" formatter)*
//   term       := function "(" term ("," term)* ")" | path | number
//   path       := segment ("." segment)*        e.g. bandCounts.seniorLeadership.current.men+15
//
// A path is looked up among the context's own properties only (never a JavaScript object's inherited
// ones, so `toString` is an unknown name); `current` and `previous` stand for the edition year and the
// year before wherever a group is keyed by year, so next year's text needs no rewriting.
import { didYouMean } from "../diagnostics/suggest.ts";
import { formatDefault, formatters, roundHalfAway } from "./formatters.ts";
import { figureNames } from "./figureList.ts";
import { wordingFunctions } from "./wording.ts";

type Term =
  | { kind: "path"; segments: string[] }
  | { kind: "number"; value: number }
  | { kind: "call"; name: string; args: Term[] };

export interface Expression {
  term: Term;
  formatters: string[];
}

export class ExpressionError extends Error {
  /** 0-based offset inside the expression text, for the column in the message. */
  constructor(message: string, readonly offset = 0) {
    super(message);
  }
}

type Value = number | string | null;

/** A figure and the statistics it was computed from (canonical paths such as "forces.kent.middleManagement.womenPct"). */
export interface Evaluated {
  text: string;
  value: Value;
  paths: string[];
}

/** The context's years, so `current` / `previous` resolve to them. */
export interface ExpressionYears {
  year: number;
  previousYear: number | null;
}

const own = (table: object, name: string): boolean => Object.prototype.hasOwnProperty.call(table, name);

const functions: Record<string, { arity: number; apply: (...args: Value[]) => Value }> = {
  /** a − b, e.g. how many more forces sit in a band than last year. */
  delta: { arity: 2, apply: (a, b) => (typeof a === "number" && typeof b === "number" ? a - b : null) },
  abs: { arity: 1, apply: (a) => (typeof a === "number" ? Math.abs(a) : null) },
  /** Direction of change as the reader sees it: compared at whole-percent precision. */
  trend: {
    arity: 2,
    apply: (now, before) => {
      if (typeof now !== "number" || typeof before !== "number") return null;
      const d = roundHalfAway(now, 0) - roundHalfAway(before, 0);
      return d > 0 ? "increased" : d < 0 ? "fell" : "remained the same";
    },
  },
  ...wordingFunctions(),
};

const tokenPattern = /\s*(?:([(),|])|([A-Za-z0-9_+\-.]+))/y;

export function parseExpression(text: string): Expression {
  const tokens: { value: string; offset: number }[] = [];
  tokenPattern.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    tokenPattern.lastIndex = position;
    const match = tokenPattern.exec(text);
    if (!match) throw new ExpressionError(`Unexpected character "${text.slice(position).trim()[0]}"`, position);
    const value = match[1] ?? match[2];
    tokens.push({ value, offset: match.index + match[0].length - value.length });
    position = tokenPattern.lastIndex;
  }
  let index = 0;
  const peek = () => tokens[index];
  const expect = (value: string) => {
    const token = tokens[index++];
    if (token?.value !== value) throw new ExpressionError(`Expected "${value}"${token ? ` but found "${token.value}"` : " at the end"}`, token?.offset ?? text.length);
  };

  const term = (): Term => {
    const token = tokens[index++];
    if (!token) throw new ExpressionError("Expected a name or a number", text.length);
    if (/^[(),|]$/.test(token.value)) throw new ExpressionError(`Expected a name or a number but found "${token.value}"`, token.offset);
    if (/^-?\d+(\.\d+)?$/.test(token.value)) return { kind: "number", value: Number(token.value) };
    if (peek()?.value === "(") {
      const fn = own(functions, token.value) ? functions[token.value] : undefined;
      if (!fn) throw new ExpressionError(`Unknown function "${token.value}"; known: ${Object.keys(functions).join(", ")}.${didYouMean(token.value, Object.keys(functions))}`, token.offset);
      index++;
      const args = [term()];
      while (peek()?.value === ",") {
        index++;
        args.push(term());
      }
      expect(")");
      if (args.length !== fn.arity) throw new ExpressionError(`${token.value}() takes ${fn.arity} argument${fn.arity > 1 ? "s" : ""}, not ${args.length}`, token.offset);
      return { kind: "call", name: token.value, args };
    }
    return { kind: "path", segments: token.value.split(".") };
  };

  const expression: Expression = { term: term(), formatters: [] };
  while (index < tokens.length) {
    expect("|");
    const name = tokens[index++];
    if (!name) throw new ExpressionError("Expected a formatter name after |", text.length);
    if (!own(formatters, name.value)) {
      throw new ExpressionError(`Unknown formatter "${name.value}"; known: ${Object.keys(formatters).join(", ")}.${didYouMean(name.value, Object.keys(formatters))}`, name.offset);
    }
    expression.formatters.push(name.value);
  }
  return expression;
}

function lookup(context: unknown, segments: string[]): { value: Value; path: string } {
  let current: unknown = context;
  const canonical: string[] = [];
  const years = context as Partial<ExpressionYears>;
  segments.forEach((segment, i) => {
    const here = segments.slice(0, i).join(".") || "the statistics";
    if (Array.isArray(current)) {
      // Lists of forces and of staff groups are looked up by their slug or key.
      const idOf = (item: unknown) => (item as { slug?: string; key?: string }).slug ?? (item as { key?: string }).key;
      const found = current.find((item) => item && typeof item === "object" && idOf(item) === segment);
      if (!found) {
        const keys = current.map((item) => idOf(item) ?? "");
        throw new ExpressionError(`"${here}" has no entry "${segment}".${didYouMean(segment, keys)}`);
      }
      current = found;
      canonical.push(segment);
      return;
    }
    if (current === null || typeof current !== "object") {
      throw new ExpressionError(`Unknown name "${segments.join(".")}": "${here}" is one figure and has no "${segment}".`);
    }
    let key = segment;
    // `current` / `previous` name a year wherever figures are grouped by year; a real key wins.
    if (!own(current, key) && key === "current" && years.year !== undefined) key = String(years.year);
    if (!own(current, key) && key === "previous" && years.previousYear != null) key = String(years.previousYear);
    if (!own(current, key)) {
      const keys = Object.keys(current);
      const aliases = keys.some((k) => /^\d{4}$/.test(k)) ? ["current", "previous"] : [];
      const suggestion = didYouMean(segments.join("."), figureNames(context)) || didYouMean(segment, [...keys, ...aliases]);
      throw new ExpressionError(`Unknown name "${segments.join(".")}": "${here}" has no "${segment}".${suggestion} (npm run figures lists every name.)`);
    }
    current = (current as Record<string, unknown>)[key];
    canonical.push(key);
  });
  if (current === null || current === undefined || typeof current === "number" || typeof current === "string") return { value: current ?? null, path: canonical.join(".") };
  throw new ExpressionError(`"${segments.join(".")}" is a group of figures, not one figure; name one of its parts.`);
}

function evaluateTerm(term: Term, context: unknown, paths: string[]): Value {
  if (term.kind === "number") return term.value;
  if (term.kind === "path") {
    const found = lookup(context, term.segments);
    paths.push(found.path);
    return found.value;
  }
  return functions[term.name].apply(...term.args.map((a) => evaluateTerm(a, context, paths)));
}

/** The figure an expression prints, and the statistics it read. */
export function evaluate(expression: Expression, context: unknown): Evaluated {
  const paths: string[] = [];
  const value = evaluateTerm(expression.term, context, paths);
  let printed: unknown = value;
  if (expression.formatters.length === 0) return { text: formatDefault(value), value, paths };
  for (const name of expression.formatters) {
    try {
      printed = formatters[name](printed);
    } catch (error) {
      throw new ExpressionError(`${name}: ${(error as Error).message}`);
    }
  }
  return { text: printed as string, value, paths };
}

export function evaluateExpression(expression: Expression, context: unknown): string {
  return evaluate(expression, context).text;
}
