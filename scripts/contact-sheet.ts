// Tiles page images (from `pdftoppm -png`) into one contact sheet, to look at a report's rhythm at a glance.
// Usage: tsx scripts/contact-sheet.ts OUT.png COLUMNS page-1.png page-2.png …
import { readFileSync, writeFileSync } from "node:fs";
import { PNG } from "pngjs";

const [out, columnsArg, ...files] = process.argv.slice(2);
if (!out || !columnsArg || files.length === 0) {
  process.stderr.write("Usage: tsx scripts/contact-sheet.ts OUT.png COLUMNS page-1.png …\n");
  process.exit(2);
}
const columns = Number(columnsArg);
const pages = files.map((f) => PNG.sync.read(readFileSync(f)));
const gap = 6;
const cellWidth = Math.max(...pages.map((p) => p.width));
const cellHeight = Math.max(...pages.map((p) => p.height));
const rows = Math.ceil(pages.length / columns);
const sheet = new PNG({ width: columns * (cellWidth + gap) + gap, height: rows * (cellHeight + gap) + gap });
sheet.data.fill(0x88);
pages.forEach((page, i) => {
  const x0 = gap + (i % columns) * (cellWidth + gap);
  const y0 = gap + Math.floor(i / columns) * (cellHeight + gap);
  PNG.bitblt(page, sheet, 0, 0, page.width, page.height, x0, y0);
});
writeFileSync(out, PNG.sync.write(sheet));
