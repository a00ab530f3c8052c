// The command line as `npm run build` runs it: scripts/cli.mjs running the bundle dist/cli.cjs with V8's
// code cache (scripts/bundle.mjs). The other tests run the TypeScript sources; these check that the
// bundle does what they do, including the parts that load files and modules as they run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countPages } from "../../src/pdf/countPages.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(root, "tests/fixtures");

function cli(args: string[]) {
  const child = spawnSync(process.execPath, [path.join(root, "scripts/cli.mjs"), ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

const inputs = ["--data", path.join(fixtures, "data"), "--content", path.join(fixtures, "content")];

describe("the bundled command line", () => {
  it("writes a long listing to a pipe whole before it exits (it once stopped at 64 KB)", () => {
    const child = spawnSync(process.execPath, [path.join(root, "scripts/cli.mjs"), "figures", "seniorLeadership"], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout.length).toBeGreaterThan(65_536);
    const lines = child.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Edition 2024 (the newest in content/).");
    expect(lines.at(-1)).toMatch(/^\d+ names and 18 year forms matching "seniorLeadership" for 2024\.$/);
  });

  it("builds the fixture edition, writes a code cache, and builds the same PDF with it", () => {
    const first = mkdtempSync(path.join(tmpdir(), "bundled-cli-"));
    const run = cli(["build", ...inputs, "--out", first, "--no-cache"]);
    expect(run.output).toMatch(/Built .*report\.pdf: \d+ pages/);
    expect(run.status).toBe(0);
    // The bundle is ASCII, which is what lets the loader read it as Latin-1.
    const bundle = readFileSync(path.join(root, "dist/cli.cjs"));
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
    expect(readdirSync(path.join(root, "dist")).filter((name) => name.endsWith(".code-cache")).length).toBeGreaterThan(0);

    const second = mkdtempSync(path.join(tmpdir(), "bundled-cli-"));
    expect(cli(["build", ...inputs, "--out", second, "--no-cache"]).status).toBe(0);
    const pdf = readFileSync(path.join(second, "2024/report.pdf"));
    expect(countPages(pdf)).toBeGreaterThan(5);
    expect(pdf.equals(readFileSync(path.join(first, "2024/report.pdf")))).toBe(true);
  });

  it("makes the print edition PDF/X (Little CMS, loaded from node_modules with its .wasm)", () => {
    const out = mkdtempSync(path.join(tmpdir(), "bundled-cli-"));
    const run = cli(["build", ...inputs, "--out", out, "--no-cache", "--print", "--paper", "uncoated"]);
    expect(run.output).toMatch(/Built .*report\.pdf/);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, "2024/build-report.json"), "utf8")).pdfx).toMatchObject({ version: "PDF/X-4", paper: "uncoated", outputCondition: "FOGRA29" });
  });

  it("makes a draft (the spelling dictionary) and reads it back for comments (pdf.js)", () => {
    const out = mkdtempSync(path.join(tmpdir(), "bundled-cli-"));
    const draft = cli(["build", ...inputs, "--out", out, "--draft"]);
    expect(draft.status).toBe(0);
    expect(draft.output).toMatch(/Proofing: \d+ findings/);
    const comments = cli(["comments", path.join(out, "2024/drafts/1/report.pdf"), "--drafts", path.join(out, "2024/drafts"), "--content", path.join(fixtures, "content"), "--out", path.join(out, "comments")]);
    expect(comments.output).toContain("Wrote 0 comments");
    expect(comments.status).toBe(0);
  });
});
