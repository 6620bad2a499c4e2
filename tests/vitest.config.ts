import { defineProject } from 'vitest/config';

/** Tests that measure time in a browser (first frame of `mycorrhiza view`): run alone by `vitest.perf.config.ts`. */
export const TIMED_E2E_TESTS = ['viewer-view.test.ts'];

// Cross-package tests: the CLI end to end, golden values, browser checks driven by playwright-core.
export default defineProject({
  test: { name: 'e2e', environment: 'node', include: ['**/*.test.ts'], exclude: ['**/node_modules/**', ...TIMED_E2E_TESTS], testTimeout: 120_000, hookTimeout: 120_000 },
});
