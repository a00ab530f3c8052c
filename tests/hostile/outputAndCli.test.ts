// Issue 10: the output folder is checked before the build starts, and every failure, expected or not, is
// printed by the one reporter, with a stack trace only when --debug is given.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputFolder } from "../../src/build/outputFolder.ts";
import { BuildError } from "../../src/diagnostics/diagnostic.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(root, "tests/fixtures");

// The kill after a minute only turns a hang into a failed test; no test asserts a time.
function cli(args: string[], preload?: string) {
  const child = spawnSync(process.execPath, [...(preload ? ["--import", preload] : []), "--import", "tsx", path.join(root, "src/cli/bin.ts"), "build", "--data", path.join(fixtures, "data"), "--content", path.join(fixtures, "content"), ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: child.status, stderr: child.stderr, stdout: child.stdout };
}

const stackLine = /^\s+at .+:\d+:\d+\)?$/m;

function refusal(outDir: string): string {
  try {
    checkOutputFolder(outDir, 2024);
  } catch (error) {
    if (error instanceof BuildError) {
      expect(error.diagnostics).toHaveLength(1);
      expect(error.diagnostics[0]).toMatchObject({ file: outDir, rule: "output-folder" });
      return error.diagnostics[0].message;
    }
    throw error;
  }
  throw new Error(`${outDir} was accepted`);
}

describe("the output folder, checked before the build", () => {
  it.each([["/proc/self/report-out"], ["/sys/kernel/report-out"], ["/dev/report-out"], ["/dev/shm/report-out"]])("refuses %s", (outDir) => {
    expect(refusal(outDir)).toMatch(/is under \/(proc|sys|dev), a system folder/);
  });

  it("refuses a symlink that leads into /proc", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "out-"));
    symlinkSync("/proc/self", path.join(dir, "link"));
    expect(refusal(path.join(dir, "link", "out"))).toMatch(/under \/proc/);
  });

  it("refuses a file, and a path through a file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "out-"));
    const file = path.join(dir, "not-a-folder");
    writeFileSync(file, "x");
    expect(refusal(file)).toMatch(/The output folder is a file, not a folder/);
    expect(refusal(path.join(file, "deeper"))).toMatch(/not-a-folder is a file, not a folder/);
  });

  it("refuses a file where the year's folder goes", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "out-"));
    writeFileSync(path.join(dir, "2024"), "x");
    expect(refusal(dir)).toMatch(/2024 is a file; the build writes a folder there/);
  });

  it.skipIf(process.getuid?.() === 0)("refuses a folder it cannot write to (not testable as root, who may write anywhere)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "out-"));
    mkdirSync(path.join(dir, "locked"));
    chmodSync(path.join(dir, "locked"), 0o555);
    expect(refusal(path.join(dir, "locked"))).toMatch(/cannot be written to \(permission denied\)/);
  });

  it("creates a missing folder", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "out-"));
    expect(checkOutputFolder(path.join(dir, "a/b/c"), 2024)).toEqual([]);
  });
});

describe("the command line", () => {
  it("stops at once on --out under /proc (it used to spin forever), through the reporter, without a stack trace", () => {
    const run = cli(["--out", "/proc/self/report-out"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("/proc/self/report-out: error: The output folder is under /proc, a system folder that holds no files; choose an ordinary folder. [output-folder]");
    expect(run.stderr).not.toMatch(stackLine);
  });

  it("stops before the build on --out that is a file", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "out-")), "report.pdf");
    writeFileSync(file, "x");
    const run = cli(["--out", file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}: error: The output folder is a file, not a folder; choose a folder for --out. [output-folder]`);
    expect(run.stderr).not.toMatch(stackLine);
    expect(run.stdout).not.toContain("Built");
  });

  it("prints an unexpected failure through the reporter, and its stack trace only with --debug", () => {
    const preload = path.join(root, "tests/helpers/failingScandir.mjs");
    const out = mkdtempSync(path.join(tmpdir(), "out-"));
    const plain = cli(["--out", out], preload);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toMatch(/fixtures\/data: error: EIO: i\/o error, scandir .* \(run again with --debug for the details\) \[system-error\]/);
    expect(plain.stderr).toContain("1 error, 0 warnings");
    expect(plain.stderr).not.toMatch(stackLine);

    const debug = cli(["--out", out, "--debug"], preload);
    expect(debug.status).toBe(1);
    expect(debug.stderr).toContain("[system-error]");
    expect(debug.stderr).toMatch(stackLine);
  });
});
