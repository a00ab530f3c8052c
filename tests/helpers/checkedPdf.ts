// The tagged-PDF checker's reading of a built PDF (src/pdf/checkPdf.ts), once per file and worker while
// the file stays the same size and age: two suites read the sample book's tree, one also its checkpoints.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkPdf } from "../../src/pdf/checkPdf.ts";

const checked = new Map<string, ReturnType<typeof checkPdf>>();

export function checkPdfFile(file: string): ReturnType<typeof checkPdf> {
  const { size, mtimeMs } = statSync(file);
  const key = `${path.resolve(file)}\u0000${size}\u0000${mtimeMs}`;
  if (!checked.has(key)) checked.set(key, checkPdf(readFileSync(file)));
  return checked.get(key)!;
}
