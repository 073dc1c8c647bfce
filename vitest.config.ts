import {defineConfig} from "vitest/config";

// Two projects: `unit` (npm test: loaders, metrics, generator; no browser, no build) and `e2e`
// (npm run test:e2e: the built dist/ in Debian Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/e2e/**", "node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 120_000
        }
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          sequence: {concurrent: false}
        }
      }
    ]
  }
});
