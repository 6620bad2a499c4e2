import { defineProject } from 'vitest/config';

// Cross-package tests: the CLI end to end, golden values, browser checks driven by playwright-core.
export default defineProject({
  test: { name: 'e2e', environment: 'node', include: ['**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
});
