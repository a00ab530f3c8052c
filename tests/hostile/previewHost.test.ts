// Issue 28: the preview answers only requests addressed to itself (DNS rebinding: a page on
// attacker.example that resolves to 127.0.0.1 sends "Host: attacker.example"), and a FIFO in the content
// folder is reported while the preview keeps serving instead of leaving it "building" for good.
import { execFileSync } from "node:child_process";
import { request } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foreignRequest, startPreview, type Preview, type PreviewStatus } from "../../src/preview/server.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

let preview: Preview;
let fifo: string;
const logged: string[] = [];
const root = path.resolve(import.meta.dirname, "../..");

function send(rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: url.port, method: "GET", path: rawPath, headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  const fixture = copyFixtures();
  fifo = path.join(fixture.contentDir, "2024/good-practice/pipe.md");
  execFileSync("mkfifo", [fifo]);
  preview = await startPreview({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), port: 0, templatesDir: path.join(root, "templates"), log: (line) => logged.push(line) });
}, 60_000);

afterAll(async () => {
  await preview?.close();
});

describe("the preview's request guard", () => {
  it.each([
    ["a foreign Host", { Host: "attacker.example" }],
    ["a foreign Host on the right port", { Host: "attacker.example:PORT" }],
    ["a foreign Origin", { Origin: "http://attacker.example" }],
    ["an Origin on another port", { Origin: "http://127.0.0.1:1" }],
  ])("answers %s with 403, for the draft and the status alike, and logs it", async (_what, headers) => {
    const port = new URL(preview.url).port;
    const sent = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace("PORT", port)]));
    for (const route of ["/draft.pdf", "/status", "/"]) {
      const answer = await send(route, sent);
      expect(answer.status).toBe(403);
      expect(answer.body).not.toMatch(/rebuilds|%PDF|<html/);
    }
    expect(logged.some((line) => /Refused a request for "\/status".*\(403\)/.test(line))).toBe(true);
  });

  it("answers its own address, as 127.0.0.1 or localhost, with or without its own Origin", async () => {
    const port = new URL(preview.url).port;
    expect((await send("/status")).status).toBe(200);
    expect((await send("/status", { Host: `localhost:${port}` })).status).toBe(200);
    expect((await send("/status", { Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it("decides from the headers alone", () => {
    expect(foreignRequest({ headers: { host: "127.0.0.1:4173" } }, 4173)).toBeNull();
    expect(foreignRequest({ headers: { host: "127.0.0.1:4174" } }, 4173)).toMatch(/Host "127.0.0.1:4174"/);
    expect(foreignRequest({ headers: {} }, 4173)).toMatch(/Host \(none\)/);
    expect(foreignRequest({ headers: { host: "LOCALHOST:4173", origin: "null" } }, 4173)).toMatch(/Origin "null"/);
  });
});

describe("a FIFO in the content folder", () => {
  it("is reported by name and the preview stops building and keeps serving", async () => {
    const started = Date.now();
    let status: PreviewStatus;
    for (;;) {
      status = JSON.parse((await send("/status")).body) as PreviewStatus;
      if (status.failures > 0 || Date.now() - started > 90_000) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status.building).toBe(false);
    expect(status.errors.join("\n")).toContain(`${fifo}: error: This is a named pipe (FIFO)`);
    expect((await send("/")).status).toBe(200);
  }, 120_000);
});
