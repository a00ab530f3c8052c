// Shaping a word at a time (src/design/shapeOnce.ts), Latin words by HarfBuzz, must give exactly the
// glyphs (with their characters) and positions fontkit gives for the whole text, for the theme's faces,
// the sample's words and every character each face maps.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as fontkitModule from "fontkit";
import { describe, expect, it } from "vitest";
import { fonts } from "../../src/design/theme.ts";
import { shapeOnce } from "../../src/design/shapeOnce.ts";

interface Position { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }
interface Run { glyphs: { id: number; codePoints: number[] }[]; positions: Position[]; advanceWidth: number; script: string }
interface Font {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): Run;
  glyphsForString(text: string): unknown[];
  characterSet: number[];
}
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
  return { ids: run.glyphs.map((g) => g.id), codePoints: run.glyphs.map((g) => g.codePoints), positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]), width: run.advanceWidth };
};

describe("shaping a word at a time", () => {
  const paragraphs = sampleParagraphs();

  it.each(fonts.faces.map((face) => [path.basename(face.file), face.file]))("%s: the same glyphs and positions as shaping whole texts", (_name, file) => {
    const whole = fontkit.openSync(file);
    const byWord = fontkit.openSync(file);
    shapeOnce(byWord);
    expect(paragraphs.length).toBeGreaterThan(500);
    const texts = [besideSpaces, ...(file.includes("Italic") ? paragraphs.slice(0, 100) : paragraphs)];
    const asStyled = { tnum: true };
    let differing = 0;
    for (const text of texts) {
      // Features as react-pdf passes them (an object); the same features as a list are checked character by character below.
      for (const features of [undefined, asStyled]) {
        const a = shapes(whole, text, features);
        const b = shapes(byWord, text, features);
        if (JSON.stringify(a) !== JSON.stringify(b)) differing++;
      }
    }
    expect(differing).toBe(0);
  });

  it.each(fonts.faces.map((face) => [path.basename(face.file), face.file]))("%s: every character the face maps, the same beside letters, figures and spaces", (_name, file) => {
    const whole = fontkit.openSync(file);
    const byWord = fontkit.openSync(file);
    shapeOnce(byWord);
    // A text with a letter of another script (Greek, Cyrillic…) is fontkit's to shape whole: comparing
    // fontkit with itself would prove nothing and cost a third of the time, so for those characters the
    // test checks that each text, with its features, reaches fontkit's layout whole, on a face whose
    // layout only records what it is asked.
    const routed: unknown[][] = [];
    const recording = fontkit.openSync(file);
    recording.layout = (...args) => (routed.push(args), { glyphs: [], positions: [], advanceWidth: 0, script: "" });
    shapeOnce(recording);
    const characters = whole.characterSet.map((code) => String.fromCodePoint(code));
    expect(characters.length).toBeGreaterThan(1000);
    const otherScript = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
    expect(characters.filter((c) => otherScript.test(c)).length).toBeGreaterThan(300);
    const differing: string[] = [];
    const notWhole: string[] = [];
    // react-pdf passes a style's features as one object, to which fontkit adds every feature it plans.
    const asStyled = { tnum: true };
    // Each character alone at a text's start, between letters, after "f", before "i.", after "T" and a
    // figure, and doubled: one text of those words, so fontkit's plan is made once a character, not six times.
    for (const c of characters) {
      const text = `${c} a${c}b f${c} ${c}i. T${c} 1${c} ${c}${c}`;
      for (const features of [undefined, ["tnum"], asStyled, ["frac", "smcp"]]) {
        if (otherScript.test(c)) {
          routed.length = 0;
          recording.layout(text, features, undefined, undefined, "ltr");
          if (JSON.stringify(routed) !== JSON.stringify([[text, features, undefined, undefined, "ltr"]])) notWhole.push(text);
        } else if (JSON.stringify(shapes(whole, text, features)) !== JSON.stringify(shapes(byWord, text, features))) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
    expect(notWhole).toEqual([]);
  });

  it("shapes each word once, Latin words by HarfBuzz, and shapes text in another script whole by fontkit", () => {
    const file = fonts.faces[0].file;
    const font = fontkit.openSync(file);
    // fontkit's layout makes the characters' glyphs, and so does the word shaped by HarfBuzz (texts with
    // no characters left out).
    const shaped: string[] = [];
    const byFontkit: string[] = [];
    const glyphsFor = font.glyphsForString.bind(font);
    font.glyphsForString = (text) => (text && shaped.push(text), glyphsFor(text));
    const layout = font.layout.bind(font);
    font.layout = (text, ...rest) => (byFontkit.push(text), layout(text, ...rest));
    shapeOnce(font);
    const first = font.layout("the force and the force", undefined, undefined, undefined, "ltr");
    expect(shaped).toEqual(["the ", "force ", "and ", "force"]);
    // fontkit shapes no text, once: the run the words' runs copy (its script, features, direction).
    expect(byFontkit).toEqual([""]);
    expect(first.script).toBe("latn");
    expect(first.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join("")).toBe("the force and the force");
    font.layout("2024 and 2023", undefined, undefined, undefined, "ltr");
    expect(shaped.slice(4)).toEqual(["2024 ", "2023"]);
    expect(byFontkit).toEqual([""]);
    // Figures and signs alone (no script's letters) too.
    font.layout("71", [], undefined, undefined, "ltr");
    font.layout("−8.84 %", [], undefined, undefined, "ltr");
    expect(shaped.slice(6)).toEqual(["71", "−8.84 ", "%"]);
    expect(byFontkit).toEqual(["", ""]);
    // A word longer than any before it (HarfBuzz's text buffer is made larger), as fontkit shapes it.
    const long = "officialdom".repeat(300);
    expect(shapes(font, long)).toEqual(shapes(fontkit.openSync(file), long));
    expect(byFontkit).not.toContain(long);
    // A ligature's glyph carries both its characters, as fontkit's does.
    const fi = font.layout("find", undefined, undefined, undefined, "ltr");
    expect(fi.glyphs.map((g) => g.codePoints)).toEqual(layout("find", undefined, undefined, undefined, "ltr").glyphs.map((g) => g.codePoints));
    shaped.length = 0;
    byFontkit.length = 0;
    font.layout("Ελλάδα και Κύπρος", undefined, undefined, undefined, "ltr");
    expect(shaped).toEqual(["Ελλάδα και Κύπρος"]);
    expect(byFontkit).toEqual(["Ελλάδα και Κύπρος"]);
    // A combining mark goes to fontkit, which does not compose it as HarfBuzz would.
    font.layout("cafe\u0301", undefined, undefined, undefined, "ltr");
    expect(byFontkit.at(-1)).toBe("cafe\u0301");
  });
});
