// A draft's content revision: the git commit where the content folder is in a git work tree, else a
// hash of the inputs that changes when any input changes.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentRevision, gitRevision, inputsHash } from "../../src/review/revision.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("content revision", () => {
  it("is the repository's commit for the project's content folder", async () => {
    const head = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "."], { cwd: path.join(root, "content"), encoding: "utf8" }).trim() !== "";
    expect(await gitRevision(path.join(root, "content"))).toBe(dirty ? `${head}+modified` : head);
  });

  it("is a hash of the inputs outside git, changed by a one-character edit of the data", async () => {
    const copy = copyFixtures();
    expect(await gitRevision(copy.contentDir)).toBeNull();
    const before = await contentRevision(copy.contentDir, copy.dataDir, 2024);
    expect(before.revision).toBe(before.inputsHash);
    expect(before.revision).toMatch(/^[0-9a-f]{12}$/);
    copy.edit("data/2024/officers.csv", (t) => t.replace("Kent,Female,Sergeant,155", "Kent,Female,Sergeant,156"));
    expect(inputsHash(copy.contentDir, copy.dataDir, 2024)).not.toBe(before.inputsHash);
  });
});
