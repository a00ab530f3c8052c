// Numbers in words, British style ("one hundred and five"), for figures printed in prose.
const units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

export function numberInWords(n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Only whole numbers can be written in words, not ${n}.`);
  if (n < 0) return `minus ${numberInWords(-n)}`;
  if (n < 20) return units[n];
  if (n < 100) return tens[Math.floor(n / 10)] + (n % 10 ? `-${units[n % 10]}` : "");
  if (n < 1000) return `${units[Math.floor(n / 100)]} hundred${n % 100 ? ` and ${numberInWords(n % 100)}` : ""}`;
  if (n < 1_000_000) {
    const rest = n % 1000;
    return `${numberInWords(Math.floor(n / 1000))} thousand${rest ? (rest < 100 ? " and " : " ") + numberInWords(rest) : ""}`;
  }
  throw new RangeError(`${n} is too large to write in words here; use the int formatter.`);
}

const irregularOrdinals: Record<string, string> = { one: "first", two: "second", three: "third", five: "fifth", eight: "eighth", nine: "ninth", twelve: "twelfth" };

export function ordinalInWords(n: number): string {
  const words = numberInWords(n);
  return words.replace(/([a-z]+)$/, (last) => irregularOrdinals[last] ?? (last.endsWith("y") ? `${last.slice(0, -1)}ieth` : `${last}th`));
}

export function ordinalSuffix(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}
