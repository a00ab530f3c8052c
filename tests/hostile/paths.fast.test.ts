// Issue 10: every file the build reads lies inside the folder it was given, is no link (issue 28), and is of the
// expected kind; anything else is an error at the file and line that named it, and nothing of it is read.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixtures } from "../helpers/fixtureCopy.ts";
import { png, prepareErrors } from "../helpers/hostile.ts";

const foreword = "content/2024/forewords/lead.md";
const entry = "content/2024/good-practice/guernsey.md";
const withPortrait = (value: string) => (t: string) => t.replace("order: 1\n", `order: 1\nportrait: ${value}\n`);

/** A file outside every folder the build is given, holding a line that must never be echoed. */
function outsideFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "outside-"));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe("front-matter portrait", () => {
  it.each([
    ["an https:// address", "https://example.org/face.png", /not a local file; the build never fetches/],
    ["a protocol-relative address", "//example.org/face.png", /not a local file/],
    ["a file: URL", "file:///etc/passwd", /not a local file/],
    ["/etc/passwd", "/etc/passwd", /is an absolute path/],
    ["a path climbing out of the content folder", "../../../../../../etc/passwd", /lies outside/],
  ])("refuses %s at the portrait line", (_what, value, message) => {
    const fixture = copyFixtures();
    fixture.edit(foreword, withPortrait(value));
    const errors = prepareErrors(fixture);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: "portrait", line: 6, column: 1 });
    expect(errors[0].file).toMatch(/forewords\/lead\.md$/);
    expect(errors[0].message).toMatch(message);
  });

  it("refuses a portrait that is a symlink to an image outside the content folder", () => {
    const fixture = copyFixtures();
    mkdirSync(path.join(fixture.contentDir, "2024/images"));
    symlinkSync(outsideFile("face.png", png(4, 4)), path.join(fixture.contentDir, "2024/images/face.png"));
    fixture.edit(foreword, withPortrait("images/face.png"));
    // Issue 28: the link itself is refused by the input walk, before the foreword naming it is read.
    const [error] = prepareErrors(fixture);
    expect(error).toMatchObject({ rule: "input-not-regular-file" });
    expect(error.file).toMatch(/2024\/images\/face\.png$/);
    expect(error.message).toMatch(/symbolic link/);
  });

  it("accepts a portrait inside the edition folder and hands the PDF its checked path", async () => {
    const fixture = copyFixtures();
    mkdirSync(path.join(fixture.contentDir, "2024/images"));
    writeFileSync(path.join(fixture.contentDir, "2024/images/face.png"), png(8, 8));
    fixture.edit(foreword, withPortrait("images/face.png"));
    const { prepare } = await import("../../src/build/prepare.ts");
    const { document } = prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
    const section = document.sections.find((s) => s.kind === "foreword");
    expect(section?.kind === "foreword" && section.person.portrait).toBe("content/2024/images/face.png");
  });
});

describe("Markdown images", () => {
  it.each([
    ["an absolute path", "![Passwords](/etc/passwd)", /absolute path/],
    ["a path out of the content folder", "![Up](../../../../../../../etc/hostname.png)", /lies outside/],
  ])("refuses %s at its line", (_what, markdown, message) => {
    const fixture = copyFixtures();
    fixture.edit(entry, (t) => `${t}\n${markdown}\n`);
    const [error] = prepareErrors(fixture);
    expect(error).toMatchObject({ rule: "image", line: 21 });
    expect(error.file).toMatch(/guernsey\.md$/);
    expect(error.message).toMatch(message);
  });

  it("refuses an image symlinked to a file outside the content folder", () => {
    const fixture = copyFixtures();
    const images = path.join(fixture.contentDir, "2024/good-practice/images");
    rmSync(path.join(images, "swatch.png"));
    symlinkSync(outsideFile("swatch.png", png(4, 4)), path.join(images, "swatch.png"));
    const [error] = prepareErrors(fixture);
    expect(error).toMatchObject({ rule: "input-not-regular-file" });
    expect(error.file).toMatch(/good-practice\/images\/swatch\.png$/);
    expect(error.message).toMatch(/symbolic link/);
  });

  it("accepts an image elsewhere inside the content folder", async () => {
    const fixture = copyFixtures();
    mkdirSync(path.join(fixture.contentDir, "2024/images"));
    writeFileSync(path.join(fixture.contentDir, "2024/images/shared.png"), png(8, 8));
    fixture.edit(entry, (t) => t.replace("(images/swatch.png)", "(../images/shared.png)"));
    const { prepare } = await import("../../src/build/prepare.ts");
    expect(() => prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir })).not.toThrow();
  });
});

describe("data files", () => {
  it("refuses a CSV that is a symlink to a file outside, without echoing its content", () => {
    const fixture = copyFixtures();
    const secret = outsideFile("officers.csv", "force,sex,rank,headcount\nsecret-value-42,Female,Constable,1\n");
    rmSync(path.join(fixture.dataDir, "2024/officers.csv"));
    symlinkSync(secret, path.join(fixture.dataDir, "2024/officers.csv"));
    const errors = prepareErrors(fixture);
    expect(errors).toHaveLength(1);
    expect(errors[0].rule).toBe("input-not-regular-file");
    expect(errors[0].file).toMatch(/2024\/officers\.csv$/);
    expect(errors[0].message).toMatch(/symbolic link/);
    expect(JSON.stringify(errors)).not.toContain("secret-value-42");
  });

  it("refuses a CSV linked to /etc/passwd and prints none of it", () => {
    const fixture = copyFixtures();
    rmSync(path.join(fixture.dataDir, "forces.csv"));
    symlinkSync("/etc/passwd", path.join(fixture.dataDir, "forces.csv"));
    const errors = prepareErrors(fixture);
    expect(errors[0]).toMatchObject({ rule: "input-not-regular-file" });
    expect(JSON.stringify(errors)).not.toMatch(/root:|nologin|\/bin\//);
  });

  // Issue 28's one rule for inputs: no link is followed, even one that stays inside the folder.
  it("refuses a symlink even when it stays inside the data folder", async () => {
    const fixture = copyFixtures();
    const real = path.join(fixture.dataDir, "2024/staff.csv");
    const moved = path.join(fixture.dataDir, "staff-2024.csv");
    writeFileSync(moved, (await import("node:fs")).readFileSync(real));
    rmSync(real);
    symlinkSync(moved, real);
    const errors = prepareErrors(fixture);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: "input-not-regular-file", file: real });
  });

  it("refuses a device or pipe in place of a data file", () => {
    const fixture = copyFixtures();
    rmSync(path.join(fixture.dataDir, "2024/staff.csv"));
    symlinkSync("/dev/zero", path.join(fixture.dataDir, "2024/staff.csv"));
    const [error] = prepareErrors(fixture);
    expect(error.file).toMatch(/staff\.csv$/);
    expect(error.message).toMatch(/symbolic link/);
  });
});
