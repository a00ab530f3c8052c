// A PDF page separated into its four process plates the way a RIP does it: Ghostscript's tiffsep device
// (Debian `ghostscript`), overprint simulated, one uncompressed 8-bit TIFF a plate. Coverage is read
// back per pixel as 0–255 of full ink.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const plates = ["Cyan", "Magenta", "Yellow", "Black"] as const;
export type Plate = (typeof plates)[number];

export interface Separation {
  width: number;
  height: number;
  /** Ink per pixel, 0 (none) to 255 (full), row by row. */
  plates: Record<Plate, Uint8Array>;
}

/** Reads an uncompressed 8-bit one-channel TIFF (what tiffsep writes) as ink coverage. */
function readPlate(file: string): { width: number; height: number; ink: Uint8Array } {
  const bytes = readFileSync(file);
  const little = bytes.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const ifd = u32(4);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < u16(ifd); i++) {
    const at = ifd + 2 + i * 12;
    const [tag, type, count] = [u16(at), u16(at + 2), u32(at + 4)];
    const size = type === 3 ? 2 : 4;
    const base = count * size > 4 ? u32(at + 8) : at + 8;
    tags.set(tag, Array.from({ length: count }, (_, k) => (size === 2 ? u16(base + k * 2) : u32(base + k * 4))));
  }
  const [width, height] = [tags.get(256)![0], tags.get(257)![0]];
  if ((tags.get(259)?.[0] ?? 1) !== 1 || (tags.get(258)?.[0] ?? 1) !== 8) throw new Error(`${file}: not an uncompressed 8-bit TIFF.`);
  const ink = new Uint8Array(width * height);
  let filled = 0;
  const offsets = tags.get(273)!;
  const counts = tags.get(279)!;
  offsets.forEach((offset, k) => {
    ink.set(bytes.subarray(offset, offset + counts[k]), filled);
    filled += counts[k];
  });
  // Photometric 1 (black is zero) stores lightness: ink is its complement; 0 (white is zero) stores ink.
  if (tags.get(262)?.[0] === 1) for (let i = 0; i < ink.length; i++) ink[i] = 255 - ink[i];
  return { width, height, ink };
}

/**
 * Separates one page (1-based) at `dpi`. `textOnly` leaves out vector art and images (Ghostscript's
 * FILTERVECTOR and FILTERIMAGE), so what is left on the plates is the page's text.
 */
export function separatePage(pdfFile: string, page: number, { dpi = 72, textOnly = false } = {}): Separation {
  const dir = mkdtempSync(path.join(tmpdir(), "separations-"));
  try {
    execFileSync("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-sCompression=none", `-r${dpi}`, `-dFirstPage=${page}`, `-dLastPage=${page}`, ...(textOnly ? ["-dFILTERVECTOR", "-dFILTERIMAGE"] : []), "-o", path.join(dir, "page.tif"), pdfFile], { stdio: "pipe" });
    const read = Object.fromEntries(plates.map((plate) => [plate, readPlate(path.join(dir, `page(${plate}).tif`))])) as Record<Plate, ReturnType<typeof readPlate>>;
    const { width, height } = read.Black;
    return { width, height, plates: Object.fromEntries(plates.map((plate) => [plate, read[plate].ink])) as Record<Plate, Uint8Array> };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ghostscript's inkcov device: the page's mean coverage of each plate, 0–1. */
export function inkCoverage(pdfFile: string, page: number): Record<Plate, number> {
  const out = execFileSync("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=inkcov", `-dFirstPage=${page}`, `-dLastPage=${page}`, "-o", "-", pdfFile], { encoding: "utf8" });
  const values = /([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+CMYK/.exec(out);
  if (!values) throw new Error(`inkcov gave no coverage: ${out}`);
  return { Cyan: Number(values[1]), Magenta: Number(values[2]), Yellow: Number(values[3]), Black: Number(values[4]) };
}
