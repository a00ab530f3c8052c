// Taking a pdfkit PDF apart into objects and writing them again (src/pdf/pdfObjects.ts), the basis of
// joining the book's parts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Link, Page, Text, renderToBuffer } from "@react-pdf/renderer";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { literal, literalBytes, parsePdf, PdfWriter, referencesIn, renumber } from "../../src/pdf/pdfObjects.ts";

describe("references", () => {
  it("finds and renumbers references, and leaves strings that look like them alone", () => {
    const head = "<<\n/Parent 1 0 R\n/Title (Chapter 12 0 R \\(see 3 0 R\\))\n/Alt <0C 0 52>\n/Kids [4 0 R 15 0 R]\n/MediaBox [0 0 595.275574 841.889771]\n>>";
    expect(referencesIn(head)).toEqual([1, 4, 15]);
    expect(renumber(head, (n) => n + 100)).toBe("<<\n/Parent 101 0 R\n/Title (Chapter 12 0 R \\(see 3 0 R\\))\n/Alt <0C 0 52>\n/Kids [104 0 R 115 0 R]\n/MediaBox [0 0 595.275574 841.889771]\n>>");
  });

  it("reads and writes literal strings", () => {
    expect(literalBytes("(a\\(b\\)c\\\\d\\101\\n)")).toBe("a(b)c\\dA\n");
    expect(literal("a(b)\\c")).toBe("(a\\(b\\)\\\\c)");
  });
});

describe("a PDF taken apart and written again", () => {
  it("keeps every object, stream bytes and all, and is a PDF qpdf and pdf-lib read", async () => {
    const pdf = await renderToBuffer(
      <Document title="Objects (test)">
        <Page size="A4">
          <Text>First page, with a link: </Text>
          <Link src="https://example.org">example.org</Link>
        </Page>
        <Page size="A4">
          <Text>Second page</Text>
        </Page>
      </Document>,
    );
    const parsed = parsePdf(pdf);
    expect(parsed.objects.size).toBeGreaterThan(10);
    const streams = [...parsed.objects.values()].filter((o) => o.stream);
    expect(streams.length).toBeGreaterThanOrEqual(2); // the two pages' contents
    // Every stream is exactly as long as its dictionary says.
    for (const o of streams) expect(Number(/\/Length\s+(\d+)/.exec(o.head)?.[1])).toBe(o.stream!.length);

    const writer = new PdfWriter();
    const size = Math.max(...parsed.objects.keys());
    for (let n = 1; n <= size; n++) writer.write(n, parsed.objects.get(n) ?? { head: "null" });
    const out = writer.finish({ root: parsed.root, info: parsed.info!, id: "0123456789abcdef0123456789abcdef" });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pdf-objects-")), "out.pdf");
    writeFileSync(file, out);
    const check = spawnSync("qpdf", ["--check", file], { encoding: "utf8" });
    expect(check.stdout).toContain("No syntax or stream encoding errors");
    expect(check.status).toBe(0);
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getTitle()).toBe("Objects (test)");
    expect(parsePdf(out).objects.size).toBe(size);
  });

  it("finds a stream's end from an indirect /Length, and writes the length directly", () => {
    const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>", "<< /Length 4 0 R >>\nstream\nq Q 12 0 R\nendstream", "9"];
    let text = "%PDF-1.3\n";
    const offsets = objects.map((body, i) => {
      const at = text.length;
      text += `${i + 1} 0 obj\n${body}\nendobj\n`;
      return at;
    });
    const xref = text.length;
    text += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const stream = parsePdf(Buffer.from(text, "latin1")).objects.get(3)!;
    expect(stream.stream!.toString("latin1")).toBe("q Q 12 0 R");
    const writer = new PdfWriter();
    writer.write(1, stream);
    expect(writer.finish({ root: 1, info: 1, id: "00" }).toString("latin1")).toContain("<< /Length 10 >>\nstream\nq Q 12 0 R\nendstream");
  });

  it("says what is wrong with a PDF it cannot read", () => {
    expect(() => parsePdf(Buffer.from("%PDF-1.3\nnot really\n"))).toThrow(/startxref/);
  });
});
