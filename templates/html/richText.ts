// The document's blocks and inlines as HTML. A printed figure keeps its binding id, so the edition can be
// checked figure by figure against the PDF and statistics.json.
import type { Block, Inline, RichText } from "../../src/document/model.ts";
import { html, type Html } from "./escape.ts";
import { anchor, type Headings, type Site } from "./site.ts";

/** Addresses a link may have: the web, mail, or a place in the edition. Anything else prints as text. */
const safeUrl = (url: string) => /^(https?:|mailto:|#)/i.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url);

export interface TextOptions {
  site: Site;
  headings: Headings;
  /** The level a Markdown "##" heading takes on this page (2 under the page's h1, 3 inside an entry). */
  baseLevel: number;
  /** Makes footnote ids unique on a page with several texts (the entry or section id). */
  scope: string;
}

export function inlines(nodes: readonly Inline[], options: Pick<TextOptions, "site" | "scope">): Html {
  return html`${nodes.map((node) => {
    switch (node.type) {
      case "text":
        return node.value;
      case "figure":
        return html`<span class="figure" data-binding="${node.binding}">${node.text}</span>`;
      case "emphasis":
        return html`<em>${inlines(node.children, options)}</em>`;
      case "strong":
        return html`<strong>${inlines(node.children, options)}</strong>`;
      case "link":
        return safeUrl(node.url) ? html`<a href="${node.url}">${inlines(node.children, options)}</a>` : inlines(node.children, options);
      case "break":
        return html`<br>`;
      case "footnoteRef": {
        const id = `${anchor(options.scope)}-fn-${node.number}`;
        const label = `${options.site.document.labels.footnote} ${node.number}`;
        return html`<sup><a href="#${id}" id="${id}-ref" class="footnote-ref" aria-label="${label}">${node.number}</a></sup>`;
      }
    }
  })}`;
}

function block(node: Block, options: TextOptions): Html {
  switch (node.type) {
    case "paragraph":
      return html`<p>${inlines(node.children, options)}</p>`;
    case "heading": {
      const level = options.headings.level(options.baseLevel + node.depth - 2);
      return html`<h${level}>${inlines(node.children, options)}</h${level}>`;
    }
    case "list": {
      const items = node.items.map((item) => html`<li>${item.map((child) => (child.type === "paragraph" && item.length === 1 ? inlines(child.children, options) : block(child, options)))}</li>`);
      return node.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case "quote":
      return html`<figure class="quote"><blockquote>${node.children.map((child) => block(child, options))}</blockquote>${
        node.attribution ? html`<figcaption>${inlines(node.attribution, options)}</figcaption>` : null
      }</figure>`;
    case "image":
      return html`<figure class="image"><img src="${options.site.image(node.src)}" alt="${node.alt}"></figure>`;
  }
}

export function richText(text: RichText, options: TextOptions): Html {
  // In reading order, so the heading levels follow the page.
  const body = text.blocks.map((b) => block(b, options));
  const heading = text.footnotes.length > 0 ? options.headings.level(options.baseLevel) : 0;
  const notes = text.footnotes.map((note) => {
    const id = `${anchor(options.scope)}-fn-${note.number}`;
    return html`<li id="${id}" value="${note.number}">${note.children.map((child) => block(child, options))}</li>`;
  });
  return html`${body}${
    notes.length > 0
      ? html`<section class="footnotes" aria-labelledby="${anchor(options.scope)}-notes"><h${heading} id="${anchor(options.scope)}-notes">${options.site.document.labels.footnotes}</h${heading}><ol>${notes}</ol></section>`
      : null
  }`;
}
