// The whole report as a react-pdf Document: one template per section kind, in document order.
import { Document } from "@react-pdf/renderer";
import type { ReportDocument } from "../src/document/model.ts";
import type { ChartSet } from "./components/Chart.tsx";
import { pageGeometry } from "./geometry.tsx";
import type { PageLog } from "./pageLog.ts";
import { AnalysisPage } from "./pages/AnalysisPage.tsx";
import { BackPage } from "./pages/BackPage.tsx";
import { Contents } from "./pages/Contents.tsx";
import { Cover } from "./pages/Cover.tsx";
import { ForcePage } from "./pages/ForcePage.tsx";
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
  conformance?: string;
  date?: Date;
}

export function ReportPdf({ document, charts, pages, log, print, creator, conformance, date }: ReportPdfProps) {
  const geometry = pageGeometry(print);
  const { meta } = document;
  const header = meta.runningHeader;
  return (
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
      {document.sections.map((section) => {
        switch (section.kind) {
          case "cover":
            return <Cover key={section.id} section={section} geometry={geometry} />;
          case "contents":
            return <Contents key={section.id} document={document} pages={pages} geometry={geometry} log={log} />;
          case "foreword":
          case "summary":
            return <PersonPage key={section.id} id={section.id} title={section.title} person={section.person} body={section.body} runningHeader={header} geometry={geometry} log={log} />;
          case "analysis":
            return <AnalysisPage key={section.id} section={section} charts={charts} runningHeader={header} geometry={geometry} log={log} />;
          case "force":
            return <ForcePage key={section.id} section={section} charts={charts} runningHeader={header} geometry={geometry} log={log} />;
          case "back":
            return <BackPage key={section.id} section={section} onlineEdition={meta.onlineEdition} runningHeader={header} geometry={geometry} log={log} />;
        }
      })}
    </Document>
  );
}
