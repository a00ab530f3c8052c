// A foreword's pull quote is printed large beside its text, so it must be the author's own words: whole
// sentences of the text as printed. Anything else is a warning at the pullQuote line and is not printed.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const lead = "content/2024/forewords/lead.md";

/** The fixture's foreword with `pullQuote:` (line 6) and, when given, its text replaced. */
function build(pullQuote: string, text?: string) {
  const fixture = copyFixtures();
  fixture.edit(lead, (t) => {
    const withQuote = t.replace("order: 1\n", `order: 1\npullQuote: ${JSON.stringify(pullQuote)}\n`);
    return text === undefined ? withQuote : withQuote.replace(/\n---\n[\s\S]*$/, `\n---\n${text}\n`);
  });
  const { document, sink } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
  const foreword = document.sections.find((s) => s.kind === "foreword");
  if (foreword?.kind !== "foreword") throw new Error("the fixture has a foreword");
  return { quote: foreword.pullQuote, warnings: sink.warnings.filter((w) => w.rule === "pull-quote"), file: path.join(fixture.root, lead) };
}

const text = "We met in May. It was a joyful occasion, but it was also an honest one: much is left to do. Thank you all.\n\nOur 'Working Together' event -- the first -- came next.";

describe("a foreword's pull quote", () => {
  it("is printed when it is a whole sentence of the text, typeset as the text is", () => {
    const { quote, warnings } = build("It was a joyful occasion, but it was also an honest one: much is left to do.", text);
    expect(warnings).toEqual([]);
    expect(quote).toBe("It was a joyful occasion, but it was also an honest one: much is left to do.");
    // Straight quotes and double hyphens written as in the text come out curled and as dashes, as the text prints them.
    expect(build("Our 'Working Together' event -- the first -- came next.", text).quote).toBe("Our \u2018Working Together\u2019 event \u2013 the first \u2013 came next.");
  });

  it("may be two sentences, or leave off its last full stop", () => {
    expect(build("We met in May. It was a joyful occasion, but it was also an honest one: much is left to do.", text).quote).toContain("We met in May. It was");
    expect(build("Thank you all", text).quote).toBe("Thank you all");
  });

  it("matches a sentence with a figure from {{ }} as printed", () => {
    // The fixture's sentence: "Women hold {{ national.middleManagement.womenPct | pct0 }} of middle management.";
    // its officers.csv has 407 women among 1,355 sergeants and inspectors: 30.04 %, printed "30 %".
    const { quote, warnings } = build("Women hold 30 % of middle management.");
    expect(warnings).toEqual([]);
    expect(quote).toBe("Women hold 30\u00a0% of middle management.");
    expect(build("Women hold 31 % of middle management.").quote).toBeNull();
  });

  it("that is not in the text is a warning at the pullQuote line, and is not printed", () => {
    const { quote, warnings, file } = build("Equality is everyone's business.", text);
    expect(quote).toBeNull();
    expect(warnings).toEqual([expect.objectContaining({ severity: "warning", file, line: 6, column: 1, rule: "pull-quote" })]);
    expect(warnings[0].message).toContain("is not a whole sentence of the text below, word for word");
  });

  it("that is part of a sentence, or its words changed, is a warning", () => {
    for (const partial of ["It was a joyful occasion.", "it was also an honest one: much is left to do.", "It was a joyful occasion, and it was also an honest one: much is left to do."]) {
      const { quote, warnings } = build(partial, text);
      expect({ partial, quote, warnings: warnings.length }).toEqual({ partial, quote: null, warnings: 1 });
    }
  });

  it("longer than the side column holds is a warning, and is not printed", () => {
    const long = Array.from({ length: 45 }, (_, i) => `word${i}`).join(" ") + ".";
    const { quote, warnings } = build(long, long);
    expect(quote).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain("45 words is more than the side column holds (40 at most)");
  });
});
