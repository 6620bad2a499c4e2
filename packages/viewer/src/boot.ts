/**
 * First module of the app (imported before the viewer's bundle runs): starts the data worker and asks the server
 * for its file list and IndexedDB for remembered data at once, so the worker's script loads and compiles while
 * the page is still evaluating the viewer, and the data source is known by the time the worker is up.
 */
import { recall, type Remembered } from './controllers/storage.js';
import { mark } from './perf/marks.js';
import { prewarmDataWorker } from './worker/client.js';

mark('main');
prewarmDataWorker();

/** The server's manifest (`mycorrhiza view` lists the files given on its command line), or null. */
export const manifestResponse: Promise<Response | null> =
  typeof fetch === 'undefined' ? Promise.resolve(null) : fetch('data/manifest.json', { cache: 'no-store' }).catch(() => null);

/** What this browser was asked to remember, or null. */
export const remembered: Promise<Remembered | null> = recall().catch(() => null);
