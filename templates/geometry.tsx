// Page geometry for the screen edition (trimmed A4) and the print edition (A4 plus bleed, on a sheet
// with a slug for crop marks). The PDF's TrimBox and BleedBox are written after layout
// (src/pdf/printBoxes.ts), since react-pdf cannot set them; this file places what is drawn.
import { Line, Svg, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { colours, page } from "../src/design/theme.ts";

export interface PageGeometry {
  size: [number, number];
  /** Distance from the sheet's edge to the trimmed page's edge (bleed plus slug in print; 0 on screen). */
  bleed: number;
  /** Where artwork that bleeds (the cover's colour field) is painted, in sheet coordinates. */
  bleedBox: { top: number; left: number; width: number; height: number };
  pagePadding: { paddingTop: number; paddingBottom: number; paddingLeft: number; paddingRight: number };
  headerPosition: { top: number; left: number; right: number };
  folioPosition: { bottom: number; left: number; right: number };
  cropMarks: ReactElement | null;
}

/** Sheet edge to trim edge in the print edition. */
export const printOffset = page.bleed + page.slug;

/** Crop-mark segments [x1, y1, x2, y2] on a print sheet: in line with the trim, wholly in the slug. */
export function cropMarkLines(): [number, number, number, number][] {
  const width = page.width + 2 * printOffset;
  const height = page.height + 2 * printOffset;
  // A mark ends cropMarkGap short of the bleed box, so it never touches artwork that bleeds.
  const near = printOffset - page.bleed - page.cropMarkGap;
  const far = near - page.cropMarkLength;
  const lines: [number, number, number, number][] = [];
  for (const x of [printOffset, width - printOffset]) {
    lines.push([x, far, x, near], [x, height - near, x, height - far]);
  }
  for (const y of [printOffset, height - printOffset]) {
    lines.push([far, y, near, y], [width - near, y, width - far, y]);
  }
  return lines;
}

function cropMarks(): ReactElement {
  const width = page.width + 2 * printOffset;
  const height = page.height + 2 * printOffset;
  return (
    <View fixed style={{ position: "absolute", top: 0, left: 0, width, height }}>
      <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {cropMarkLines().map(([x1, y1, x2, y2], i) => (
          <Line key={i} x1={x1} y1={y1} x2={x2} y2={y2} stroke={colours.ink} strokeWidth={0.25} />
        ))}
      </Svg>
    </View>
  );
}

export function pageGeometry(print: boolean): PageGeometry {
  const offset = print ? printOffset : 0;
  const bleed = print ? page.bleed : 0;
  return {
    size: [page.width + 2 * offset, page.height + 2 * offset],
    bleed: offset,
    bleedBox: { top: offset - bleed, left: offset - bleed, width: page.width + 2 * bleed, height: page.height + 2 * bleed },
    pagePadding: {
      paddingTop: page.marginTop + offset,
      paddingBottom: page.marginBottom + offset,
      paddingLeft: page.marginInner + offset,
      paddingRight: page.marginOuter + offset,
    },
    headerPosition: { top: page.headerOffset + offset, left: page.marginInner + offset, right: page.marginOuter + offset },
    folioPosition: { bottom: page.footerOffset + offset, left: page.marginInner + offset, right: page.marginOuter + offset },
    cropMarks: print ? cropMarks() : null,
  };
}
