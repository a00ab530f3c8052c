// The preview's early look (src/build/prepareCached.ts earlyDocument): a save that changed only entries'
// words gets its forces' sections assembled on the last prepare, before the whole prepare runs. The look
// must be the whole prepare's document exactly, or none at all.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { earlyDocument, prepareCached } from "../../src/build/prepareCached.ts";
import { noCache } from "../../src/cache/stageCache.ts";
import { BuildError } from "../../src/diagnostics/diagnostic.ts";
import type { ReportDocument } from "../../src/document/model.ts";
import { editionInputs } from "../../src/load/editionInputs.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

/** A fixture edition prepared once (the base of the early look), and what an edit to it gives early. */
async function preparedFixture() {
  const fixture = copyFixtures();
  const options = { year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir };
  const before = (await prepareCached(options, noCache())).document;
  const early = () => earlyDocument(options, editionInputs(options.dataDir, options.contentDir, options.year), noCache());
  const whole = async () => (await prepareCached(options, noCache())).document;
  return { fixture, before, early, whole };
}

const cumbria = "content/2024/good-practice/cumbria.md";

const entryText = (document: ReportDocument, force: string) => JSON.stringify(document.sections.find((s) => s.id === `force/${force}`));

describe("the preview's early look at an edited entry", () => {
  it("is the whole prepare's document: the edited force's section made again, figures, quotes and lede included", async () => {
    const { fixture, before, early, whole } = await preparedFixture();
    fixture.edit(cumbria, (t) =>
      t.replace("lede: Cumbria ran a mentoring scheme for the tests.", "lede: Cumbria's 'new' mentoring scheme.").replace("for a year.", 'for a year, with "{{ year }}" in view.'),
    );
    const look = await early();
    expect(look).not.toBeNull();
    expect(look).toEqual(await whole());
    // The edit is in it, typeset as the whole build sets it, and the other sections are as they were.
    expect(entryText(look!, "cumbria")).toContain('" for a year, with \u201c"},{"type":"figure","binding":"entry/cumbria/figure-1","text":"2024"},{"type":"text","value":"\u201d in view."}');
    expect(look!.bindings["entry/cumbria/figure-1"]).toMatchObject({ expression: "year", value: 2024 });
    expect(entryText(look!, "cumbria")).toContain("Cumbria\u2019s \u2018new\u2019 mentoring scheme.");
    expect(look!.sections.filter((s) => s.id !== "force/cumbria")).toEqual(before.sections.filter((s) => s.id !== "force/cumbria"));
  });

  it("is made for several entries edited in one save", async () => {
    const { fixture, early, whole } = await preparedFixture();
    fixture.edit(cumbria, (t) => t.replace("for a year.", "for a year and a day."));
    fixture.edit("content/2024/good-practice/guernsey.md", (t) => t.replace("Guernsey's body text.", "Guernsey's longer body text."));
    const look = await early();
    expect(look).toEqual(await whole());
    expect(entryText(look!, "cumbria")).toContain("for a year and a day.");
    expect(entryText(look!, "guernsey")).toContain("longer body text.");
  });

  it("is not made when the edit could mislead it: an error, another force or order, a new file, data or settings changed, or nothing", async () => {
    const cases: [string, (fixture: ReturnType<typeof copyFixtures>) => void][] = [
      ["an unknown name in {{ }}", (f) => f.edit(cumbria, (t) => t.replace("for a year.", "for {{ noSuchFigure }}."))],
      ["braces in the front matter", (f) => f.edit(cumbria, (t) => t.replace("title: A fixture entry", "title: A {{ year }} entry"))],
      ["another force", (f) => f.edit(cumbria, (t) => t.replace("force: Cumbria", "force: guernsey"))],
      ["another order", (f) => f.edit(cumbria, (t) => t.replace("sample: true", "sample: true\norder: 2"))],
      ["a new entry", (f) => writeFileSync(path.join(f.contentDir, "2024/good-practice/cumbria-2.md"), "---\nforce: Cumbria\ntitle: Another\nlede: Another one.\n---\nMore words.\n")],
      ["a data file", (f) => f.edit("data/2024/about.yml", (t) => `${t}\n# a comment\n`)],
      ["the settings", (f) => f.edit("content/2024/report.yml", (t) => t.replace("Test fixture", "Test fixture two"))],
      ["a foreword", (f) => f.edit("content/2024/forewords/lead.md", (t) => `${t}\nOne more line.\n`)],
      ["nothing", () => {}],
    ];
    for (const [what, change] of cases) {
      const { fixture, early } = await preparedFixture();
      change(fixture);
      expect(await early(), what).toBeNull();
    }
  });

  it("leaves an entry that cannot be read to the whole prepare, which reports it", async () => {
    const { fixture, early, whole } = await preparedFixture();
    fixture.edit(cumbria, (t) => t.replace("force: Cumbria", "force: [unclosed"));
    expect(await early()).toBeNull();
    const failed = await whole().catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(BuildError);
    expect((failed as BuildError).diagnostics.map((d) => d.file)).toContain(path.join(fixture.contentDir, "2024/good-practice/cumbria.md"));
  });
});

describe("what the prepare stage keeps between builds in one process", () => {
  it("sees each edit to a file's front matter and keeps a portrait's checked path out of the next build", async () => {
    const { fixture, whole } = await preparedFixture();
    fixture.edit(cumbria, (t) => t.replace("title: A fixture entry about mentoring", "title: A retitled entry"));
    const edited = await whole();
    expect(entryText(edited, "cumbria")).toContain("A retitled entry");
    // Prepared again unchanged, the document is the same (nothing kept was changed by the build before).
    expect(await whole()).toEqual(edited);
  });

  it("computes the statistics once for data that did not change, and again when it does", async () => {
    const fixture = copyFixtures();
    const options = { year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir };
    const first = await prepareCached(options, noCache());
    fixture.edit(cumbria, (t) => `${t}\nA new line.\n`);
    const second = await prepareCached(options, noCache());
    expect(second.statistics).toBe(first.statistics);
    fixture.edit("data/2024/about.yml", (t) => `${t}\n# a comment\n`);
    const third = await prepareCached(options, noCache());
    expect(third.statistics).not.toBe(first.statistics);
    expect(third.statistics).toEqual(first.statistics);
  });
});
