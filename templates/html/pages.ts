// One template per kind of page: home (title, edition, contents), person (forewords, summary), analysis,
// force, back. Each returns the page's <main> content; every word comes from the document.
import type { Inline, KeyFigures, ReportDocument, Section } from "../../src/document/model.ts";
import { chartFigure } from "./chart.ts";
import { html, type Html } from "./escape.ts";
import { inlines, richText } from "./richText.ts";
import { anchor, Headings, type Site } from "./site.ts";
import { dataTable } from "./table.ts";

type Of<K extends Section["kind"]> = Extract<Section, { kind: K }>;

/** The home page: the report's title and edition, the PDF, and the contents as a navigation. */
export function homePage(site: Site): Html {
  const { document } = site;
  const { meta, labels } = document;
  const link = (section: Section, title = section.title) => html`<a href="${site.pageOf(section.id)}">${title}</a>`;
  const front: Html[] = [];
  const analysis = document.sections.filter((s): s is Of<"analysis"> => s.kind === "analysis");
  const forces = document.sections.filter((s): s is Of<"force"> => s.kind === "force");
  for (const section of document.sections) {
    if (section.kind === "foreword") front.push(html`<li>${link(section, section.outlineTitle)}</li>`);
    if (section.kind === "summary") front.push(html`<li>${link(section)}</li>`);
    if (section.kind === "analysis" && section === analysis[0]) {
      front.push(html`<li>${labels.dataAnalysis}<ul>${analysis.map((s) => html`<li>${link(s)}</li>`)}</ul></li>`);
    }
  }
  const back = document.sections.filter((s) => s.kind === "back").map((s) => html`<li>${link(s)}</li>`);
  return html`<h1>${meta.title}</h1>
<p class="edition">${meta.editionLabel}</p>
<p class="subject">${meta.subject}</p>
<p class="download"><a href="${site.pdf}" download>${labels.downloadPdf}</a></p>
<nav id="contents" class="contents" aria-labelledby="contents-heading">
<h2 id="contents-heading">${labels.contents}</h2>
<ul class="contents-list">${front}${
    forces.length > 0 ? html`<li>${labels.goodPracticeByForce}<ul class="contents-forces">${forces.map((s) => html`<li>${link(s)}</li>`)}</ul></li>` : null
  }${back}</ul>
</nav>`;
}

/** A foreword or the executive summary: who is speaking, then what they say. */
export function personPage(section: Of<"foreword"> | Of<"summary">, site: Site): Html {
  const { person } = section;
  return html`<p class="kicker">${section.title}</p>
<div class="person">${person.portrait ? html`<img class="portrait" src="${site.image(person.portrait)}" alt="" width="96" height="96">` : null}<div>
<h1>${person.author}</h1>
<p class="person-role">${person.role}, ${person.organisation}</p>
</div></div>
<div class="prose">${richText(section.body, { site, headings: new Headings(), baseLevel: 2, scope: section.id })}</div>${
    section.kind === "summary" && section.keyFigures ? keyFiguresList(section.keyFigures, site, section.id) : null
  }`;
}

/** The summary's key figures as a labelled list, each figure with its binding. */
function keyFiguresList(figures: KeyFigures, site: Site, scope: string): Html {
  const inline = (node: Inline) => inlines([node], { site, scope });
  return html`<aside class="key-figures" aria-labelledby="key-figures-heading">
<h2 id="key-figures-heading">${figures.label}</h2>
<dl class="differences">${figures.shares.map(
    (share) => html`<div class="difference"><dt>${share.label}</dt><dd class="difference-value">${inline(share.now)}</dd>${share.before ? html`<dd class="difference-note">${inline(share.before)} ${share.beforeLabel}</dd>` : null}</div>`,
  )}</dl>
<h3>${figures.changesLabel}</h3>
<dl class="key-changes">${figures.changes.map((change) => html`<div><dt>${change.label}</dt><dd>${inline(change.value)}</dd></div>`)}</dl>
</aside>`;
}

/** A data-analysis section: its narrative, its charts with their data, the national table. */
export function analysisPage(section: Of<"analysis">, site: Site): Html {
  const headings = new Headings();
  const body = richText(section.body, { site, headings, baseLevel: 2, scope: section.id });
  const charts = section.charts.map((chart) => {
    const level = headings.level(2);
    const headingId = `${anchor(chart.id)}-heading`;
    return html`<h${level} id="${headingId}">${chart.title}</h${level}>
${chartFigure(chart, site.charts.get(chart.id), site, headingId)}`;
  });
  return html`<p class="kicker">${section.kicker}</p>
<h1>${section.title}</h1>
<div class="prose">${body}</div>
${charts}
${section.table ? html`<div class="national-table">${dataTable(section.table, { captionClass: "table-title" })}</div>` : null}`;
}

/** A force: its figures (chart and differences), then its good-practice entries. */
export function forcePage(section: Of<"force">, site: Site): Html {
  const { labels } = site.document;
  const headings = new Headings();
  const { panel, chart } = section;
  let figures: Html;
  if (panel && chart) {
    headings.level(2);
    const headingId = `${anchor(section.id)}-figures`;
    figures = html`<section class="force-figures" aria-labelledby="${headingId}">
<h2 id="${headingId}">${panel.chartLabel}</h2>
${chartFigure(chart, site.charts.get(chart.id), site, headingId)}
<dl class="differences">${panel.differences.map(
      (d) => html`<div class="difference"><dt>${d.label}</dt><dd class="difference-value">${inlines([d.value], { site, scope: section.id })} <span class="unit">${d.unit}</span></dd><dd class="difference-note">${inlines(d.note, { site, scope: section.id })}</dd></div>`,
    )}</dl>
</section>`;
  } else {
    figures = html`<p class="note">${section.noFigures}</p>`;
  }
  const entries = section.noEntry
    ? html`<p class="note">${section.noEntry}</p>`
    : section.entries.map((entry) => {
        headings.level(2);
        const id = anchor(entry.id);
        const body = richText(entry.body, { site, headings, baseLevel: 3, scope: entry.id });
        let further: Html | null = null;
        if (entry.links.length > 0) {
          const level = headings.level(3);
          further = html`<h${level}>${labels.furtherReading}</h${level}><ul class="further">${entry.links.map((l) => html`<li><a href="${l.url}">${l.text}</a></li>`)}</ul>`;
        }
        return html`<article class="entry" id="${id}" aria-labelledby="${id}-title">
<h2 id="${id}-title">${entry.title}</h2>
<p class="lede">${inlines(entry.lede, { site, scope: entry.id })}</p>
<div class="prose">${body}</div>
${further}
</article>`;
      });
  return html`<p class="kicker">${section.kicker}</p>
<h1>${section.title}</h1>
<div class="force-layout">${figures}<div class="entries">${entries}</div></div>`;
}

/** The back page: about the report, its data sources and where the edition lives online. */
export function backPage(section: Of<"back">, site: Site, document: ReportDocument): Html {
  const { onlineEdition } = document.meta;
  return html`<h1>${section.title}</h1>
<div class="prose">${richText(section.body, { site, headings: new Headings(), baseLevel: 2, scope: section.id })}</div>
${section.sources.length > 0 ? html`<h2>${section.sourcesLabel}</h2><ul>${section.sources.map((s) => html`<li><a href="${s.url}">${s.text}</a></li>`)}</ul>` : null}
${onlineEdition ? html`<h2>${section.onlineEditionLabel}</h2><p><a href="${onlineEdition}">${onlineEdition}</a></p>` : null}`;
}
