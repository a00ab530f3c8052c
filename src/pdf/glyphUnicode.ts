// The glyph-level Unicode check of Tagged PDF, PDF/UA-1 (Matterhorn 31-027 to 31-030) and PDF/A-2 level A
// (ISO 19005-2, 6.2.11.7.2): every character code a page (or a form it draws) shows is mapped by its
// font's ToUnicode CMap, to a value that is not 0, U+FEFF or U+FFFE, and no code shows .notdef. The codes
// are read from the content streams' text operators, so a map that merely exists is not enough.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from "pdf-lib";

export interface GlyphFinding {
  checkpoint: "31-027" | "31-028" | "31-029" | "31-030";
  message: string;
  page: number;
}

const bytesOf = (stream: PDFStream) => Buffer.from(stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents());

/** A ToUnicode CMap's mappings, code (as hex digits, lower case) to UTF-16 text. */
export function readToUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.replace(/\s/g, "").match(/[0-9a-f]{4}/gi) ?? []).map((u) => parseInt(u, 16)));
  const body = (begin: string, end: string) => [...cmap.matchAll(new RegExp(`begin${begin}([\\s\\S]*?)end${end}`, "g"))].map((m) => m[1]).join("\n");
  for (const [, code, value] of body("bfchar", "bfchar").matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]*)>/gi)) map.set(code.toLowerCase(), utf16(value));
  for (const [, lo, hi, rest] of body("bfrange", "bfrange").matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(<[0-9a-f]*>|\[[^\]]*\])/gi)) {
    const first = parseInt(lo, 16);
    const width = lo.length;
    // A ligature's value holds more than one unit ("<0066 0066>").
    const values = rest.startsWith("[") ? [...rest.matchAll(/<([0-9a-f\s]*)>/gi)].map((m) => utf16(m[1])) : null;
    for (let code = first; code <= parseInt(hi, 16) && code - first < 65536; code++) {
      const start = utf16(rest.slice(1, -1));
      // A range's destination counts up in its last UTF-16 unit.
      const value = values ? values[code - first] : start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + code - first);
      if (value !== undefined) map.set(code.toString(16).padStart(width, "0"), value);
    }
  }
  return map;
}

/** The bytes of a literal string's body (between its parentheses), its escapes undone. */
function literalBytes(s: string): number[] {
  const out: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 };
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "\\") out.push(s.charCodeAt(i));
    else if (/[0-7]/.test(s[i + 1])) {
      const octal = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0];
      out.push(parseInt(octal, 8) & 255);
      i += octal.length;
    } else if (s[i + 1] === "\r" || s[i + 1] === "\n") i += s[i + 1] === "\r" && s[i + 2] === "\n" ? 2 : 1;
    else if (escapes[s[i + 1]] !== undefined) out.push(escapes[s[++i]]);
  }
  return out;
}

type Token = { kind: "op"; value: string } | { kind: "name"; value: string } | { kind: "string"; bytes: number[] };

/** The tokens of a content stream that matter here: operators, names and strings (numbers and arrays skipped). */
function* tokens(s: string): Generator<Token> {
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "%") while (i < s.length && s[i] !== "\n" && s[i] !== "\r") i++;
    else if (c === "(") {
      let level = 0;
      const start = i + 1;
      for (; i < s.length; i++) {
        if (s[i] === "\\") i++;
        else if (s[i] === "(") level++;
        else if (s[i] === ")" && --level === 0) break;
      }
      yield { kind: "string", bytes: literalBytes(s.slice(start, i)) };
      i++;
    } else if (c === "<" && s[i + 1] === "<") i += 2;
    else if (c === "<") {
      const end = s.indexOf(">", i);
      const hex = s.slice(i + 1, end < 0 ? s.length : end).replace(/\s/g, "");
      yield { kind: "string", bytes: (hex.length % 2 ? `${hex}0` : hex).match(/../g)?.map((b) => parseInt(b, 16)) ?? [] };
      i = end < 0 ? s.length : end + 1;
    } else if (c === "/") {
      let j = i + 1;
      while (j < s.length && !/[\s/()<>[\]{}%]/.test(s[j])) j++;
      yield { kind: "name", value: s.slice(i + 1, j) };
      i = j;
    } else if (/[A-Za-z'"*]/.test(c)) {
      let j = i;
      while (j < s.length && /[A-Za-z0-9'"*]/.test(s[j])) j++;
      const op = s.slice(i, j);
      // Inline image data is not content to read.
      if (op === "BI") {
        const end = s.indexOf("EI", j);
        j = end < 0 ? s.length : end + 2;
      } else yield { kind: "op", value: op };
      i = j;
    } else i++;
  }
}

interface FontFacts {
  name: string;
  twoByte: boolean;
  unicode: Map<string, string> | null;
}

function fontFacts(doc: PDFDocument, font: PDFDict, cache: Map<PDFDict, FontFacts>): FontFacts {
  const known = cache.get(font);
  if (known) return known;
  const toUnicode = font.lookup(PDFName.of("ToUnicode"));
  const facts = {
    name: (font.lookup(PDFName.of("BaseFont")) as PDFName | undefined)?.decodeText() ?? "a font",
    twoByte: font.lookup(PDFName.of("Subtype")) === PDFName.of("Type0"),
    unicode: toUnicode instanceof PDFStream ? readToUnicode(bytesOf(toUnicode).toString("latin1")) : null,
  };
  cache.set(font, facts);
  return facts;
}

const lookupDict = (doc: PDFDocument, value: PDFObject | undefined) => {
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  return resolved instanceof PDFDict ? resolved : undefined;
};

/** Every character code the page shows, checked against its font's ToUnicode map; one finding per font and fault. */
export function glyphUnicodeFindings(doc: PDFDocument): GlyphFinding[] {
  const findings: GlyphFinding[] = [];
  const fonts = new Map<PDFDict, FontFacts>();
  const reported = new Set<string>();
  const report = (checkpoint: GlyphFinding["checkpoint"], font: FontFacts, message: string, page: number) => {
    if (reported.has(`${checkpoint} ${font.name}`)) return;
    reported.add(`${checkpoint} ${font.name}`);
    findings.push({ checkpoint, message: `${font.name}: ${message}`, page });
  };
  const show = (font: FontFacts | undefined, bytes: number[], page: number) => {
    // A font without any ToUnicode map is reported once by the font check (checkPdf's 31-027).
    if (!font?.unicode) return;
    for (let i = 0; i < bytes.length; i += font.twoByte ? 2 : 1) {
      const code = font.twoByte ? (bytes[i] << 8) | (bytes[i + 1] ?? 0) : bytes[i];
      const hex = code.toString(16).padStart(font.twoByte ? 4 : 2, "0");
      // With Identity-H and pdfkit's subsets, code 0 is glyph 0: .notdef.
      if (font.twoByte && code === 0) report("31-030", font, "a text operator shows the .notdef glyph (code 0).", page);
      const value = font.unicode.get(hex);
      if (value === undefined) report("31-027", font, `code <${hex}> is shown but its ToUnicode map gives it no Unicode value.`, page);
      else if ([...value].some((ch) => ch.codePointAt(0) === 0)) report("31-028", font, `code <${hex}> maps to U+0000.`, page);
      else if (/[\uFEFF\uFFFE]/.test(value)) report("31-029", font, `code <${hex}> maps to U+FEFF or U+FFFE.`, page);
    }
  };
  const visit = (content: Buffer, resources: PDFDict | undefined, page: number, seen: Set<PDFObject>) => {
    const fontDict = lookupDict(doc, resources?.get(PDFName.of("Font")));
    const xobjects = lookupDict(doc, resources?.get(PDFName.of("XObject")));
    let font: FontFacts | undefined;
    let operands: Token[] = [];
    for (const token of tokens(content.toString("latin1"))) {
      if (token.kind !== "op") {
        operands.push(token);
        continue;
      }
      const op = token.value;
      if (op === "Tf") {
        const name = operands.find((t) => t.kind === "name");
        const dict = name?.kind === "name" ? lookupDict(doc, fontDict?.get(PDFName.of(name.value))) : undefined;
        font = dict ? fontFacts(doc, dict, fonts) : undefined;
      } else if (op === "Tj" || op === "TJ" || op === "'" || op === '"') {
        for (const t of operands) if (t.kind === "string") show(font, t.bytes, page);
      } else if (op === "Do") {
        const name = operands.find((t) => t.kind === "name");
        const ref = name?.kind === "name" ? xobjects?.get(PDFName.of(name.value)) : undefined;
        const form = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
        if (form instanceof PDFStream && form.dict.lookup(PDFName.of("Subtype")) === PDFName.of("Form") && !seen.has(form)) {
          seen.add(form);
          visit(bytesOf(form), lookupDict(doc, form.dict.get(PDFName.of("Resources"))) ?? resources, page, seen);
        }
      }
      operands = [];
    }
  };
  doc.getPages().forEach((page, index) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    const content = Buffer.concat(streams.flatMap((s) => (s instanceof PDFStream ? [bytesOf(s), Buffer.from("\n")] : [])));
    visit(content, page.node.Resources(), index + 1, new Set());
  });
  return findings;
}
