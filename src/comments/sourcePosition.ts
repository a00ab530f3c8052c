// Where printed words are in a source file as it is now. The draft's document says where each block
// starts; the words are looked for from there, compared without what Markdown and typesetting change
// (emphasis marks, line breaks, curly quotes, dashes), skipping the `{{ }}` expressions of earlier figures.
// Words no longer found there are "changed since the draft".
import { existsSync } from "node:fs";
import { readRegularFile } from "../cache/filesBelow.ts";
import { BuildError } from "../diagnostics/diagnostic.ts";
import type { SourceRef } from "../document/model.ts";
import { loose } from "./pageText.ts";

export interface SourceFile {
  text: string;
  loose: { text: string; map: number[] };
  /** The same, case kept: words are looked for with their case first ("Wales", not the slug "wales"). */
  cased: { text: string; map: number[] };
}

const cache = new Map<string, SourceFile | null>();

/** A file's text, read once per run; null when it does not exist (any more) or is no regular file. */
export function sourceFile(realPath: string): SourceFile | null {
  if (!cache.has(realPath)) {
    const text = regularText(realPath);
    cache.set(realPath, text === null ? null : { text, loose: loose(text, true), cased: loose(text, true, true) });
  }
  return cache.get(realPath)!;
}

/** Only a regular file is read: a link or a pipe put where a source file was is never followed or waited on. */
function regularText(file: string): string | null {
  if (!existsSync(file)) return null;
  try {
    return readRegularFile(file).toString("utf8");
  } catch (error) {
    if (error instanceof BuildError) return null;
    throw error;
  }
}

export function clearSourceCache(): void {
  cache.clear();
}

export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + column - 1, text.length);
}

export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * Finds `wanted` (printed text) in the file between offsets `from` and `to` (the first loose character
 * must start there), and returns the position of its `skip`-th printed character onwards: the words
 * are found with what precedes them in their run of text, so a short word is not found too early.
 * With `after`, the position just after the words.
 */
export function findPrinted(file: SourceFile, wanted: string, skip: number, from: number, to: number, after = false): { line: number; column: number } | null {
  for (const keepCase of [true, false]) {
    const w = loose(wanted, false, keepCase).text;
    const skipLoose = loose(wanted.slice(0, skip)).text.length;
    if (w.length === 0) return null;
    const { text: hay, map } = keepCase ? file.cased : file.loose;
    for (let i = hay.indexOf(w, lowerBound(map, from)); i >= 0 && map[i] < to; i = hay.indexOf(w, i + 1)) {
      if (map[i] >= from) return positionOf(file.text, after ? map[i + w.length - 1] + 1 : map[Math.min(i + skipLoose, i + w.length - 1)]);
    }
  }
  return null;
}

function lowerBound(map: number[], offset: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The offset just after the n-th `}}` from `from` (the end of the n-th figure expression), or null. */
export function afterFigures(text: string, from: number, n: number): number | null {
  let at = from;
  for (let k = 0; k < n; k++) {
    const close = text.indexOf("}}", at);
    if (close < 0) return null;
    at = close + 2;
  }
  return at;
}

/** Whether the file still has a `{{ }}` expression at a figure's source position. */
export function figureStillThere(file: SourceFile, source: SourceRef, expression: string | null): boolean {
  const at = offsetOf(file.text, source.line, source.column);
  const close = file.text.indexOf("}}", at);
  if (!file.text.startsWith("{{", at) || close < 0) return false;
  return expression === null || file.text.slice(at + 2, close).replace(/\s+/g, " ").trim() === expression.replace(/\s+/g, " ").trim();
}
