import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'viewer', environment: 'node', include: ['test/**/*.test.ts'], exclude: ['test/browser/**'] },
});
