// data/forces.csv: every force or body that can appear in the report, and the names other sources use.
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { remove } from "confusables";
import { nearest } from "../diagnostics/suggest.ts";
import { readCsvTable } from "./csvTable.ts";

export interface Force {
  slug: string;
  name: string;
  shortName: string;
  nation: string;
  /** Who supplies the workforce data; "none" for bodies that send good practice only. */
  dataSource: string;
  aliases: string[];
}

export interface ForceRegister {
  file: string;
  /** In register order (alphabetical by name), the order the report prints forces in. */
  forces: Force[];
  /** Resolves a slug, name, short name or alias (case- and punctuation-insensitive). */
  resolve(name: string): Force | undefined;
  /** The error text for a name that does not resolve, with the closest register name. */
  unknownMessage(name: string): string;
}

export const registerHeader = ["slug", "name", "short_name", "nation", "data_source", "aliases"] as const;

const key = (name: string): string =>
  name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[’'.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

// Scripts whose letters pass for Latin ones; a name's letters must all come from one script.
const scripts = ["Latin", "Cyrillic", "Greek", "Armenian", "Cherokee", "Georgian", "Coptic"].map((name) => ({ name, letter: new RegExp(`\\p{Script=${name}}`, "u") }));

/** The scripts a name's letters come from ("Other" for any not listed). */
function scriptsOf(name: string): string[] {
  const found = new Set<string>();
  for (const ch of name) if (/\p{L}/u.test(ch)) found.add(scripts.find((s) => s.letter.test(ch))?.name ?? "Other");
  return [...found];
}

export function loadForceRegister(file: string, sink: DiagnosticSink, root?: string): ForceRegister | null {
  const table = readCsvTable(file, registerHeader, sink, root);
  if (!table) return null;
  const forces: Force[] = [];
  const byKey = new Map<string, Force>();
  const lineOf = new Map<Force, number>();
  for (const row of table.rows) {
    const v = row.values;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.slug)) {
      sink.error(file, "register-slug", `Slug "${v.slug}" must be lower-case words joined by hyphens.`, { line: row.line, column: row.columns.slug });
      continue;
    }
    for (const field of ["name", "short_name", "nation", "data_source"] as const) {
      if (!v[field]) sink.error(file, "register-field", `Column ${field} is empty for "${v.slug}"; every force needs one.`, { line: row.line, column: row.columns[field] });
    }
    const force: Force = {
      slug: v.slug,
      name: v.name,
      shortName: v.short_name,
      nation: v.nation,
      dataSource: v.data_source,
      aliases: v.aliases ? v.aliases.split("|").map((a) => a.trim()).filter(Boolean) : [],
    };
    // Charts and tables print the short name; a reader who meets "BTP" there cannot look it up on the
    // force's page, which spells it out. The short name may drop "Police" or "Constabulary", never letters.
    if (/\b\p{Lu}{2,}\b/u.test(force.shortName) || force.shortName.includes("&")) {
      sink.warn(file, "register-abbreviated-name", `short_name "${force.shortName}" is abbreviated; charts and tables print it, so spell it out (for instance "${force.name}"); put the abbreviation in aliases.`, { line: row.line, column: row.columns.short_name });
    }
    for (const name of [force.slug, force.name, force.shortName, ...force.aliases]) {
      const scripts = scriptsOf(name);
      if (scripts.length > 1) {
        sink.error(file, "register-mixed-script", `"${name}" mixes letters of ${scripts.join(" and ")} scripts; a name that looks like another force's is refused. Retype it in one script.`, { line: row.line });
        continue;
      }
      const existing = byKey.get(key(name));
      if (existing && existing !== force) {
        sink.error(file, "register-ambiguous", `"${name}" names both ${existing.slug} and ${force.slug}; a name must lead to one force.`, { line: row.line });
      }
      byKey.set(key(name), force);
    }
    forces.push(force);
    lineOf.set(force, row.line);
  }
  // Names of different forces that look alike once confusable characters are folded ("Kеnt" with a
  // Cyrillic е, "Kent" with a Greek Κ) are errors: a reader could not tell them apart.
  const byLook = new Map<string, { force: Force; name: string }>();
  for (const force of forces) {
    for (const name of new Set([force.name, force.shortName, ...force.aliases])) {
      const look = key(remove(name.normalize("NFKC")));
      const other = byLook.get(look);
      if (other && other.force !== force) {
        sink.error(file, "register-confusable", `"${name}" (${force.slug}) looks like "${other.name}" (${other.force.slug}) once look-alike characters are folded; a name must not be mistaken for another force's.`, { line: lineOf.get(force) });
      } else byLook.set(look, { force, name });
    }
  }
  const allNames = forces.flatMap((f) => [f.name, f.shortName, ...f.aliases]);
  const suggestion = (name: string): string => {
    // Nearest by edit distance over every name, short name and alias, compared as resolve() compares them.
    const match = nearest(name, allNames, key);
    return match ? ` Did you mean "${byKey.get(key(match))!.name}"?` : "";
  };
  return {
    file,
    forces,
    resolve: (name) => byKey.get(key(name)),
    unknownMessage: (name) => `"${name}" is not a force in ${file}.${suggestion(name)}`,
  };
}
