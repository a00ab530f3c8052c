// The draft flags on the command line: misuse is a usage error; a draft to compare with that does not
// exist is an input error naming the drafts kept, before anything is drawn.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

describe("build --draft flags", () => {
  it("refuses --packs and --since without --draft", async () => {
    for (const args of [["build", "--packs"], ["build", "--since", "2"]]) {
      const r = await run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe("--packs and --since go with --draft.\n");
    }
  });

  it("refuses a --since that is not a draft number", async () => {
    const r = await run(["build", "--draft", "--since", "two"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('--since must be a draft number (1, 2, …), not "two".\n');
  });

  it("names the missing draft and the drafts kept", async () => {
    const copy = copyFixtures();
    const out = path.join(copy.root, "out");
    const r = await run(["build", "--draft", "--since", "7", "--data", copy.dataDir, "--content", copy.contentDir, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${path.join(out, "2024", "drafts", "7")}: error: There is no draft 7 to compare with; drafts kept: none. [draft-since]`);
    expect(r.stderr).toContain("Build stopped; nothing was written.");
  });
});
