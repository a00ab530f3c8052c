import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// The fast tier (`npm run test:fast`, which runs the files whose path holds ".fast.test."): files named
// *.fast.test.ts(x), pure functions and small fixtures, no sample build, no PDF layout, no browser; what
// a developer runs after every change. The tier is in the file's name, so a file keeps its tier wherever
// it moves; a new file is in the full tier until it is named fast. `npm test` runs both tiers as one set
// of files: the tiers were two projects, and a project's files never share a worker with another's, so
// each worker loaded the fast tier's modules, then the full tier's (most of the same) again, and the full
// tier waited for the fast one to end before it began.

/**
 * Vitest's order (the longest files first, by the last run's times; with none recorded, the largest
 * first), with the fast tier's files after the rest: a fresh clone has no times, and a small file that
 * builds whole editions (the 2023 archive, the bundled command line) sorted late by its size then ran
 * alone at the end while the other worker had finished; the fast tier's many short files fill that end.
 */
class FastTierLast extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isFast = (file: TestSpecification) => /\.fast\.test\.tsx?$/.test(file.moduleId);
    return [...sorted.filter((f) => !isFast(f)), ...sorted.filter(isFast)];
  }
}

export default defineConfig({
  test: {
    // Suites that read the built sample report call tests/helpers/sampleBuild.ts, which builds it once.
    testTimeout: 300_000,
    // A sample build lays out several passes (copyfitting), minutes on a loaded two-core machine.
    hookTimeout: 600_000,
    // Two cores here and on CI: two workers, each with its own copy of the fonts and Vega.
    maxWorkers: 2,
    // Each worker builds editions as `npm run build` does, with the young generation package.json gives
    // the command line (scripts/cli.mjs says why): fewer, shorter collections in every build.
    execArgv: ["--max-semi-space-size=32"],
    // Transformed modules kept on disk (node_modules/.experimental-vitest-cache, keyed by each file's content
    // and the config): a run after the first transforms only what changed (the suite's transform time was
    // 8–10 s of the main process). Vitest 5 turns it on by default; `vitest --clearCache` empties it.
    experimental: { fsModuleCache: true },
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    // Files share one module graph per worker instead of loading React, Vega, pdf.js and the fonts' code
    // again for each file (the fast tier's import time fell from 41 s to 6 s, the suite from 185 s to
    // 145 s): no module of src/ keeps state between builds that a test could see (layout state is per
    // pass, caches are keyed by their inputs), and the whole suite passes this way.
    isolate: false,
    sequence: { sequencer: FastTierLast },
  },
});
