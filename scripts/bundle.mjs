// Bundles the command line with esbuild, so only a bundle runs, never TypeScript transpiled on start.
//
// dist/cli.cjs: the command line with its dependencies, as one CommonJS script. scripts/cli.mjs runs it
// with V8's code cache (compiled bytecode kept beside it), which Node 20 offers for scripts but not for
// ES modules: loading and compiling some 300 modules was a third of a one-entry rebuild. The modules a
// build does not need are still only compiled and run when first imported.
//
// dist/preview-worker.mjs: the preview's builder, which runs in a worker thread for as long as the
// preview does. Its start-up is paid once, so it stays an ES module with its dependencies in
// node_modules, and its heavy stages in chunks of their own.
import { build } from "esbuild";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");

// Left in node_modules: pdf.js, loaded only to read PDFs back, Little CMS (an ES module that finds its
// .wasm beside it, loaded only for the print edition), and development tools. pdfkit's and the
// dictionary's data files are read from there too (below).
const external = ["pdfjs-dist", "lcms-wasm", "playwright-core", "axe-core", "esbuild", "tsx", "fsevents", "@myriaddreamin/*"];

// vega-canvas looks for the optional `canvas` package with a top-level await, which a script cannot
// hold. Charts never draw on a canvas (text is measured with fontkit: src/charts/textMetrics.ts), so
// the bundle gets vega-canvas's answer when `canvas` is absent: no canvas, no image.
const noCanvas = {
  name: "no-canvas",
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: "vega-canvas", namespace: "no-canvas" }));
    build.onLoad({ filter: /.*/, namespace: "no-canvas" }, () => ({ contents: "export const canvas = () => null; export const image = () => null;", loader: "js" }));
  },
};

// dictionary-en-gb reads its two files with a top-level await, which a script cannot hold (nor
// require()); the bundle reads the same files from node_modules as it loads.
const dictionary = {
  name: "dictionary",
  setup(build) {
    build.onResolve({ filter: /^dictionary-en-gb$/ }, () => ({ path: "dictionary-en-gb", namespace: "dictionary" }));
    build.onLoad({ filter: /.*/, namespace: "dictionary" }, () => ({
      contents: `const { readFileSync } = require("node:fs"); const { join } = require("node:path");
        const dir = join(__dirname, "../node_modules/dictionary-en-gb");
        export default { aff: readFileSync(join(dir, "index.aff")), dic: readFileSync(join(dir, "index.dic")) };`,
      loader: "js",
    }));
  },
};

// pdfkit finds its standard fonts' metrics (and its colour profile) from its own file's address, through
// its package's import map; in the bundle that address is the bundle's, so pdfkit is given its own.
const pdfkitLocation = {
  name: "pdfkit-location",
  setup(build) {
    build.onLoad({ filter: /node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => {
      const own = 'require("node:url").pathToFileURL(require("node:path").join(__dirname, "../node_modules/pdfkit/js/pdfkit.node.mjs")).href';
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.url")) throw new Error("pdfkit no longer finds its files from import.meta.url: check scripts/bundle.mjs");
      return { contents: source.replaceAll("import.meta.url", `(${own})`), loader: "js", resolveDir: path.dirname(args.path) };
    });
  },
};

export async function bundleCli() {
  const common = { absWorkingDir: root, bundle: true, platform: "node", target: "node20", jsx: "automatic", logLevel: "warning", sourcemap: "linked", metafile: true };
  const cli = build({
    ...common,
    entryPoints: { cli: path.join(root, "src/cli/bin.ts") },
    format: "cjs",
    outfile: path.join(dist, "cli.cjs"),
    external,
    plugins: [noCanvas, dictionary, pdfkitLocation],
    // import.meta in the sources (and in yoga's loader) means this script's folder; the code finds
    // package.json from there.
    // React and react-pdf's reconciler in their production builds: the development builds check and
    // record each element for warnings (frozen props, owner stacks), a tenth of a cold build's layout,
    // and draw the same pages.
    define: { "import.meta.dirname": "__dirname", "import.meta.filename": "__filename", "import.meta.url": "__bundleUrl", "process.env.NODE_ENV": '"production"' },
    banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    // Without comments and indentation the script is a third smaller to read; licences go to cli.cjs.LEGAL.txt.
    minifyWhitespace: true,
    legalComments: "external",
  }).then((result) => {
    // One byte a character, so the loader reads it as Latin-1, four times faster than decoding UTF-8:
    // esbuild escapes strings but leaves a few characters in regular expressions, which take escapes too.
    const file = path.join(dist, "cli.cjs");
    const text = readFileSync(file, "utf8");
    const escaped = text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    if (escaped !== text) writeFileSync(file, escaped);
    return result;
  });
  const worker = build({
    ...common,
    entryPoints: { "preview-worker": path.join(root, "src/preview/worker.ts") },
    format: "esm",
    outExtension: { ".js": ".mjs" },
    packages: "external",
    splitting: true,
    outdir: dist,
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
  });
  const [, workerResult] = await Promise.all([cli, worker]);
  // Chunks of earlier bundles are removed once they are ten minutes old: a preview started from the
  // earlier bundle may still load its chunks lazily.
  const current = new Set(Object.keys(workerResult.metafile.outputs).map((file) => path.resolve(root, file)));
  const chunks = path.join(dist, "chunks");
  for (const name of readdirSync(chunks)) {
    const file = path.join(chunks, name);
    if (!current.has(file) && Date.now() - statSync(file).mtimeMs > 10 * 60_000) rmSync(file, { force: true });
  }
  // Code caches of earlier bundles, and the ES-module command line of earlier versions.
  for (const name of readdirSync(dist)) if (name.endsWith(".code-cache") || name.startsWith("cli.mjs")) rmSync(path.join(dist, name), { force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bundleCli();
