// Issue 28: raw HTML between two HTML comments ("<!-- a --><b>x</b><!-- b -->" is one HTML node to
// remark) was dropped without a word. It is now a warning at its line; a comment alone still prints
// nothing and says nothing, and raw HTML on its own is still an error.
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { errorsAfter } from "../helpers/hostile.ts";

const entry = "content/2024/good-practice/cumbria.md";

function warningsAfter(addition: string) {
  const fixture = copyFixtures();
  fixture.edit(entry, (t) => `${t.trimEnd()}\n\n${addition}\n`);
  const { sink } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
  return sink.warnings;
}

describe("HTML comments in Markdown", () => {
  it("warns about raw HTML between two comments, at its line, naming what was left out", () => {
    const warnings = warningsAfter('<!-- a note --><img src="x.png" onerror="alert(1)"><!-- another -->');
    const warning = warnings.find((w) => w.rule === "html-between-comments");
    expect(warning?.file).toMatch(/cumbria\.md$/);
    expect(warning?.message).toMatch(/^Raw HTML \("<img src="x.png" onerror=.*between HTML comments is not printed; it was left out/);
    expect(warning?.line).toBeGreaterThan(1);
  });

  it("says nothing about comments alone, one or several", () => {
    const warnings = warningsAfter("<!-- review-ignore spelling --><!-- and another -->");
    expect(warnings.filter((w) => /html/.test(w.rule) || /HTML/.test(w.message))).toEqual([]);
  });

  it("keeps raw HTML outside comments an error", () => {
    const errors = errorsAfter(entry, (t) => `${t.trimEnd()}\n\n<div>raw</div><!-- note -->\n`);
    expect(errors).toEqual([expect.objectContaining({ rule: "unsupported-markdown", message: expect.stringMatching(/Raw HTML \("<div>raw<\/div>/) })]);
  });
});
