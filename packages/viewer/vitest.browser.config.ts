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

export default defineProject({
  // Pre-bundle what the viewer and its worker import, so Vite does not reload the page mid-run.
  optimizeDeps: { include: ['graphology', 'graphology-layout-forceatlas2', 'graphology-layout-noverlap', 'sigma', 'sigma/rendering'] },
  test: {
    name: 'viewer-browser',
    include: ['test/browser/**/*.test.ts'],
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
