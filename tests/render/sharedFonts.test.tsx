// The joined book embeds each face once (src/render/shareFonts.ts): parts laid out as documents of
// their own, in faces they share and faces they do not, joined with an overlay that sets numbers in one
// of them. The book must hold one font program per face, read back to the words the parts were given,
// and draw every page as the part it came from does.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Page, Text, pdf, renderToBuffer } from "@react-pdf/renderer";
import { PDFDict, PDFDocument, PDFName, PDFStream } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { StageCache } from "../../src/cache/stageCache.ts";
import { fonts } from "../../src/design/theme.ts";
import { registerFonts } from "../../src/pdf/registerFonts.ts";
import { joinParts, type JoinMetadata } from "../../src/render/joinParts.ts";
import { parsePdf, refOf } from "../../src/pdf/pdfObjects.ts";
import { rasterised } from "../helpers/rasterise.ts";

type Run = { text: string; weight?: 400 | 600 | 700; italic?: boolean };

// Each page's lines; the first part's pages share Regular and Bold with the second's, the second alone
// uses Italic, the third alone SemiBold. "fi" and "ffi" are set as ligatures, which ToUnicode must
// read back as their letters.
const partPages: Run[][][] = [
  [[{ text: "The first officer in the field" }, { text: "Kent and Essex", weight: 700 }], [{ text: "Quarterly figures, 2024" }]],
  [[{ text: "An office of sufficient size" }, { text: "Avon and Somerset", italic: true }, { text: "Zero vacancies", weight: 700 }]],
  [[{ text: "Jersey: 42 % women", weight: 600 }]],
];

const meta: JoinMetadata = {
  title: "Shared fonts (test)",
  author: "Test",
  subject: "Test",
  keywords: "test",
  creator: "test",
  producer: "test",
  language: "en-GB",
  creationDate: new Date(Date.UTC(2024, 0, 1)),
  modificationDate: new Date(Date.UTC(2024, 0, 1)),
};

const partDocument = (pages: Run[][]) => (
    <Document>
      {pages.map((lines, i) => (
        <Page key={i} size="A6" style={{ padding: 20, fontFamily: fonts.family, fontSize: 12 }}>
          {lines.map((run, j) => (
            <Text key={j} style={{ fontWeight: run.weight ?? 400, fontStyle: run.italic ? "italic" : "normal" }}>
              {run.text}
            </Text>
          ))}
        </Page>
      ))}
    </Document>
);
const partPdf = (pages: Run[][]) => renderToBuffer(partDocument(pages));

/** A part drawn as the build draws one (src/render/layoutParts.tsx): laid out, then drawn without its font programs. */
async function barePartPdf(pages: Run[][]): Promise<Buffer> {
  const instance = pdf(partDocument(pages)) as unknown as { toLayout(): Promise<object>; toBuffer(layout: object, options: { fontPrograms: boolean }): Promise<AsyncIterable<Buffer>> };
  const chunks: Buffer[] = [];
  for await (const chunk of await instance.toBuffer(await instance.toLayout(), { fontPrograms: false })) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const pageCount = partPages.flat().length;
const overlayPdf = () =>
  renderToBuffer(
    <Document>
      {Array.from({ length: pageCount }, (_, i) => (
        <Page key={i} size="A6" style={{ fontFamily: fonts.family, fontSize: 9 }}>
          <Text style={{ position: "absolute", bottom: 10, left: 140 }}>{`Page ${i + 1}`}</Text>
        </Page>
      ))}
    </Document>,
  );

/** The font programs of a PDF, by face (the PostScript name without its subset tag). */
async function fontPrograms(pdf: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const programs = new Map<string, number>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
    const face = object.get(PDFName.of("FontName"))!.toString().replace(/^\/[A-Z]{6}\+/, "");
    expect(object.lookup(PDFName.of("FontFile2"))).toBeInstanceOf(PDFStream);
    programs.set(face, (programs.get(face) ?? 0) + 1);
  }
  return programs;
}

function saved(pdf: Uint8Array, name: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "shared-fonts-")), name);
  writeFileSync(file, pdf);
  return file;
}

/** Each page's words as pdftotext reads them, one space between words. */
const pageTexts = (file: string) =>
  execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })
    .split("\f")
    .slice(0, -1)
    .map((page) => page.split(/\s+/).filter(Boolean).join(" "));

describe("a book joined from parts embeds each face once", () => {
  let parts: Buffer[];
  let book: Buffer;
  let withOverlay: Buffer;

  beforeAll(async () => {
    await registerFonts();
    parts = [];
    for (const pages of partPages) parts.push(await partPdf(pages));
    book = await joinParts(parts, meta);
    withOverlay = await joinParts(parts, meta, await overlayPdf());
  }, 120_000);

  it("holds one font program per face where the parts held one per part and face", async () => {
    const perPart = new Map<string, number>();
    for (const part of parts) for (const [face, n] of await fontPrograms(part)) perPart.set(face, (perPart.get(face) ?? 0) + n);
    // Regular and Bold are in two parts each; Italic and SemiBold in one.
    expect(Object.fromEntries(perPart)).toEqual({ "SourceSans3-Regular": 2, "SourceSans3-Bold": 2, "SourceSans3-Italic": 1, "SourceSans3-SemiBold": 1 });
    for (const pdf of [book, withOverlay]) {
      expect(Object.fromEntries(await fontPrograms(pdf))).toEqual({ "SourceSans3-Regular": 1, "SourceSans3-Bold": 1, "SourceSans3-Italic": 1, "SourceSans3-SemiBold": 1 });
    }
    // pdffonts: each face once, embedded, a subset, with a Unicode map.
    const rows = execFileSync("pdffonts", [saved(withOverlay, "book.pdf")], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(rows.map((row) => row.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, "")).sort()).toEqual(["SourceSans3-Bold", "SourceSans3-Italic", "SourceSans3-Regular", "SourceSans3-SemiBold"]);
    for (const row of rows) expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it("reads back as the words the parts were given, ligatures as their letters, the overlay's numbers too", () => {
    const words = partPages.flat().map((lines) => lines.map((run) => run.text).join(" "));
    expect(pageTexts(saved(book, "book.pdf"))).toEqual(words);
    expect(pageTexts(saved(withOverlay, "overlay.pdf"))).toEqual(words.map((text, i) => `${text} Page ${i + 1}`));
  });

  it("draws every page as its part does, and the same parts give the same bytes", async () => {
    expect(rasterised(book, 50)).toEqual(parts.flatMap((part) => rasterised(part, 50)));
    expect((await joinParts(parts, meta)).equals(book)).toBe(true);
    const check = execFileSync("qpdf", ["--check", saved(withOverlay, "check.pdf")], { encoding: "utf8" });
    expect(check).toContain("No syntax or stream encoding errors");
  });

  it("keeps each face's subset in the stage cache under its glyphs: joined again, it subsets nothing and writes the same bytes", async () => {
    const kept = new Map<string, Buffer>();
    const calls = { hits: 0, misses: 0, writes: 0 };
    const cache: StageCache = {
      get: () => undefined,
      set: () => {},
      getBytes: (stage, key) => {
        const bytes = kept.get(`${stage}/${key}`);
        calls[bytes ? "hits" : "misses"]++;
        return bytes;
      },
      setBytes: (stage, key, value) => {
        calls.writes++;
        kept.set(`${stage}/${key}`, value);
      },
      stats: {},
    };
    expect((await joinParts(parts, meta, undefined, cache)).equals(book)).toBe(true);
    expect(calls).toEqual({ hits: 0, misses: 4, writes: 4 });
    expect([...kept.keys()].every((key) => key.startsWith("fonts/"))).toBe(true);
    expect((await joinParts(parts, meta, undefined, cache)).equals(book)).toBe(true);
    expect(calls).toEqual({ hits: 4, misses: 4, writes: 4 });
    // A part with a glyph no part used before makes that face's subset again, and only that one.
    const more = [...parts, await partPdf([[{ text: "Ω", weight: 600 }]])];
    await joinParts(more, meta, undefined, cache);
    expect(calls).toEqual({ hits: 7, misses: 5, writes: 5 });
  });

  it("joins parts drawn without their font programs into the same book, and refuses a part's font it cannot embed once", async () => {
    const bare = await Promise.all(partPages.map(barePartPdf));
    // pdfkit (patched) leaves each TrueType program, and the map of its glyphs into the subset, out: every
    // FontFile2 and CIDToGIDMap is there, with no stream (the book writes each face's own).
    const streams = (part: Buffer, key: string) => [...parsePdf(part).objects.values()].map((o) => refOf(o.head, key)).filter((n) => n !== undefined).map((n) => parsePdf(part).objects.get(n!)!.stream?.length ?? 0);
    for (const key of ["FontFile2", "CIDToGIDMap"]) {
      bare.forEach((part, i) => {
        expect(streams(part, key).length).toBe(streams(parts[i], key).length);
        expect(streams(part, key).every((length) => length === 0)).toBe(true);
        expect(streams(parts[i], key).every((length) => length > 0)).toBe(true);
      });
    }
    // The same book but for its ID, a digest of the parts' bytes.
    const withoutId = (file: Buffer) => file.toString("latin1").replace(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/, "");
    expect(withoutId(await joinParts(bare, meta))).toBe(withoutId(book));
    // A part's font the book cannot take (here its CIDToGIDMap renamed) would be left without a program.
    const unshared = Buffer.from(bare[0].toString("latin1").replace("/CIDToGIDMap ", "/CIDToGIDMaX "), "latin1");
    await expect(joinParts([unshared, ...bare.slice(1)], meta)).rejects.toThrow(/without its program \([A-Z]{6}\+SourceSans3-\w+\)/);
  });
});
