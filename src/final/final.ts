// What makes a build a final edition, apart from the layout: its date, its document ID, and the
// facts written into build-report.json. Kept out of the pipeline so build.ts only asks for them.
import { sha256 } from "../domain/sha256.ts";
import type { EditionInputs } from "../load/editionInputs.ts";

/** The edition's date: SOURCE_DATE_EPOCH when given, else the publication date at midnight UTC. */
export function editionDate(publicationDate: string, sourceDateEpoch?: number): Date {
  if (sourceDateEpoch !== undefined) {
    if (!Number.isInteger(sourceDateEpoch) || sourceDateEpoch < 0) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, not ${sourceDateEpoch}.`);
    return new Date(sourceDateEpoch * 1000);
  }
  return new Date(`${publicationDate}T00:00:00Z`);
}

/**
 * 32 hex digits from the SHA-256 of the inputs (logical paths and contents, in path order) and of the
 * settings that change the PDF (edition kind and date). Same inputs, same ID, wherever they are kept.
 */
export function documentId(inputs: EditionInputs, year: number, print: boolean, date: Date): string {
  return sha256(`${inputs.listing}year=${year}\nprint=${print}\ndate=${date.toISOString()}\n`).slice(0, 32);
}

/** Parses SOURCE_DATE_EPOCH from the environment; undefined when unset, an error when malformed. */
export function sourceDateEpochFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d+$/.test(raw)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${raw}".`);
  return Number(raw);
}
