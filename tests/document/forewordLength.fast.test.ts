// A foreword is one page: past about 440 words it runs onto a second whatever its size, and says so.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const lead = "content/2024/forewords/lead.md";

function warningsFor(words: number) {
  const fixture = copyFixtures();
  // Two paragraphs of plain words below the front matter (which ends on line 7).
  const half = Array.from({ length: Math.floor(words / 2) }, () => "policing").join(" ");
  const rest = Array.from({ length: words - Math.floor(words / 2) }, () => "policing").join(" ");
  fixture.edit(lead, (t) => t.replace(/\n---\n[\s\S]*$/, `\n---\n${half}\n\n${rest}\n`));
  const { sink } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
  return { warnings: sink.warnings.filter((w) => w.rule === "long-foreword"), file: path.join(fixture.root, lead) };
}

describe("a foreword's length", () => {
  it("over 440 words is a warning at the file's text, naming its length", () => {
    const { warnings, file } = warningsFor(441);
    expect(warnings).toEqual([expect.objectContaining({ severity: "warning", file, line: 8, rule: "long-foreword" })]);
    expect(warnings[0].message).toContain("The foreword runs to 441 words; its page holds about 440");
  });

  it("of 440 words is not", () => {
    expect(warningsFor(440).warnings).toEqual([]);
  });
});
