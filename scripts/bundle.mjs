// Bundles the command line's TypeScript into one ES module, dist/cli.mjs, with esbuild. Dependencies stay
// in node_modules (loaded as they are), so only our own code is transformed, once, not on every start.
import { build } from "esbuild";
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");

export async function bundleCli() {
  const result = await build({
    metafile: true,
    absWorkingDir: root,
    // The command line, and the preview's builder, which runs in a worker thread of its own.
    entryPoints: { cli: path.join(root, "src/cli/bin.ts"), "preview-worker": path.join(root, "src/preview/worker.ts") },
    bundle: true,
    platform: "node",
    format: "esm",
    outExtension: { ".js": ".mjs" },
    target: "node20",
    packages: "external",
    jsx: "automatic",
    logLevel: "warning",
    // Keeps import.meta.dirname meaning the bundle's folder; the code finds package.json from there.
    sourcemap: "linked",
    // Heavy stages are imported when a build needs them, each in its own chunk.
    splitting: true,
    outdir: path.join(root, "dist"),
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
  });
  // Chunks of earlier bundles are removed once they are ten minutes old: a build or preview started
  // from the earlier bundle may still load its chunks lazily.
  const current = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(root, file)));
  const chunks = path.join(root, "dist", "chunks");
  for (const name of readdirSync(chunks)) {
    const file = path.join(chunks, name);
    if (!current.has(file) && Date.now() - statSync(file).mtimeMs > 10 * 60_000) rmSync(file, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bundleCli();
