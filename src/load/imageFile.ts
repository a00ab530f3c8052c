// Images are checked before react-pdf sees them: the name, the magic bytes, the header's size in pixels
// and the structure of the file, so a corrupt, unsupported or huge image is an error naming the image and
// the line that uses it, rather than a blank space in the PDF or gigabytes of decoded pixels.
import { readFileSync } from "node:fs";
import path from "node:path";
import { crc32, inflateSync } from "node:zlib";
import type { DiagnosticSink } from "../diagnostics/diagnostic.ts";
import { limits } from "../domain/limits.ts";
import { printable, resolveReference, type NamedAt } from "./safePath.ts";

export interface ImageInfo {
  format: "png" | "jpeg";
  width: number;
  height: number;
}

export const imageExtensions = [".png", ".jpg", ".jpeg"] as const;

/**
 * Resolves an image named in `at.file` (relative to `baseDir`, inside `root`) and checks it.
 * Returns the real path for the PDF, or null after reporting at `at` with `rule`.
 */
export function checkImageReference(reference: string, baseDir: string, root: string, sink: DiagnosticSink, at: NamedAt, rule: string): string | null {
  const file = resolveReference(reference, baseDir, { root, expected: "a PNG or JPEG image", extensions: imageExtensions, maxBytes: limits.imageBytes, rule }, sink, at);
  if (file === null) return null;
  const problem = imageProblem(readFileSync(file), path.extname(file).toLowerCase());
  if (problem) {
    sink.error(at.file, rule, `The image "${printable(reference)}" ${problem}`, { line: at.line, column: at.column });
    return null;
  }
  return file;
}

/** Why the bytes cannot be printed, or null when they are a sound PNG or JPEG within the limits. */
export function imageProblem(bytes: Buffer, extension: string): string | null {
  const isPng = bytes.length >= 8 && bytes.subarray(0, 8).equals(pngSignature);
  const isJpeg = bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isPng && !isJpeg) return "is not a PNG or JPEG file (its first bytes are neither); export it again as PNG or JPEG.";
  if (isPng && extension !== ".png") return `is a PNG file but its name ends ${extension}; rename it .png.`;
  if (isJpeg && extension === ".png") return "is a JPEG file but its name ends .png; rename it .jpg.";
  const info = isPng ? inspectPng(bytes) : inspectJpeg(bytes);
  if (typeof info === "string") return info;
  if (info.width * info.height > limits.imagePixels) {
    return `is ${info.width} × ${info.height} pixels; the limit is ${(limits.imagePixels / 1e6).toFixed(0)} million pixels. Scale it down (300 dpi at its printed size is plenty).`;
  }
  if (isPng) return checkPngData(bytes, info);
  return null;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const depths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

interface PngInfo extends ImageInfo {
  bitDepth: number;
  colourType: number;
  interlaced: boolean;
}

function inspectPng(bytes: Buffer): PngInfo | string {
  if (bytes.length < 33 || bytes.readUInt32BE(8) !== 13 || bytes.toString("latin1", 12, 16) !== "IHDR") return "is a damaged PNG: its header (IHDR) is missing.";
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const bitDepth = bytes[24];
  const colourType = bytes[25];
  if (width === 0 || height === 0) return "is a damaged PNG: its header gives a size of zero pixels.";
  if (!depths[colourType]?.includes(bitDepth) || bytes[26] !== 0 || bytes[27] !== 0 || bytes[28] > 1) return "is a damaged or unsupported PNG: its header has an unknown colour type or bit depth.";
  return { format: "png", width, height, bitDepth, colourType, interlaced: bytes[28] === 1 };
}

/** Walks every chunk (lengths and checksums) and inflates the pixel data to the size the header promises. */
function checkPngData(bytes: Buffer, info: ImageInfo): string | null {
  const png = info as PngInfo;
  const idat: Buffer[] = [];
  let offset = 8;
  let ended = false;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) return `is a damaged PNG: it is cut short inside its "${printable(type)}" chunk.`;
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) {
      return `is a damaged PNG: the checksum of its "${printable(type)}" chunk is wrong.`;
    }
    if (type === "IDAT") idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset = end;
    if (type === "IEND") {
      ended = true;
      break;
    }
  }
  if (!ended) return "is a damaged PNG: it is cut short (no IEND chunk).";
  if (idat.length === 0) return "is a damaged PNG: it has no pixel data.";
  const expected = rawSize(png);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    return "is a damaged PNG: its pixel data cannot be decompressed.";
  }
  if (raw.length < expected) return "is a damaged PNG: it holds fewer pixels than its header says.";
  return null;
}

function rawSize({ width, height, bitDepth, colourType, interlaced }: PngInfo): number {
  const bitsPerPixel = bitDepth * channels[colourType];
  const rows = (w: number, h: number) => (w === 0 || h === 0 ? 0 : h * (1 + Math.ceil((w * bitsPerPixel) / 8)));
  if (!interlaced) return rows(width, height);
  // Adam7: seven passes, each a smaller image of its own.
  const passes = [
    [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
  ];
  return passes.reduce((sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)), 0);
}

function inspectJpeg(bytes: Buffer): ImageInfo | string {
  let offset = 2;
  let info: ImageInfo | null = null;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return "is a damaged JPEG: its markers are out of step.";
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return "is a damaged JPEG: it is cut short inside a header segment.";
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (![0xc0, 0xc1, 0xc2].includes(marker)) return "is a JPEG of a kind PDF cannot show (lossless or arithmetic-coded); save it again as an ordinary JPEG.";
      if (length < 8) return "is a damaged JPEG: its frame header is too short.";
      const height = bytes.readUInt16BE(offset + 5);
      const width = bytes.readUInt16BE(offset + 7);
      const components = bytes[offset + 9];
      if (width === 0 || height === 0) return "is a JPEG without a size in its header; save it again.";
      if (![1, 3, 4].includes(components)) return "is a damaged JPEG: its frame header has an unknown number of colour channels.";
      info = { format: "jpeg", width, height };
    }
    if (marker === 0xda) {
      if (!info) return "is a damaged JPEG: its image data starts before its frame header.";
      let end = bytes.length;
      while (end > 0 && bytes[end - 1] === 0x00) end--;
      if (end < 2 || bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) return "is a damaged JPEG: it is cut short (no end-of-image marker).";
      return info;
    }
    offset += 2 + length;
  }
  return "is a damaged JPEG: it ends before any image data.";
}
