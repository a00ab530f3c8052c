// Issue 10: a build killed while writing never leaves the output missing or hidden for the next build:
// its leftovers (staging folder, `.previous` folder) are restored or removed before anything else happens.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { checkOutputFolder } from "../../src/build/outputFolder.ts";
import { writeOutputsAtomically } from "../../src/build/writeOutputs.ts";
import { BuildError } from "../../src/diagnostics/diagnostic.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** An output folder holding an earlier good build labelled "old". */
function earlierBuild(): { outDir: string; target: string } {
  const outDir = mkdtempSync(path.join(tmpdir(), "killed-"));
  const target = path.join(outDir, "2024");
  writeOutputsAtomically(target, { "report.pdf": "pdf old", "statistics.json": "statistics old", "charts/a.svg": "chart old", "build-report.json": "report old" });
  return { outDir, target };
}

function killedWrite(target: string, point: string) {
  // Node itself (not the tsx wrapper) so the process killed is the one whose pid names the leftovers.
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "tests/helpers/writeChild.ts"), target, "new"], { env: { ...process.env, REPORT_TEST_KILL_AT: point }, encoding: "utf8", cwd: root });
  return { signal: child.signal, pid: child.pid };
}

const hidden = (outDir: string) => readdirSync(outDir).filter((n) => n.startsWith("."));

describe("a build killed with SIGKILL", () => {
  it.each([
    ["while writing the staging folder", "while-staging", [".2024.staging-"], "old"],
    ["after staging, before the first rename", "before-first-rename", [".2024.staging-"], "old"],
    ["between the two renames", "between-renames", [".2024.previous-", ".2024.staging-"], "old"],
    ["after the second rename, before cleaning up", "before-cleanup", [".2024.previous-"], "new"],
  ])("%s: the next build finds the output whole and no leftovers", (_when, point, leftovers, survivor) => {
    const { outDir, target } = earlierBuild();
    const { signal, pid } = killedWrite(target, point);
    expect(signal).toBe("SIGKILL");
    // What the kill left on disk: the leftovers named after the killed process.
    expect(hidden(outDir).sort()).toEqual(leftovers.map((l) => `${l}${pid}`).sort());
    expect(existsSync(target)).toBe(point !== "between-renames");

    // The next build puts it right before it reads any input.
    const notes = checkOutputFolder(outDir, 2024);
    expect(notes).toHaveLength(leftovers.length);
    expect(hidden(outDir)).toEqual([]);
    for (const [file, label] of [["report.pdf", "pdf"], ["statistics.json", "statistics"], ["charts/a.svg", "chart"], ["build-report.json", "report"]]) {
      expect(readFileSync(path.join(target, file), "utf8")).toBe(`${label} ${survivor}`);
    }
    if (point === "between-renames") expect(notes[0]).toMatch(/^restored .*2024 from \.2024\.previous-\d+/);
  });

  it("a killed build's leftovers are recovered even when the next build then fails on bad input", async () => {
    const fixture = copyFixtures();
    const outDir = path.join(fixture.root, "out");
    const target = path.join(outDir, "2024");
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, "report.pdf"), "earlier");
    const { signal } = killedWrite(target, "between-renames");
    expect(signal).toBe("SIGKILL");
    expect(existsSync(target)).toBe(false);
    fixture.edit("data/2024/officers.csv", (t) => t.replace("Cumbria,Female,Sergeant,41", "Cumbria,Female,Sergeant,lots"));
    await expect(build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir, print: false })).rejects.toBeInstanceOf(BuildError);
    expect(readFileSync(path.join(target, "report.pdf"), "utf8")).toBe("earlier");
    expect(hidden(outDir)).toEqual([]);
  });

  it("leaves the staging folder of a build that is still running alone", () => {
    const { outDir, target } = earlierBuild();
    const running = path.join(outDir, `.2024.staging-${process.ppid}`);
    mkdirSync(running);
    checkOutputFolder(outDir, 2024);
    expect(existsSync(running)).toBe(true);
    expect(readFileSync(path.join(target, "report.pdf"), "utf8")).toBe("pdf old");
  });
});
