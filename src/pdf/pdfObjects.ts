// The objects of a PDF as pdfkit (react-pdf) writes one: a classic cross-reference table, each object
// a dictionary or value (kept as its text) and perhaps a stream (kept as its bytes, never decoded).
// Enough to take a PDF apart and put objects into another one with new numbers, which is all joining
// the parts of the book needs: copying bytes and renumbering references is far quicker than building
// every object as pdf-lib does (a third of a one-entry rebuild was pdf-lib parsing the 64 parts).
//
// Texts are Latin-1 strings, one character a byte, so a PDF's bytes go in and out unchanged.

import { deflateSync } from "node:zlib";

export interface PdfObject {
  /** The object's value (for a stream, its dictionary), as written, without "n 0 obj" and "endobj". */
  head: string;
  /** A stream's bytes, exactly as stored (still compressed). */
  stream?: Buffer;
}

export interface ParsedPdf {
  objects: Map<number, PdfObject>;
  root: number;
  info?: number;
}

export class UnreadablePdf extends Error {}

/** Takes a PDF written by pdfkit apart into its objects. */
export function parsePdf(bytes: Uint8Array): ParsedPdf {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString("latin1");
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!tail) throw new UnreadablePdf("no startxref at the end");
  const xrefAt = Number(tail[1]);
  if (!text.startsWith("xref", xrefAt)) throw new UnreadablePdf("no classic cross-reference table where startxref points");
  const offsets: [number, number][] = [];
  const line = /(\d+) (\d+)[ \t]*\r?\n/y;
  line.lastIndex = text.indexOf("\n", xrefAt) + 1;
  let section: RegExpExecArray | null;
  let at = line.lastIndex;
  while ((section = line.exec(text))) {
    const [first, count] = [Number(section[1]), Number(section[2])];
    at = line.lastIndex;
    for (let i = 0; i < count; i++, at += 20) {
      const entry = text.slice(at, at + 18);
      if (entry[17] === "n") offsets.push([first + i, Number(entry.slice(0, 10))]);
    }
    line.lastIndex = at;
  }
  const trailer = text.slice(at, text.length);
  const root = /\/Root\s+(\d+)\s+\d+\s+R/.exec(trailer);
  if (!root) throw new UnreadablePdf("no /Root in the trailer");
  const info = /\/Info\s+(\d+)\s+\d+\s+R/.exec(trailer);

  // An object runs to where the next one starts (or the cross-reference table).
  const ends = [...offsets.map(([, offset]) => offset), xrefAt].sort((a, b) => a - b);
  const endOf = new Map(ends.slice(0, -1).map((offset, i) => [offset, ends[i + 1]]));
  const objects = new Map<number, PdfObject>();
  const header = /(\d+)\s+(\d+)\s+obj\s*/y;
  for (const [number, offset] of offsets) {
    header.lastIndex = offset;
    const found = header.exec(text);
    if (!found || Number(found[1]) !== number) throw new UnreadablePdf(`object ${number} is not where the cross-reference table says`);
    const start = header.lastIndex;
    const end = text.lastIndexOf("endobj", endOf.get(offset)!);
    if (end < start) throw new UnreadablePdf(`object ${number} has no endobj`);
    const body = text.slice(start, end);
    const keyword = /(>>\s*)stream\r?\n/.exec(body);
    if (!keyword) {
      objects.set(number, { head: body.trimEnd() });
      continue;
    }
    const head = body.slice(0, keyword.index + keyword[1].length).trimEnd();
    const dataStart = start + keyword.index + keyword[0].length;
    // A direct /Length gives the stream's end; an indirect one ("/Length 12 0 R"), the endstream keyword.
    const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(head);
    const endstream = start + body.lastIndexOf("endstream");
    const dataEnd = length ? dataStart + Number(length[1]) : text[endstream - 1] === "\n" ? endstream - 1 : endstream;
    objects.set(number, { head, stream: buffer.subarray(dataStart, dataEnd) });
  }
  return { objects, root: Number(root[1]), ...(info && { info: Number(info[1]) }) };
}

// A string (literal, one level of nested parentheses, or hex) is skipped whole, so text that looks like
// a reference inside a title is left alone; anything else "n g R" is a reference.
const tokens = /\((?:[^()\\]|\\[\s\S]|\((?:[^()\\]|\\[\s\S])*\))*\)|<[0-9A-Fa-f\s]*>|(?<![\d.])(\d+)\s+\d+\s+R\b/g;

/** The object numbers a head refers to, in order. */
export function referencesIn(head: string): number[] {
  const found: number[] = [];
  for (const match of head.matchAll(tokens)) if (match[1] !== undefined) found.push(Number(match[1]));
  return found;
}

/** The head with every reference renumbered. */
export function renumber(head: string, to: (number: number) => number): string {
  return head.replace(tokens, (token, number: string | undefined) => (number === undefined ? token : `${to(Number(number))} 0 R`));
}

/** The value of a dictionary's key when it is a reference, as an object number. */
export function refOf(head: string, key: string): number | undefined {
  const found = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(head);
  return found ? Number(found[1]) : undefined;
}

/** A literal string's bytes (as Latin-1 text), its escapes undone. */
export function literalBytes(token: string): string {
  const inner = token.slice(1, -1);
  const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
  return inner.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, c: string) => (/^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8) & 0xff) : c === "\n" ? "" : (escapes[c] ?? c)));
}

/** A literal string for Latin-1 text. */
export function literal(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A hex string holding text as UTF-16BE with a byte-order mark, readable in any PDF text field. */
export function hexText(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}

/** Objects packed into one object stream at most: small enough for a reader to decode one quickly. */
const objectsPerStream = 200;

/**
 * Writes numbered objects after a header, then the cross-reference table and the trailer. Objects given
 * to `pack` (small dictionaries without streams, such as structure elements) go into compressed object
 * streams, and then the cross-reference table is a stream too (PDF 1.5); without them the file is as
 * before, a classic table.
 */
export class PdfWriter {
  private chunks: Buffer[] = [];
  private length = 0;
  private offsets: number[] = [];
  private packed = new Map<number, string>();

  constructor(version = "1.7") {
    this.push(Buffer.from(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`, "latin1"));
  }

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** An object to go into an object stream: a value without a stream, written at `finish`. */
  pack(number: number, head: string): void {
    if (this.offsets[number] !== undefined || this.packed.has(number)) throw new Error(`Object ${number} was written twice.`);
    this.packed.set(number, head);
  }

  write(number: number, object: PdfObject): void {
    if (this.offsets[number] !== undefined || this.packed.has(number)) throw new Error(`Object ${number} was written twice.`);
    this.offsets[number] = this.length;
    if (object.stream) {
      // The length written is the bytes' own, direct, whatever the object said before.
      const length = /\/Length\s+\d+(?:\s+\d+\s+R)?/;
      const head = length.test(object.head) ? object.head.replace(length, `/Length ${object.stream.length}`) : object.head.replace(/>>\s*$/, `/Length ${object.stream.length}\n>>`);
      this.push(Buffer.from(`${number} 0 obj\n${head}\nstream\n`, "latin1"));
      this.push(object.stream);
      this.push(Buffer.from("\nendstream\nendobj\n", "latin1"));
    } else {
      this.push(Buffer.from(`${number} 0 obj\n${object.head}\nendobj\n`, "latin1"));
    }
  }

  finish(trailer: { root: number; info: number; id: string }): Buffer {
    if (this.packed.size > 0) return this.finishWithStreams(trailer);
    const size = this.offsets.length;
    const rows = ["xref", `0 ${size}`, "0000000000 65535 f "];
    for (let n = 1; n < size; n++) {
      const offset = this.offsets[n];
      if (offset === undefined) throw new Error(`Object ${n} was never written.`);
      rows.push(`${String(offset).padStart(10, "0")} 00000 n `);
    }
    const xrefAt = this.length;
    rows.push("trailer", `<<\n/Size ${size}\n/Root ${trailer.root} 0 R\n/Info ${trailer.info} 0 R\n/ID [<${trailer.id}> <${trailer.id}>]\n>>`, "startxref", String(xrefAt), "%%EOF\n");
    this.push(Buffer.from(rows.join("\n"), "latin1"));
    return Buffer.concat(this.chunks, this.length);
  }

  /** Packs the `pack`ed objects into object streams and ends with a cross-reference stream. */
  private finishWithStreams(trailer: { root: number; info: number; id: string }): Buffer {
    const numbers = [...this.packed.keys()].sort((a, b) => a - b);
    let next = Math.max(this.offsets.length, numbers[numbers.length - 1] + 1);
    const where = new Map<number, [number, number]>();
    for (let at = 0; at < numbers.length; at += objectsPerStream) {
      const group = numbers.slice(at, at + objectsPerStream);
      const bodies = group.map((n) => Buffer.from(`${this.packed.get(n)!}\n`, "latin1"));
      let offset = 0;
      const index = group.map((n, i) => {
        const entry = `${n} ${offset}`;
        offset += bodies[i].length;
        return entry;
      });
      const header = Buffer.from(`${index.join(" ")}\n`, "latin1");
      const stream = next;
      group.forEach((n, i) => where.set(n, [stream, i]));
      this.write(stream, { head: `<<\n/Type /ObjStm\n/N ${group.length}\n/First ${header.length}\n/Filter /FlateDecode\n>>`, stream: deflateSync(Buffer.concat([header, ...bodies])) });
      next++;
    }
    // The cross-reference stream itself is the last object.
    const xref = next;
    const size = xref + 1;
    const xrefAt = this.length;
    const rows = Buffer.alloc(size * 7);
    for (let n = 0; n < size; n++) {
      const row = n * 7;
      const inStream = where.get(n);
      if (n === 0) rows.writeUInt16BE(0xffff, row + 5);
      else if (inStream) {
        rows[row] = 2;
        rows.writeUInt32BE(inStream[0], row + 1);
        rows.writeUInt16BE(inStream[1], row + 5);
      } else {
        const offset = n === xref ? xrefAt : this.offsets[n];
        if (offset === undefined) throw new Error(`Object ${n} was never written.`);
        rows[row] = 1;
        rows.writeUInt32BE(offset, row + 1);
      }
    }
    const data = deflateSync(rows);
    const head = `<<\n/Type /XRef\n/Size ${size}\n/W [1 4 2]\n/Root ${trailer.root} 0 R\n/Info ${trailer.info} 0 R\n/ID [<${trailer.id}> <${trailer.id}>]\n/Filter /FlateDecode\n/Length ${data.length}\n>>`;
    this.push(Buffer.from(`${xref} 0 obj\n${head}\nstream\n`, "latin1"));
    this.push(data);
    this.push(Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, "latin1"));
    return Buffer.concat(this.chunks, this.length);
  }
}
