// Builds the sample 2024 report (screen and print editions) once before the suites that read the PDFs.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "../../src/build/build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    sampleBuild: { outDir: string; pdfFile: string; printPdfFile: string; pages: Record<string, number>; pageCount: number };
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  const outDir = mkdtempSync(path.join(tmpdir(), "report-test-"));
  const common = { year: 2024, dataDir: path.join(root, "data"), contentDir: path.join(root, "content") };
  const screen = await build({ ...common, outDir, print: false });
  const print = await build({ ...common, outDir: path.join(outDir, "print"), print: true });
  project.provide("sampleBuild", { outDir, pdfFile: screen.pdfFile, printPdfFile: print.pdfFile, pages: screen.pages, pageCount: screen.pageCount });
}
