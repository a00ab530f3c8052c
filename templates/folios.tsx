// Page numbers and a draft's marks. A page laid out on its own (a test's single page) draws its own
// number. The book is laid out a part at a time (every edition), and a part cannot know which page of the book it starts on, so
// its pages only record that they carry a number, and the numbers and draft marks are laid out once,
// as a document of overlays that the joiner draws over the book's pages (src/render/joinParts.ts).
// Either way a folio is the same text in the same place.
import { Document, Page, Text } from "@react-pdf/renderer";
import { createContext, useContext } from "react";
import { DraftContext, DraftMarksView, type DraftMarks } from "./draftMarks.tsx";
import type { PageGeometry } from "./geometry.tsx";
import type { PageLog } from "./pageLog.ts";
import { styles } from "./styles.ts";

/** True: each page draws its number. False: pages record that they carry one (in the PageLog). */
export const FoliosInPlace = createContext(true);

export function Folio({ geometry, log }: { geometry: PageGeometry; log: PageLog }) {
  const inPlace = useContext(FoliosInPlace);
  if (inPlace) return <Text fixed artifact="Pagination" style={[styles.folio, geometry.folioPosition]} render={({ pageNumber }) => String(pageNumber)} />;
  return (
    <Text
      fixed
      artifact
      style={{ fontSize: 1, height: 0, lineHeight: 0 }}
      render={({ pageNumber }) => {
        log.folios.add(pageNumber);
        return " ";
      }}
    />
  );
}

export interface OverlayPage {
  /** The number printed at the page's foot, or null for a page without one (covers, a blank page). */
  folio: number | null;
}

// The page's type, without its paper: an overlay is drawn over a page and must leave it showing.
const { backgroundColor: _paper, ...overlayStyle } = styles.page;

/** One overlay page per page of the book, in order: its folio and, in a draft, the draft's marks. */
export function OverlaysPdf({ pages, geometry, draft }: { pages: OverlayPage[]; geometry: PageGeometry; draft: DraftMarks | null }) {
  return (
    // A fixed date: react-pdf would write the time of the build, and the same book must give the same bytes.
    <Document creationDate={new Date(0)} modificationDate={new Date(0)}>
      <DraftContext.Provider value={draft}>
        {pages.map((overlay, i) => (
          <Page key={i} size={geometry.size} style={overlayStyle}>
            {overlay.folio !== null ? <Text style={[styles.folio, geometry.folioPosition]}>{String(overlay.folio)}</Text> : null}
            <DraftMarksView bleed={geometry.bleed} />
          </Page>
        ))}
      </DraftContext.Provider>
    </Document>
  );
}
