// The one rule for every file the build reads: a local file of the expected kind, inside the content or
// data folder it was given (after symlinks are resolved), checked before it is opened. Anything else is an
// error at the file and line that named it, and nothing of a refused file is ever read or echoed.
import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";

export interface NamedAt {
  /** The file that names the path (a Markdown file, front matter), or the file itself when nobody names it. */
  file: string;
  line?: number;
  column?: number;
}

export interface PathRule {
  /** The content or data folder the file must lie in. */
  root: string;
  /** What belongs there, for the message (e.g. "a PNG or JPEG image"). */
  expected: string;
  /** Allowed extensions, lower case with the dot; any extension when absent. */
  extensions?: readonly string[];
  maxBytes: number;
  /** Rule id for the message (default "input-path"). */
  rule?: string;
}

/** True when `reference` is a URL or protocol-relative path rather than a local file. */
export function isRemote(reference: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith("//") || reference.startsWith("\\\\");
}

const inside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === "" ? false : !rel.startsWith("..") && !path.isAbsolute(rel);
};

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

/**
 * Resolves a reference written in a file (`reference` relative to `baseDir`) and checks it against the rule.
 * Returns the real path to open, or null after reporting at `at`.
 */
export function resolveReference(reference: string, baseDir: string, rule: PathRule, sink: DiagnosticSink, at: NamedAt): string | null {
  const id = rule.rule ?? "input-path";
  const fail = (message: string) => {
    sink.error(at.file, id, message, { line: at.line, column: at.column });
    return null;
  };
  if (reference.includes("\0")) return fail(`"${printable(reference)}" is not a usable file name; expected ${rule.expected}.`);
  if (isRemote(reference)) {
    return fail(`"${printable(reference)}" is not a local file; the build never fetches from the network. Put the file in ${rule.root} and give its path.`);
  }
  if (path.isAbsolute(reference)) {
    return fail(`"${printable(reference)}" is an absolute path; give a path relative to ${baseDir}, inside ${rule.root}.`);
  }
  return checkPath(path.resolve(baseDir, reference), rule, sink, at, reference);
}

/** Checks a path the build chose itself (e.g. data/2024/officers.csv); `at` defaults to the file. */
export function checkPath(file: string, rule: PathRule, sink: DiagnosticSink, at: NamedAt = { file }, shown = file): string | null {
  const id = rule.rule ?? "input-path";
  const fail = (message: string, missing = false) => {
    sink.error(at.file, missing ? "missing-file" : id, message, { line: at.line, column: at.column });
    return null;
  };
  const root = realRoot(rule.root);
  const lexical = path.resolve(file);
  if (!inside(lexical, path.resolve(rule.root)) && !inside(lexical, root)) {
    return fail(`"${printable(shown)}" lies outside ${rule.root}; the build reads only files inside the folder it was given.`);
  }
  let real: string;
  try {
    real = realpathSync(lexical);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" || code === "ENOTDIR" ? "The file does not exist" : `The file cannot be read (${code})`;
    return fail(`${at.file === file ? "" : `"${printable(shown)}": `}${why}; expected ${rule.expected}.`, true);
  }
  if (!inside(real, root)) {
    return fail(`"${printable(shown)}" is a link to a file outside ${rule.root}; the build reads only files inside the folder it was given.`);
  }
  const stat = statSync(real);
  if (stat.isDirectory()) return fail(`${at.file === file ? "" : `"${printable(shown)}": `}This is a folder; expected ${rule.expected}.`, true);
  if (!stat.isFile()) return fail(`"${printable(shown)}" is not a regular file (a device, pipe or socket); expected ${rule.expected}.`);
  if (rule.extensions && !rule.extensions.includes(path.extname(real).toLowerCase())) {
    return fail(`"${printable(shown)}" is not ${rule.expected} (expected a name ending ${rule.extensions.join(" or ")}).`);
  }
  if (stat.size > rule.maxBytes) {
    return fail(`"${printable(shown)}" is ${megabytes(stat.size)}; the limit for ${rule.expected} is ${megabytes(rule.maxBytes)}.`);
  }
  return real;
}

const megabytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** A reference as it can be safely shown: control characters escaped, cut to a readable length. */
export function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
}
