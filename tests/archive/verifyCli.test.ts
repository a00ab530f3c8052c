// verify on the command line, as the README runs it: an edition or revision that is not there is one
// plain message (exit 1), not a failed verification. (The README's example for a fresh clone, archive
// then verify, is what tests/archive/archive.test.ts runs.)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "report-verify-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run <script> -- args`, as package.json runs it. */
const npmRun = (script: string, args: string[]) => spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: root, encoding: "utf8" });

describe("verify, when there is nothing to verify", () => {
  it("no archived edition: one message saying so and how to archive one, exit 1, no NOT verified", () => {
    const empty = path.join(work, "empty");
    const r = npmRun("verify", ["--year", "2024", "--archive", empty]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("Edition 2024 (given by --year).\n");
    expect(r.stderr).toBe(
      `${path.join(empty, "2024")}: error: There is no archived 2024 edition here (no manifest.json). Archive one first: npm run archive -- --year 2024 --archive ${empty} [no-archived-edition]\n1 error, 0 warnings\n`,
    );
  }, 60_000);

  it("a revision that is not there names the revisions that are", () => {
    const archive = path.join(work, "two-revisions");
    for (const dir of ["2024", "2024/r2"]) {
      mkdirSync(path.join(archive, dir), { recursive: true });
      writeFileSync(path.join(archive, dir, "manifest.json"), "{}");
    }
    const r = npmRun("verify", ["--year", "2024", "--revision", "3", "--archive", archive]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${path.join(archive, "2024/r3")}: error: There is no revision 3 of the archived 2024 edition; ${path.join(archive, "2024")} holds revisions 1 and 2. [no-archived-edition]\n1 error, 0 warnings\n`);
    expect(r.stderr).not.toContain("NOT verified");
  }, 60_000);
});
