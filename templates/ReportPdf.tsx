// The whole report as a react-pdf Document: one template per section kind, in document order.
import { Document, Page } from "@react-pdf/renderer";
import type { ReportDocument } from "../src/document/model.ts";
import type { ChartSet } from "./components/Chart.tsx";
import { pageGeometry } from "./geometry.tsx";
import { PrintEdition } from "./text/edition.tsx";
import { PageMarker } from "./components/PageFrame.tsx";
import type { PageLog } from "./pageLog.ts";
import { AnalysisPage } from "./pages/AnalysisPage.tsx";
import { BackPage } from "./pages/BackPage.tsx";
import { Contents } from "./pages/Contents.tsx";
import { Cover } from "./pages/Cover.tsx";
import { ForcePage } from "./pages/ForcePage.tsx";
import { ForcesWithoutEntries, groupsWithoutEntries } from "./pages/ForcesWithoutEntries.tsx";
import { PersonPage } from "./pages/PersonPage.tsx";

export interface ReportPdfProps {
  document: ReportDocument;
  charts: ChartSet;
  /** Page numbers from an earlier layout pass, for the contents. */
  pages: PageLog;
  /** Filled during this layout pass. */
  log: PageLog;
  print: boolean;
  creator: string;
  /** Lay out only these sections, without cover and contents (the preview's first look at an edit). */
  only?: ReadonlySet<string>;
  conformance?: string;
  date?: Date;
  /** Copyfit step per force section id, chosen by the renderer between passes (src/render/copyfit.ts). */
  fits?: Record<string, number>;
  /** A blank page before the back cover, so the page count is even and the back cover is a left page. */
  blankBeforeBack?: boolean;
}

export function ReportPdf({ document, charts, pages, log, print, creator, only, conformance, date, fits = {}, blankBeforeBack = false }: ReportPdfProps) {
  const geometry = pageGeometry(print);
  const { meta } = document;
  const header = meta.runningHeader;
  const grouped = groupsWithoutEntries(document.sections);
  const inGroup = new Set([...grouped.values()].flat().map((s) => s.id));
  return (
    <PrintEdition.Provider value={print}>
    <Document
      title={`${meta.title}: ${meta.editionLabel}`}
      author={meta.author}
      subject={meta.subject}
      keywords={meta.keywords.join(", ")}
      creator={creator}
      producer={creator}
      language={meta.language}
      // A fixed date keeps the same inputs giving the same bytes.
      creationDate={date ?? new Date(`${meta.publicationDate}T00:00:00Z`)}
      modificationDate={date ?? new Date(`${meta.publicationDate}T00:00:00Z`)}
      conformance={conformance as "PDF/A-2b" | undefined}
      pageMode="useOutlines"
    >
      {/* Cover and contents belong to the printed book, not to the document. */}
      {only ? null : <Cover meta={meta} bookmark={document.labels.cover} geometry={geometry} />}
      {only ? null : <Contents document={document} pages={pages} geometry={geometry} log={log} />}
      {document.sections.filter((section) => !only || only.has(section.id)).map((section) => {
        switch (section.kind) {
          case "foreword":
          case "summary":
            return <PersonPage key={section.id} id={section.id} outline={section.outlineTitle} title={section.title} person={section.person} body={section.body} runningHeader={header} geometry={geometry} log={log} />;
          case "analysis":
            return <AnalysisPage key={section.id} section={section} charts={charts} runningHeader={header} geometry={geometry} log={log} />;
          case "force": {
            const group = grouped.get(section.id);
            if (group) return <ForcesWithoutEntries key={section.id} forces={group} charts={charts} runningHeader={header} geometry={geometry} log={log} />;
            if (inGroup.has(section.id)) return null;
            return <ForcePage key={section.id} section={section} fit={fits[section.id] ?? 0} labels={document.labels} charts={charts} runningHeader={header} geometry={geometry} log={log} />;
          }
          case "back":
            return [
              blankBeforeBack ? (
                <Page key="blank" size={geometry.size}>
                  <PageMarker id="blank-before-back" log={log} />
                  {geometry.cropMarks}
                </Page>
              ) : null,
              <BackPage key={section.id} section={section} onlineEdition={meta.onlineEdition} runningHeader={header} geometry={geometry} log={log} />,
            ];
        }
      })}
    </Document>
    </PrintEdition.Provider>
  );
}
