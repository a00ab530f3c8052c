// The HTML edition's stylesheets, from the same theme as the PDF: fonts (copied into the folder and
// referenced relatively), colours, and a print stylesheet. Sizes are in rem so the page reflows when a
// reader zooms or sets a larger text size.
import path from "node:path";
import { colours, fonts } from "../../src/design/theme.ts";

/** Where each font file of the theme is copied to, relative to the html/ folder. */
export const fontFiles = fonts.faces.map((face) => ({ ...face, href: `fonts/${path.basename(face.file)}` }));

export function screenCss(): string {
  // Groups joined by a blank line, with a closing newline, as the stylesheet has always been written.
  return `${[fontFaceCss(), rootCss(), siteHeaderCss(), proseCss(), personCss(), contentsCss(), chartCss(), tableCss(), forcePageCss(), pagerCss()].join("\n\n")}\n`;
}

/** The theme's faces, served from the copied font files. */
function fontFaceCss(): string {
  return fontFiles
    .map((f) => `@font-face { font-family: "${fonts.family}"; font-style: ${f.style}; font-weight: ${f.weight}; font-display: swap; src: url("${f.href}") format("truetype"); }`)
    .join("\n");
}

/** The theme colours as custom properties, the page body, links and focus rings. */
function rootCss(): string {
  return `:root { --ink: ${colours.ink}; --muted: ${colours.inkMuted}; --accent: ${colours.women}; --rule: ${colours.rule}; --zebra: ${colours.zebra}; --paper: ${colours.paper}; --focus: ${colours.accent}; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font-family: "${fonts.family}", system-ui, sans-serif; font-size: 1.125rem; line-height: 1.5; color: var(--ink); background: var(--paper); overflow-wrap: break-word; }
.wrap { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--accent); text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 0.15em; }
a:focus-visible, [tabindex]:focus-visible, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: 0.5rem; top: -10rem; background: var(--paper); color: var(--accent); padding: 0.5rem 1rem; z-index: 10; font-weight: 600; }
.skip-link:focus { top: 0.5rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
main:focus { outline: none; }`;
}

/** The banner with the report title and edition, in the cover colours. */
function siteHeaderCss(): string {
  return `.site-header { background: ${colours.coverField}; color: ${colours.coverInk}; padding: 0.75rem 0; }
.site-header .wrap { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 1.5rem; }
.site-header p { margin: 0; }
.site-title a { color: ${colours.coverInk}; font-weight: 700; text-decoration: none; }
.site-title a:hover, .site-title a:focus-visible { text-decoration: underline; }
.site-header a:focus-visible { outline-color: ${colours.coverAccent}; }
.site-edition { color: ${colours.coverAccent}; font-size: 0.95rem; }`;
}

/** Headings, paragraphs, quotes, images and footnotes of the text. */
function proseCss(): string {
  return `main { padding: 1.5rem 0 2.5rem; }
h1, h2, h3, h4 { line-height: 1.2; font-weight: 700; margin: 1.75rem 0 0.75rem; }
h1 { font-size: 2.25rem; margin-top: 0.25rem; color: var(--accent); }
h2 { font-size: 1.6rem; }
h3 { font-size: 1.3rem; }
h4, h5, h6 { font-size: 1.125rem; }
p, ul, ol, dl { margin: 0 0 1rem; }
.prose, .lede, .edition, .subject, .note { max-width: 40rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.9rem; font-weight: 600; color: var(--muted); margin: 0; }
.edition { font-size: 1.4rem; font-weight: 600; margin-bottom: 0.5rem; }
.lede { font-size: 1.3rem; line-height: 1.4; }
.note { color: var(--muted); font-style: italic; }
.figure { font-variant-numeric: tabular-nums; white-space: nowrap; }
.download a { display: inline-block; font-weight: 600; padding: 0.5rem 0; }
blockquote { margin: 0; }
figure.quote { margin: 1.5rem 0; padding-left: 1rem; border-left: 4px solid var(--accent); font-size: 1.25rem; }
figure.quote figcaption { font-size: 1rem; color: var(--muted); }
figure.quote figcaption::before { content: "\\2014\\00a0"; }
figure.image img { max-width: 100%; height: auto; }
.footnotes { border-top: 1px solid var(--rule); margin-top: 2rem; font-size: 1rem; }
.footnotes h2, .footnotes h3, .footnotes h4 { font-size: 1.125rem; }`;
}

/** A foreword's author: portrait beside name and role. */
function personCss(): string {
  return `.person { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; }
.person h1 { margin-bottom: 0.25rem; }
.person-role { color: var(--muted); font-size: 1.2rem; }
.portrait { border-radius: 50%; object-fit: cover; }`;
}

/** The contents page; the long list of forces runs in columns. */
function contentsCss(): string {
  return `.contents ul { padding-left: 1.25rem; }
.contents li { margin: 0 0 0.35rem; }
.contents li > ul { margin-top: 0.35rem; }
.contents-forces { columns: 16rem auto; column-gap: 2rem; }
.contents-forces li { break-inside: avoid; }`;
}

/** Charts scale to the column; a wide chart shows its table first on a narrow screen. */
function chartCss(): string {
  return `.chart { margin: 0.5rem 0 2rem; }
.chart-region { overflow-x: auto; }
.chart-frame { width: 100%; }
.chart-svg { display: block; width: 100%; height: auto; }
.chart-data summary { cursor: pointer; color: var(--accent); font-weight: 600; text-decoration: underline; text-underline-offset: 0.15em; padding: 0.25rem 0; }
.chart-data[open] summary { margin-bottom: 0.5rem; }
.chart-table-first { display: none; }
@media (max-width: 37.5rem) {
  .chart-wide .chart-table-first { display: block; margin-bottom: 0.75rem; }
  .chart-wide .chart-data { display: none; }
}`;
}

/** Data tables: zebra rows, a coloured head, and a scrolling region for wide ones. */
function tableCss(): string {
  return `.table-region { overflow-x: auto; max-width: 100%; margin: 0 0 1rem; }
table { border-collapse: collapse; font-size: 1rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; padding: 0.25rem 0 0.5rem; }
/* A table wider than the screen scrolls inside its region; its caption stays in view and wraps to the screen. */
.table-region caption { position: sticky; left: 0; max-width: calc(100vw - 2rem); }
caption.table-title { font-size: 1.3rem; }
th, td { padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
thead th { background: var(--accent); color: ${colours.onWomen}; font-weight: 600; vertical-align: bottom; }
tbody th { font-weight: 400; }
tbody tr:nth-child(even) { background: var(--zebra); }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--ink); }
.num { text-align: right; }
@media (max-width: 30rem) {
  table { font-size: 0.9rem; }
  th, td { padding: 0.3rem 0.2rem; }
}
.table-note { font-size: 1rem; color: var(--muted); max-width: 40rem; }`;
}

/** A force's page: its key differences, and figures beside the text on a wide screen. */
function forcePageCss(): string {
  return `.differences { margin: 1rem 0; }
.difference { margin: 0 0 1.25rem; }
.difference dt { font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.9rem; color: var(--muted); }
.difference dd { margin: 0; }
.difference-value { font-size: 2.25rem; font-weight: 700; line-height: 1.1; color: var(--accent); }
.difference-value .unit { font-size: 1.2rem; font-weight: 600; }
.difference-note { font-size: 1rem; }
.entry { margin-bottom: 2.5rem; }
.entry h2 { color: var(--accent); margin-top: 0; }
.further { font-size: 1rem; }
@media (min-width: 60rem) {
  .force-layout { display: grid; grid-template-columns: 18rem minmax(0, 1fr); gap: 3rem; align-items: start; }
  .force-layout > .note { grid-column: 1; }
  .force-figures h2 { font-size: 1.2rem; margin-top: 0.5rem; }
}`;
}

/** Previous / contents / next links and the site footer. */
function pagerCss(): string {
  return `.pager { border-top: 1px solid var(--rule); padding: 1rem 0; }
.pager ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem 2rem; justify-content: space-between; }
.pager li { flex: 1 1 12rem; }
.pager-contents { text-align: center; flex: 0 1 auto !important; align-self: center; }
.pager-next { text-align: right; }
.pager a { display: inline-block; }
.pager-label { display: block; font-size: 0.9rem; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; }
.pager-title { font-weight: 600; }
.site-footer { background: var(--zebra); padding: 1rem 0; font-size: 1rem; }
.site-footer p { margin: 0.25rem 0; }`;
}

export function printCss(): string {
  return `@page { size: A4; margin: 18mm 16mm; }
/* Every size is in rem, so the root size scales the whole page for paper. */
html { font-size: 9.5pt; }
body { color: #000; background: #fff; }
.skip-link, .pager, .site-footer, .download, .chart-data summary { display: none !important; }
.site-header { background: none; color: #000; border-bottom: 1pt solid #000; padding: 0 0 4pt; }
.site-title a, .site-edition { color: #000; }
main { padding-top: 8pt; }
.wrap { max-width: none; padding: 0; }
h1, h2, h3, h4 { break-after: avoid; }
figure.chart, figure.quote, tr, .difference, .lede { break-inside: avoid; }
thead { display: table-header-group; }
/* The averages close the table once, not at the foot of every printed page. */
tfoot { display: table-row-group; }
.chart-region, .table-region { overflow: visible; }
.chart-frame { min-width: 0 !important; }
a { color: #000; }
.prose a[href^="http"]::after, .further a::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
thead th { background: none; color: #000; border-bottom: 1.5pt solid #000; }
tbody tr:nth-child(even) { background: none; }
.force-layout { display: block; }
`;
}
