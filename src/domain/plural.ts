// Every count the tool prints goes through here, so "1 finding" and "3 findings" are said one way.

/** "1 file", "3 files", "2 entries" (give the plural when it is not the singular plus "s"). */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? singular : pluralForm}`;
}
