// Reads a reviewer's commented copy of a draft: a regular file of a bounded size, opened with pdf.js, and
// its Info dictionary, the text on each page and every comment read (src/pdf/readAnnotations.ts); a
// file that cannot be read becomes UnreadablePdf, which the caller turns into a diagnostic.
import { limits } from "../domain/limits.ts";
import { FileTooLarge, readRegularFile } from "../cache/filesBelow.ts";
import { BuildError } from "../diagnostics/diagnostic.ts";
import { openPdf } from "../pdf/readPdf.ts";
import { readAnnotatedPages, type AnnotatedPdf } from "../pdf/readAnnotations.ts";

export type { PdfPage } from "../pdf/readAnnotations.ts";
export type ReadPdf = AnnotatedPdf;

/** Markup subtypes the command reads; links, form fields and popups are not comments. */
const COMMENT_SUBTYPES = new Set(["Text", "Highlight", "Underline", "Squiggly", "StrikeOut", "Caret", "FreeText"]);

/** Thrown when the file is not a PDF pdf.js can open; the caller turns it into a diagnostic. */
export class UnreadablePdf extends Error {}

export async function readPdf(file: string): Promise<ReadPdf> {
  let data: Uint8Array;
  try {
    // Sized before it is read (limits.commentPdfBytes), and only a regular file: pdf.js holds it whole.
    data = new Uint8Array(readRegularFile(file, limits.commentPdfBytes));
  } catch (error) {
    const refused = error instanceof BuildError ? error.diagnostics[0].message : error instanceof FileTooLarge ? error.message : null;
    if (refused !== null) throw new UnreadablePdf(`${refused.replace(/\.$/, "")} for a commented PDF`);
    throw new UnreadablePdf((error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : (error as Error).message);
  }
  let pdf;
  try {
    pdf = await openPdf(data);
  } catch (error) {
    throw new UnreadablePdf(`it is not a PDF that can be read (${(error as Error).message})`);
  }
  try {
    return await readAnnotatedPages(pdf, COMMENT_SUBTYPES);
  } catch (error) {
    throw new UnreadablePdf(`its pages or comments could not be read (${(error as Error).message})`);
  } finally {
    await pdf.destroy();
  }
}
