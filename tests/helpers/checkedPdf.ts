// The tagged-PDF checker's reading of a built PDF (src/pdf/checkPdf.ts), once per worker for the same
// bytes (tests/helpers/sameBytes.ts): two suites read the sample book's tree, one also its checkpoints.
import { readFileSync } from "node:fs";
import { checkPdf } from "../../src/pdf/checkPdf.ts";
import { readingsOfBytes } from "./sameBytes.ts";

const once = readingsOfBytes<ReturnType<typeof checkPdf>>();

export function checkPdfFile(file: string): ReturnType<typeof checkPdf> {
  const bytes = readFileSync(file);
  return once(bytes, () => checkPdf(bytes));
}
