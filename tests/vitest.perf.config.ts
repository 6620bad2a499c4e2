import { defineProject } from 'vitest/config';
import { TIMED_E2E_TESTS } from './vitest.config.js';

// The timed end-to-end browser test (rupel's first frame served by `mycorrhiza view`, bound 1.5 s) runs last and
// alone (group 2 of the root config), so the CPU-heavy unit and CLI tests cannot slow its page down.
export default defineProject({
  test: {
    name: 'e2e-perf',
    environment: 'node',
    include: TIMED_E2E_TESTS,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    sequence: { groupOrder: 2 },
  },
});
