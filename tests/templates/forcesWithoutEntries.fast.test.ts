// Forces without an entry share pages, at most four to a page and as evenly as possible.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { words } from "../../src/document/labels.ts";
import type { Section } from "../../src/document/model.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { readPdfPages } from "../helpers/pdfText.ts";
import { groupsWithoutEntries } from "../../templates/pages/ForcesWithoutEntries.tsx";

const force = (slug: string, entries: number) => ({ kind: "force", id: `force/${slug}`, entries: Array.from({ length: entries }) }) as unknown as Section;

describe("groupsWithoutEntries", () => {
  it("cuts a run of five into pages of three and two, never four and one alone", () => {
    const sections = [force("a", 1), ...["b", "c", "d", "e", "f"].map((s) => force(s, 0)), force("g", 1)];
    const groups = groupsWithoutEntries(sections);
    expect([...groups.entries()].map(([first, forces]) => [first, forces.map((f) => f.id)])).toEqual([
      ["force/b", ["force/b", "force/c", "force/d"]],
      ["force/e", ["force/e", "force/f"]],
    ]);
  });

  it("leaves a single force without an entry on its own page, and never groups forces with entries", () => {
    const groups = groupsWithoutEntries([force("a", 0), force("b", 1), force("c", 0), force("d", 2)]);
    expect(groups.size).toBe(0);
  });

  it("puts eight in two pages of four", () => {
    const groups = groupsWithoutEntries(["a", "b", "c", "d", "e", "f", "g", "h"].map((s) => force(s, 0)));
    expect([...groups.values()].map((g) => g.length)).toEqual([4, 4]);
  });
});

describe("a force without an entry", () => {
  it("says one thing: headed by its figures, with the note that no entry came, never as a good-practice example", async () => {
    // The fixture edition: Cumbria and Guernsey sent entries, Avon and Somerset and Kent did not.
    const copy = copyFixtures();
    const out = path.join(copy.root, "out");
    const status = await main(["build", "--data", copy.dataDir, "--content", copy.contentDir, "--out", out], { out: () => {}, err: () => {} });
    expect(status).toBe(0);
    const { sections } = JSON.parse(readFileSync(path.join(out, "2024", "build-report.json"), "utf8")) as { sections: Record<string, number> };
    const pages = await readPdfPages(path.join(out, "2024", "report.pdf"));
    // The kicker is letter-spaced, so pdf.js reads it letter by letter: compare without spaces.
    const textOf = (id: string) => pages[sections[id] - 1].text.replace(/\s+/g, "");
    const squashed = (text: string) => text.replace(/\s+/g, "");
    for (const id of ["force/avon-and-somerset", "force/kent"]) {
      expect(textOf(id)).toContain("WORKFORCEFIGURES");
      expect(textOf(id)).toContain(squashed(words.noEntry));
      expect(textOf(id)).not.toMatch(/goodpracticeexample/i);
    }
    expect(textOf("force/cumbria")).toContain("GOODPRACTICEEXAMPLE");
    expect(textOf("force/cumbria")).not.toContain(squashed(words.noEntry));
  }, 120_000);
});
