// Portraits are found relative to the edition's folder; two sections with the same order are a warning.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { BuildError } from "../../src/diagnostics/diagnostic.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const lead = "content/2024/forewords/lead.md";

describe("portrait", () => {
  it("is looked for in the edition's folder and reaches the document as that file", () => {
    const fixture = copyFixtures();
    const edition = path.join(fixture.contentDir, "2024");
    mkdirSync(path.join(edition, "images"));
    copyFileSync(path.join(edition, "good-practice", "images", "swatch.png"), path.join(edition, "images", "alex.png"));
    fixture.edit(lead, (t) => t.replace("order: 1\n", "order: 1\nportrait: images/alex.png\n"));
    const { document } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    const foreword = document.sections.find((s) => s.kind === "foreword");
    expect(foreword?.kind === "foreword" && foreword.person.portrait).toBe("content/2024/images/alex.png");
  });

  it("a portrait that is not there is an error at its line, not a silently missing picture", () => {
    const fixture = copyFixtures();
    fixture.edit(lead, (t) => t.replace("order: 1\n", "order: 1\nportrait: images/nobody.png\n"));
    try {
      prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
      throw new Error("the build accepted a missing portrait");
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      expect(error.diagnostics).toEqual([expect.objectContaining({ rule: "missing-file", line: 6, file: path.join(fixture.root, lead) })]);
      expect(error.diagnostics[0].message).toBe('"images/nobody.png": The file does not exist; expected a PNG or JPEG image.');
    }
  });
});

describe("same order", () => {
  it("two forewords with order 1 give a warning at the second one's order line", () => {
    const fixture = copyFixtures();
    writeFileSync(
      path.join(fixture.contentDir, "2024", "forewords", "second.md"),
      "---\nauthor: Sam Example\nrole: Chair\norganisation: Example Board\norder: 1\n---\nA second foreword.\n",
    );
    const { sink, document } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    const warning = sink.warnings.find((w) => w.rule === "same-order");
    expect(warning).toMatchObject({ file: path.join(fixture.contentDir, "2024", "forewords", "second.md"), line: 5 });
    expect(warning!.message).toContain(`also the order of ${path.join(fixture.root, lead)}`);
    // Same order: file-name order, as the warning says (lead.md before second.md).
    expect(document.sections.filter((s) => s.kind === "foreword").map((s) => (s.kind === "foreword" ? s.person.author : ""))).toEqual(["Alex Example", "Sam Example"]);
  });

  it("entries without order come after their force's entry with one, in file-name order", () => {
    const fixture = copyFixtures();
    const entries = path.join(fixture.contentDir, "2024", "good-practice");
    writeFileSync(path.join(entries, "a-cumbria-first.md"), "---\nforce: cumbria\ntitle: Unordered entry\nlede: No order given.\n---\nText.\n");
    writeFileSync(path.join(entries, "z-cumbria-second.md"), "---\nforce: cumbria\ntitle: Ordered entry\nlede: Order given.\norder: 1\n---\nText.\n");
    const { document } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    const cumbria = document.sections.find((s) => s.kind === "force" && s.slug === "cumbria");
    expect(cumbria?.kind === "force" && cumbria.entries.map((e) => e.title)).toEqual(["Ordered entry", "Unordered entry", "A fixture entry about mentoring"]);
  });
});
