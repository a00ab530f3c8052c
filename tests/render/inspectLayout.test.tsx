// The copyfitting rule reads each part's pages from react-pdf's layout (src/render/inspectLayout.ts). These
// tests read the same parts' PDFs with pdf.js, as a viewer would, and expect the same facts: how full each
// page is, a word broken across a page turn, a heading left at a page's foot, the words on a last page.
import { renderToBuffer } from "@react-pdf/renderer";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareCached } from "../../src/build/build.ts";
import { noCache } from "../../src/cache/stageCache.ts";
import { realPath } from "../../src/document/bindings.ts";
import { chartFigures, type ReportDocument } from "../../src/document/model.ts";
import { countPages } from "../../src/pdf/countPages.ts";
import { registerFonts } from "../../src/pdf/registerFonts.ts";
import { inspectLayout, type PageInspection } from "../../src/render/inspectLayout.ts";
import { AssetContext } from "../../templates/assets.tsx";
import { renderFigures } from "../../templates/charts/renderFigures.ts";
import { printOffset } from "../../templates/geometry.tsx";
import { PageLog } from "../../templates/pageLog.ts";
import { bookParts, PartsPdf, type BookPart } from "../../templates/ReportPdf.tsx";
import { chartWidths } from "../../templates/styles.ts";
import { inspectPages } from "../helpers/inspectPdfPages.ts";
import { planForce } from "../../src/render/forceColumns.tsx";
import { layOut, sectionsOf } from "../../src/render/layoutParts.tsx";
import { ForceFlows, type EntryFlow } from "../../templates/pages/ForcePage.tsx";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const roots = { contentDir: path.join(root, "content"), dataDir: path.join(root, "data") };

async function readBoth(document: ReportDocument, charts: Awaited<ReturnType<typeof renderFigures>>, part: BookPart, print: boolean) {
  let layout: unknown;
  const resolve = (logical: string) => realPath(logical, roots);
  // A force's entries are set in columns planned beforehand, as the build plans them (src/render/forceColumns.tsx).
  const flows = new Map<string, EntryFlow[]>();
  for (const section of sectionsOf(part, document)) {
    if (section.kind === "force" && section.entries.length > 0) flows.set(section.id, await planForce(section, 0, document, charts, print, (element) => layOut({ steps: {}, keepWhole: [], keepWithNext: [] }, resolve, element), new Set(), roots));
  }
  const pdf = await renderToBuffer(
    <AssetContext.Provider value={resolve}>
      <ForceFlows.Provider value={flows}>
        <PartsPdf document={document} charts={charts} pages={new PageLog()} log={new PageLog()} print={print} creator="" parts={[part]} onLayout={(tree) => (layout = tree)} />
      </ForceFlows.Provider>
    </AssetContext.Provider>,
  );
  const offset = print ? printOffset : 0;
  // Every part's page count is compared; pdf.js reads only a part that runs over a page, the ones whose
  // pages are compared (reading the single-page parts was a third of the suite's time).
  const pdfPages = countPages(pdf);
  return { fromLayout: inspectLayout(layout, offset), pdfPages, fromPdf: pdfPages > 1 ? await inspectPages(pdf, offset) : [] };
}

describe("reading a part's pages from its layout", () => {
  let document: ReportDocument;
  let charts: Awaited<ReturnType<typeof renderFigures>>;
  beforeAll(async () => {
    ({ document } = await prepareCached({ year: 2024, ...roots, outDir: "", print: false }, noCache()));
    charts = await renderFigures(chartFigures(document), { widths: chartWidths });
    await registerFonts();
  }, 60_000);

  // The print edition lays out the same pages shifted by the bleed: it is read again only for the parts
  // the screen edition found running over a page (all parts when the screen test did not run).
  let multiPage: Set<string> | null = null;
  const partKey = (part: BookPart) => (part.kind === "section" ? part.id : part.kind);

  for (const print of [false, true]) {
    it(`agrees with pdf.js on every page of every multi-page part of the 2024 sample${print ? " (print edition)" : ""}`, async () => {
      let pages = 0;
      const found = new Set<string>();
      for (const part of bookParts(document)) {
        if (print && multiPage && !multiPage.has(partKey(part))) continue;
        const { fromLayout, pdfPages, fromPdf } = await readBoth(document, charts, part, print);
        expect(fromLayout.length).toBe(pdfPages);
        if (pdfPages < 2) continue;
        expect(fromPdf.length).toBe(pdfPages);
        found.add(partKey(part));
        fromPdf.forEach((viewer: PageInspection, i) => {
          const mine = fromLayout[i];
          const where = `${part.kind === "section" ? part.id : part.kind} p. ${i + 1}`;
          pages++;
          // pdf.js sees words only: where a chart ends the page, the layout measures to the drawing's foot,
          // a few points (the descent of its lowest words, rounded up) below what pdf.js finds.
          const endsInChart = part.kind === "section" && part.id.startsWith("analysis/") && mine.fill > viewer.fill + 1e-4;
          if (endsInChart) expect(mine.fill - viewer.fill, where).toBeLessThan(0.008);
          else expect(mine.fill, where).toBeCloseTo(viewer.fill, 4);
          expect(mine.brokenWord, where).toEqual(viewer.brokenWord);
          expect(mine.headingAtFoot, where).toBe(viewer.headingAtFoot);
          // A last page's words are what the stranded-tail warning asks to cut (a force's entry). On a page of
          // charts pdf.js also counts the charts' words, which the layout leaves to the drawing.
          if (i === fromPdf.length - 1 && !(part.kind === "section" && part.id.startsWith("analysis/"))) expect(mine.words, where).toBe(viewer.words);
        });
      }
      expect(pages).toBeGreaterThanOrEqual(15);
      if (!print) multiPage = found;
    }, 120_000);
  }
});
