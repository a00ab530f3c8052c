// Runs the command line from a bundle of the TypeScript sources (dist/cli.mjs), made by `npm ci` (the
// prepare script) and remade here whenever a source file is newer than it, so `npm run build` never
// runs stale code and never pays for transpiling TypeScript on every start.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const bundle = path.join(root, "dist", "cli.mjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = Math.max(newestSource(path.join(root, "src")), newestSource(path.join(root, "templates")), statSync(path.join(root, "package-lock.json")).mtimeMs);
if (!existsSync(bundle) || statSync(bundle).mtimeMs < sources) {
  const { bundleCli } = await import("./bundle.mjs");
  await bundleCli();
}
await import(pathToFileURL(bundle).href);
