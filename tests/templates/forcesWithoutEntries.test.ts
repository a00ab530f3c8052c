// A force without an entry, as the built fixture edition prints it (a whole build, so the full tier; the
// grouping of such forces into pages is tested in forcesWithoutEntries.fast.test.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { words } from "../../src/document/labels.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { readPdfPages } from "../helpers/pdfText.ts";

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
