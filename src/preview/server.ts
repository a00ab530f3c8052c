// `npm run preview`: watches the content, data and templates, rebuilds the draft on every save in a
// warm worker, and serves a page on loopback that shows it and reloads itself, the edited pages first.
// The page hears of each change at once: the status is pushed to it as server-sent events (/events).
//
// The server answers GET and HEAD only, from a fixed table of routes (no path is ever mapped to a file,
// so nothing outside the current build can be asked for), and listens on 127.0.0.1 alone. It answers
// only requests addressed to itself: a Host (and an Origin, when one is sent) that is not its own
// loopback name and port is refused with 403 and logged, so a web page cannot reach it by DNS rebinding.
import { watch, type FSWatcher } from "chokidar";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { BuildOptions } from "../build/build.ts";
import { lstatOrNull } from "../cache/filesBelow.ts";
import { formatLocation, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { printable } from "../load/safePath.ts";
import { previewPage } from "./page.ts";
import type { WorkerReply } from "./worker.ts";

export interface PreviewOptions {
  year: number;
  dataDir: string;
  contentDir: string;
  /** Drafts go to <outDir>/preview/<year>/, never over a build in <outDir>/<year>/. */
  outDir: string;
  port: number;
  /** Folders whose code shapes the draft; a change there starts a fresh worker. */
  templatesDir: string;
  log?: (line: string) => void;
}

export interface PreviewStatus {
  rebuilds: number;
  failures: number;
  building: boolean;
  lastOk: boolean | null;
  errors: string[];
  warnings: string[];
  /** Bumped when a new draft or a new first look is ready, so the page knows to reload. */
  version: number;
  sectionsVersion: number;
  changedSections: string[];
  pages: Record<string, number>;
  pageCount: number;
  lastBuildMs: number | null;
  firstLookMs: number | null;
}

export interface Preview {
  url: string;
  status: () => PreviewStatus;
  close: () => Promise<void>;
}

const require = createRequire(import.meta.url);

/** A worker running the preview's builder: dist/preview-worker.mjs from the bundle, or the .ts source. */
function builderWorker(): Worker {
  if (import.meta.url.endsWith(".ts")) {
    // From the TypeScript sources (tests, tsx) the worker registers tsx's loader in its own thread
    // first: loader hooks given to the main thread do not reach workers on Node 20.
    const tsx = pathToFileURL(path.join(path.dirname(require.resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
    const worker = new URL("./worker.ts", import.meta.url).href;
    return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`, { eval: true });
  }
  let dir = import.meta.dirname;
  while (path.basename(dir) !== "dist" && path.dirname(dir) !== dir) dir = path.dirname(dir);
  // The bundled worker loads React and react-pdf's reconciler from node_modules: their production
  // builds, as the bundled command line has (scripts/bundle.mjs), and the same pages without the
  // development builds' checks on every element.
  return new Worker(path.join(dir, "preview-worker.mjs"), { env: { ...process.env, NODE_ENV: "production" } });
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const log = options.log ?? (() => {});
  const buildOptions = draftBuildOptions(options);
  const state = initialStatus();
  // The last good draft of an earlier preview is shown at once, while the first rebuild runs.
  const shown: Shown = { draft: lastGoodDraft(buildOptions.outDir, options.year), firstLook: null };
  if (shown.draft) state.version = 1;
  const events = statusEvents(state);
  const builder = startBuilder(buildOptions, state, shown, log, events.send);
  const watching = watchSources(options, builder);
  const routes = previewRoutes(options.year, state, shown);
  let port = options.port;
  const server: Server = createServer(answer(routes, events, () => port, log));
  await listen(server, options.port);
  const address = server.address();
  port = typeof address === "object" && address ? address.port : options.port;

  return {
    url: `http://127.0.0.1:${port}/`,
    // A copy: what a caller keeps is the status as it was, not one that changes under it.
    status: () => ({ ...state }),
    close: async () => {
      await watching.close();
      await builder.terminate();
      // An open event stream would keep the server from closing.
      events.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The drafts on show: the last whole one, and the first look at the sections just edited. */
interface Shown {
  draft: Buffer | null;
  firstLook: Buffer | null;
}

/** Drafts are built like a screen build, under <outDir>/preview/ so a real build is never overwritten. */
function draftBuildOptions(options: PreviewOptions): BuildOptions {
  return {
    year: options.year,
    dataDir: options.dataDir,
    contentDir: options.contentDir,
    outDir: path.join(options.outDir, "preview"),
    print: false,
  };
}

function initialStatus(): PreviewStatus {
  return {
    rebuilds: 0,
    failures: 0,
    building: false,
    lastOk: null,
    errors: [],
    warnings: [],
    version: 0,
    sectionsVersion: 0,
    changedSections: [],
    pages: {},
    pageCount: 0,
    lastBuildMs: null,
    firstLookMs: null,
  };
}

/** The draft an earlier preview left in `outDir`, if it can be read. */
function lastGoodDraft(outDir: string, year: number): Buffer | null {
  const lastGood = path.join(outDir, String(year), "report.pdf");
  if (!existsSync(lastGood)) return null;
  try {
    return readFileSync(lastGood);
  } catch {
    return null;
  }
}

interface Builder {
  /** Builds the draft now, or once the build under way ends (saves during a build make one more). */
  rebuild: () => void;
  /** Replaces the worker with a fresh one (fresh modules) and rebuilds. */
  restart: () => void;
  terminate: () => Promise<void>;
}

/** The warm worker that builds drafts, and what its replies do to the status and the drafts shown. */
function startBuilder(buildOptions: BuildOptions, state: PreviewStatus, shown: Shown, log: (line: string) => void, changed: () => void): Builder {
  let pending = false;
  let worker: Worker;

  const startWorker = () => {
    worker = builderWorker();
    worker.on("message", (reply: WorkerReply) => {
      if (reply.type === "sections") {
        showFirstLook(reply, state, shown, log);
        return changed();
      }
      state.building = false;
      state.lastBuildMs = Math.round(reply.ms);
      if (reply.type === "built") showDraft(reply, state, shown, log);
      else showFailure(reply, state, log);
      changed();
      if (pending) {
        pending = false;
        rebuild();
      }
    });
    worker.on("error", (error) => {
      // A worker that dies (it should not) is replaced; the preview itself carries on.
      state.building = false;
      state.lastOk = false;
      state.errors = [`The preview's builder stopped: ${error.message}`];
      changed();
      startWorker();
    });
  };

  const rebuild = () => {
    if (state.building) {
      pending = true;
      return;
    }
    state.building = true;
    changed();
    worker.postMessage({ type: "build", options: buildOptions });
  };

  const restart = () => {
    void worker.terminate().then(() => {
      state.building = false;
      startWorker();
      rebuild();
    });
  };

  startWorker();
  rebuild();
  const terminate = async () => {
    await worker.terminate();
  };
  return { rebuild, restart, terminate };
}

type Reply<T extends WorkerReply["type"]> = Extract<WorkerReply, { type: T }>;

function showFirstLook(reply: Reply<"sections">, state: PreviewStatus, shown: Shown, log: (line: string) => void): void {
  shown.firstLook = Buffer.from(reply.pdf);
  state.changedSections = reply.ids;
  state.firstLookMs = Math.round(reply.ms);
  state.sectionsVersion++;
  log(`First look at ${reply.ids.join(", ")} in ${Math.round(reply.ms)} ms`);
}

function showDraft(reply: Reply<"built">, state: PreviewStatus, shown: Shown, log: (line: string) => void): void {
  // The last good draft stays on screen until a new one is whole.
  shown.draft = readFileSync(reply.pdfFile);
  state.rebuilds++;
  state.lastOk = true;
  state.errors = [];
  state.warnings = (reply.warnings as Diagnostic[]).map(formatLocation);
  state.pages = reply.pages;
  state.pageCount = reply.pageCount;
  state.changedSections = reply.changed;
  state.version++;
  log(`Draft rebuilt: ${reply.pageCount} pages in ${Math.round(reply.ms)} ms`);
}

function showFailure(reply: Reply<"failed">, state: PreviewStatus, log: (line: string) => void): void {
  state.failures++;
  state.lastOk = false;
  state.errors = (reply.diagnostics as Diagnostic[]).map(formatLocation);
  for (const line of state.errors) log(line);
  log("The draft was not rebuilt; the last good one stays on the page.");
}

/** Watches the content, data and templates; a save rebuilds the draft, a template change restarts the worker. */
function watchSources(options: PreviewOptions, builder: Builder): { close: () => Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  const touched = new Set<string>();
  // A save is built at once, not once its writes have stopped for a while (that wait cost 40 ms of every
  // save). But chokidar passes on no change to a file for 50 ms after one, so writes that go on after the
  // build has read the file could be missed: each file is looked at again once that window has passed,
  // and built again if its size or time changed since its build started.
  const settling = new Map<string, NodeJS.Timeout>();
  const settle = (file: string) => {
    const seen = signature(file);
    clearTimeout(settling.get(file));
    settling.set(
      file,
      setTimeout(() => {
        settling.delete(file);
        if (signature(file) !== seen) changed(file);
      }, 60),
    );
  };
  const build = () => {
    for (const file of touched) settle(file);
    touched.clear();
    builder.rebuild();
  };
  const changed = (file: string) => {
    if (file.startsWith(path.resolve(options.templatesDir))) {
      // New template code needs fresh modules: a fresh worker loads them.
      builder.restart();
      return;
    }
    touched.add(file);
    clearTimeout(timer);
    // Saves that arrive together (an editor saving all) make one rebuild.
    timer = setTimeout(build, 5);
  };
  const watcher: FSWatcher = watch([options.contentDir, options.dataDir, options.templatesDir].map((d) => path.resolve(d)), {
    ignoreInitial: true,
    // A link is never followed (the build refuses it and names it; see src/cache/filesBelow.ts).
    followSymlinks: false,
  });
  watcher.on("all", (_event, file) => changed(path.resolve(file)));
  return {
    close: async () => {
      clearTimeout(timer);
      for (const pending of settling.values()) clearTimeout(pending);
      await watcher.close();
    },
  };
}

/** A file's size and modification time, or "gone". */
function signature(file: string): string {
  const stats = lstatOrNull(file);
  return stats ? `${stats.size} ${stats.mtimeMs}` : "gone";
}

type Routes = Record<string, () => { type: string; body: Buffer | string } | null>;

/** The pages listening at /events, each sent the status when it opens and whenever it changes. */
interface StatusEvents {
  open: (response: ServerResponse) => void;
  send: () => void;
  close: () => void;
  /** How many pages are listening. */
  listening: () => number;
}

function statusEvents(state: PreviewStatus): StatusEvents {
  const open = new Set<ServerResponse>();
  const message = () => `data: ${JSON.stringify(state)}\n\n`;
  return {
    open: (response) => {
      response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
      response.write(message());
      open.add(response);
      response.on("close", () => open.delete(response));
    },
    send: () => {
      const data = message();
      for (const response of open) response.write(data);
    },
    close: () => {
      for (const response of open) response.end();
      open.clear();
    },
    listening: () => open.size,
  };
}

/** The only things the server hands out: the page, its status (also pushed at /events), the drafts and pdf.js. */
function previewRoutes(year: number, state: PreviewStatus, shown: Shown): Routes {
  const pdfjs = path.dirname(require.resolve("pdfjs-dist/package.json"));
  return {
    "/": () => ({ type: "text/html; charset=utf-8", body: previewPage(year) }),
    "/status": () => ({ type: "application/json", body: JSON.stringify(state) }),
    "/draft.pdf": () => (shown.draft ? { type: "application/pdf", body: shown.draft } : null),
    "/first-look.pdf": () => (shown.firstLook ? { type: "application/pdf", body: shown.firstLook } : null),
    "/pdf.mjs": () => ({ type: "text/javascript", body: readFileSync(path.join(pdfjs, "build/pdf.min.mjs")) }),
    "/pdf.worker.mjs": () => ({ type: "text/javascript", body: readFileSync(path.join(pdfjs, "build/pdf.worker.min.mjs")) }),
  };
}

/** The request handler: a foreign Host or Origin is refused, then GET and HEAD of a route are answered. */
function answer(routes: Routes, events: StatusEvents, port: () => number, log: (line: string) => void): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const refused = foreignRequest(request, port());
    if (refused) {
      log(`Refused a request for ${JSON.stringify(printable(request.url ?? ""))}: ${refused} (403).`);
      response.writeHead(403, { "Content-Type": "text/plain" }).end("Forbidden: the preview answers only its own address.\n");
      return;
    }
    // The path exactly as sent, without its query: "/../x", "/%2e%2e/x" and the like match no route.
    const [pathname] = (request.url ?? "").split("?");
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }).end("Only GET and HEAD are answered.\n");
      return;
    }
    if (pathname === "/events" && request.method === "GET") return events.open(response);
    const route = routes[pathname];
    const found = route?.();
    if (!found) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found.\n");
      return;
    }
    response.writeHead(200, { "Content-Type": found.type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    response.end(request.method === "HEAD" ? undefined : found.body);
  };
}

/** Listens on loopback alone; rejects if the port cannot be had. */
function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
}

/** Why a request is not addressed to this preview (its Host or Origin names another site), or null. */
export function foreignRequest(request: Pick<IncomingMessage, "headers">, port: number): string | null {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = request.headers.host;
  if (!host || !own.includes(host.toLowerCase())) return `Host ${(host === undefined ? "(none)" : JSON.stringify(printable(host)))} is not ${own.join(" or ")}`;
  const origin = request.headers.origin;
  if (origin !== undefined && !own.some((o) => origin.toLowerCase() === `http://${o}`)) return `Origin ${JSON.stringify(printable(origin))} is not this preview`;
  return null;
}
