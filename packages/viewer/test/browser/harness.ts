/**
 * Shared set-up of the viewer's browser tests: one viewer mounted at a time in a fixed-size host element,
 * disposed after each test, and a polling wait for state that settles asynchronously (workers, layout, fonts).
 */
import { afterEach } from 'vitest';
import { createViewer, type ViewerHandle } from '../../src/index.js';

export interface ViewerHarness {
  /** Mount a viewer (English unless `options.lang` says otherwise) in a new host of the harness's size. */
  mount(data: Parameters<typeof createViewer>[1], options?: Parameters<typeof createViewer>[2]): ViewerHandle;
  /** The current host element (throws outside a test that mounted one). */
  host(): HTMLElement;
}

/** Register the after-each clean-up and return the harness; call once at the top of a test file. */
export function viewerHarness(width: number, height: number): ViewerHarness {
  let handle: ViewerHandle | null = null;
  let host: HTMLElement | null = null;
  afterEach(() => {
    handle?.dispose();
    host?.remove();
    handle = null;
    host = null;
  });
  return {
    mount(data, options = {}) {
      host = document.createElement('div');
      host.style.cssText = `position:fixed;left:0;top:0;width:${width}px;height:${height}px;`;
      document.body.appendChild(host);
      handle = createViewer(host, data, { lang: 'en', ...options });
      return handle;
    },
    host() {
      if (!host) throw new Error('no viewer is mounted');
      return host;
    },
  };
}

/** Poll `check` every 20 ms until it holds; fail with `what` after `timeout` ms. */
export async function until(check: () => boolean, timeout = 20_000, what = 'condition'): Promise<void> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
