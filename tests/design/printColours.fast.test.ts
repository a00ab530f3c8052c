// The print edition's CMYK table (src/design/printColours.ts): text in black ink alone, every colour under
// its paper's ink limit, white type only out of two-ink fields, and each colour close to what its paper's
// profile makes of the screen colour.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { cmykByHex, papers, printColours, printConditions, themeColours, type Cmyk, type Paper, type ThemeColourName } from "../../src/design/printColours.ts";
import { profileConverter, type ProfileConverter } from "../../src/pdf/cmm.ts";

const total = (c: Cmyk) => c[0] + c[1] + c[2] + c[3];
const inks = (c: Cmyk) => c.filter((v) => v > 0).length;
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const rgbOf = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);

// Text, captions, rules, chart text and the neutral greys: decided in black ink, whatever the profile says.
const blackOnly: ThemeColourName[] = ["ink", "inkMuted", "rule", "zebra", "onMen", "bands.equal"];

describe.each(papers)("print colours on %s paper", (paper: Paper) => {
  let cmm: ProfileConverter;
  beforeAll(async () => {
    const condition = printConditions[paper];
    cmm = await profileConverter(readFileSync(condition.profileFile), condition.profileFile);
  });

  it("gives every theme colour a build, one per hex", () => {
    expect(Object.keys(printColours[paper]).sort()).toEqual(themeColours().map(([name]) => name).sort());
    expect(() => cmykByHex(paper)).not.toThrow();
    expect(cmykByHex(paper).get("#1C1B22")).toEqual({ name: "ink", cmyk: [0, 0, 0, 100] });
  });

  it("prints body text in 100 % black and the other text colours and greys in black ink alone", () => {
    for (const name of blackOnly) expect(printColours[paper][name].slice(0, 3), name).toEqual([0, 0, 0]);
    expect(printColours[paper].ink).toEqual([0, 0, 0, 100]);
  });

  it("keeps every colour under the paper's ink limit", () => {
    const limit = printConditions[paper].inkLimit;
    expect(limit).toBe(paper === "coated" ? 300 : 260);
    for (const [name, cmyk] of Object.entries(printColours[paper])) expect(total(cmyk), name).toBeLessThanOrEqual(limit);
  });

  it("reverses white type only out of fields of two inks", () => {
    // onWomen sits on women (chart labels), coverInk on coverField (the back page).
    expect(printColours[paper].onWomen).toEqual([0, 0, 0, 0]);
    expect(printColours[paper].coverInk).toEqual([0, 0, 0, 0]);
    expect(inks(printColours[paper].women)).toBeLessThanOrEqual(2);
    expect(inks(printColours[paper].coverField)).toBeLessThanOrEqual(2);
  });

  it("prints each colour close to what the profile makes of its screen colour", () => {
    for (const [name, hex] of themeColours()) {
      if (blackOnly.includes(name) || name === "coverField") continue;
      const table = cmm.cmykToLab(printColours[paper][name]);
      const profile = cmm.cmykToLab(cmm.rgbToCmyk(rgbOf(hex)));
      expect(deltaE(table, profile), `${name} ${hex}`).toBeLessThan(8);
    }
    // The back page's field is lighter than its screen colour so that it needs two inks (see printColours.ts).
    const field = cmm.cmykToLab(printColours[paper].coverField);
    expect(field[0]).toBeLessThan(45);
    expect(field[2]).toBeLessThan(-25);
  });

  it("keeps the women's bands darker than the men's band of the same size, on paper too", () => {
    const L = (name: ThemeColourName) => cmm.cmykToLab(printColours[paper][name])[0];
    for (const size of ["1", "5", "10", "15"]) expect(L(`bands.women+${size}` as ThemeColourName), size).toBeLessThan(L(`bands.men+${size}` as ThemeColourName));
  });
});
