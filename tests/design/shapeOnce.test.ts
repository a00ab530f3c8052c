// Shaping a word at a time (src/design/shapeOnce.ts) must give exactly the glyphs and positions fontkit
// gives for the whole text, for the theme's faces and the sample's words.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as fontkitModule from "fontkit";
import { describe, expect, it } from "vitest";
import { fonts } from "../../src/design/theme.ts";
import { shapeOnce } from "../../src/design/shapeOnce.ts";

interface Position { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }
interface Run { glyphs: { id: number }[]; positions: Position[]; advanceWidth: number; script: string }
interface Font { layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): Run }
const fontkit = fontkitModule as unknown as { openSync(file: string): Font };

const root = path.resolve(import.meta.dirname, "../..");

function sampleParagraphs(): string[] {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".md")) texts.push(readFileSync(full, "utf8"));
    }
  };
  walk(path.join(root, "content", "2024"));
  return texts.join("\n\n").split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, " ").trim()).filter(Boolean);
}

/** Every character the report sets, each with a space before and after it (and a double space). */
const besideSpaces =
  "a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D E F G H I J K L M N O P Q R S T U V W X Y Z " +
  "0 1 2 3 4 5 6 7 8 9 . , ; : ! ? ' \" ( ) [ ] / - + = % £ & * # @ ’ ‘ “ ” – — … · •  f  fi  ffl  T  Y  V  W  L  A.";

const shapes = (font: Font, text: string, features?: unknown) => {
  const run = font.layout(text, features, undefined, undefined, "ltr");
  return { ids: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]), width: run.advanceWidth };
};

describe("shaping a word at a time", () => {
  const paragraphs = sampleParagraphs();

  it.each(fonts.faces.map((face) => [path.basename(face.file), face.file]))("%s: the same glyphs and positions as shaping whole texts", (_name, file) => {
    const whole = fontkit.openSync(file);
    const byWord = fontkit.openSync(file);
    shapeOnce(byWord);
    expect(paragraphs.length).toBeGreaterThan(500);
    const texts = [besideSpaces, ...(file.includes("Italic") ? paragraphs.slice(0, 100) : paragraphs)];
    let differing = 0;
    for (const text of texts) {
      for (const features of [undefined, ["tnum"]]) {
        const a = shapes(whole, text, features);
        const b = shapes(byWord, text, features);
        if (JSON.stringify(a) !== JSON.stringify(b)) differing++;
      }
    }
    expect(differing).toBe(0);
  });

  it("shapes each word once, and shapes text in another script whole", () => {
    const file = fonts.faces[0].file;
    const font = fontkit.openSync(file);
    const seen: string[] = [];
    const layout = font.layout.bind(font);
    font.layout = (text, ...rest) => (seen.push(text), layout(text, ...rest));
    shapeOnce(font);
    const first = font.layout("the force and the force", undefined, undefined, undefined, "ltr");
    expect(seen).toEqual(["the ", "force ", "and ", "force"]);
    expect(first.script).toBe("latn");
    font.layout("2024 and 2023", undefined, undefined, undefined, "ltr");
    expect(seen.slice(4)).toEqual(["2024 ", "2023"]);
    seen.length = 0;
    font.layout("Ελλάδα και Κύπρος", undefined, undefined, undefined, "ltr");
    expect(seen).toEqual(["Ελλάδα και Κύπρος"]);
  });
});
