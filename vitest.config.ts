import { defineConfig } from "vitest/config";

// The fast tier (`npm run test:fast`): pure functions and small fixtures, no sample build, no PDF
// layout, no browser; what a developer runs after every change. `npm test` runs both tiers.
const fast = [
  "tests/architecture/**/*.test.ts",
  "tests/unit/**/*.test.ts",
  "tests/unit/**/*.test.tsx",
  "tests/document/**/*.test.ts",
  "tests/charts/specs.test.ts",
  "tests/charts/svgToPdf.test.ts",
  "tests/charts/textMetrics.test.ts",
  "tests/archive/units.test.ts",
  "tests/comments/threads.test.ts",
  "tests/review/changes.test.ts",
  "tests/review/proofing.test.ts",
  "tests/hostile/encodings.test.ts",
  "tests/hostile/paths.test.ts",
];
// Shapes every paragraph of the sample twice in six faces: a minute on a busy two-core machine.
const slowUnits = ["tests/unit/shapeOnce.test.ts"];

export default defineConfig({
  test: {
    // Suites that read the built sample report call tests/helpers/sampleBuild.ts, which builds it once.
    testTimeout: 300_000,
    // A sample build lays out several passes (copyfitting), minutes on a loaded two-core machine.
    hookTimeout: 600_000,
    // Two cores here and on CI: two workers, each with its own copy of the fonts and Vega.
    maxWorkers: 2,
    projects: [
      // Pure functions share one module graph per worker instead of loading React, Vega and the fonts'
      // code again for each file: on a loaded two-core machine the tier's import time fell from 41 s to 6 s.
      { extends: true, test: { name: "fast", include: fast, exclude: slowUnits, isolate: false } },
      { extends: true, test: { name: "full", include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"], exclude: fast } },
      { extends: true, test: { name: "slow-units", include: slowUnits } },
    ],
  },
});
