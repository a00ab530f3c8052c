import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    // The 2024 report is built once for every suite that reads it.
    globalSetup: ["tests/setup/buildSampleReport.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here and on CI: two workers, each with its own copy of the fonts and Vega.
    maxWorkers: 2,
  },
});
