// The review sheet and a force's proof-pack pages, drawn with react-pdf in the report's type and colours.
import { Document, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { createContext, useContext, type ReactNode } from "react";
import { count } from "../domain/plural.ts";
import { pageGeometry, type PageGeometry } from "../../templates/geometry.tsx";
import { colours, space, type } from "../design/theme.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { registerFonts } from "../pdf/registerFonts.ts";
import { DraftContext, DraftMarksView, type DraftMarks } from "../../templates/draftMarks.tsx";
import { styles, textBlock } from "../../templates/styles.ts";
import type { ReviewSheet } from "./sheet.ts";

const cell = { fontSize: type.caption, lineHeight: 1.3, paddingRight: 4 };
const head = { ...cell, fontWeight: 600, color: colours.inkMuted };

export interface Column {
  label: string;
  /** Share of the text block's width. */
  width: number;
}

export function Table({ columns, rows }: { columns: Column[]; rows: string[][] }) {
  return (
    // The header row repeats on a continuation page (fixed): there the renderer draws it as an artifact.
    <View role="Table" style={{ marginBottom: space(0.75) }}>
      <View role="THead" fixed>
        <View role="TR" style={{ flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: colours.rule, paddingBottom: 2 }}>
          {columns.map((c) => (
            <Text key={c.label} role="TH" scope="Column" style={[head, { width: c.width * textBlock }]}>
              {c.label}
            </Text>
          ))}
        </View>
      </View>
      <View role="TBody">
        {rows.map((row, i) => (
          <View key={i} role="TR" style={{ flexDirection: "row", paddingVertical: 1.5, backgroundColor: i % 2 ? colours.zebra : colours.paper }} wrap={false}>
            {row.map((text, j) => (
              <Text key={j} role="TD" style={[cell, { width: columns[j].width * textBlock }]}>
                {text}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

export function Heading({ children }: { children: ReactNode }) {
  return (
    <Text role="H2" style={[styles.h3, { marginTop: space(0.75), marginBottom: space(0.35) }]} minPresenceAhead={4 * type.leading}>
      {children}
    </Text>
  );
}

export function Note({ children }: { children: ReactNode }) {
  return <Text style={[styles.caption, { marginBottom: space(0.5) }]}>{children}</Text>;
}

/** The edition's page geometry: a print draft's sheet and packs have its bleed and crop marks too. */
export const SheetGeometry = createContext<PageGeometry>(pageGeometry(false));

export function SheetPage({ title, kicker, children }: { title: string; kicker: string; children: ReactNode }) {
  const geometry = useContext(SheetGeometry);
  return (
    // Tagged as the book is: the page is a section read before the report, its title the H1.
    <Page role="Sect" title={title} size={geometry.size} style={[styles.page, geometry.pagePadding, { paddingBottom: geometry.pagePadding.paddingBottom + 6 }]}>
      <Text style={styles.kicker}>{kicker}</Text>
      <Text role="H1" style={[styles.h1, { fontSize: type.h2 + 3 }]}>{title}</Text>
      {children}
      <Text fixed artifact="Pagination" style={[styles.folio, geometry.folioPosition]} render={({ subPageNumber, subPageTotalPages }) => `${kicker} · ${subPageNumber} of ${subPageTotalPages}`} />
      <DraftMarksView bleed={geometry.bleed} />
      {geometry.cropMarks}
    </Page>
  );
}

const where = (d: Diagnostic) => [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((x) => x !== undefined).join(":");
const pageOf = (d: Diagnostic) => (d.page ? String(d.page) : "–");

export function findingRows(findings: Diagnostic[]): string[][] {
  return findings.map((d) => [pageOf(d), where(d), d.rule, d.message]);
}
export const findingColumns: Column[] = [
  { label: "Page", width: 0.05 },
  { label: "Where to fix", width: 0.45 },
  { label: "Check", width: 0.13 },
  { label: "Finding", width: 0.37 },
];

function SheetBody({ sheet }: { sheet: ReviewSheet }) {
  const c = sheet.changes;
  const spills = sheet.pageFit.filter((f) => f.spill);
  return (
    <SheetPage title={`Review sheet: draft ${sheet.draft}`} kicker={`Review sheet · draft ${sheet.draft}`}>
      <Note>
        {`Built ${sheet.builtAt.replace("T", " ").slice(0, 16)} UTC from content revision ${sheet.revision}. Page numbers are the report's own, as printed in the folios. ` +
          (c ? `Changes are marked against draft ${c.since}: added words underlined, removed words struck through, a bar in the outer margin of each changed page.` : "This is the first draft: nothing is marked as changed.")}
      </Note>
      {c ? (
        <>
          <Heading>{`What changed since draft ${c.since}`}</Heading>
          <Note>{`Pages with changes: ${c.pages.join(", ") || "none"}. Entries added: ${c.entries.added.join(", ") || "none"}; removed: ${c.entries.removed.join(", ") || "none"}; changed: ${c.entries.changed.join(", ") || "none"}.`}</Note>
          {c.figures.length ? (
            <Table
              columns={[
                { label: "Figure", width: 0.4 },
                { label: "Was", width: 0.15 },
                { label: "Now", width: 0.15 },
                { label: "Printed on page", width: 0.3 },
              ]}
              rows={c.figures.map((f) => [f.id, f.old ?? "(new)", f.new ?? "(removed)", f.pages.join(", ") || "–"])}
            />
          ) : (
            <Note>No printed figure changed.</Note>
          )}
          {c.charts.length ? (
            <Table
              columns={[
                { label: "Chart and value", width: 0.4 },
                { label: "Was", width: 0.15 },
                { label: "Now", width: 0.15 },
                { label: "Printed on page", width: 0.3 },
              ]}
              rows={c.charts.flatMap((ch) => ch.values.map((v) => [`${ch.id}: ${v.label}`, v.old ?? "(new)", v.new ?? "(removed)", ch.pages.join(", ") || "–"]))}
            />
          ) : null}
        </>
      ) : null}
      <Heading>{`Warnings (${sheet.warnings.length})`}</Heading>
      {sheet.warnings.length ? <Table columns={findingColumns} rows={findingRows(sheet.warnings)} /> : <Note>None.</Note>}
      <Heading>Page fit</Heading>
      <Note>
        {spills.length
          ? `${spills.length} of ${sheet.pageFit.length} forces run a few lines onto a last page; cutting about the words shown brings them back.`
          : `All ${sheet.pageFit.length} forces end on a page their text fills reasonably.`}
      </Note>
      <Table
        columns={[
          { label: "Force", width: 0.46 },
          { label: "Page", width: 0.1 },
          { label: "Pages", width: 0.1 },
          { label: "Last page full", width: 0.16 },
          { label: "To cut", width: 0.18 },
        ]}
        rows={sheet.pageFit.map((f) => [f.title, String(f.firstPage), String(f.pages), `${Math.round(f.lastPageFull * 100)} %`, f.spill ? `about ${f.spill.wordsToCut} words` : ""])}
      />
      <Heading>{`Proofing (${count(sheet.proofing.findings.length, "finding")}, ${sheet.proofing.silenced.total} silenced)`}</Heading>
      <Note>
        British spelling with the project word list (content/wordlist.txt), repeated words, doubled spaces, terms spelt more than one way and words to avoid. Silence a
        finding with {"<!-- review-ignore RULE -->"} on the line before it.
      </Note>
      {sheet.proofing.findings.length ? <Table columns={findingColumns} rows={findingRows(sheet.proofing.findings)} /> : <Note>None.</Note>}
    </SheetPage>
  );
}

/** The sheet as a tagged PDF in the report's language, for the draft to take its pages and their structure. */
export async function renderSheetPdf(sheet: ReviewSheet, draft: DraftMarks, print: boolean, language: string): Promise<Buffer> {
  await registerFonts();
  return renderToBuffer(
    <SheetGeometry.Provider value={pageGeometry(print)}>
      <DraftContext.Provider value={draft}>
        <Document tagged title={`Review sheet: draft ${sheet.draft}`} language={language}>
          <SheetBody sheet={sheet} />
        </Document>
      </DraftContext.Provider>
    </SheetGeometry.Provider>,
  );
}
