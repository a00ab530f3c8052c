/** Pages in a PDF as react-pdf or pdf-lib writes its page tree: the largest /Count of a /Pages node (the root's). */
export function countPages(pdf: Buffer): number {
  const text = pdf.toString("latin1");
  // react-pdf writes /Type before /Count, pdf-lib writes /Kids and /Count after it; neither nests a dictionary there.
  const matches = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g), ...text.matchAll(/\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)];
  if (matches.length === 0) throw new Error("The PDF has no page tree; layout failed.");
  return Math.max(...matches.map((m) => Number(m[1])));
}
