import { Page, Text, View } from "@react-pdf/renderer";
import type { ReportDocument } from "../../src/document/model.ts";
import { words } from "../../src/document/labels.ts";
import { measureText } from "../../src/charts/textMetrics.ts";
import { svgToPdf } from "../../src/pdf/svg/svgToPdf.tsx";
import type { PageGeometry } from "../geometry.tsx";
import { colours, page, type } from "../../src/design/theme.ts";
import { balanceHeadline } from "../text/ties.ts";
import { contrastRatio } from "../charts/common.ts";

/** The cover title's size, and the names it never splits across lines. */
export const coverTitle = { fontSize: 46, keepTogether: ["UK Policing"] } as const;

/** The cover graphic's space and the partner marks' height, in points. */
export const coverArt = { width: page.width - 2 * page.marginInner, height: 150, perRow: 3, gap: 0.3, columnGap: 7, markHeight: 34 } as const;

type Meta = ReportDocument["meta"];

/** Where each square of the cover graphic goes: each band a column of squares, `perRow` abreast, from the baseline up. */
export function coverSquares(graphic: NonNullable<Meta["coverGraphic"]>): { size: number; squares: { band: string; x: number; y: number }[] } {
  const { width, height, perRow, gap, columnGap } = coverArt;
  const columns = graphic.bands.length;
  const rows = Math.max(1, ...graphic.bands.map((b) => Math.ceil(b.forces / perRow)));
  // The largest square that fits both ways; a column is perRow squares and the gaps between them.
  const size = Math.min((width - (columns - 1) * columnGap) / (columns * (perRow + (perRow - 1) * gap)), height / (rows + (rows - 1) * gap));
  const step = size * (1 + gap);
  const columnWidth = perRow * size + (perRow - 1) * size * gap;
  const squares = graphic.bands.flatMap((b, c) =>
    Array.from({ length: b.forces }, (_, i) => ({ band: b.band, x: c * (columnWidth + columnGap) + (i % perRow) * step, y: height - size - Math.floor(i / perRow) * step })),
  );
  return { size, squares };
}

/** The edition's own data on its cover: its middle-management band chart, one square per force. */
function CoverGraphic({ graphic, year }: { graphic: NonNullable<Meta["coverGraphic"]>; year: number }) {
  const { size, squares } = coverSquares(graphic);
  return (
    <View>
      <View role="Figure" alt={graphic.alt} style={{ width: coverArt.width, height: coverArt.height }}>
        {squares.map((s, i) => {
          const fill = colours.bands[s.band as keyof typeof colours.bands];
          // A band as dark as the field ("15 or more" on the men's side) is outlined in its side's lightest tint, so it still shows.
          const outline = contrastRatio(fill, colours.coverField) < 2 ? { borderWidth: 0.8, borderColor: s.band.startsWith("men") ? colours.bands["men+1"] : colours.bands["women+1"] } : {};
          return <View key={i} style={{ position: "absolute", left: s.x, top: s.y, width: size, height: size, backgroundColor: fill, ...outline }} />;
        })}
      </View>
      <View style={{ height: 0.75, backgroundColor: colours.coverAccent, marginTop: 6, width: coverArt.width }} />
      <Text style={{ fontSize: type.caption, lineHeight: 1.3, color: colours.coverInk, marginTop: 5, width: coverArt.width * 0.75 }}>{words.coverGraphicCaption(year)}</Text>
    </View>
  );
}

/** A mark's width per point of height, from its viewBox (or width and height), which the load stage required. */
function markAspect(svg: string): number {
  const viewBox = /viewBox\s*=\s*["']([^"']+)/.exec(svg)?.[1].split(/[\s,]+/).map(Number);
  const [w, h] = viewBox && viewBox.length === 4 ? [viewBox[2], viewBox[3]] : [Number(/\swidth\s*=\s*["']([\d.]+)/.exec(svg)?.[1]), Number(/\sheight\s*=\s*["']([\d.]+)/.exec(svg)?.[1])];
  return w / h;
}

const YEAR_SIZE = 72;
const MARK_GAP = 18;

/** The marks' height: the design's, or less so that the row fits beside the year. */
export function markHeight(partners: Meta["partners"], year: number): number {
  const room = coverArt.width - measureText(String(year), { fontSize: YEAR_SIZE, fontWeight: 700 }) - 2 * MARK_GAP;
  const widthPerPoint = partners.reduce((sum, p) => sum + markAspect(p.svg), 0);
  return Math.min(coverArt.markHeight, (room - (partners.length - 1) * MARK_GAP) / widthPerPoint);
}

function PartnerMarks({ partners, year }: { partners: Meta["partners"]; year: number }) {
  const height = markHeight(partners, year);
  return (
    <View style={{ flexDirection: "row", alignItems: "flex-end" }}>
      {partners.map((p, i) => (
        <View key={i} role="Figure" alt={p.name} style={{ marginLeft: i === 0 ? 0 : MARK_GAP, width: height * markAspect(p.svg), height }}>
          {svgToPdf(p.svg, { width: height * markAspect(p.svg) })}
        </View>
      ))}
    </View>
  );
}

export function Cover({ meta, bookmark, geometry }: { meta: Meta; bookmark: string; geometry: PageGeometry }) {
  const inset = page.marginInner + geometry.bleed;
  // On screen the field is the page; in print it fills the bleed box, leaving the slug white for the marks.
  const print = geometry.bleed > 0;
  return (
    <Page role="Sect" size={geometry.size} style={{ backgroundColor: print ? colours.paper : colours.coverField, fontFamily: "Source Sans 3", padding: inset }} bookmark={{ title: bookmark, fit: true }}>
      {print ? <View fixed style={{ position: "absolute", ...geometry.bleedBox, backgroundColor: colours.coverField }} /> : null}
      <View style={{ flexGrow: 1, justifyContent: "space-between", paddingTop: page.marginTop, paddingBottom: page.marginBottom }}>
        <View>
          <View style={{ width: 64, height: 6, backgroundColor: colours.coverAccent, marginBottom: 36 }} />
          {/* Balanced over its lines: never one word alone, never "UK Policing" parted; a longer title takes more lines of even length. */}
          <Text role="H1" style={{ fontSize: coverTitle.fontSize, lineHeight: 1.05, fontWeight: 700, color: colours.coverInk, marginBottom: 18 }} hyphenationCallback={(word: string) => [word]}>
            {balanceHeadline(meta.title, { fontSize: coverTitle.fontSize, width: page.width - 2 * page.marginInner }, [...coverTitle.keepTogether])}
          </Text>
          <Text style={{ fontSize: type.h2 + 3, fontWeight: 400, color: colours.coverAccent }}>{meta.editionName}</Text>
        </View>
        {meta.coverGraphic ? <CoverGraphic graphic={meta.coverGraphic} year={meta.year} /> : null}
        <View style={{ flexDirection: "row", justifyContent: "space-between", alignItems: "flex-end" }}>
          <Text style={{ fontSize: YEAR_SIZE, fontWeight: 700, color: colours.coverInk, lineHeight: 1 }}>{String(meta.year)}</Text>
          {meta.partners.length > 0 ? <PartnerMarks partners={meta.partners} year={meta.year} /> : null}
        </View>
      </View>
      {geometry.cropMarks}
    </Page>
  );
}
