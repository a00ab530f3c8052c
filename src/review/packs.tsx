// Proof packs: for each force, its pages as they will print, then a page of its figures (each printed
// figure with where it came from, and the rows it was computed from as the force sent them, this year's
// and last year's) and the review-sheet lines that concern it. One PDF per force, for its sign-off.
import { Document, View, renderToBuffer } from "@react-pdf/renderer";
import { parse } from "csv-parse/sync";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { count } from "../domain/plural.ts";
import type { Binding, ReportDocument, Section } from "../document/model.ts";
import { registerFonts } from "../pdf/registerFonts.ts";
import { cutTaggedPdfs, type TaggedCut } from "../pdf/taggedPages.ts";
import { countPages } from "../pdf/countPages.ts";
import { DraftContext, type DraftMarks } from "../../templates/draftMarks.tsx";
import type { ReactNode } from "react";
import { PageMarker } from "../../templates/components/PageFrame.tsx";
import { PageLog } from "../../templates/pageLog.ts";
import type { LayoutMap } from "./layoutMap.ts";
import type { ReviewSheet } from "./sheet.ts";
import { findingColumns, findingRows, Heading, Note, SheetGeometry, SheetPage, Table } from "./sheetPdf.tsx";
import { pageGeometry } from "../../templates/geometry.tsx";
import { sectionUnits } from "./units.ts";

type ForceSection = Extract<Section, { kind: "force" }>;

/** The bindings a force's pages print, and its row of the national change table. */
export function forceBindings(document: ReportDocument, section: ForceSection): Binding[] {
  const ids = new Set(sectionUnits(section).flatMap((u) => u.bindings));
  for (const id of Object.keys(document.bindings)) if (id.startsWith(`table/change/${section.slug}/`)) ids.add(id);
  return [...ids].map((id) => document.bindings[id]).filter((b): b is Binding => Boolean(b));
}

function lineNumbers(spec: string): number[] {
  return spec.split(",").flatMap((part) => {
    const [a, b] = part.split("-").map(Number);
    return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i);
  });
}

/** The rows behind the figures, per data file, as the file holds them (its header first). */
export function sourceRows(bindings: Binding[], dataDir: string): { file: string; header: string[]; rows: { line: number; cells: string[] }[] }[] {
  const wanted = new Map<string, Set<number>>();
  for (const b of bindings) for (const d of b.data) for (const n of lineNumbers(d.lines)) wanted.set(d.file, (wanted.get(d.file) ?? new Set()).add(n));
  return [...wanted.entries()]
    .sort((a, b) => b[0].localeCompare(a[0]))
    .flatMap(([file, lines]) => {
      const real = path.join(dataDir, file.replace(/^data\//, ""));
      if (!existsSync(real)) return [];
      const text = readFileSync(real, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
      const cells = (line: string) => (parse(line, { relax_column_count: true }) as string[][])[0] ?? [];
      return [{ file, header: cells(text[0]), rows: [...lines].sort((a, b) => a - b).filter((n) => text[n - 1]).map((n) => ({ line: n, cells: cells(text[n - 1]) })) }];
    });
}

function PackPages({ marker, document, section, sheet, layout, dataDir, range }: { marker: ReactNode; document: ReportDocument; section: ForceSection; sheet: ReviewSheet; layout: LayoutMap; dataDir: string; range: [number, number] }) {
  const bindings = forceBindings(document, section);
  const printedOn = (id: string) => layout.pages.filter((p) => p.bindings.some((b) => b.id === id)).map((p) => p.page).join(", ");
  const entryFiles = new Set(section.entries.map((e) => e.source.file));
  const concerns = (d: { page?: number; logicalFile?: string; message: string }) => (d.page !== undefined && d.page >= range[0] && d.page <= range[1]) || (d.logicalFile !== undefined && entryFiles.has(d.logicalFile)) || d.message.includes(section.title);
  const lines = [...sheet.warnings, ...sheet.proofing.findings].filter(concerns);
  const fit = sheet.pageFit.find((f) => f.section === section.id);
  const changed = sheet.changes?.figures.filter((f) => bindings.some((b) => b.id === f.id)) ?? [];
  const kicker = `Proof pack · ${section.shortName} · draft ${sheet.draft}`;
  return (
    <SheetPage title={`${section.title}: figures and review`} kicker={kicker}>
      {marker}
      <Note>{`${range[0] === range[1] ? `Page ${range[0]}` : `Pages ${range[0]}–${range[1]}`} of draft ${sheet.draft} ${range[0] === range[1] ? "comes" : "come"} before this page, as ${range[0] === range[1] ? "it" : "they"} will print. Below: every figure printed for ${section.shortName}, how it was worked out and the rows it came from.`}</Note>
      <Heading>Printed figures</Heading>
      {bindings.length ? (
        <Table
          columns={[
            { label: "Figure", width: 0.3 },
            { label: "Printed", width: 0.1 },
            { label: "Worked out as", width: 0.32 },
            { label: "From rows", width: 0.2 },
            { label: "Page", width: 0.08 },
          ]}
          rows={bindings.map((b) => [b.id, b.text, b.expression ?? b.statistics.join(", "), b.data.map((d) => `${d.file.replace(/^data\//, "")}: ${d.lines}`).join("; "), printedOn(b.id) || "–"])}
        />
      ) : (
        <Note>{section.noFigures ?? "No figures are printed for this force."}</Note>
      )}
      {sourceRows(bindings, dataDir).map((src) => (
        <View key={src.file}>
          <Heading>{`As sent: ${src.file}`}</Heading>
          <Table columns={[{ label: "Line", width: 0.08 }, ...src.header.map((h) => ({ label: h, width: 0.92 / src.header.length }))]} rows={src.rows.map((r) => [String(r.line), ...r.cells])} />
        </View>
      ))}
      <Heading>Review</Heading>
      {fit ? <Note>{`${count(fit.pages, "page")}, the last ${Math.round(fit.lastPageFull * 100)} % full${fit.spill ? `; the text runs ${fit.spill.lines} lines onto its last page: cut about ${fit.spill.wordsToCut} words` : ""}.`}</Note> : null}
      {changed.length ? <Note>{`Changed since draft ${sheet.changes!.since}: ${changed.map((f) => `${f.id} ${f.old ?? "(new)"} → ${f.new ?? "(removed)"}`).join("; ")}.`}</Note> : null}
      {lines.length ? <Table columns={findingColumns} rows={findingRows(lines)} /> : <Note>No warnings or proofing findings concern these pages.</Note>}
    </SheetPage>
  );
}

/** One pack per force: its pages cut from the draft (PDF page numbers), then its figures and review lines. */
export async function buildPacks(input: {
  draftPdf: Uint8Array;
  document: ReportDocument;
  pages: Record<string, number>;
  pageCount: number;
  layout: LayoutMap;
  sheet: ReviewSheet;
  dataDir: string;
  marks: DraftMarks;
  print: boolean;
}): Promise<Record<string, Buffer>> {
  await registerFonts();
  const starts = Object.values(input.pages).sort((a, b) => a - b);
  // Every pack's figure pages in one layout (fonts and styles set up once); each pack's first page is
  // recorded as it is laid out, and the PDF is cut into packs by those pages.
  const forces = input.document.sections.filter((s): s is ForceSection => s.kind === "force" && input.pages[s.id] !== undefined);
  const rangeOf = (section: ForceSection): [number, number] => {
    const first = input.pages[section.id];
    return [first, (starts.find((p) => p > first) ?? input.pageCount + 1) - 1];
  };
  const log = new PageLog();
  const figures = await renderToBuffer(
    <SheetGeometry.Provider value={pageGeometry(input.print)}>
      <DraftContext.Provider value={input.marks}>
        <Document tagged title="Proof packs" language={input.document.meta.language}>
          {forces.map((section) => (
            <PackPages key={section.id} marker={<PageMarker id={section.id} log={log} />} document={input.document} section={section} sheet={input.sheet} layout={input.layout} dataDir={input.dataDir} range={rangeOf(section)} />
          ))}
        </Document>
      </DraftContext.Provider>
    </SheetGeometry.Provider>,
  );
  const figureStarts = forces.map((s) => log.pageOf(s.id)!);
  const figurePages = countPages(figures);
  const cuts: Record<string, TaggedCut> = {};
  for (const [i, section] of forces.entries()) {
    const [first, last] = rangeOf(section);
    const toPdf = (p: number) => input.layout.pages[p - 1].pdfPage - 1;
    const from = figureStarts[i] - 1;
    const to = (figureStarts[i + 1] ?? figurePages + 1) - 1;
    // A tagged PDF like the draft it is cut from: the force's pages with their structure, then its figures'.
    cuts[`packs/${section.slug}.pdf`] = {
      title: `${section.title}: proof pack, draft ${input.sheet.draft}`,
      author: input.document.meta.author,
      language: input.document.meta.language,
      keywords: [`draft:${input.sheet.year}/${input.sheet.draft}/${input.sheet.revision}`, `pack:${section.slug}`],
      pieces: [
        { from: "draft", pages: Array.from({ length: last - first + 1 }, (_, k) => toPdf(first + k)) },
        { from: "figures", pages: Array.from({ length: to - from }, (_, k) => from + k) },
      ],
    };
  }
  return cutTaggedPdfs({ draft: input.draftPdf, figures }, cuts);
}
