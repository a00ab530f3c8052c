// Visual regression: chosen pages of the 2024 build, rendered to images, against references kept in the repo.
// A real change (a moved chart, a new colour, a reflowed paragraph) fails; re-rendering the same build does not.
// After an intended change, look at the new images, then: UPDATE_VISUAL=1 npx vitest run tests/visual
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleBuild, type SampleBuild } from "../helpers/sampleBuild.ts";

let build: SampleBuild;
beforeAll(async () => {
  build = await sampleBuild();
});
const referenceDir = path.join(import.meta.dirname, "reference");
const update = process.env.UPDATE_VISUAL === "1";

function renderPage(pdf: string, page: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "report-visual-"));
  const prefix = path.join(dir, "page");
  execFileSync("pdftoppm", ["-png", "-r", "40", "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix]);
  return `${prefix}.png`;
}

/** Share of pixels that differ beyond anti-aliasing noise. */
function difference(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  const changed = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
  return changed / (a.width * a.height);
}

const chosen = [
  { name: "cover", section: "cover" },
  { name: "contents", section: "contents" },
  { name: "band-chart", section: "analysis/middle-management" },
  { name: "national-table", section: "analysis/national-representation" },
  { name: "force-avon-and-somerset", section: "force/avon-and-somerset" },
  { name: "force-guernsey-no-data", section: "force/guernsey" },
  { name: "back-cover", section: "back-page" },
];

describe("pages look as they did when last approved", () => {
  it.each(chosen)("$name", ({ name, section }) => {
    const pageNumber = section === "cover" ? 1 : build.pages[section];
    expect(pageNumber, `section ${section}`).toBeDefined();
    const rendered = renderPage(build.pdfFile, pageNumber);
    const reference = path.join(referenceDir, `${name}.png`);
    if (update) {
      copyFileSync(rendered, reference);
      throw new Error(`Kept ${rendered} as ${reference}; look at it, then run again without UPDATE_VISUAL.`);
    }
    if (!existsSync(reference)) throw new Error(`No reference image ${reference}; look at ${rendered}, then run with UPDATE_VISUAL=1 to keep it.`);
    const share = difference(PNG.sync.read(readFileSync(rendered)), PNG.sync.read(readFileSync(reference)));
    expect(share, `${name}: ${(share * 100).toFixed(2)} % of pixels changed; compare ${rendered} with ${reference}`).toBeLessThan(0.002);
  });
});
