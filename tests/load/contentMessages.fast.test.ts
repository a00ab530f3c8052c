// Content slips that used to pass silently or be told vaguely, as `npm run check` prints them: an entry
// file named for another (or a misspelt) force, a required front-matter field removed or renamed.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";


/** `npm run check -- --data … --content …`, through the command line's one entry, in-process. */
async function check(args: string[]) {
  const err: string[] = [];
  const status = await main(["check", ...args], { out: () => {}, err: (t) => err.push(...t.split("\n")) });
  return { status, lines: err };
}

describe("an entry file named for another force", () => {
  it("warns at the force line with the file name expected; numbered names like north-wales-1.md do not warn", async () => {
    const fixture = copyFixtures();
    const dir = path.join(fixture.contentDir, "2024", "good-practice");
    writeFileSync(path.join(dir, "avon-and-somerst.md"), "---\nforce: Avon and Somerset Constabulary\ntitle: A misnamed entry\nlede: Its file name is misspelt.\n---\nText.\n");
    // A second Cumbria entry under another name: the name expected is the next free number.
    writeFileSync(path.join(dir, "cumbria-mentoring.md"), "---\ntitle: A second Cumbria entry\nforce: cumbria\nlede: Named after its subject.\n---\nText.\n");
    writeFileSync(path.join(dir, "kent-1.md"), "---\nforce: Kent Police\ntitle: First\nlede: One.\n---\nText.\n");
    writeFileSync(path.join(dir, "kent-2.md"), "---\nforce: kent\ntitle: Second\nlede: Two.\norder: 2\n---\nText.\n");
    const r = await check(["--data", fixture.dataDir, "--content", fixture.contentDir]);
    expect(r.status).toBe(0);
    const named = r.lines.filter((l) => l.endsWith("[entry-file-name]"));
    expect(named).toEqual([
      `${path.join(dir, "avon-and-somerst.md")}:2:1: warning: This entry is about Avon and Somerset Constabulary (force: Avon and Somerset Constabulary), but its file is named avon-and-somerst.md; rename it avon-and-somerset.md, the name of its force's entries. [entry-file-name]`,
      `${path.join(dir, "cumbria-mentoring.md")}:3:1: warning: This entry is about Cumbria Constabulary (force: cumbria), but its file is named cumbria-mentoring.md; rename it cumbria-2.md, the name of its force's entries. [entry-file-name]`,
    ]);
  }, 60_000);

  it("the sample edition, whose North Wales entries are north-wales-1.md and north-wales-2.md, has no such warning", async () => {
    const r = await check([]);
    expect(r.status).toBe(0);
    expect(r.lines.filter((l) => l.includes("[entry-file-name]"))).toEqual([]);
  }, 60_000);
});

describe("a required front-matter field removed or renamed", () => {
  const entry = "content/2024/good-practice/cumbria.md";

  it("renamed to something unlike it: says the field is missing, at the line of the field that was probably meant", async () => {
    const fixture = copyFixtures();
    const file = fixture.edit(entry, (t) => t.replace("title: A fixture entry", "headline: A fixture entry"));
    const r = await check(["--data", fixture.dataDir, "--content", fixture.contentDir]);
    expect(r.status).toBe(1);
    expect(r.lines.filter((l) => l.includes("[schema]"))).toEqual([
      `${file}:3:1: error: title is missing: expected the entry's headline (text). "headline" on this line is not a field here; if it was meant as title, rename it. [schema]`,
    ]);
  }, 60_000);

  it("removed: says it is missing, where the front matter starts, and what to add", async () => {
    const fixture = copyFixtures();
    const file = fixture.edit(entry, (t) => t.replace(/^title: .*\n/m, ""));
    const r = await check(["--data", fixture.dataDir, "--content", fixture.contentDir]);
    expect(r.lines.filter((l) => l.includes("[schema]"))).toEqual([`${file}:1:1: error: title is missing: expected the entry's headline (text). Add a line beginning "title:". [schema]`]);
  }, 60_000);

  it("a misspelling is one message at its line, not a missing title and an unknown field", async () => {
    const fixture = copyFixtures();
    const file = fixture.edit(entry, (t) => t.replace("title: A fixture entry", "titel: A fixture entry"));
    const r = await check(["--data", fixture.dataDir, "--content", fixture.contentDir]);
    expect(r.lines.filter((l) => l.includes("[schema]"))).toEqual([
      `${file}:3:1: error: title is missing: expected the entry's headline (text). "titel" on this line is not a field here; if it was meant as title, rename it. [schema]`,
    ]);
  }, 60_000);

  it("two removed and two unknown: each missing field names the unknown ones it might be", async () => {
    const fixture = copyFixtures();
    const file = fixture.edit(entry, (t) => t.replace("title: A fixture", "headline: A fixture").replace("lede: Cumbria", "intro: Cumbria"));
    const r = await check(["--data", fixture.dataDir, "--content", fixture.contentDir]);
    expect(r.lines.filter((l) => l.includes("[schema]"))).toEqual([
      `${file}:1:1: error: title is missing: expected the entry's headline (text). Add a line beginning "title:", or rename the one of "headline", "intro" (not fields here) that was meant as title. [schema]`,
      `${file}:1:1: error: lede is missing: expected the opening paragraph (text). Add a line beginning "lede:", or rename the one of "headline", "intro" (not fields here) that was meant as lede. [schema]`,
      `${file}:3:1: error: "headline", "intro" are not fields here. The fields allowed here are: force, title, lede, order, links, sample. [schema]`,
    ]);
  }, 60_000);
});
