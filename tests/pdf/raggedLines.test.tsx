// Ragged-right text keeps its natural word spacing, and hyphens never stack (patches/@react-pdf+textkit+*.patch).
// react-pdf's Knuth–Plass line breaker let word spaces shrink by a third in left-aligned text too, so a
// line a little too long was squeezed into the measure (85 lines of the 2024 force pages, 1.5–2.8 %
// narrower than natural). The patch gives ragged glue no shrink, and refuses a hyphen on the line after a
// hyphen and a word fragment opening a paragraph's last line. Each paragraph here is set at many measures
// and read back with pdf.js; every line is compared with its width measured from the font file.
import { Document, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fonts, type as typeScale } from "../../src/design/theme.ts";
import { measureText } from "../../src/charts/textMetrics.ts";
import { registerFonts } from "../../src/pdf/registerFonts.ts";
import { readPdfPages } from "../helpers/pdfText.ts";

const paragraphs = [
  "The recruitment campaign was shaped by conversations with serving officers, who described the barriers they had met when they first considered applying, and the encouragement that had made the difference for them.",
  "Supervisors completed a development programme on flexible working, so that requests from parents and carers were considered consistently across departments and no application depended on which manager received it.",
  "Mentoring partnerships were organised between experienced investigators and colleagues returning from maternity leave, with protected time each month and a structured conversation about progression opportunities.",
  "An independent evaluation compared promotion outcomes before and after the introduction of anonymised assessment, and the organisation published its findings internally together with the recommendations it had accepted.",
];
const measures = Array.from({ length: 16 }, (_, i) => 150 + i * 12);

interface Line {
  text: string;
  width: number;
}

let paragraphsSet: Line[][] = [];

beforeAll(async () => {
  await registerFonts();
  const doc = (
    <Document>
      {measures.map((width) => (
        <Page key={width} size="A4" style={{ fontFamily: fonts.family, padding: 40 }}>
          {paragraphs.map((text, i) => (
            <View key={i} style={{ width, marginBottom: 20 }}>
              <Text style={{ fontSize: typeScale.body, lineHeight: typeScale.leading / typeScale.body, textAlign: "left" }}>{text}</Text>
            </View>
          ))}
        </Page>
      ))}
    </Document>
  );
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ragged-")), "ragged.pdf");
  writeFileSync(file, await renderToBuffer(doc));
  paragraphsSet = [];
  for (const page of await readPdfPages(file)) {
    // One pdf.js item per line; a paragraph's lines are 13 pt apart, paragraphs further.
    const lines = page.items.filter((item) => item.str.trim() !== "").sort((a, b) => b.y - a.y);
    let current: Line[] = [];
    let lastY = Infinity;
    for (const item of lines) {
      if (lastY - item.y > typeScale.leading + 2 && current.length > 0) {
        paragraphsSet.push(current);
        current = [];
      }
      current.push({ text: item.str, width: item.width });
      lastY = item.y;
    }
    if (current.length > 0) paragraphsSet.push(current);
  }
}, 60_000);

describe("ragged-right lines", () => {
  it("are set in every paragraph and measure", () => {
    expect(paragraphsSet).toHaveLength(paragraphs.length * measures.length);
    expect(paragraphsSet.flat().length).toBeGreaterThan(250);
  });

  it("are never narrower than their natural width", () => {
    const squeezed = paragraphsSet
      .flat()
      .map((line) => ({ ...line, natural: measureText(line.text, { fontSize: typeScale.body, fontWeight: 400 }) }))
      // 0.5 %: a squeezed line is 1.5–3 % short; an inserted hyphen's glyph may differ from the font's by a hair.
      .filter((line) => line.width < line.natural * 0.995)
      .map((line) => `${line.text} (${((1 - line.width / line.natural) * 100).toFixed(1)} % narrow)`);
    expect(squeezed).toEqual([]);
  });

  it("never end in a hyphen twice in a row, nor before a paragraph's last line", () => {
    let hyphenated = 0;
    const faults: string[] = [];
    for (const lines of paragraphsSet) {
      const ends = lines.map((line) => /[a-z]-$/.test(line.text.trimEnd()));
      hyphenated += ends.filter(Boolean).length;
      ends.forEach((end, i) => {
        if (end && ends[i + 1]) faults.push(`${lines[i].text} / ${lines[i + 1].text}`);
        if (end && i === lines.length - 2) faults.push(`last line after a hyphen: ${lines[i + 1].text}`);
      });
    }
    // The measures are narrow enough that words do break: the rule is tested, not avoided.
    expect(hyphenated).toBeGreaterThan(5);
    expect(faults).toEqual([]);
  });
});
