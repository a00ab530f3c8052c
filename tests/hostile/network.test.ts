// Issue 10: a build never opens a network connection. Every way out (sockets, TLS, fetch, DNS) is
// patched to record and refuse while whole builds run in this process.
import dns from "node:dns";
import net from "node:net";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { BuildError } from "../../src/diagnostics/diagnostic.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

const attempts: string[] = [];
const originals = { connect: net.Socket.prototype.connect, lookup: dns.lookup, promisesLookup: dns.promises.lookup };

beforeEach(() => {
  attempts.length = 0;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    attempts.push(`connect ${JSON.stringify(args[0])}`);
    throw new Error("network access during a build");
  } as typeof net.Socket.prototype.connect;
  dns.lookup = ((host: string) => {
    attempts.push(`lookup ${host}`);
    throw new Error("DNS lookup during a build");
  }) as unknown as typeof dns.lookup;
  dns.promises.lookup = (async (host: string) => {
    attempts.push(`lookup ${host}`);
    throw new Error("DNS lookup during a build");
  }) as typeof dns.promises.lookup;
});

afterEach(() => {
  net.Socket.prototype.connect = originals.connect;
  dns.lookup = originals.lookup;
  dns.promises.lookup = originals.promisesLookup;
});

describe("no network", () => {
  it("the guard catches a fetch (so the tests below can fail)", async () => {
    await expect(fetch("http://127.0.0.1:8/portrait.png")).rejects.toThrow();
    expect(attempts.length).toBeGreaterThan(0);
  });

  it("a whole build of the fixture edition, with an image, opens no connection", async () => {
    const fixture = copyFixtures();
    const result = await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), print: false });
    expect(result.pageCount).toBeGreaterThan(3);
    expect(attempts).toEqual([]);
  });

  it.each([
    ["a portrait", "content/2024/forewords/lead.md", (t: string) => t.replace("order: 1\n", "order: 1\nportrait: https://127.0.0.1:8/face.png\n"), "portrait"],
    ["a Markdown image", "content/2024/good-practice/cumbria.md", (t: string) => `${t}\n![Logo](http://127.0.0.1:8/logo.png)\n`, "remote-image"],
  ])("a web address as %s stops the build without a connection", async (_what, file, change, rule) => {
    const fixture = copyFixtures();
    fixture.edit(file, change);
    const failure = await build({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), print: false }).catch((e: unknown) => e);
    expect(attempts).toEqual([]);
    expect(failure).toBeInstanceOf(BuildError);
    expect((failure as BuildError).diagnostics.map((d) => d.rule)).toEqual([rule]);
  });
});
