import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';

// Debian's Chromium (no browser download on these machines); WebGL runs on SwiftShader.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Tests that measure time (first frame, step time, main-thread pauses): run alone by `vitest.perf.config.ts`. */
export const TIMED_BROWSER_TESTS = ['test/browser/viewer.test.ts'];

/** A browser-mode project over some of the viewer's browser tests. */
export function browserProject(name: string, include: string[], exclude: string[] = []) {
  return defineProject({
    // Pre-bundle what the viewer and its worker import, so Vite does not reload the page mid-run.
    optimizeDeps: { include: ['graphology', 'graphology-layout-forceatlas2', 'graphology-layout-noverlap', 'sigma', 'sigma/rendering'] },
    test: {
      name,
      include,
      exclude,
      testTimeout: 60_000,
      browser: {
        enabled: true,
        headless: true,
        instances: [{ browser: 'chromium' }],
        // Large enough for the whole viewer (tests click at node positions on the map).
        viewport: { width: 1440, height: 900 },
        provider: playwright({ launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS } }),
      },
    },
  });
}

// The untimed browser tests run beside the CPU-heavy projects (group 0 of the root config).
export default browserProject('viewer-browser', ['test/browser/**/*.test.ts'], TIMED_BROWSER_TESTS);
