/** Pages in a PDF as react-pdf (or pdf-lib) writes its page tree: one /Count, at the root. */
export function countPages(pdf: Buffer): number {
  const matches = [...pdf.toString("latin1").matchAll(/\/Type \/Pages\s*\/Count (\d+)/g)];
  if (matches.length === 0) throw new Error("The PDF has no page tree; layout failed.");
  return Math.max(...matches.map((m) => Number(m[1])));
}
