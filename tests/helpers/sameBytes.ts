// Readings of a built file shared by the suites one worker runs (vitest keeps its modules between files):
// the sample book is read by several suites, some twice. A reading is keyed by the bytes' SHA-256 (and
// whatever else shapes it), so a file written again at the same path is read again.
import { sha256 } from "../../src/domain/sha256.ts";

/** A store of readings: `once(bytes, read, ...more)` reads the same bytes (with the same `more`) once. */
export function readingsOfBytes<T>(): (bytes: Uint8Array, read: () => T, ...more: string[]) => T {
  const kept = new Map<string, T>();
  return (bytes, read, ...more) => {
    const key = [sha256(bytes), ...more].join(" ");
    if (!kept.has(key)) kept.set(key, read());
    return kept.get(key)!;
  };
}
