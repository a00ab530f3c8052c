// Checks across a year's workforce files once each has loaded cleanly: one measure for every year, and
// warnings for figures that are possible but unusual enough that someone should look at the source.
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { levelDefinitions, levels, type Level } from "../domain/vocabulary.ts";
import type { ForceRegister } from "./forceRegister.ts";
import { formatHundredths, measureNames, type Measure } from "./measure.ts";
import type { OfficerCount, WorkforceYear } from "./workforce.ts";

/** Thresholds of the plausibility warnings, in percent. */
export const plausibility = {
  /** A level's officers (stated sex) growing or shrinking by more than this since last year. */
  levelSizeChange: 20,
  /** The number of women at a level changing by more than this since last year (the change table's figure). */
  womenChange: 50,
  /** Officers of a force whose sex is not stated, as a share of all its officers. */
  notStated: 1,
} as const;

const levelNames: Record<Level, string> = { officers: "all officers", middleManagement: "middle management", seniorLeadership: "senior leadership" };

/** Every year's officers file must count in the edition's measure, or % changes would compare FTE with people. */
export function checkMeasures(years: readonly WorkforceYear[], year: number, sink: DiagnosticSink): void {
  const edition = years.find((y) => y.year === year);
  if (!edition) return;
  for (const other of years) {
    if (other.measure.officers === edition.measure.officers) continue;
    sink.error(
      other.files.officers,
      "measure-mismatch",
      `This file counts ${measureNames[other.measure.officers]} but ${edition.files.officers} counts ${measureNames[edition.measure.officers]}; % changes and trends need one measure, so give ${other.year} in ${edition.measure.officers} too.`,
      { line: 1, column: 4 },
    );
  }
}

interface ForceTotals {
  line: number;
  /** Integer hundredths of stated-sex officers and of women, per level. */
  total: Record<Level, number>;
  women: Record<Level, number>;
  notStated: number;
  notStatedLine: number | null;
}

function totalsByForce(officers: readonly OfficerCount[]): Map<string, ForceTotals> {
  const byForce = new Map<string, ForceTotals>();
  const zero = () => ({ officers: 0, middleManagement: 0, seniorLeadership: 0 });
  for (const row of officers) {
    let t = byForce.get(row.force);
    if (!t) byForce.set(row.force, (t = { line: row.line, total: zero(), women: zero(), notStated: 0, notStatedLine: null }));
    if (row.sex === "Not stated") {
      t.notStated += row.hundredths;
      t.notStatedLine ??= row.line;
      continue;
    }
    for (const level of levels) {
      if (!(levelDefinitions[level].ranks as readonly string[]).includes(row.rank)) continue;
      t.total[level] += row.hundredths;
      if (row.sex === "Female") t.women[level] += row.hundredths;
    }
  }
  return byForce;
}

const pct = (now: number, before: number) => `${now >= before ? "+" : "−"}${((Math.abs(now - before) / before) * 100).toFixed(1)} %`;

/**
 * Warnings (never errors: such figures can be true) for the edition year, each at the line where the
 * force's rows start: no women officers at all; a level whose officers changed by more than 20 % since
 * last year; a change in women beyond ±50 %; more than 1 % of a force's officers of unstated sex.
 * Comparisons are on integer hundredths, so a figure exactly on a threshold does not warn.
 */
export function checkPlausibility(years: readonly WorkforceYear[], year: number, register: ForceRegister, sink: DiagnosticSink): void {
  const current = years.find((y) => y.year === year);
  if (!current) return;
  const previous = years.find((y) => y.year === year - 1) ?? null;
  const file = current.files.officers;
  const measure: Measure = current.measure.officers;
  const show = (h: number) => formatHundredths(h, measure);
  const now = totalsByForce(current.officers);
  const before = previous && previous.measure.officers === measure ? totalsByForce(previous.officers) : null;

  for (const [slug, t] of now) {
    const name = register.resolve(slug)?.name ?? slug;
    if (t.women.officers === 0) {
      sink.warn(file, "no-women", `${name} has no women officers at any rank in ${year}; check the source before publishing a 0 % share.`, { line: t.line });
    }
    const all = t.total.officers + t.notStated;
    if (t.notStated * 100 > plausibility.notStated * all) {
      sink.warn(
        file,
        "not-stated-share",
        `${show(t.notStated)} of ${name}'s ${show(all)} officers (${((t.notStated / all) * 100).toFixed(1)} %) have no stated sex; above ${plausibility.notStated} % they noticeably lower every share, so check the source.`,
        { line: t.notStatedLine ?? t.line },
      );
    }
    const last = before?.get(slug);
    if (!last) continue;
    for (const level of levels) {
      const [a, b] = [last.total[level], t.total[level]];
      if (a > 0 && Math.abs(b - a) * 100 > plausibility.levelSizeChange * a) {
        sink.warn(
          file,
          "level-size-change",
          `${name}, ${levelNames[level]}: ${show(b)} officers in ${year} against ${show(a)} in ${year - 1} (${pct(b, a)}), more than ±${plausibility.levelSizeChange} %; check both years' rows.`,
          { line: t.line },
        );
      }
      const [wa, wb] = [last.women[level], t.women[level]];
      if (wa > 0 && Math.abs(wb - wa) * 100 > plausibility.womenChange * wa) {
        sink.warn(
          file,
          "women-change",
          `${name}, ${levelNames[level]}: women went from ${show(wa)} in ${year - 1} to ${show(wb)} in ${year} (${pct(wb, wa)}), beyond ±${plausibility.womenChange} %; check both years' rows.`,
          { line: t.line },
        );
      }
    }
  }
}
