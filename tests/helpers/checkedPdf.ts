// The tagged-PDF checker's reading of a built PDF (src/pdf/checkPdf.ts), once per worker for the same
// bytes (keyed by their hash): two suites read the sample book's tree, one also its checkpoints.
import { readFileSync } from "node:fs";
import { checkPdf } from "../../src/pdf/checkPdf.ts";
import { sha256 } from "../../src/domain/sha256.ts";

const checked = new Map<string, ReturnType<typeof checkPdf>>();

export function checkPdfFile(file: string): ReturnType<typeof checkPdf> {
  const bytes = readFileSync(file);
  const key = sha256(bytes);
  if (!checked.has(key)) checked.set(key, checkPdf(bytes));
  return checked.get(key)!;
}
