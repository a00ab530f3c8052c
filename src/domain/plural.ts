// The one way a count is printed with its noun: "1 finding", "2 findings", "1 force", "45 forces".
// Nouns whose plural is not noun + "s" give it ("1 entry" / "3 entries").

export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** "is" / "are" for a count, so a sentence agrees with it: "1 force is", "2 forces are". */
export function verb(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
