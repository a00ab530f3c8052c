// British hyphenation: each word with the breaks a British reader accepts (none where the word should
// stay whole). Breaks a proof found wrong in the 2024 report are listed with the empty set.
import { describe, expect, it } from "vitest";
import { hyphenate, hyphenationRule } from "../../src/pdf/hyphenation.ts";

/** word → its allowed breaks, written with "-"; a word without "-" must never break. */
const accepted: string[] = [
  // Wrong before: "adjus-ted", "respec-ted", "dir-ection", "loc-ally", "exper-ienced", "investig-ations".
  "adjusted",
  "respected",
  "direc-tion",
  "locally",
  "experi-enced",
  "investiga-tions",
  "expanded",
  "unscripted",
  "formally",
  "misogyny",
  "progress",
  "activity",
  "important",
  "specifically",
  // Breaks between the word's parts.
  "organ-isa-tion",
  "environ-ment",
  "harass-ment",
  "mater-nity",
  "encour-aging",
  "oppor-tunities",
  "dis-crim-ina-tion",
  "per-i-menopause",
  "work-force",
  "con-cen-trated",
  "represent-ative",
  "partic-ular",
  // Hand-set: never broken.
  "something",
  "throughout",
  "everyone",
  // Short words, capitals, figures and addresses are left whole.
  "section",
  "London",
  "HeForShe",
  "Northamptonshire",
];

describe("hyphenation", () => {
  for (const entry of accepted) {
    const word = entry.replaceAll("-", "");
    it(`${word} → ${entry.includes("-") ? entry : "never broken"}`, () => {
      expect(hyphenate(word).join("-")).toBe(entry);
    });
  }

  it("keeps trailing punctuation on the last piece and never leaves fewer than 4 letters after a break", () => {
    expect(hyphenate("investigations.")).toEqual(["investiga", "tions."]);
    expect(hyphenate("question.")).toEqual(["ques", "tion."]);
    for (const whole of ["2024-25", "www.example.org/recruitment", "officer's", "mid-career"]) expect(hyphenate(whole)).toEqual([whole]);
    for (const word of ["organisation", "discrimination", "qualifications", "conversation", "relationships"]) {
      const parts = hyphenate(word);
      expect(parts.length).toBeGreaterThan(1);
      expect(parts[0].length).toBeGreaterThanOrEqual(hyphenationRule.minBefore);
      expect(parts.at(-1)!.length).toBeGreaterThanOrEqual(hyphenationRule.minAfter);
    }
  });

  it("does not break words shorter than the minimum", () => {
    expect(hyphenationRule.minWordLength).toBe(8);
    expect(hyphenate("support")).toEqual(["support"]);
    expect(hyphenate("members")).toEqual(["members"]);
  });
});
