// One subset of each face for the whole book. Every part embeds its own subsets of the theme's fonts,
// and writes its text by the glyphs' ids in the font (CID = GID: patches/pdfkit+*.patch), so the parts
// encode a face's text alike. The joiner then writes each face once: the glyphs every part uses, taken
// from the font file in one subset, with the widths and Unicode mappings the parts wrote, and points
// every part's font at it. A part's own subset is then left out of the book.
import { createHash } from "node:crypto";
import { inflateSync, deflateSync } from "node:zlib";
import { codeVersion } from "../cache/codeVersion.ts";
import { hashOf, noCache, type StageCache } from "../cache/stageCache.ts";
import { fonts, type FontFace } from "../design/theme.ts";
import { fontFile, type FontkitFont } from "../design/fontFiles.ts";
import { refOf, type ParsedPdf, type PdfObject, type PdfWriter } from "../pdf/pdfObjects.ts";

/** A face as one part wrote it: the widths and Unicode mappings of the CIDs it used, as written. */
interface PartFace {
  name: string;
  descriptor: string;
  widths: Map<number, string>;
  unicode: Map<number, string>;
}

/** Per PDF (part or overlay, in the order given), its font dictionaries the book replaces → the book's font. */
export type SharedFontRefs = Map<number, number>[];

/** The theme's faces by PostScript name. */
let faces: Map<string, FontkitFont> | undefined;
function themeFaces(): Map<string, FontkitFont> {
  faces ??= new Map(fonts.faces.map((face: FontFace) => fontFile(face.file)).map((font) => [font.postscriptName, font]));
  return faces;
}

/** A stream's bytes, decoded when pdfkit compressed them. */
function decoded(object: PdfObject): Buffer {
  if (!object.stream) throw new Error("A font's ToUnicode map in a part of the book is not a stream.");
  return /\/Filter\s*\/FlateDecode\b/.test(object.head) ? inflateSync(object.stream) : object.stream;
}

/** A CID-keyed width array (`c [w …] c [w …]`, as the pdfkit patch writes it) as CID → width. */
function readWidths(array: string): Map<number, string> {
  const widths = new Map<number, string>();
  for (const [, first, values] of array.matchAll(/(\d+)\s*\[([^\]]*)\]/g)) {
    values.trim().split(/\s+/).forEach((width, i) => widths.set(Number(first) + i, width));
  }
  return widths;
}

/** A ToUnicode map's ranges (`<first> <last> [<u> …]`, as pdfkit writes them) as CID → `<u>`. */
function readUnicode(cmap: string): Map<number, string> {
  const unicode = new Map<number, string>();
  for (const [, first, last, values] of cmap.matchAll(/<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]{4})>\s*\[([^\]]*)\]/g)) {
    const targets = values.match(/<[0-9a-fA-F\s]*>/g) ?? [];
    if (targets.length !== parseInt(last, 16) - parseInt(first, 16) + 1) throw new Error("A font's ToUnicode map in a part of the book has a range of the wrong length.");
    targets.forEach((target, i) => unicode.set(parseInt(first, 16) + i, target));
  }
  return unicode;
}

/**
 * A part's Type0 font written by patched pdfkit in one of the theme's TrueType faces (CIDs are the
 * font's glyph ids, mapped by a CIDToGIDMap stream), or undefined for any other font, left as it is.
 */
function partFace(pdf: ParsedPdf, head: string): PartFace | undefined {
  if (!/\/Subtype\s*\/Type0\b/.test(head) || !/\/Encoding\s*\/Identity-H\b/.test(head)) return undefined;
  const name = /\/BaseFont\s*\/[A-Z]{6}\+(\S+)/.exec(head)?.[1];
  const descendant = pdf.objects.get(Number(/\/DescendantFonts\s*\[\s*(\d+)\s+\d+\s+R\s*\]/.exec(head)?.[1]));
  const toUnicode = pdf.objects.get(refOf(head, "ToUnicode") ?? -1);
  if (!name || !themeFaces().has(name) || !descendant || !toUnicode) return undefined;
  const cidFont = descendant.head;
  const descriptor = pdf.objects.get(refOf(cidFont, "FontDescriptor") ?? -1)?.head;
  if (!/\/Subtype\s*\/CIDFontType2\b/.test(cidFont) || refOf(cidFont, "CIDToGIDMap") === undefined || !descriptor || /\/CIDSet\b/.test(descriptor)) return undefined;
  const widths = /\/W\s*\[((?:\s*\d+\s*\[[^\]]*\])*)\s*\]/.exec(cidFont)?.[1];
  if (widths === undefined) return undefined;
  return { name, descriptor, widths: readWidths(widths), unicode: readUnicode(decoded(toUnicode).toString("latin1")) };
}

/** The runs of consecutive keys of a sorted list, each cut at `block`. */
function runs(cids: number[], block = Infinity): number[][] {
  const out: number[][] = [];
  cids.forEach((cid, i) => {
    if (i > 0 && cid === cids[i - 1] + 1 && cid % block !== 0) out[out.length - 1].push(cid);
    else out.push([cid]);
  });
  return out;
}

/** A ToUnicode CMap in the form pdfkit writes one: ranges within a block of 256, a hundred to a section. */
function toUnicodeCmap(unicode: Map<number, string>, cids: number[]): string {
  const hex = (n: number) => n.toString(16).padStart(4, "0");
  const ranges = runs(cids.filter((cid) => unicode.has(cid)), 256).map((run) => `<${hex(run[0])}> <${hex(run[run.length - 1])}> [${run.map((cid) => unicode.get(cid)).join(" ")}]`);
  const sections: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) sections.push(`${ranges.slice(i, i + 100).length} beginbfrange\n${ranges.slice(i, i + 100).join("\n")}\nendbfrange`);
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo <<\n  /Registry (Adobe)\n  /Ordering (UCS)\n  /Supplement 0\n>> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange\n<0000><ffff>\nendcodespacerange",
    ...sections,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

/**
 * The face's subset of the given glyphs (sorted, from .notdef, so the same glyphs give the same bytes
 * and the nth glyph is the subset's nth), compressed, and its length before. Kept in the stage cache
 * under the glyphs: a rebuild that uses no new glyph does not subset the faces again.
 */
function programOf(font: FontkitFont, cids: number[], cache: StageCache): { length: number; compressed: Buffer } {
  const key = hashOf(codeVersion(), font.postscriptName, cids.join(","));
  const kept = cache.getBytes("fonts", key);
  if (kept && kept.length > 4) return { length: kept.readUInt32BE(0), compressed: kept.subarray(4) };
  const subset = font.createSubset();
  if (subset.cff) throw new Error(`${font.postscriptName} is not a TrueType font; the book shares TrueType faces only.`);
  cids.forEach((cid, i) => {
    if (cid >= font.numGlyphs) throw new Error(`A part of the book uses glyph ${cid} of ${font.postscriptName}, which has ${font.numGlyphs}.`);
    if (subset.includeGlyph(cid) !== i) throw new Error(`${font.postscriptName}'s subset did not number glyph ${cid} ${i}.`);
  });
  const program = subset.encode();
  const entry = Buffer.concat([Buffer.alloc(4), deflateSync(program)]);
  entry.writeUInt32BE(program.length, 0);
  cache.setBytes("fonts", key, entry);
  return { length: program.length, compressed: entry.subarray(4) };
}

/** CIDToGIDMap: each CID used (sorted, from .notdef) mapped to its place in the subset. */
function cidToGidOf(cids: number[]): Buffer {
  const map = Buffer.alloc(2 * (cids[cids.length - 1] + 1));
  cids.forEach((cid, i) => map.writeUInt16BE(i, 2 * cid));
  return map;
}

/** A font subset's tag: six capital letters from a digest of what tells the subset apart. */
export function subsetTag(seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
}

/** Whether a font descriptor's TrueType program is left out (no stream), as a part's are (src/render/layoutParts.tsx draws them so). */
function programLeftOut(pdf: ParsedPdf, descriptor: string): boolean {
  const file = pdf.objects.get(refOf(descriptor, "FontFile2") ?? -1);
  return file !== undefined && !file.stream?.length;
}

/** The faces every PDF uses, merged: first part first, so where two parts map a glyph differently the first one's mapping stands. */
function collectFaces(pdfs: ParsedPdf[]): { merged: Map<string, PartFace>; found: Map<number, string>[] } {
  const merged = new Map<string, PartFace>();
  const found = pdfs.map((pdf) => {
    const fontsOf = new Map<number, string>();
    const replaced = new Set<number>();
    for (const [n, { head }] of pdf.objects) {
      const face = /^<<[^]*\/Type\s*\/Font\b/.test(head) ? partFace(pdf, head) : undefined;
      if (!face) continue;
      fontsOf.set(n, face.name);
      const cidFont = pdf.objects.get(Number(/\/DescendantFonts\s*\[\s*(\d+)/.exec(head)?.[1]))?.head ?? "";
      replaced.add(refOf(cidFont, "FontDescriptor") ?? -1);
      const into = merged.get(face.name);
      if (!into) merged.set(face.name, face);
      else for (const key of ["widths", "unicode"] as const) for (const [cid, value] of face[key]) if (!into[key].has(cid)) into[key].set(cid, value);
    }
    // A part's fonts are drawn without their programs (src/render/layoutParts.tsx): each must be one the book embeds.
    for (const [n, { head }] of pdf.objects) {
      if (/\/Type\s*\/FontDescriptor\b/.test(head) && programLeftOut(pdf, head) && !replaced.has(n)) {
        throw new Error(`A part of the book has a font without its program (${/\/FontName\s*\/(\S+)/.exec(head)?.[1] ?? "unnamed"}) that the book does not embed once for all parts.`);
      }
    }
    return fontsOf;
  });
  return { merged, found };
}

/**
 * Writes one font per face the PDFs use (in the theme's TrueType faces, embedded by patched pdfkit) and
 * says, per PDF, which of its font objects each replaces. Objects are numbered by `take`, in the order
 * of the faces' names, so the same parts give the same bytes.
 */
export function shareFonts(pdfs: ParsedPdf[], writer: PdfWriter, take: () => number, cache: StageCache = noCache()): SharedFontRefs {
  const { merged, found } = collectFaces(pdfs);
  const bookFont = new Map<string, number>();
  for (const name of [...merged.keys()].sort()) {
    const face = merged.get(name)!;
    const cids = [...face.widths.keys()].sort((a, b) => a - b);
    if (cids[0] !== 0) throw new Error(`A part of the book writes ${name} without a width for .notdef.`);
    const program = programOf(themeFaces().get(name)!, cids, cache);
    // The same glyphs of a face, the same tag.
    const baseFont = `/${subsetTag(`${name}:${cids.join(",")}`)}+${name}`;
    const [type0, cidFont, descriptor, file, map, toUnicode] = Array.from({ length: 6 }, take);
    writer.write(file, { head: `<<\n/Length1 ${program.length}\n/Filter /FlateDecode\n>>`, stream: program.compressed });
    writer.write(descriptor, { head: face.descriptor.replace(/\/FontName\s*\/\S+/, `/FontName ${baseFont}`).replace(/\/FontFile2\s+\d+\s+\d+\s+R/, `/FontFile2 ${file} 0 R`) });
    writer.write(map, { head: "<<\n/Filter /FlateDecode\n>>", stream: deflateSync(cidToGidOf(cids)) });
    const widths = runs(cids).map((run) => `${run[0]} [${run.map((cid) => face.widths.get(cid)).join(" ")}]`);
    const system = "<<\n/Registry (Adobe)\n/Ordering (Identity)\n/Supplement 0\n>>";
    writer.write(cidFont, { head: `<<\n/Type /Font\n/Subtype /CIDFontType2\n/BaseFont ${baseFont}\n/CIDSystemInfo ${system}\n/FontDescriptor ${descriptor} 0 R\n/W [${widths.join(" ")}]\n/CIDToGIDMap ${map} 0 R\n>>` });
    writer.write(toUnicode, { head: "<<\n/Filter /FlateDecode\n>>", stream: deflateSync(Buffer.from(toUnicodeCmap(face.unicode, cids), "latin1")) });
    writer.write(type0, { head: `<<\n/Type /Font\n/Subtype /Type0\n/BaseFont ${baseFont}\n/Encoding /Identity-H\n/DescendantFonts [${cidFont} 0 R]\n/ToUnicode ${toUnicode} 0 R\n>>` });
    bookFont.set(name, type0);
  }
  return found.map((fontsOf) => new Map([...fontsOf].map(([n, name]) => [n, bookFont.get(name)!])));
}
