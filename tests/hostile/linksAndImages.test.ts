// Issue 10: only https:, http: and mailto: links are printed as links, and every image is checked (magic
// bytes, header, structure) at load, so a bad one is an error naming the image and the line that uses it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/build/prepare.ts";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.ts";
import { BindingTable } from "../../src/document/bindings.ts";
import { parseMarkdown } from "../../src/document/markdown.ts";
import type { Inline } from "../../src/document/model.ts";
import { imageProblem } from "../../src/load/imageFile.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { png, prepareErrors } from "../helpers/hostile.ts";

const entry = "content/2024/good-practice/cumbria.md";

describe("link schemes", () => {
  it.each([
    ["a javascript:", "[click](javascript:alert(1))", /uses the "javascript:" scheme/],
    ["a JavaScript: (capitals)", "[click](JavaScript:alert(1))", /uses the "javascript:" scheme/],
    ["a data:", "[open](data:text/html;base64,PHNjcmlwdD4=)", /uses the "data:" scheme/],
    ["a file:", "[read](file:///etc/passwd)", /uses the "file:" scheme/],
    ["a relative path", "[notes](../notes.md)", /is not a full web address/],
    ["a bare domain", "[site](example.org)", /is not a full web address/],
  ])("rejects %s link at its line and column", (_what, markdown, message) => {
    const fixture = copyFixtures();
    fixture.edit(entry, (t) => `${t}\nSee ${markdown} today.\n`);
    const errors = prepareErrors(fixture);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: "link-scheme", line: 16, column: 5 });
    expect(errors[0].message).toMatch(message);
    expect(errors[0].message).toContain("only https://, http:// and mailto: links can be printed");
  });

  it("keeps https, http and mailto links as links, and never turns a refused one into a link", () => {
    const sink = new DiagnosticSink();
    const text = "[a](https://example.org/a) [b](http://example.org/b) [c](mailto:someone@example.org) [d](javascript:void(0))\n";
    const rich = parseMarkdown({ file: "links.md", text, firstLine: 1 }, { names: {}, bindings: new BindingTable(() => [], { contentDir: ".", dataDir: "data" }), roots: { contentDir: ".", dataDir: "data" }, idPrefix: "test" }, sink);
    const links: string[] = [];
    const walk = (nodes: Inline[]) => nodes.forEach((n) => (n.type === "link" ? links.push(n.url) : "children" in n ? walk(n.children) : undefined));
    for (const b of rich.blocks) if (b.type === "paragraph") walk(b.children);
    expect(links).toEqual(["https://example.org/a", "http://example.org/b", "mailto:someone@example.org"]);
    expect(sink.errors.map((e) => [e.rule, e.line, e.column])).toEqual([["link-scheme", 1, text.indexOf("[d]") + 1]]);
  });
});

describe("images", () => {
  const swatch = "content/2024/good-practice/images/swatch.png";
  const imageErrors = (bytes: Buffer, name = swatch) => {
    const fixture = copyFixtures();
    writeFileSync(path.join(fixture.root, name), bytes);
    return prepareErrors(fixture);
  };

  it.each([
    ["cut short", (b: Buffer) => b.subarray(0, b.length - 20), /cut short/],
    ["with a damaged checksum", (b: Buffer) => Buffer.concat([b.subarray(0, 30), Buffer.from([b[30] ^ 0xff]), b.subarray(31)]), /checksum of its "IHDR" chunk is wrong/],
    ["with scrambled pixel data", (b: Buffer) => scrambleIdat(b), /pixel data cannot be decompressed|checksum/],
    ["that is not an image at all", () => Buffer.from("This is a text file renamed to .png\n"), /is not a PNG or JPEG file/],
    ["that is a JPEG named .png", () => jpeg(), /is a JPEG file but its name ends \.png/],
  ])("rejects a PNG %s, naming the image and the Markdown line", (_what, damage, message) => {
    const [error] = imageErrors(damage(png(16, 16)));
    expect(error).toMatchObject({ rule: "image", line: 17, column: 1 });
    expect(error.file).toMatch(/guernsey\.md$/);
    expect(error.message).toContain('The image "images/swatch.png"');
    expect(error.message).toMatch(message);
  });

  it("accepts a sound PNG and JPEG, and rejects a truncated JPEG", () => {
    expect(imageProblem(png(3, 2), ".png")).toBeNull();
    expect(imageProblem(jpeg(), ".jpg")).toBeNull();
    expect(imageProblem(jpeg().subarray(0, 20), ".jpg")).toMatch(/damaged JPEG/);
    expect(imageProblem(jpeg(0xc3), ".jpg")).toMatch(/lossless or arithmetic-coded/);
  });

  it("prints the fixture's own image", () => {
    const fixture = copyFixtures();
    const { document } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    const guernsey = document.sections.find((s) => s.kind === "force" && s.slug === "guernsey");
    const blocks = guernsey?.kind === "force" ? guernsey.entries[0].body.blocks : [];
    expect(blocks.find((b) => b.type === "image")).toMatchObject({ src: "content/2024/good-practice/images/swatch.png" });
  });
});

/** Flips bytes inside the first IDAT chunk and fixes its checksum, so only decompression can catch it. */
function scrambleIdat(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  const at = out.indexOf("IDAT", 8, "latin1");
  const length = out.readUInt32BE(at - 4);
  for (let i = at + 4 + 2; i < at + 4 + length; i++) out[i] ^= 0x5a;
  out.writeUInt32BE(crc32(out.subarray(at, at + 4 + length)), at + 4 + length);
  return out;
}

/** A minimal JPEG: SOI, a frame header for 8 × 8 grey pixels, a scan header, a few bytes of data, EOI. */
function jpeg(sof = 0xc0): Buffer {
  return Buffer.from([
    0xff, 0xd8,
    0xff, sof, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,
    0x00, 0x00, 0x00, 0x00,
    0xff, 0xd9,
  ]);
}
