// Reviewed fixes inside dependencies (patches/, applied by patch-package at install) must be in force:
// this fails if a dependency update makes a patch stop applying.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * A document laid out, with yoga's layouts counted on react-pdf's own yoga (kept on the laid-out
 * document's root): the first of two layouts loads it, the second is counted.
 */
async function countingYoga<L extends { yoga: { node: { create(): object } } }>(document: () => unknown): Promise<{ calls: number; layout: L }> {
  const { pdf } = await import("@react-pdf/renderer");
  const toLayout = () => (pdf(document() as Parameters<typeof pdf>[0]) as unknown as { toLayout(): Promise<L> }).toLayout();
  const proto = Object.getPrototypeOf((await toLayout()).yoga.node.create()) as { calculateLayout: (...a: unknown[]) => unknown };
  const calculate = proto.calculateLayout;
  let calls = 0;
  proto.calculateLayout = function (this: unknown, ...args: unknown[]) {
    calls++;
    return calculate.apply(this, args);
  };
  try {
    const layout = await toLayout();
    return { calls, layout };
  } finally {
    proto.calculateLayout = calculate;
  }
}

describe("patches to dependencies", () => {
  it("pdfkit compares a font with itself without serialising its name table (patches/pdfkit+*.patch)", () => {
    expect(readdirSync(path.join(root, "patches")).filter((f) => f.startsWith("pdfkit+"))).toHaveLength(1);
    const source = readFileSync(path.join(root, "node_modules/pdfkit/js/pdfkit.node.mjs"), "utf8");
    const start = source.indexOf("const isEqualFont = (font1, font2) => {");
    expect(start).toBeGreaterThan(0);
    expect(source.slice(start, start + 300)).toContain("if (font1 === font2 || (font1.font && font1.font === font2.font)) {");
  });
});

describe("pdfkit's TrueType text by glyph id (patches/pdfkit+*.patch)", () => {
  // Every part of the book is a pdfkit document of its own; unpatched, each numbered a font's glyphs in
  // the order it first used them, so two parts wrote the same letter with different codes and the
  // joined book needed a subset per part. Patched, a glyph's code is its id in the font, and
  // CIDToGIDMap maps it to the subset (src/render/shareFonts.ts then subsets each face once per book).
  it("writes each glyph as its id in the font, mapped to the subset by a CIDToGIDMap stream, in every pdfkit build", async () => {
    for (const build of ["pdfkit.js", "pdfkit.node.mjs", "pdfkit.browser.js", "pdfkit.browser.mjs"]) {
      expect(readFileSync(path.join(root, "node_modules/pdfkit/js", build), "utf8"), build).toContain("this.fontSubset = subset;");
    }
    const file = path.join(root, "node_modules/@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf");
    const { default: PDFDocument } = (await import("pdfkit" as string)) as { default: new (o: object) => NodeJS.ReadableStream & { font(f: string): { text(t: string): void }; end(): void } };
    const doc = new PDFDocument({ compress: false });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise((resolve) => doc.on("end", resolve));
    doc.font(file).text("OK");
    doc.end();
    await done;
    const pdf = Buffer.concat(chunks).toString("latin1");
    const fontkit = createRequire(import.meta.url)("fontkit") as { openSync(f: string): { glyphsForString(s: string): { id: number }[] } };
    const [o, k] = fontkit.openSync(file).glyphsForString("OK").map((g) => g.id);
    // Unpatched: <0001> for O and <0002> for K, the subset's numbers.
    const hex = (n: number) => n.toString(16).padStart(4, "0");
    expect(pdf).toMatch(new RegExp(`\\[<${hex(o)}> [-\\d.]+ <${hex(k)}>|<${hex(o)}${hex(k)}>`));
    const map = /\/CIDToGIDMap (\d+) 0 R/.exec(pdf);
    expect(map).not.toBeNull();
    const stream = new RegExp(`\\n${map![1]} 0 obj\\s*<<[^>]*>>\\s*stream\\n`).exec(pdf)!;
    const bytes = Buffer.from(pdf.slice(stream.index + stream[0].length, stream.index + stream[0].length + 2 * (Math.max(o, k) + 1)), "latin1");
    // The subset holds .notdef, O and K, in the order used.
    expect([bytes.readUInt16BE(2 * o), bytes.readUInt16BE(2 * k)]).toEqual([1, 2]);
  });
});

describe("fontkit's glyph cache (patches/fontkit+*.patch)", () => {
  // The bug it fixes: a glyph first made without code points (here by asking for it by id, as a font
  // subset does for a composite glyph's parts) stayed that way, and text laid out later mapped it to no
  // characters, so react-pdf dropped a character next to it ("2.33 %" printed as ".33 %").
  it("gives a glyph cached without code points the characters a later layout passes", async () => {
    expect(readdirSync(path.join(root, "patches")).filter((f) => f.startsWith("fontkit+"))).toHaveLength(1);
    type Font = { layout(s: string, f?: string[]): { glyphs: { id: number; codePoints: number[] }[] }; getGlyph(id: number): { codePoints: number[] } };
    type Fontkit = { openSync(file: string): Font };
    const file = path.join(root, "node_modules/@expo-google-fonts/source-sans-3/600SemiBold/SourceSans3_600SemiBold.ttf");
    // react-pdf and the text metrics (src/charts/textMetrics.ts) load the ES module; the CommonJS build is patched alike.
    const esm = (await import("fontkit" as string)) as Fontkit;
    const cjs = createRequire(import.meta.url)("fontkit") as Fontkit;
    for (const fontkit of [esm, cjs]) {
      const period = fontkit.openSync(file).layout(".", ["tnum"]).glyphs[0].id;
      const fresh = fontkit.openSync(file);
      expect(fresh.getGlyph(period).codePoints).toEqual([]);
      expect(fresh.layout("2.33", ["tnum"]).glyphs.map((g) => g.codePoints)).toEqual([[50], [46], [51], [51]]);
    }
  });
});

describe("yoga's inlined WebAssembly (patches/yoga-layout+*.patch)", () => {
  // Without the patch, yoga fetches its own base64 data: URL, which makes Node load its fetch
  // implementation (undici): some 50 ms of every build's start, and a fetch for no reason.
  it("decodes the inlined binary without calling fetch", async () => {
    expect(readdirSync(path.join(root, "patches")).filter((f) => f.startsWith("yoga-layout+"))).toHaveLength(1);
    const { loadYoga } = (await import("yoga-layout/load")) as { loadYoga: () => Promise<{ Node: { create(): { free(): void } } }> };
    const realFetch = globalThis.fetch;
    const fetched: unknown[] = [];
    globalThis.fetch = ((input: unknown) => (fetched.push(input), Promise.reject(new Error("no fetch in a build")))) as typeof fetch;
    try {
      const yoga = await loadYoga();
      yoga.Node.create().free();
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual([]);
  });
});

describe("tagging in react-pdf's render stage (patches/@react-pdf+render+*.patch) and pdfkit's link references", () => {
  // Without the patches a <Document tagged> draws an untagged PDF; with them, roles become structure
  // elements and a link's annotation is referenced from its Link element on its own page.
  it("writes a structure tree from role props, and an OBJR naming the page the link is on", async () => {
    expect(readdirSync(path.join(root, "patches")).filter((f) => f.startsWith("@react-pdf+render+"))).toHaveLength(1);
    const { Document, Page, Text, Link, renderToBuffer } = await import("@react-pdf/renderer");
    const { createElement: h } = await import("react");
    const pdf = await renderToBuffer(
      h(Document, { tagged: true } as object, h(Page, { size: "A6" }, h(Text, null, "See ", h(Link, { src: "https://example.org" }, "this"))), h(Page, { size: "A6" }, h(Text, { role: "H1" } as object, "Title"))),
    );
    const text = pdf.toString("latin1");
    expect(text).toMatch(/\/S \/H1\b/);
    expect(text).toMatch(/\/S \/Link\b/);
    // The link is on the first page (written first); unpatched, pdfkit named the page current when the tree was written, the last.
    const pages = [...text.matchAll(/(\d+) 0 obj\s*<<\s*\/Type \/Page\b/g)].map((m) => Number(m[1]));
    const objr = /\/Type \/OBJR\s*\/Obj \d+ 0 R\s*\/Pg (\d+) 0 R/.exec(text);
    expect(pages).toHaveLength(2);
    expect(Number(objr?.[1])).toBe(Math.min(...pages));
  });
});

describe("react-pdf's pagination lays a page out again only when its render props drew something new (patches/@react-pdf+layout+*.patch)", () => {
  // Unpatched, every page with a render prop (every inner page: its folio) was laid out once more after
  // pagination to give the render props the page count, even when they drew what they had drawn.
  // A render prop's text is laid out (and its words hyphenated) each time its page is laid out, so the
  // hyphenation callback counts the layouts of the folio's page.
  async function render(folio: (page: { pageNumber: number; totalPages?: number; subPageNumber?: number }) => string): Promise<{ layouts: string[]; pages: string[] }> {
    const { Document, Page, Text, renderToBuffer } = await import("@react-pdf/renderer");
    const { createElement: h } = await import("react");
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { readPdfPages } = await import("../helpers/pdfText.ts");
    const layouts: string[] = [];
    const paragraph = "Each force writes about its work in a paragraph long enough to be set on several lines of this small page. ".repeat(6);
    const pdf = await renderToBuffer(
      h(
        Document,
        null,
        h(
          Page,
          { size: "A7", style: { padding: 20, paddingBottom: 40 } },
          Array.from({ length: 6 }, (_, i) => h(Text, { key: i, style: { fontSize: 9 } }, paragraph)),
          h(Text, {
            fixed: true,
            style: { position: "absolute", bottom: 12, left: 20, fontSize: 8 },
            hyphenationCallback: (word: string) => (layouts.push(word), [word]),
            render: folio,
          } as object),
        ),
      ),
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), "layout-patch-")), "out.pdf");
    writeFileSync(file, pdf);
    return { layouts, pages: (await readPdfPages(file)).map((p) => p.text) };
  }

  it("lays a page out once when its folio draws the same number after pagination", async () => {
    const { layouts, pages } = await render(({ pageNumber }) => `folio${pageNumber}`);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, i) => expect(text).toContain(`folio${i + 1}`));
    // Each page's folio laid out once, when the page was split off (unpatched: twice, the second after pagination).
    expect(layouts).toEqual(pages.map((_, i) => `folio${i + 1}`));
  });

  it("lays a page out again when a render prop draws something new once the page count is known", async () => {
    const { layouts, pages } = await render(({ pageNumber, totalPages }) => `folio${pageNumber}of${totalPages ?? "unknown"}`);
    const n = pages.length;
    pages.forEach((text, i) => expect(text).toContain(`folio${i + 1}of${n}`));
    expect(layouts).toEqual([...pages.map((_, i) => `folio${i + 1}ofunknown`), ...pages.map((_, i) => `folio${i + 1}of${n}`)]);
  });
});

describe("react-pdf draws a render prop's text that stands apart in its own box (patches/@react-pdf+layout+*.patch)", () => {
  // Unpatched, a page was laid out again (yoga, over the whole page) whenever a render prop drew something
  // new: every part's first page (its markers and folio record drew for the first time) and every page of a
  // force after the first (the "…, continued" line). A text placed absolutely between set offsets, or of a
  // fixed height across a column, cannot move anything else: its lines are laid out in its box instead.
  type Layout = { children: { children?: unknown[] }[]; yoga: { node: { create(): object } } };
  async function layouts(runningLine: Record<string, unknown> | null, marker = true): Promise<{ calls: number; pages: number; text: string[] }> {
    const { Document, Page, Text, View } = await import("@react-pdf/renderer");
    const { createElement: h } = await import("react");
    const document = () =>
      h(
        Document,
        null,
        h(
          Page,
          { size: "A7", style: { padding: 20 } },
          h(View, null, h(Text, { style: { fontSize: 9 } }, "Each force writes about its work in a paragraph set on several lines. ".repeat(36))),
          runningLine && h(Text, { fixed: true, style: { fontSize: 6, ...runningLine }, render: ({ subPageNumber }: { subPageNumber: number }) => (subPageNumber > 1 ? `continued ${subPageNumber}` : "") } as object),
          marker && h(Text, { fixed: true, style: { fontSize: 1, height: 0, lineHeight: 0 }, render: () => " " } as object),
        ),
      );
    const { calls, layout: laidOut } = await countingYoga<Layout>(document);
    const texts = (node: unknown): string[] => {
      const n = node as { type?: string; value?: string; children?: unknown[] };
      return n.type === "TEXT_INSTANCE" ? [n.value ?? ""] : (n.children ?? []).flatMap(texts);
    };
    return { calls, pages: laidOut.children.length, text: laidOut.children.map((page) => texts(page).join("")) };
  }

  it("lays no page out again for a running line placed between offsets, or a marker of no height", async () => {
    const bare = await layouts(null, false);
    const plain = await layouts(null);
    const placed = await layouts({ position: "absolute", top: 6, left: 20, right: 20 });
    // A marker of no height (a section's start, a folio's record) costs no layout of its own.
    expect(plain.calls).toBe(bare.calls);
    expect(placed.pages).toBeGreaterThanOrEqual(3);
    expect(placed.pages).toBe(plain.pages);
    placed.text.forEach((text, i) => (i === 0 ? expect(text).not.toContain("continued") : expect(text).toContain(`continued ${i + 1}`)));
    // The same yoga layouts as the page without the running line (unpatched: one more for every page).
    expect(placed.calls).toBe(plain.calls);
  });

  it("lays a page out again when a render prop's text could move others (its width follows its words)", async () => {
    const plain = await layouts(null);
    const floating = await layouts({ position: "absolute", top: 6, left: 20 });
    floating.text.forEach((text, i) => (i === 0 ? expect(text).not.toContain("continued") : expect(text).toContain(`continued ${i + 1}`)));
    expect(floating.calls).toBeGreaterThan(plain.calls);
  });
});

describe("react-pdf lays out a text once for the same words, attributes and box (patches/@react-pdf+layout+*.patch)", () => {
  // A force's paragraphs are laid out twice, unpatched: once measured at column width (src/render/forceColumns.tsx),
  // then set at that width. The hyphenation callback runs once for each text laid out, so it counts them.
  async function hyphenatedWords(paragraphs: { text: string; width: number; color?: string }[]): Promise<string[]> {
    const { Document, Page, Text, pdf } = await import("@react-pdf/renderer");
    const { createElement: h } = await import("react");
    const seen: string[] = [];
    const hyphenationCallback = (word: string) => (seen.push(word), [word]);
    await (pdf(
      h(Document, null, h(Page, { size: "A5" }, ...paragraphs.map((p, i) => h(Text, { key: i, hyphenationCallback, style: { width: p.width, fontSize: 9, color: p.color ?? "black" } }, p.text)))),
    ) as unknown as { toLayout(): Promise<unknown> }).toLayout();
    return seen;
  }

  it("lays a paragraph out once when it comes again at the same width, and again at another width or colour", async () => {
    const text = "Officers and staff planned the year together in open sessions";
    // The callback is given each word and each space between words.
    const words = (t: string) => t.split(/( )/);
    const once = await hyphenatedWords([{ text, width: 200 }]);
    expect(once).toEqual(words(text));
    // The same paragraph three times over (unpatched: its words hyphenated three times).
    expect(await hyphenatedWords([{ text: `${text} again`, width: 200 }, { text: `${text} again`, width: 200 }, { text: `${text} again`, width: 200 }])).toEqual(words(`${text} again`));
    // Another width, or another attribute, is another layout.
    expect(await hyphenatedWords([{ text: `${text} twice`, width: 200 }, { text: `${text} twice`, width: 150 }, { text: `${text} twice`, width: 150, color: "red" }])).toEqual([...words(`${text} twice`), ...words(`${text} twice`), ...words(`${text} twice`)]);
  });
});

describe("react-pdf keeps a page that fits and stands from its top as first laid out (patches/@react-pdf+layout+*.patch)", () => {
  // Pagination lays each page out at the height of its content, then, unpatched, again at its own height
  // (yoga over the whole page) even when nothing was split: 60 of the 72 pages of the 2024 book.
  type Box = { top: number; height: number };
  type Layout = { children: { box: Box; children: { box: Box }[] }[]; yoga: { node: { create(): object } } };
  async function laidOut(pageStyle: Record<string, unknown>, lastStyle: Record<string, unknown> = {}): Promise<{ calls: number; page: Box; last: Box }> {
    const { Document, Page, Text, View } = await import("@react-pdf/renderer");
    const { createElement: h } = await import("react");
    const document = () =>
      h(Document, null, h(Page, { size: "A6", style: { padding: 20, ...pageStyle } }, h(View, null, h(Text, { style: { fontSize: 9 } }, "A short paragraph at the top of the page.")), h(View, { style: { height: 20, ...lastStyle } })));
    const { calls, layout } = await countingYoga<Layout>(document);
    const [page] = layout.children;
    return { calls, page: page.box, last: page.children[1].box };
  }
  const a6Height = 419.53;

  it("lays a page out once when its content fits and stands from the top, at the page's own height", async () => {
    const fromTop = await laidOut({});
    const pushedDown = await laidOut({ justifyContent: "space-between" });
    expect(fromTop.calls).toBeLessThan(pushedDown.calls);
    expect(fromTop.page.height).toBeCloseTo(a6Height, 2);
    expect(fromTop.last.top).toBeLessThan(a6Height / 2);
  });

  it("lays a page out again at its own height when a child takes its place from it", async () => {
    for (const [pageStyle, lastStyle] of [[{ justifyContent: "space-between" }, {}], [{}, { position: "absolute", bottom: 20, left: 20 }], [{}, { marginTop: "auto" }], [{}, { flexGrow: 1 }]] as const) {
      const { page, last } = await laidOut(pageStyle, lastStyle);
      expect(page.height).toBeCloseTo(a6Height, 2);
      // The last child ends at the foot of the page's padding (or fills the room down to it).
      expect(last.top + last.height).toBeCloseTo(a6Height - 20, 1);
    }
  });
});

describe("react-pdf asks for each font once a page (patches/@react-pdf+layout+*.patch)", () => {
  // After inheritance every node names its font; unpatched, a page asked the font store for it node by
  // node (27,335 times in a 2024 build), each a promise to settle.
  it("loads a page's fonts once each, however many texts use them", async () => {
    const { Document, Font, Page, Text, View, pdf } = await import("@react-pdf/renderer");
    const { createElement: h } = await import("react");
    const store = Font as unknown as { load(descriptor: { fontFamily: string; fontWeight?: number }): Promise<void> };
    const load = store.load;
    const asked: string[] = [];
    store.load = (descriptor) => (asked.push(`${descriptor.fontFamily} ${descriptor.fontWeight ?? ""}`), load(descriptor));
    try {
      const texts = Array.from({ length: 30 }, (_, i) => h(Text, { key: i, style: i % 3 === 0 ? { fontFamily: "Helvetica-Bold" } : {} }, `Line ${i}`));
      await (pdf(h(Document, null, h(Page, { size: "A5", style: { fontFamily: "Helvetica" } }, h(View, null, ...texts)))) as unknown as { toLayout(): Promise<unknown> }).toLayout();
    } finally {
      store.load = load;
    }
    // Helvetica and Helvetica-Bold, once for each of the two times react-pdf gathers a page's assets.
    expect(new Set(asked)).toEqual(new Set(["Helvetica ", "Helvetica-Bold "]));
    expect(asked.length).toBeLessThanOrEqual(4);
  });
});

describe("react-pdf keeps a text's lines laid out in an unbounded box for any box they fit (patches/@react-pdf+layout+*.patch)", () => {
  // yoga measures a paragraph in a box of no set height; a force's column then sets it in a slot of a
  // set height. Unpatched, the second was a second layout of the same lines (1,085 of them in a 2024 build).
  type Node = { type?: string; lines?: { string: string }[]; children?: Node[] };
  async function linesOf(boxes: Record<string, unknown>[], text: string): Promise<{ string: string }[][]> {
    const { Document, Page, Text, View, pdf } = await import("@react-pdf/renderer");
    const { createElement: h } = await import("react");
    const page = h(Page, { size: "A4" }, ...boxes.map((style, i) => h(View, { key: i }, h(Text, { style: { width: 160, fontSize: 9, ...style } }, text))));
    const layout = await (pdf(h(Document, null, page)) as unknown as { toLayout(): Promise<Node> }).toLayout();
    const texts = (node: Node): Node[] => (node.type === "TEXT" ? [node] : (node.children ?? []).flatMap(texts));
    return texts(layout).map((node) => node.lines ?? []);
  }

  it("gives a box of set height the lines measured without one when they fit it, and lays them out again when they do not", async () => {
    const text = "A paragraph measured first in a column of no set height, then set in a slot of a set height. ".repeat(3);
    const [measured, fitting, tooLow] = await linesOf([{}, { height: 400 }, { height: 30 }], text);
    expect(measured.length).toBeGreaterThan(4);
    // The same lines: the very array laid out for the unbounded box.
    expect(fitting).toBe(measured);
    // Lines that overflow their box are cut there by textkit, so they are laid out again, and fewer.
    expect(tooLow).not.toBe(measured);
    expect(tooLow.length).toBeGreaterThan(0);
    expect(tooLow.length).toBeLessThan(measured.length);
    // (its last line as textkit cuts it)
    expect(tooLow.slice(0, -1)).toEqual(measured.slice(0, tooLow.length - 1));
  });
});

describe("react-pdf lays a chart's label out once for the same text and place (patches/@react-pdf+layout+*.patch)", () => {
  // A force's chart is laid out in its measuring pass and again on its page; axis labels repeat from chart to chart.
  type Node = { type?: string; lines?: unknown[]; children?: Node[] };
  it("gives the same label at the same place the same lines, and lays it out again elsewhere or in another colour", async () => {
    const { Document, Page, Svg, Text, pdf } = await import("@react-pdf/renderer");
    const { createElement: h } = await import("react");
    const label = (x: number, y: number, fill = "black") => h(Svg, { width: 200, height: 40 }, h(Text, { x, y, fill, style: { fontSize: 8 } } as object, "Women in senior ranks"));
    const page = h(Page, { size: "A6" }, label(10, 20), label(10, 20), label(10, 30), label(10, 20, "red"));
    const layout = await (pdf(h(Document, null, page)) as unknown as { toLayout(): Promise<Node> }).toLayout();
    const spans = (node: Node): Node[] => (node.type === "TSPAN" ? [node] : (node.children ?? []).flatMap(spans));
    const [first, again, lower, red] = spans(layout).map((span) => span.lines);
    expect(first?.length).toBe(1);
    expect(again).toBe(first);
    expect(lower).not.toBe(first);
    expect(red).not.toBe(first);
  });
});

describe("react-pdf lays a document out and draws it in two steps (patches/@react-pdf+renderer+*.patch)", () => {
  // Copyfitting lays a part out up to six times to choose how tightly to set it; unpatched, each pass was
  // drawn to a PDF (fonts subset, pages compressed) and all but the last thrown away.
  it("draws the layout it is given without laying the document out again", async () => {
    const { Document, Page, Text, pdf } = await import("@react-pdf/renderer");
    const { createElement: h } = await import("react");
    const { countPages } = await import("../../src/pdf/countPages.ts");
    let layouts = 0;
    const instance = pdf(
      h(
        Document,
        null,
        h(Page, { size: "A7" }, h(Text, { render: ({ pageNumber }: { pageNumber: number }) => (layouts++, `Page ${pageNumber}`) } as object)),
        h(Page, { size: "A7" }, h(Text, null, "Second")),
      ),
    ) as unknown as { toLayout(): Promise<{ children: unknown[] }>; toBuffer(layout: unknown): Promise<NodeJS.ReadableStream> };
    expect(typeof instance.toLayout).toBe("function");
    const layout = await instance.toLayout();
    expect(layout.children).toHaveLength(2);
    const laidOut = layouts;
    expect(laidOut).toBeGreaterThan(0);
    const chunks: Buffer[] = [];
    for await (const chunk of await instance.toBuffer(layout)) chunks.push(chunk as Buffer);
    const file = Buffer.concat(chunks);
    expect(layouts).toBe(laidOut);
    expect(countPages(file)).toBe(2);
  });
});

describe("textkit's per-character work on plain text (patches/@react-pdf+textkit+*.patch)", () => {
  type Run = { start: number; end: number; attributes: Record<string, unknown> };
  type Step = (s: { string: string; runs: Run[] }) => { string: string; runs: Run[] };

  // Unpatched, choosing each character's font read the font's units per em (a table lookup in fontkit)
  // for every character, and made a new array of fonts for every character.
  it("reads a font's units per em per run of text, not per character, and splits runs as before", async () => {
    const { fontSubstitution } = (await import("@react-pdf/textkit")) as unknown as { fontSubstitution: () => Step };
    let reads = 0;
    const font = { hasGlyphForCodePoint: (code: number) => code !== 0x3a9, get unitsPerEm() { return reads++, 1000; } };
    const fallback = { hasGlyphForCodePoint: () => true, unitsPerEm: 2048 };
    const string = "a".repeat(500) + "Ω" + "b".repeat(500);
    const { runs } = fontSubstitution()({ string, runs: [{ start: 0, end: string.length, attributes: { font: [font, fallback], fontSize: 10 } }] });
    expect(runs.map((r) => [r.start, r.end, r.attributes.font, r.attributes.scale])).toEqual([
      [0, 500, [font], 10 / 1000],
      [500, 501, [fallback], 10 / 2048],
      [501, 1001, [font], 10 / 1000],
    ]);
    // One read per run made with `font` (unpatched: about 2,000, two per character).
    expect(reads).toBe(2);
  });

  // Unpatched, the Unicode bidi algorithm ran over every paragraph; text with no right-to-left or
  // explicit directional character is all at level 0, which the patched engine gives without running it.
  it("gives text without right-to-left characters one run at level 0, as the bidi algorithm does, and still runs it otherwise", async () => {
    const source = readFileSync(path.join(root, "node_modules/@react-pdf/textkit/lib/textkit.js"), "utf8");
    expect(source).toContain("if (direction !== 'rtl' && !RIGHT_TO_LEFT_OR_EXPLICIT.test(string)) {");
    const pattern = new RegExp(/const RIGHT_TO_LEFT_OR_EXPLICIT = (\/.*\/);/.exec(source)![1].slice(1, -1));
    const { bidi } = (await import("@react-pdf/textkit")) as unknown as { bidi: () => Step };
    const bidiFactory = createRequire(import.meta.url)("bidi-js") as () => { getEmbeddingLevels(s: string, d?: string): { levels: Uint8Array } };
    const uba = bidiFactory();
    // Every code point outside the ranges, in blocks, each with a figure after it.
    const outside: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (!pattern.test(char)) outside.push(`${char}1`);
    }
    expect(outside.length).toBeGreaterThan(1_000_000);
    const notZero: string[] = [];
    for (let i = 0; i < outside.length; i += 20_000) {
      const string = outside.slice(i, i + 20_000).join("");
      if (!uba.getEmbeddingLevels(string).levels.every((level) => level === 0)) notZero.push(string.slice(0, 12));
    }
    expect(notZero).toEqual([]);
    for (const direction of [undefined, "ltr"]) {
      const string = "Figures 1–2 (£3.50), “quoted”.";
      expect(bidi()({ string, runs: [{ start: 0, end: string.length, attributes: { direction } }] }).runs).toEqual([{ start: 0, end: string.length, attributes: { bidiLevel: 0 } }]);
    }
    const hebrew = "See שלום here";
    expect(bidi()({ string: hebrew, runs: [{ start: 0, end: hebrew.length, attributes: {} }] }).runs.map((r) => r.attributes.bidiLevel)).toEqual([0, 1, 0]);
  });
});

describe("pdfkit's standard font metrics made once (patches/pdfkit+*.patch)", () => {
  // Every pdfkit document opens Helvetica (its default font); unpatched, each built Helvetica's widths
  // and kerning pairs again (about 1 ms), and a build draws a document for every part of the book.
  it("gives every document the same metrics object for a standard font, in the ES module and the CommonJS build", async () => {
    type Doc = { _font: { font: object; widthOfString(s: string, size: number): number }; end(): void };
    const esm = ((await import("pdfkit" as string)) as { default: new () => Doc }).default;
    const cjs = createRequire(import.meta.url)("pdfkit") as new () => Doc;
    for (const PDFDocument of [esm, cjs]) {
      const [a, b] = [new PDFDocument(), new PDFDocument()];
      expect(a._font.font).toBe(b._font.font);
      // Kerned as before: "AV" is narrower than "A" and "V" apart.
      expect(b._font.widthOfString("AV", 10)).toBeLessThan(a._font.widthOfString("A", 10) + a._font.widthOfString("V", 10));
      a.end();
      b.end();
    }
  });
});

describe("pdfkit turns its text into bytes in native code (patches/pdfkit+*.patch)", () => {
  // Every operator of every page's content, and every line pdfkit writes, is a string made bytes one
  // character at a time, unpatched; Node's Latin-1 encoder does the same (each UTF-16 unit's low byte).
  it("writes a page's content as the low bytes of its characters, through Buffer, in the ES module and the CommonJS build", async () => {
    type Doc = { page: { content: { buffer: Uint8Array[] } }; addContent(s: string): Doc; end(): void };
    const esm = ((await import("pdfkit" as string)) as { default: new () => Doc }).default;
    const cjs = createRequire(import.meta.url)("pdfkit") as new () => Doc;
    for (const PDFDocument of [esm, cjs]) {
      const doc = new PDFDocument();
      doc.addContent("0 0 m 10 10 l S \u0141\u00e9");
      const chunk = doc.page.content.buffer.at(-1)!;
      expect(Buffer.isBuffer(chunk)).toBe(true);
      expect([...chunk]).toEqual([...Buffer.from("0 0 m 10 10 l S ", "latin1"), 0x41, 0xe9, 0x0a]);
      doc.end();
    }
  });
});

describe("pdfkit embeds a font by the glyphs in use (patches/pdfkit+*.patch)", () => {
  // A font's widths and Unicode mappings are arrays indexed by glyph id, set only for the glyphs in use:
  // "€" (glyph 2,118 in Source Sans 3) makes them that long. Unpatched, embedding read every index up to
  // the end, and V8 keeps an array so sparse in a dictionary, so each read was a lookup.
  it("reads only the entries set, in the ES module and the CommonJS build, and writes the same widths", async () => {
    const file = path.join(root, "node_modules/@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf");
    type Font = { widths: number[]; unicode: number[][] };
    type Doc = NodeJS.ReadableStream & { font(f: string): { text(t: string): void }; _font: Font; end(): void };
    const esm = ((await import("pdfkit" as string)) as { default: new (o: object) => Doc }).default;
    const cjs = createRequire(import.meta.url)("pdfkit") as new (o: object) => Doc;
    for (const PDFDocument of [esm, cjs]) {
      // Drawn as the build draws a part: its glyph map is the book's to write (which reads every id).
      const doc = new PDFDocument({ compress: false, fontPrograms: false });
      const chunks: Buffer[] = [];
      doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      const done = new Promise((resolve) => doc.on("end", resolve));
      doc.font(file).text("AB €");
      const font = doc._font;
      expect(font.widths.length).toBeGreaterThan(2000);
      let reads = 0;
      const counted = <T extends object>(array: T): T => new Proxy(array, { get: (target, key, receiver) => (typeof key === "string" && /^\d+$/.test(key) && reads++, Reflect.get(target, key, receiver)) });
      font.widths = counted(font.widths);
      font.unicode = counted(font.unicode);
      doc.end();
      await done;
      // .notdef, A, B, space and € in each array: a read or two each, not one for every glyph id below 2,118.
      expect(reads).toBeLessThan(50);
      // The widths as before: a run for € alone at its glyph id.
      expect(Buffer.concat(chunks).toString("latin1")).toMatch(/\/W \[.*\b2118 \[[\d.]+\]/);
    }
  });
});

describe("fontkit's TrueType subsets decode only compound glyphs (patches/fontkit+*.patch)", () => {
  // Unpatched, every glyph put in a subset had its whole outline decoded only to learn whether it was
  // compound: most of the time subsetting took, in every part of the book and in the book's own subsets.
  type Glyph = { id: number; _decode(): unknown; path: { toSVG(): string } };
  type Font = { glyphsForString(s: string): Glyph[]; createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array }; getGlyph(id: number): Glyph };
  it("subsets a simple glyph without decoding it, and a compound glyph with its components, drawn as before", async () => {
    const file = path.join(root, "node_modules/@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf");
    const esm = (await import("fontkit" as string)) as { openSync(f: string): Font; create(b: Uint8Array): Font };
    const cjs = createRequire(import.meta.url)("fontkit") as typeof esm;
    for (const fontkit of [esm, cjs]) {
      const font = fontkit.openSync(file);
      const [simple, compound] = font.glyphsForString("aǻ");
      const decoded: number[] = [];
      for (const glyph of [simple, compound]) {
        const decode = glyph._decode.bind(glyph);
        glyph._decode = () => (decoded.push(glyph.id), decode());
      }
      const subset = font.createSubset();
      const [a, aRingAcute] = [subset.includeGlyph(simple.id), subset.includeGlyph(compound.id)];
      const encoded = subset.encode();
      expect(decoded).toEqual([compound.id]);
      // The compound glyph's components came along, renumbered, and both glyphs draw as in the font.
      const reread = fontkit.create(encoded);
      expect(reread.getGlyph(a).path.toSVG()).toBe(fontkit.openSync(file).getGlyph(simple.id).path.toSVG());
      expect(reread.getGlyph(aRingAcute).path.toSVG()).toBe(fontkit.openSync(file).getGlyph(compound.id).path.toSVG());
    }
  });
});
