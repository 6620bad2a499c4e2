import { defineConfig } from 'vitest/config';

// The root lists project config files: nested `test.projects` inside a package are not honoured.
export default defineConfig({
  test: {
    projects: [
      'packages/core/vitest.config.ts',
      'packages/viewer/vitest.config.ts',
      'packages/viewer/vitest.browser.config.ts',
      'tests/vitest.config.ts',
    ],
  },
});
