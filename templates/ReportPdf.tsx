// The report as react-pdf Documents: the whole book in one (final editions), or one part of it at a
// time (every other build lays each part out on its own and joins them: src/render/layoutParts.tsx).
// One template per section kind, in document order.
import { Document, Page } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { ReportDocument, Section } from "../src/document/model.ts";
import type { ChartSet } from "./components/Chart.tsx";
import { pageGeometry, type PageGeometry } from "./geometry.tsx";
import { PrintEdition } from "./text/edition.tsx";
import { PageMarker } from "./components/PageFrame.tsx";
import type { PageLog } from "./pageLog.ts";
import { FoliosInPlace } from "./folios.tsx";
import { fonts } from "../src/design/theme.ts";
import { AnalysisPage, followersOf, followsOnPage } from "./pages/AnalysisPage.tsx";
import { BackPage } from "./pages/BackPage.tsx";
import { Contents } from "./pages/Contents.tsx";
import { Cover } from "./pages/Cover.tsx";
import { Divider, dividersOf, type DividerPart } from "./pages/Divider.tsx";
import { ForcePage } from "./pages/ForcePage.tsx";
import { ForcesWithoutEntries, groupsWithoutEntries } from "./pages/ForcesWithoutEntries.tsx";
import { PersonPage } from "./pages/PersonPage.tsx";

/** A part of the book that starts on a page of its own: what is laid out, kept and joined. */
export type BookPart = { kind: "cover" } | { kind: "contents" } | DividerPart | { kind: "section"; id: string } | { kind: "blank" };

/** The book's parts in order. Forces without entries that share a page are one part, named by the first. */
export function bookParts(document: ReportDocument, blankBeforeBack = false): BookPart[] {
  const inGroup = new Set([...groupsWithoutEntries(document.sections).entries()].flatMap(([lead, forces]) => forces.map((f) => f.id).filter((id) => id !== lead)));
  const parts: BookPart[] = [{ kind: "cover" }, { kind: "contents" }];
  const dividers = dividersOf(document);
  for (const [i, section] of document.sections.entries()) {
    if (inGroup.has(section.id) || followsOnPage(section, document.sections[i - 1])) continue;
    if (section.kind === "back" && blankBeforeBack) parts.push({ kind: "blank" });
    parts.push(...dividers.filter((d) => d.before === section.id));
    parts.push({ kind: "section", id: section.id });
  }
  return parts;
}

export interface ReportPdfProps {
  document: ReportDocument;
  charts: ChartSet;
  /** Page numbers from an earlier layout pass (or the parts already laid out), for the contents. */
  pages: PageLog;
  /** Filled during this layout pass. */
  log: PageLog;
  print: boolean;
  creator: string;
  date?: Date;
  /** Copyfit step per force section id, chosen by the renderer between passes (src/render/copyfit.ts). */
  fits?: Record<string, number>;
  /** Given the laid-out tree react-pdf draws the PDF from (src/render/inspectLayout.ts reads it). */
  onLayout?: (layout: unknown) => void;
}

/** The document's metadata, written by react-pdf here and by the joiner for a book joined from parts. */
export function reportMetadata(document: ReportDocument, creator: string, date?: Date) {
  const { meta } = document;
  const when = date ?? new Date(`${meta.publicationDate}T00:00:00Z`);
  return {
    title: `${meta.title}: ${meta.editionLabel}`,
    author: meta.author,
    subject: meta.subject,
    keywords: meta.keywords.join(", "),
    creator,
    producer: creator,
    language: meta.language,
    // A fixed date keeps the same inputs giving the same bytes.
    creationDate: when,
    modificationDate: when,
  };
}

function Shell({ document, props, children }: { document: ReportDocument; props: ReportPdfProps; children: ReactNode }) {
  return (
    <PrintEdition.Provider value={props.print}>
      <Document
        tagged
        {...reportMetadata(document, props.creator, props.date)}
        pageMode="useOutlines"
        // react-pdf passes its layout to onRender under an internal name; the layout stage pins react-pdf's version.
        onRender={props.onLayout && ((rendered) => props.onLayout!((rendered as { _INTERNAL__LAYOUT__DATA_?: unknown })._INTERNAL__LAYOUT__DATA_))}
      >
        {children}
      </Document>
    </PrintEdition.Provider>
  );
}

function PartPages({ part, props, geometry }: { part: BookPart; props: ReportPdfProps; geometry: PageGeometry }) {
  const { document, charts, log, fits = {} } = props;
  const header = document.meta.runningHeader;
  switch (part.kind) {
    case "cover":
      return <Cover meta={document.meta} bookmark={document.labels.cover} geometry={geometry} />;
    case "contents":
      return <Contents document={document} pages={props.pages} geometry={geometry} log={log} />;
    case "blank":
      // Printed as a book, the back cover must be an even (left-hand) page.
      return (
        // The theme's family, so the marker's empty text does not embed react-pdf's default Helvetica.
        <Page size={geometry.size} style={{ fontFamily: fonts.family }}>
          <PageMarker id="blank-before-back" log={log} />
          {geometry.cropMarks}
        </Page>
      );
    case "divider":
      return <Divider part={part} geometry={geometry} log={log} />;
    case "section":
      break;
  }
  const section = document.sections.find((s) => s.id === part.id) as Section;
  switch (section.kind) {
    case "foreword":
    case "summary":
      return <PersonPage kind={section.kind} id={section.id} outline={section.outlineTitle} title={section.title} person={section.person} body={section.body} keyFigures={section.kind === "summary" ? section.keyFigures : null} pullQuote={section.kind === "foreword" ? section.pullQuote : null} runningHeader={header} geometry={geometry} log={log} />;
    case "analysis":
      // With the short sections that follow it on its page (followsOnPage).
      return <AnalysisPage section={section} followers={followersOf(document.sections, section)} charts={charts} runningHeader={header} geometry={geometry} log={log} />;
    case "force": {
      const group = groupsWithoutEntries(document.sections).get(section.id);
      if (group) return <ForcesWithoutEntries forces={group} charts={charts} runningHeader={header} geometry={geometry} log={log} />;
      return <ForcePage section={section} fit={fits[section.id] ?? 0} labels={document.labels} charts={charts} runningHeader={header} geometry={geometry} log={log} />;
    }
    case "back":
      return <BackPage section={section} onlineEdition={document.meta.onlineEdition} runningHeader={header} geometry={geometry} log={log} />;
  }
}

/**
 * Some parts of the book in a document of their own. They cannot know the page they start on, so
 * their pages record where folios go instead of drawing them (templates/folios.tsx), and the pages
 * their sections start on are counted from 1.
 */
export function PartsPdf(props: ReportPdfProps & { parts: BookPart[] }) {
  const geometry = pageGeometry(props.print);
  return (
    <Shell document={props.document} props={props}>
      <FoliosInPlace.Provider value={false}>
        {props.parts.map((part) => (
          <PartPages key={part.kind === "section" || part.kind === "divider" ? part.id : part.kind} part={part} props={props} geometry={geometry} />
        ))}
      </FoliosInPlace.Provider>
    </Shell>
  );
}
