// --paper: only with --print, only coated or uncoated; a bad command line is exit status 2 with the reason.
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";

async function run(argv: string[]) {
  let err = "";
  const code = await main(argv, { out: () => {}, err: (t) => (err += t) });
  return { code, err };
}

describe("--paper", () => {
  it("goes with --print", async () => {
    expect(await run(["--paper", "uncoated"])).toEqual({ code: 2, err: "--paper goes with --print.\n" });
  });

  it("names a paper the print edition has a profile for", async () => {
    expect(await run(["--print", "--paper", "gloss"])).toEqual({ code: 2, err: '--paper must be coated or uncoated, not "gloss".\n' });
  });
});
