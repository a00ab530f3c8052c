// The preview's pipeline (runEdition's preview mode) after a save that changed only an entry's words:
// the first look is given the early document (the entry assembled on the last prepare) before the whole
// prepare's, and the two agree. A save that changed more gets the whole prepare's alone.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runEdition } from "../../src/build/runEdition.ts";
import type { ReportDocument } from "../../src/document/model.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

describe("the preview pipeline's first look", () => {
  it("is given the edited entry early, then the whole prepare's document, which is the same", async () => {
    const fixture = copyFixtures();
    const options = { year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), print: false };
    const build = async () => {
      const looks: ReportDocument[] = [];
      const result = await runEdition(options, { kind: "preview", firstLook: async (document) => void looks.push(document) });
      return { looks, result };
    };
    // The first build has no earlier prepare to start from.
    expect((await build()).looks).toHaveLength(1);

    fixture.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("for a year.", "for a year, as the early look test wrote."));
    const edited = await build();
    expect(edited.looks).toHaveLength(2);
    const [early, whole] = edited.looks;
    expect(JSON.stringify(early.sections.find((s) => s.id === "force/cumbria"))).toContain("as the early look test wrote.");
    expect(early).toEqual(whole);
    expect(whole).toEqual(edited.result.document);

    // The settings changed: no early look.
    fixture.edit("content/2024/report.yml", (t) => t.replace("Test fixture", "Test fixture, edited"));
    expect((await build()).looks).toHaveLength(1);
  }, 240_000);
});
