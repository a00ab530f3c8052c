// Each page of a PDF drawn by poppler at a low resolution, as a digest: two PDFs whose pages digest
// alike show the same thing, whatever their internal structure (fonts subset apart, objects renumbered).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function rasterised(pdf: Uint8Array, dpi = 30): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "rasterise-"));
  try {
    writeFileSync(path.join(dir, "in.pdf"), pdf);
    execFileSync("pdftoppm", ["-gray", "-r", String(dpi), path.join(dir, "in.pdf"), path.join(dir, "page")]);
    return readdirSync(dir)
      .filter((f) => f.startsWith("page"))
      .sort()
      .map((f) => createHash("sha256").update(readFileSync(path.join(dir, f))).digest("hex"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
