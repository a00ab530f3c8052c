// A draft of the small fixture edition, laid out exactly as the draft build's contract says, made
// until `build --draft` lands: a normal build, then output/<year>/drafts/<n>/ with report.pdf (its
// Info Keywords ending `draft:<year>/<n>/<revision>`, and a footer stamp "Draft <n> · …"), document.json,
// statistics.json, build-report.json and draft.json. Swap this helper for the real draft build later.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { build } from "../../src/build/build.ts";
import { copyFixtures } from "./fixtureCopy.ts";

export interface FakeDraft {
  root: string;
  contentDir: string;
  dataDir: string;
  outDir: string;
  draftDir: string;
  pdfFile: string;
  year: number;
  number: number;
  revision: number;
  edit: (file: string, change: (text: string) => string) => string;
}

export async function fakeDraft(number = 3, revision = 1): Promise<FakeDraft> {
  const fixture = copyFixtures();
  const year = 2024;
  const outDir = path.join(fixture.root, "output");
  const built = await build({ year, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir, print: false });
  const draftDir = path.join(outDir, String(year), "drafts", String(number));
  const pdfFile = await draftFolder(built.outputDir, draftDir, { year, number, revision });
  return { root: fixture.root, contentDir: fixture.contentDir, dataDir: fixture.dataDir, outDir, draftDir, pdfFile, year, number, revision, edit: fixture.edit };
}

/** Turns a build's output folder into a draft's folder, per the draft build's contract; returns its PDF. */
export async function draftFolder(buildDir: string, draftDir: string, id: { year: number; number: number; revision: number }): Promise<string> {
  const { year, number, revision } = id;
  mkdirSync(draftDir, { recursive: true });
  for (const name of ["document.json", "statistics.json", "build-report.json"]) copyFileSync(path.join(buildDir, name), path.join(draftDir, name));
  const pdf = await PDFDocument.load(readFileSync(path.join(buildDir, "report.pdf")), { updateMetadata: false });
  pdf.setKeywords([...(pdf.getKeywords() ? [pdf.getKeywords()!] : []), `draft:${year}/${number}/${revision}`]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const page of pdf.getPages()) page.drawText(`Draft ${number} · revision ${revision} · not for publication`, { x: 400, y: 20, size: 6, font });
  const pdfFile = path.join(draftDir, "report.pdf");
  writeFileSync(pdfFile, await pdf.save({ useObjectStreams: false }));
  writeFileSync(path.join(draftDir, "draft.json"), JSON.stringify({ year, number, revision, inputsHash: "fixture", builtAt: "2024-11-25T09:00:00.000Z", pdf: "report.pdf" }, null, 2) + "\n");
  return pdfFile;
}
