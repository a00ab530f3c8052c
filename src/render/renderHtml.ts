// The HTML renderer: the same document as the PDF, as a small static site that needs no script and loads
// nothing from outside its folder. Home page with the contents, one page per part and per force, each
// with previous and next; the charts the PDF renderer drew, inline; the PDF itself, for download.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { RenderedChart } from "../charts/renderedChart.ts";
import { realPath, type DocumentRoots } from "../document/bindings.ts";
import { sha256 } from "../domain/sha256.ts";
import type { ReportDocument, Section } from "../document/model.ts";
import { page } from "../../templates/html/layout.ts";
import { analysisPage, backPage, forcePage, homePage, personPage } from "../../templates/html/pages.ts";
import { anchor, pageFile, type PageLink, type Site } from "../../templates/html/site.ts";
import { fontFiles, printCss, screenCss } from "../../templates/html/styles.ts";

export interface HtmlOptions {
  /** The charts as the PDF renderer drew them (chart id → SVG). */
  charts: ReadonlyMap<string, RenderedChart>;
  /** The PDF edition, copied into the folder and linked for download. */
  pdf: Buffer;
  /** Where the document's logical paths ("content/…") point, for images. */
  roots: DocumentRoots;
}

/** The edition's files, relative to its folder (html/): pages, styles, fonts, images and the PDF. */
export type HtmlFiles = Record<string, string | Buffer>;

const HOME = "index.html";
const PDF = "report.pdf";

export function renderHtml(document: ReportDocument, options: HtmlOptions): HtmlFiles {
  const files: HtmlFiles = {};
  const pages = new Map<string, string>();
  for (const section of document.sections) {
    const file = pageFile(section.id);
    const earlier = [...pages].find(([, f]) => f === file);
    if (earlier || file === HOME) throw new Error(`The sections "${earlier?.[0] ?? "home"}" and "${section.id}" would both be written to ${file}.`);
    pages.set(section.id, file);
  }

  const images = new Map<string, string>();
  const site: Site = {
    document,
    charts: options.charts,
    pdf: PDF,
    pageOf(sectionId) {
      const file = pages.get(sectionId);
      if (!file) throw new Error(`No page was made for the section "${sectionId}".`);
      return file;
    },
    image(logical) {
      let href = images.get(logical);
      if (!href) {
        // The name ends in a hash of the picture: names that fold to the same anchor ("a b.png" and
        // "a-b.png", "c.PNG" and "c.png") would otherwise be one file showing under both alt texts.
        const bytes = readFileSync(realPath(logical, options.roots));
        href = `images/${anchor(logical.replace(/\.[^./]+$/, ""))}-${sha256(bytes).slice(0, 12)}${path.extname(logical).toLowerCase()}`;
        images.set(logical, href);
        files[href] = bytes;
      }
      return href;
    },
  };

  const link = (section: Section | undefined): PageLink | null => (section ? { href: site.pageOf(section.id), title: section.outlineTitle } : null);
  const { sections } = document;
  files[HOME] = page(site, { title: null, main: homePage(site), previous: null, next: link(sections[0]) });
  sections.forEach((section, i) => {
    const previous = i === 0 ? { href: HOME, title: document.meta.title } : link(sections[i - 1]);
    const next = link(sections[i + 1]);
    files[site.pageOf(section.id)] = page(site, { title: section.outlineTitle, main: mainOf(section, site, document), previous, next });
  });

  files["style.css"] = screenCss();
  files["print.css"] = printCss();
  for (const font of fontFiles) files[font.href] = readFileSync(font.file);
  files[PDF] = options.pdf;
  return files;
}

function mainOf(section: Section, site: Site, document: ReportDocument) {
  switch (section.kind) {
    case "foreword":
    case "summary":
      return personPage(section, site);
    case "analysis":
      return analysisPage(section, site);
    case "force":
      return forcePage(section, site);
    case "back":
      return backPage(section, site, document);
  }
}
