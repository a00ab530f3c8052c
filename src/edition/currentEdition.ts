// Which edition a command works on, decided here and nowhere else: `--year`, else the year pinned in
// `<content>/edition.yml` (`year: 2025`), else the newest `<content>/<year>/` folder. Every command
// says which it chose, and why, on its first line, so a team member never builds last year by mistake.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";

export interface EditionChoice {
  year: number;
  /** How the year was chosen, in words for the first line of a command's output. */
  reason: string;
}

export class EditionChoiceError extends Error {}

export const PIN_FILE = "edition.yml";

/** A four-digit year from text, or null. */
export function yearFromText(text: string): number | null {
  if (!/^\d{4}$/.test(text.trim())) return null;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : null;
}

/** The edition folders under the content folder, oldest first. */
export function editionYears(contentDir: string): number[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && yearFromText(e.name) !== null)
    .map((e) => Number(e.name))
    .sort((a, b) => a - b);
}

/** The edition a command works on; `flag` is the raw `--year` value, if given. */
export function currentEdition(contentDir: string, flag: string | undefined, flagName = "--year"): EditionChoice {
  if (flag !== undefined) {
    const year = yearFromText(flag);
    if (year === null) throw new EditionChoiceError(`${flagName} must be a four-digit year, not "${flag}".`);
    return { year, reason: `given by ${flagName}` };
  }
  const pin = path.join(contentDir, PIN_FILE);
  if (existsSync(pin)) {
    let value: unknown;
    try {
      value = (parseYaml(readFileSync(pin, "utf8")) as { year?: unknown } | null)?.year;
    } catch {
      value = undefined;
    }
    const year = yearFromText(String(value ?? ""));
    if (year === null) throw new EditionChoiceError(`${pin}:1:1: error: expected "year: NNNN", the edition the team works on. [edition-pin]`);
    return { year, reason: `pinned in ${pin}` };
  }
  const years = editionYears(contentDir);
  if (years.length === 0) throw new EditionChoiceError(`${flagName} is needed: there is no edition folder (${path.join(contentDir, "NNNN")}) to default to.`);
  return { year: years.at(-1)!, reason: `the newest in ${contentDir}/` };
}
