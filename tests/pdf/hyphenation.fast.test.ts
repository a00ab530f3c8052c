// British hyphenation: each word with the breaks a British reader accepts (none where the word should
// stay whole). Breaks a proof found wrong in the 2024 report are listed with the empty set.
import { describe, expect, it } from "vitest";
import { hyphenate, hyphenationRule, hyphenator } from "../../src/pdf/hyphenation.ts";

/**
 * word → its allowed breaks, written with "-" (a word without "-" must never break), then splits a
 * British reader rejects, which must not be among them: against the word's sound or parts ("dir-ection",
 * "rep-resented"), or stubs of an eight-letter word ("ses-sions").
 */
const words: [string, ...string[]][] = [
  // Wrong in earlier proofs: against the sound or the word's parts.
  ["adjusted", "adjus-ted"],
  ["respected", "respec-ted"],
  ["direc-tion", "dir-ection"],
  ["locally", "loc-ally"],
  ["experi-enced", "exper-ienced"],
  ["investiga-tions", "investig-ations"],
  ["repre-sented", "rep-resented"],
  ["candi-dates", "can-didates"],
  ["prior-itised", "pri-oritised"],
  // The 2024 proof's short stubs: eight-letter words stay whole.
  ["sessions", "ses-sions"],
  ["campaign", "cam-paign"],
  ["compared", "com-pared"],
  ["children", "chil-dren"],
  ["officers", "offi-cers"],
  ["business", "busi-ness"],
  ["activity", "activ-ity"],
  ["progress", "pro-gress"],
  ["misogyny", "miso-gyny"],
  ["flexible", "flex-ible"],
  ["mentoring", "men-toring", "ment-oring"],
  ["expanded"],
  ["unscripted"],
  ["formally"],
  ["important"],
  ["specifically", "specif-ically"],
  // Breaks between the word's parts.
  ["organ-isa-tion", "or-ganisation", "orga-nisation"],
  ["environ-ment", "envi-ronment"],
  ["harass-ment", "har-assment"],
  ["mater-nity", "ma-ternity"],
  ["encour-aging", "en-couraging"],
  ["oppor-tunities", "op-portunities"],
  ["dis-crim-ina-tion", "discrimi-nation"],
  ["per-i-menopause"],
  ["work-force"],
  ["con-cen-trated"],
  ["represent-ative", "repre-sentative"],
  ["partic-ular", "par-ticular"],
  ["depart-ments", "de-partments"],
  ["char-ac-ter-istics", "chara-cteristics"],
  ["lead-er-ship", "leade-rship"],
  ["devel-op-ment", "de-velopment"],
  ["recruit-ment", "re-cruitment"],
  ["pro-gres-sion", "prog-ression"],
  ["super-visors", "su-pervisors"],
  ["pro-fes-sional", "prof-essional"],
  ["super-in-tendent", "su-perintendent"],
  ["eval-u-ation", "ev-aluation"],
  ["experi-ence", "ex-perience"],
  ["aware-ness", "awa-reness"],
  ["work-shops", "wor-kshops"],
  ["col-leagues", "coll-eagues"],
  ["applica-tions", "ap-plications", "applicati-ons"],
  ["con-ver-sa-tion", "conv-ersation"],
  ["part-ner-ship", "pa-rtnership"],
  ["neigh-bour-hood", "neighb-ourhood"],
  ["recog-nised", "re-cognised"],
  ["back-ground", "backg-round"],
  ["under-standing", "un-derstanding"],
  ["safe-guarding", "sa-feguarding"],
  ["mis-con-duct", "misc-onduct"],
  ["well-being", "wel-lbeing"],
  ["assess-ment", "as-sessment"],
  ["inter-view", "in-terview"],
  ["reten-tion", "re-tention"],
  ["engage-ment", "en-gagement"],
  ["inter-na-tional", "in-ternational"],
  ["attach-ment", "at-tachment"],
  ["com-mit-ment", "co-mmitment"],
  ["dis-cus-sions", "di-scussions"],
  ["ambi-tious", "am-bitious"],
  // Hand-set: never broken.
  ["something", "some-thing"],
  ["throughout", "through-out"],
  ["everyone", "every-one"],
  ["themselves", "them-selves"],
  // Short words, capitals, figures and addresses are left whole.
  ["section"],
  ["London"],
  ["HeForShe"],
  ["Northamptonshire"],
];

describe("hyphenation", () => {
  it("holds at least 60 words", () => expect(words.length).toBeGreaterThanOrEqual(60));

  for (const [entry, ...bad] of words) {
    const word = entry.replaceAll("-", "");
    it(`${word} → ${entry.includes("-") ? entry : "never broken"}${bad.length > 0 ? `, never ${bad.join(", ")}` : ""}`, () => {
      const set = hyphenate(word);
      expect(set.join("-")).toBe(entry);
      for (const split of bad) {
        expect(split.replaceAll("-", "")).toBe(word);
        // The bad split's break, as a count of letters before it, is not one of the word's breaks.
        const at = split.indexOf("-");
        const breaks = set.slice(0, -1).map((_, i) => set.slice(0, i + 1).join("").length);
        expect(breaks).not.toContain(at);
      }
    });
  }

  it("keeps trailing punctuation on the last piece and never leaves fewer than 4 letters after a break", () => {
    expect(hyphenate("investigations.")).toEqual(["investiga", "tions."]);
    expect(hyphenate("conversation.")).toEqual(["con", "ver", "sa", "tion."]);
    expect(hyphenate("question.")).toEqual(["question."]);
    for (const whole of ["2024-25", "www.example.org/recruitment", "officer's", "mid-career"]) expect(hyphenate(whole)).toEqual([whole]);
    for (const word of ["organisation", "discrimination", "qualifications", "conversation", "relationships"]) {
      const parts = hyphenate(word);
      expect(parts.length).toBeGreaterThan(1);
      expect(parts[0].length).toBeGreaterThanOrEqual(hyphenationRule.minBefore);
      expect(parts.at(-1)!.length).toBeGreaterThanOrEqual(hyphenationRule.minAfter);
    }
  });

  it("does not break words shorter than the minimum", () => {
    // At least seven letters, as the brief asks; nine here, since every eight-letter break in the 2024
    // proof left a stub ("ses-sions").
    expect(hyphenationRule.minWordLength).toBe(9);
    expect(hyphenationRule.minBefore).toBe(3);
    expect(hyphenationRule.minAfter).toBe(4);
    expect(hyphenate("support")).toEqual(["support"]);
    expect(hyphenate("members")).toEqual(["members"]);
  });

  it("a pass's hyphenator keeps its words whole (whatever their case or trailing punctuation) and leaves the rule and other passes as they were", () => {
    const pass = hyphenator(["Investigations"]);
    expect(pass("investigations.")).toEqual(["investigations."]);
    expect(pass("investigations")).toEqual(["investigations"]);
    expect(pass("conversation.")).toEqual(["con", "ver", "sa", "tion."]);
    // No state is left behind: the rule itself and a pass that keeps nothing still break the word.
    expect(hyphenate("investigations.")).toEqual(["investiga", "tions."]);
    expect(hyphenator([])("investigations.")).toEqual(["investiga", "tions."]);
    expect(pass("investigations.")).toEqual(["investigations."]);
  });
});
