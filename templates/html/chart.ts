// A chart as inline SVG that scales with its column, named by the document's text alternative, with its
// data as a table in a disclosure beside it.
import type { RenderedChart } from "../../src/charts/renderedChart.ts";
import type { ChartFigure } from "../../src/document/model.ts";
import { html, trusted, type Html } from "./escape.ts";
import { anchor, type Site } from "./site.ts";
import { dataTable } from "./table.ts";

/**
 * The chart stage's SVG made fit to sit inside a page: the renderer's own roles and labels removed (the
 * whole chart is one image with one text alternative), every id prefixed so two charts on a page cannot
 * share one (clip paths, gradients), the fixed size replaced by the viewBox so CSS sizes it.
 */
export function inlineSvg(svg: string, prefix: string, titleId: string, title: string): string {
  const open = /^\s*(?:<\?xml[^>]*>\s*)?<svg\b([^>]*)>/.exec(svg);
  if (!open) throw new Error(`${prefix}: the chart's SVG does not start with an <svg> element.`);
  const attributes = open[1].replace(/\s(?:width|height|role|class|style|aria-[a-z]+)="[^"]*"/g, "");
  if (!/\sviewBox="/.test(attributes)) throw new Error(`${prefix}: the chart's SVG has no viewBox, so it cannot scale.`);
  const body = svg
    .slice(open.index + open[0].length)
    .replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, "")
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, (_, attr: string, id: string) => `${attr}="#${prefix}-${id}"`);
  return `<svg${attributes} class="chart-svg" role="img" aria-labelledby="${titleId}" focusable="false"><title id="${titleId}">${html`${title}`}</title>${body}`;
}

/** Charts printed wider than this (in points) show their table first on a narrow screen. */
export const narrowChartWidth = 300;

export function chartFigure(figure: ChartFigure, rendered: RenderedChart | undefined, site: Site, labelledBy: string): Html {
  if (!rendered) throw new Error(`The chart ${figure.id} was not rendered; the chart stage must render every chart of the document.`);
  const id = anchor(figure.id);
  // Never drawn larger than twice its printed size, nor squeezed below three quarters of it (it scrolls sideways instead).
  const style = `min-width:${Math.round(rendered.width * 0.75)}px;max-width:${Math.round(rendered.width * 2)}px`;
  // A chart set across the text block has labels of 6–8 pt; below 600 px they would shrink past reading, so
  // there its table comes first, open (shown only on narrow screens; the disclosure below is hidden there).
  const wide = rendered.width > narrowChartWidth;
  return html`<figure class="chart chart-${figure.kind}${wide ? " chart-wide" : ""}" id="${id}" aria-labelledby="${labelledBy}">${wide ? html`
<div class="chart-table-first">${dataTable(figure.table, { idSuffix: "-narrow" })}</div>` : null}
<div class="chart-region" role="region" aria-label="${figure.title}" tabindex="0"><div class="chart-frame" style="${style}">${trusted(inlineSvg(rendered.svg, id, `${id}-alt`, figure.alt))}</div></div>
<details class="chart-data"><summary>${site.document.labels.chartData}</summary>
${dataTable(figure.table)}
</details>
</figure>`;
}
