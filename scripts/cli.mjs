// Runs the command line from its bundle (dist/cli.cjs, see scripts/bundle.mjs), made by `npm ci` (the
// prepare script) and remade here whenever a source, a patch or the lockfile is newer than it, so
// `npm run build` never runs stale code and never pays for transpiling TypeScript on every start.
//
// The bundle is compiled with V8's code cache: the bytecode of every function an earlier run compiled,
// kept in dist/ under the bundle's size and time. A run that did at least twice the work of the run
// that wrote the cache (by processor time: the first build after `npm ci`, or after `--help`) writes it
// again as it exits, so the cache soon holds what a whole build compiles. V8 refuses a cache made by
// another Node or V8, and then it is simply written again.
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import vm from "node:vm";

// V8 flags, set before the bundle is compiled: V8 keeps a code cache only for the flags it was made
// with, so each set of flags has a cache of its own (below).
// V8 drops the bytecode of functions a long run has not used for a while, so a cache written at the end
// of a long build lacked what a short one needs first (a one-entry rebuild took 0.2 s longer).
setFlagsFromString("--no-flush-bytecode");
// V8 lets the heap grow to about twice what survived its last full collection before collecting again,
// so a long book's peak was mostly garbage: up to 1.1 GB for ten times the 2024 entries. A build grows
// it by half, which keeps that near 800 MB (and the 2024 build near 300 MB) for a few per cent more time.
// The preview is left as V8 tunes it: its builds are small, and its first look must be quick.
const compact = process.argv[2] !== "preview";
if (compact) setFlagsFromString("--heap-growing-percent=50");
// The young generation's size cannot be set once the heap is made, so package.json starts Node with
// --max-semi-space-size=32 (V8's default: 16 MB): a 2024 build collects it 67 times instead of 111,
// 227 ms of pauses instead of 383 (--trace-gc), for about 40 MB more at its peak.

const root = path.resolve(import.meta.dirname, "..");
const bundle = path.join(root, "dist", "cli.cjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = Math.max(...["src", "templates", "patches"].map((dir) => newestSource(path.join(root, dir))), statSync(path.join(root, "package-lock.json")).mtimeMs);
if (!existsSync(bundle) || statSync(bundle).mtimeMs < sources) {
  const { bundleCli } = await import("./bundle.mjs");
  await bundleCli();
}

const { size, mtimeMs } = statSync(bundle);
const cacheFile = `${bundle}.${size}-${Math.round(mtimeMs)}${compact ? "" : "-preview"}.code-cache`;
const work = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
let kept;
try {
  kept = readFileSync(cacheFile);
} catch {
  kept = undefined;
}
// The cache's first 8 bytes: the processor time (µs) of the run that wrote it.
const keptWork = kept && kept.length > 8 ? Number(kept.readBigUInt64LE(0)) : 0;
// The bundle is ASCII (scripts/bundle.mjs), so Latin-1 reads it as it is, without decoding UTF-8.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, "latin1")}\n})`, {
  filename: bundle,
  cachedData: kept && kept.length > 8 ? kept.subarray(8) : undefined,
});
const usable = kept !== undefined && !script.cachedDataRejected;

process.on("exit", (code) => {
  const done = work();
  if (code !== 0 || (usable && done < keptWork * 2)) return;
  try {
    const data = script.createCachedData();
    const header = Buffer.alloc(8);
    header.writeBigUInt64LE(BigInt(Math.round(done)));
    const temporary = `${cacheFile}.${process.pid}`;
    writeFileSync(temporary, Buffer.concat([header, data]));
    renameSync(temporary, cacheFile);
  } catch {
    // A read-only checkout runs without a cache.
  }
});

const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
