import { defineConfig } from "vitest/config";

// The fast tier (`npm run test:fast`): files named *.fast.test.ts(x), pure functions and small fixtures,
// no sample build, no PDF layout, no browser; what a developer runs after every change. The tier is in
// the file's name, so a file keeps its tier wherever it moves; a new file is in the full tier until it
// is named fast. `npm test` runs both tiers.
const fast = ["tests/**/*.fast.test.ts", "tests/**/*.fast.test.tsx"];

export default defineConfig({
  test: {
    // Suites that read the built sample report call tests/helpers/sampleBuild.ts, which builds it once.
    testTimeout: 300_000,
    // A sample build lays out several passes (copyfitting), minutes on a loaded two-core machine.
    hookTimeout: 600_000,
    // Two cores here and on CI: two workers, each with its own copy of the fonts and Vega.
    maxWorkers: 2,
    // Transformed modules kept on disk (node_modules/.experimental-vitest-cache, keyed by each file's content
    // and the config): a run after the first transforms only what changed (the suite's transform time was
    // 8–10 s of the main process). Vitest 5 turns it on by default; `vitest --clearCache` empties it.
    experimental: { fsModuleCache: true },
    projects: [
      // Pure functions share one module graph per worker instead of loading React, Vega and the fonts'
      // code again for each file: on a loaded two-core machine the tier's import time fell from 41 s to 6 s.
      { extends: true, test: { name: "fast", include: fast, isolate: false } },
      // The full tier shares modules too: no module of src/ keeps state between builds that a test could
      // see (layout state is per pass, caches are keyed by their inputs); the whole suite passes this way,
      // and a worker no longer loads react-pdf, Vega and pdf.js again for each file (185 s → 145 s).
      { extends: true, test: { name: "full", include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"], exclude: fast, isolate: false } },
    ],
  },
});
