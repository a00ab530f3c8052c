// Reviewed fixes inside dependencies (patches/, applied by patch-package at install) must be in force:
// this fails if a dependency update makes a patch stop applying.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("patches to dependencies", () => {
  it("pdfkit compares a font with itself without serialising its name table (patches/pdfkit+*.patch)", () => {
    expect(readdirSync(path.join(root, "patches")).filter((f) => f.startsWith("pdfkit+"))).toHaveLength(1);
    const source = readFileSync(path.join(root, "node_modules/pdfkit/js/pdfkit.node.mjs"), "utf8");
    const start = source.indexOf("const isEqualFont = (font1, font2) => {");
    expect(start).toBeGreaterThan(0);
    expect(source.slice(start, start + 300)).toContain("if (font1 === font2 || (font1.font && font1.font === font2.font)) {");
  });
});
