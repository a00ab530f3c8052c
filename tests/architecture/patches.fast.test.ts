// Reviewed fixes inside dependencies (patches/, applied by patch-package at install) must be in force:
// this fails if a dependency update makes a patch stop applying.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("patches to dependencies", () => {
  it("pdfkit compares a font with itself without serialising its name table (patches/pdfkit+*.patch)", () => {
    expect(readdirSync(path.join(root, "patches")).filter((f) => f.startsWith("pdfkit+"))).toHaveLength(1);
    const source = readFileSync(path.join(root, "node_modules/pdfkit/js/pdfkit.node.mjs"), "utf8");
    const start = source.indexOf("const isEqualFont = (font1, font2) => {");
    expect(start).toBeGreaterThan(0);
    expect(source.slice(start, start + 300)).toContain("if (font1 === font2 || (font1.font && font1.font === font2.font)) {");
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
