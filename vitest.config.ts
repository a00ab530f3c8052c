import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    // Suites that read the built sample report call tests/helpers/sampleBuild.ts, which builds it once.
    testTimeout: 300_000,
    // A sample build lays out several passes (copyfitting), minutes on a loaded two-core machine.
    hookTimeout: 600_000,
    // Two cores here and on CI: two workers, each with its own copy of the fonts and Vega.
    maxWorkers: 2,
  },
});
