// Page geometry for the screen edition (trimmed A4) and the print edition (A4 plus bleed and crop marks).
import { Line, Svg, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { colours, mm, page } from "../src/design/theme.ts";

export interface PageGeometry {
  size: [number, number];
  /** Distance from the sheet's edge to the trimmed page's edge. */
  bleed: number;
  pagePadding: { paddingTop: number; paddingBottom: number; paddingLeft: number; paddingRight: number };
  headerPosition: { top: number; left: number; right: number };
  folioPosition: { bottom: number; left: number; right: number };
  cropMarks: ReactElement | null;
}

function cropMarks(bleed: number): ReactElement {
  const width = page.width + 2 * bleed;
  const height = page.height + 2 * bleed;
  // Marks sit in the bleed, outside the trim, so they never print on the finished page.
  const lines: [number, number, number, number][] = [];
  for (const x of [bleed, width - bleed]) {
    lines.push([x, 0, x, bleed - mm(0.5)], [x, height - bleed + mm(0.5), x, height]);
  }
  for (const y of [bleed, height - bleed]) {
    lines.push([0, y, bleed - mm(0.5), y], [width - bleed + mm(0.5), y, width, y]);
  }
  return (
    <View fixed style={{ position: "absolute", top: 0, left: 0, width, height }}>
      <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {lines.map(([x1, y1, x2, y2], i) => (
          <Line key={i} x1={x1} y1={y1} x2={x2} y2={y2} stroke={colours.ink} strokeWidth={0.25} />
        ))}
      </Svg>
    </View>
  );
}

export function pageGeometry(print: boolean): PageGeometry {
  const bleed = print ? page.bleed : 0;
  return {
    size: [page.width + 2 * bleed, page.height + 2 * bleed],
    bleed,
    pagePadding: {
      paddingTop: page.marginTop + bleed,
      paddingBottom: page.marginBottom + bleed,
      paddingLeft: page.marginInner + bleed,
      paddingRight: page.marginOuter + bleed,
    },
    headerPosition: { top: page.headerOffset + bleed, left: page.marginInner + bleed, right: page.marginOuter + bleed },
    folioPosition: { bottom: page.footerOffset + bleed, left: page.marginInner + bleed, right: page.marginOuter + bleed },
    cropMarks: print ? cropMarks(bleed) : null,
  };
}
