// A document table as a real HTML table: a caption, header cells with their scope, the first column as
// row headers, and a region of its own that scrolls sideways when the screen is narrower than the table.
import type { TableCell, TableFigure } from "../../src/document/model.ts";
import { html, type Html } from "./escape.ts";
import { anchor } from "./site.ts";

const cellText = (cell: TableCell) => (cell.binding ? html`<span class="figure" data-binding="${cell.binding}">${cell.text}</span>` : cell.text);

export function dataTable(table: TableFigure, options: { captionClass?: string; idSuffix?: string } = {}): Html {
  const id = anchor(table.id) + (options.idSuffix ?? "");
  const row = (cells: Record<string, TableCell>) =>
    html`<tr>${table.columns.map((column, i) => {
      const cls = column.align === "right" ? "num" : null;
      return i === 0 ? html`<th scope="row">${cellText(cells[column.key])}</th>` : html`<td${cls ? html` class="${cls}"` : null}>${cellText(cells[column.key])}</td>`;
    })}</tr>`;
  return html`<div class="table-region" role="region" aria-labelledby="${id}-caption" tabindex="0">
<table id="${id}">
<caption id="${id}-caption"${options.captionClass ? html` class="${options.captionClass}"` : null}>${table.title}</caption>
<thead><tr>${table.columns.map((column) => html`<th scope="col"${column.align === "right" ? html` class="num"` : null}>${column.label}</th>`)}</tr></thead>
<tbody>${table.rows.map(row)}</tbody>${table.footerRow ? html`
<tfoot>${row(table.footerRow)}</tfoot>` : null}
</table>
</div>${table.notes.map((note) => html`<p class="table-note">${note}</p>`)}`;
}
