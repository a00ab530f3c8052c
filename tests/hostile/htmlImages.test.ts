// Issue 28: the HTML edition gives each picture a file of its own. Names that fold to the same anchor
// ("a b.png" and "a-b.png") or differ only in case ("c.PNG" and "c.png") used to be written to one file,
// so one picture showed under the other's alt text.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { chartFigures } from "../../src/document/model.ts";
import { renderHtml } from "../../src/render/renderHtml.ts";
import { renderFigures } from "../../templates/charts/renderFigures.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { png } from "../helpers/hostile.ts";

describe("HTML image names", () => {
  it("keep pictures whose names fold alike apart, each under its own alt text", async () => {
    const fixture = copyFixtures();
    const images = path.join(fixture.contentDir, "2024/good-practice/images");
    const pictures: [string, string, Buffer][] = [
      ["a b.png", "Left", png(3, 3)],
      ["a-b.png", "Right", png(4, 4)],
      ["c.PNG", "Upper", png(5, 5)],
      ["c.png", "Lower", png(6, 6)],
    ];
    for (const [name, , bytes] of pictures) writeFileSync(path.join(images, name), bytes);
    fixture.edit("content/2024/good-practice/cumbria.md", (t) => t + pictures.map(([name, alt]) => `\n![${alt}](<images/${name}>)\n`).join(""));
    const roots = { dataDir: fixture.dataDir, contentDir: fixture.contentDir };
    const { document } = prepare({ year: 2024, ...roots });
    const files = renderHtml(document, { charts: await renderFigures(chartFigures(document)), pdf: Buffer.from("%PDF"), roots });
    const page = String(files["force-cumbria.html"]);
    const sources = pictures.map(([, alt]) => new RegExp(`<img src="([^"]+)" alt="${alt}">`).exec(page)?.[1]);
    // Four files, no two equal even ignoring case, each holding the picture written under that alt text.
    expect(new Set(sources.map((s) => s?.toLowerCase())).size).toBe(4);
    pictures.forEach(([, , bytes], i) => expect(files[sources[i]!]).toEqual(bytes));
  });
});
