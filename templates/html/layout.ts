// The frame of every page: language, title, styles, skip link, header, main, previous/next, footer.
import { html, type Html } from "./escape.ts";
import type { PageLink, Site } from "./site.ts";

export interface PageFrame {
  /** The page's own name, first in the browser's title; the home page passes null. */
  title: string | null;
  main: Html;
  previous: PageLink | null;
  next: PageLink | null;
}

export function page(site: Site, frame: PageFrame): string {
  const { meta, labels } = site.document;
  const title = frame.title ? `${frame.title} \u2013 ${meta.runningHeader}` : meta.runningHeader;
  const pager = (link: PageLink | null, label: string, rel: "prev" | "next") =>
    link ? html`<li class="pager-${rel}"><a href="${link.href}" rel="${rel}"><span class="pager-label">${label}<span class="visually-hidden">:</span></span> <span class="pager-title">${link.title}</span></a></li>` : null;
  return `<!DOCTYPE html>
${html`<html lang="${meta.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${meta.subject}">
<meta name="author" content="${meta.author}">
<link rel="stylesheet" href="style.css">
<link rel="stylesheet" href="print.css" media="print">
</head>
<body>
<a class="skip-link" href="#main">${labels.skipToContent}</a>
<header class="site-header">
<div class="wrap"><p class="site-title"><a href="index.html">${meta.title}</a></p><p class="site-edition">${meta.editionLabel}</p></div>
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${frame.main}
</div>
</main>
${frame.previous || frame.next ? html`<nav class="pager" aria-label="${labels.pageNavigation}"><div class="wrap"><ul>
${pager(frame.previous, labels.previous, "prev")}
${frame.previous ? html`<li class="pager-contents"><a href="index.html#contents">${labels.contents}</a></li>` : null}
${pager(frame.next, labels.next, "next")}
</ul></div></nav>` : null}
<footer class="site-footer">
<div class="wrap"><p>${meta.runningHeader}</p><p><a href="${site.pdf}" download>${labels.downloadPdf}</a></p></div>
</footer>
</body>
</html>
`}`;
}
