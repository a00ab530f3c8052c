// The live preview: loopback only, GET and HEAD only, no way out of its routes, a rebuild after every
// save (and after a save still being written when it was read), and a broken file survived (the last
// good draft kept) and recovered from when it is fixed.
import { request } from "node:http";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type Preview, type PreviewStatus } from "../../src/preview/server.ts";
import { copyFixtures } from "../helpers/fixtureCopy.ts";

let preview: Preview;
let fixture: ReturnType<typeof copyFixtures>;
const root = path.resolve(import.meta.dirname, "../..");
const logged: string[] = [];

/** A raw request, so paths such as "/../x" reach the server exactly as written. */
function send(method: string, rawPath: string, host = "127.0.0.1", headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: Buffer }> {
  const url = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const req = request({ host, port: url.port, method, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The statuses pushed at /events to a listener that never answers, as they come. */
function listen(): { statuses: PreviewStatus[]; req: ReturnType<typeof request> } {
  const url = new URL(preview.url);
  const statuses: PreviewStatus[] = [];
  let buffered = "";
  const req = request({ host: "127.0.0.1", port: url.port, path: "/events" }, (res) => {
    expect(res.headers["content-type"]).toBe("text/event-stream");
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffered += chunk;
      for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
        statuses.push(JSON.parse(buffered.slice(0, end).replace(/^data: /, "")) as PreviewStatus);
        buffered = buffered.slice(end + 2);
      }
    });
  });
  req.end();
  return { statuses, req };
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 20));
}


async function status(): Promise<PreviewStatus> {
  return JSON.parse((await send("GET", "/status")).body.toString("utf8")) as PreviewStatus;
}

/** Waits until the status says what `done` asks for, as a script using /status would. */
async function waitFor(done: (s: PreviewStatus) => boolean, what: string, timeoutMs = 120_000): Promise<PreviewStatus> {
  const started = Date.now();
  for (;;) {
    const s = await status();
    if (done(s)) return s;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}; last status ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  fixture = copyFixtures();
  preview = await startPreview({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir, outDir: path.join(fixture.root, "out"), port: 0, templatesDir: path.join(root, "templates"), log: (line) => logged.push(line) });
  await waitFor((s) => s.rebuilds === 1, "the first draft");
}, 180_000);

afterAll(async () => {
  await preview?.close();
});

describe("the preview server", () => {
  it("listens on loopback only", async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === "IPv4" && !a.internal)
      .map((a) => a!.address);
    for (const address of others) await expect(send("GET", "/status", address)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("serves the page, the draft and its status", async () => {
    const page = await send("GET", "/");
    expect(page.status).toBe(200);
    expect(page.body.toString("utf8")).toContain("Preview of the 2024 report");
    const draft = await send("GET", "/draft.pdf");
    expect(draft.type).toBe("application/pdf");
    expect(draft.body.subarray(0, 5).toString()).toBe("%PDF-");
    const s = await status();
    expect(s).toMatchObject({ lastOk: true, errors: [] });
    expect(s.pageCount).toBeGreaterThan(5);
  });

  it("answers GET and HEAD only", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) expect((await send(method, "/status")).status, method).toBe(405);
    const head = await send("HEAD", "/draft.pdf");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("refuses every way out of its routes", async () => {
    for (const raw of ["/../package.json", "/%2e%2e/package.json", "/..%2fpackage.json", "/%2e%2e%2fpackage.json", "//etc/passwd", "/draft.pdf/../../package.json", "/package.json", "/src/preview/server.ts", "/.cache"]) {
      const res = await send("GET", raw);
      expect(res.status, raw).toBe(404);
      expect(res.body.toString("utf8")).not.toContain("gender-equality-report");
    }
  });

  it("pushes the status at /events when it opens and on every change, with no polling", async () => {
    const url = new URL(preview.url);
    const { statuses, req } = listen();
    try {
      await until(() => statuses.length > 0);
      const opened = statuses[0];
      fixture.edit("content/2024/good-practice/cumbria.md", (t) => `${t.trimEnd()}\n\nA sentence the events test wrote.\n`);
      // A first look, then the whole draft, each pushed as it happens.
      await until(() => statuses.some((s) => s.sectionsVersion > opened.sectionsVersion));
      await until(() => statuses.some((s) => s.rebuilds > opened.rebuilds));
      expect(statuses.some((s) => s.building)).toBe(true);
      expect(statuses.at(-1)).toMatchObject({ lastOk: true, changedSections: ["force/cumbria"] });
      // A foreign Host is refused here as on every route.
      const refused = await new Promise<number>((resolve, reject) => {
        request({ host: "127.0.0.1", port: url.port, path: "/events", headers: { Host: "evil.example" } }, (res) => resolve(res.statusCode ?? 0)).on("error", reject).end();
      });
      expect(refused).toBe(403);
    } finally {
      req.destroy();
    }
  }, 300_000);

  it("builds again a save still being written when its build read the file", async () => {
    const before = await status();
    // A save in two writes: the first leaves a force name that does not exist, the second (inside the
    // 50 ms in which chokidar reports no other change to the file) puts it right.
    fixture.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("force: Cumbria", "force: Cumbriaaa"));
    await new Promise((r) => setTimeout(r, 25));
    fixture.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("force: Cumbriaaa", "force: Cumbria"));
    const fixed = await waitFor((s) => s.rebuilds > before.rebuilds && s.lastOk === true && !s.building, "the draft of the whole save");
    expect(fixed.errors).toEqual([]);
  }, 300_000);

  it("rebuilds after a save, shows the edited section first, survives a broken file and recovers", async () => {
    const before = await status();
    fixture.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("for a year.", "for a year, as the preview test wrote."));
    const edited = await waitFor((s) => s.rebuilds > before.rebuilds, "the rebuild after an edit");
    expect(edited.lastOk).toBe(true);
    expect(edited.changedSections).toEqual(["force/cumbria"]);
    // One first look: the early one (the entry assembled on the last prepare) stands, and the whole
    // prepare's, the same pages, is not shown again.
    expect(edited.sectionsVersion).toBe(before.sectionsVersion + 1);
    const firstLook = await send("GET", "/first-look.pdf");
    expect(firstLook.body.subarray(0, 5).toString()).toBe("%PDF-");
    const goodDraft = (await send("GET", "/draft.pdf")).body;

    fixture.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("force: Cumbria", "force: Cumbira"));
    const broken = await waitFor((s) => s.failures > edited.failures, "the failed rebuild");
    expect(broken.lastOk).toBe(false);
    expect(broken.errors.join("\n")).toMatch(/cumbria\.md:2:1: error: .*Cumbira.*\[unknown-force\]/);
    // The last good draft stays on screen.
    expect((await send("GET", "/draft.pdf")).body.equals(goodDraft)).toBe(true);

    fixture.edit("content/2024/good-practice/cumbria.md", (t) => t.replace("force: Cumbira", "force: Cumbria"));
    const fixed = await waitFor((s) => s.rebuilds > edited.rebuilds && s.lastOk === true, "the rebuild after the fix");
    expect(fixed.errors).toEqual([]);
  }, 300_000);
});
