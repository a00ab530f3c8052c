// The overlay document: one page per page of the book with its folio and, in a draft, the draft's marks
// (templates/folios.tsx), kept under a hash of what it shows. The joiner draws it over the book.
import { renderToBuffer } from "@react-pdf/renderer";
import { codeVersion } from "../cache/codeVersion.ts";
import { hashOf, type StageCache } from "../cache/stageCache.ts";
import { registerFonts } from "../pdf/registerFonts.ts";
import type { DraftMarks } from "../../templates/draftMarks.tsx";
import { OverlaysPdf, type OverlayPage } from "../../templates/folios.tsx";
import { pageGeometry } from "../../templates/geometry.tsx";

export async function layoutOverlays(pages: OverlayPage[], options: { print: boolean; draft?: DraftMarks; cache: StageCache }): Promise<Buffer> {
  const key = hashOf(codeVersion(), JSON.stringify([pages, options.print, options.draft ?? null]));
  const kept = options.cache.getBytes("part", key);
  if (kept) return kept;
  await registerFonts();
  const pdf = await renderToBuffer(<OverlaysPdf pages={pages} geometry={pageGeometry(options.print)} draft={options.draft ?? null} />);
  options.cache.setBytes("part", key, pdf);
  return pdf;
}
