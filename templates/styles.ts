// Text and block styles derived from the theme; templates use these names, never raw values.
import { StyleSheet } from "@react-pdf/renderer";
import { colours, fonts, page, space, type } from "../src/design/theme.ts";

export const textBlock = page.width - page.marginInner - page.marginOuter;
/** The text area's height, between the top and bottom margins (the print edition adds its bleed outside it). */
export const textAreaHeight = page.height - page.marginTop - page.marginBottom;
// The force page's panel: the mini chart at this width, the two differences beside it.
export const sidebarWidth = 196;
/** A force entry's body is set in two columns of the text block (templates/pages/ForcePage.tsx). */
export const bodyColumn = (textBlock - page.columnGap) / 2;
/** A force entry's lede: 12 pt across the whole block ran to about 90 characters; it ends two-fifths of the
 *  way across the second column, which sets it at about 60, never over 75. */
export const ledeMeasure = bodyColumn * 1.4 + page.columnGap;
/** Where each kind of chart is placed: the chart stage draws it at exactly this width. */
export const chartWidths = { band: textBlock, staff: textBlock, trend: textBlock, forceRepresentation: sidebarWidth } as const;

/** The measure of single-column pages (forewords, summary): narrower than the text block, for reading. */
/** At most about 75 characters of body text a line (forewords, summary, analysis narrative). */
export const readingMeasure = 315;

export const styles = StyleSheet.create({
  page: {
    fontFamily: fonts.family,
    fontSize: type.body,
    color: colours.ink,
    paddingTop: page.marginTop,
    paddingBottom: page.marginBottom,
    paddingLeft: page.marginInner,
    paddingRight: page.marginOuter,
    backgroundColor: colours.paper,
  },
  // Leading is set on each text style, never on a Page or View: react-pdf lays out a dynamic
  // (render) text empty when it inherits a lineHeight, which loses folios and table titles.
  // A unitless lineHeight is resolved against the element's own fontSize (react-pdf's default 18 pt if
  // unset), so every style that sets one also sets its size.
  body: { fontSize: type.body, lineHeight: type.leading / type.body },
  runningHeader: {
    position: "absolute",
    top: page.headerOffset,
    left: page.marginInner,
    right: page.marginOuter,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: type.runningHeader,
    letterSpacing: type.runningHeaderTracking,
    textTransform: "uppercase",
    color: colours.inkMuted,
  },
  folio: {
    position: "absolute",
    bottom: page.footerOffset,
    left: page.marginInner,
    right: page.marginOuter,
    // An explicit height and no lineHeight: otherwise react-pdf lays this dynamic text out empty.
    height: type.caption * 2,
    textAlign: "center",
    fontSize: type.caption,
    color: colours.inkMuted,
  },
  h1: { fontSize: type.h1, lineHeight: 1.1, fontWeight: 700, color: colours.women, marginBottom: space(0.5) },
  kicker: {
    fontSize: type.caption,
    fontWeight: 600,
    // 9 % of the size, as the running head (src/design/theme.ts says why it stays under a tenth of an em).
    letterSpacing: 0.72,
    textTransform: "uppercase",
    color: colours.accent,
    marginBottom: space(0.25),
  },
  h2: { fontSize: type.h2, lineHeight: 1.2, fontWeight: 700, color: colours.ink, marginTop: space(1), marginBottom: space(0.5) },
  h3: { fontSize: type.h3, lineHeight: 1.25, fontWeight: 600, color: colours.women, marginTop: space(0.6), marginBottom: space(0.15) },
  paragraph: { fontSize: type.body, lineHeight: type.leading / type.body, marginBottom: space(0.4), textAlign: "left" },
  // Larger than the body and regular, in dark ink: the entry's first words, not a third heading.
  lede: { fontSize: type.lede, lineHeight: type.ledeLeading / type.lede, fontWeight: 400, color: colours.ink, marginBottom: space(0.75) },
  rule: { borderBottomWidth: 1.5, borderBottomColor: colours.accent, width: 36, marginBottom: space(0.75) },
  // Items follow one another on the body's leading: a list is part of the text, not a stack of blocks.
  listItem: { flexDirection: "row" },
  listMarker: { width: 14, color: colours.accent, fontWeight: 600 },
  listBody: { flex: 1 },
  pullQuote: {
    marginTop: space(0.5),
    marginBottom: space(1),
    paddingLeft: 12,
    borderLeftWidth: 3,
    borderLeftColor: colours.accent,
  },
  pullQuoteText: { fontSize: type.lede, lineHeight: type.ledeLeading / type.lede, fontStyle: "italic", color: colours.ink, marginBottom: space(0.25) },
  attribution: { fontSize: type.caption, lineHeight: 1.4, fontWeight: 600, color: colours.inkMuted },
  link: { color: colours.women, textDecoration: "underline" },
  // Draft change marks, as latexdiff sets them: added words underlined, removed words struck through.
  inserted: { color: colours.change, textDecoration: "underline" },
  deleted: { color: colours.change, textDecoration: "line-through" },
  footnotes: { marginTop: space(1), paddingTop: space(0.25), borderTopWidth: 0.5, borderTopColor: colours.rule },
  footnote: { fontSize: type.small, lineHeight: 1.35, color: colours.inkMuted, marginBottom: 2 },
  caption: { fontSize: type.caption, lineHeight: 1.4, color: colours.inkMuted },
  bigFigureLabel: { fontSize: type.caption, lineHeight: 1.25, fontWeight: 600, color: colours.inkMuted, textTransform: "uppercase", letterSpacing: 0.6 },
  // Line height 1: the figure's box is its own size, so label, figure and note sit on one rhythm.
  bigFigure: { fontSize: type.bigFigure, lineHeight: 1, fontWeight: 700, color: colours.ink, marginTop: 3, marginBottom: 3 },
  // A dynamic text: an explicit height and no lineHeight, or react-pdf lays it out empty.
  continued: { fontFamily: fonts.family, fontSize: type.caption, height: type.caption * 2, fontWeight: 600, color: colours.women },
  bigFigureNote: { fontSize: type.small, lineHeight: 1.35, color: colours.inkMuted },
});

/** For headings, ledes and pull quotes: break between words only, never inside one. */
export const wholeWords = (word: string): string[] => [word];
