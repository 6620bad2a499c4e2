import { defineConfig } from 'vitest/config';

// The root lists project config files: nested `test.projects` inside a package are not honoured.
//
// Order (`sequence.groupOrder`, groups run one after another, projects of a group together):
//   0  core, viewer, e2e, viewer-browser   CPU-heavy unit, CLI and untimed browser tests, side by side
//   1  viewer-perf                          timed browser-mode tests (first frame, steps, 10k pauses), alone
//   2  e2e-perf                             first frame of `mycorrhiza view` in Chromium (bound 1.5 s), alone
// The timing bounds are the product's; running those tests alone keeps them about the viewer, not the machine.
export default defineConfig({
  test: {
    projects: [
      'packages/core/vitest.config.ts',
      'packages/viewer/vitest.config.ts',
      'packages/viewer/vitest.browser.config.ts',
      'tests/vitest.config.ts',
      'packages/viewer/vitest.perf.config.ts',
      'tests/vitest.perf.config.ts',
    ],
  },
});
