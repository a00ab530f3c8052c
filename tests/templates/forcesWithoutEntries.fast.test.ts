// Forces without an entry share pages, at most four to a page and as evenly as possible.
import { describe, expect, it } from "vitest";
import type { Section } from "../../src/document/model.ts";
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
