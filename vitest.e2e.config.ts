import { defineConfig } from "vitest/config";

/** Browser tests (Playwright driving Debian's Chromium): `npm run test:e2e`. Screenshots go to test-results/. */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
