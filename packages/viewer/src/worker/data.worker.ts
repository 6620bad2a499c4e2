/** Web Worker entry: reads files and lays out scenes off the main thread (see handler.ts). */
import { epochNow } from '../perf/marks.js';
import { sceneTransferables } from '../scene/build.js';
import { createDataHandler } from './handler.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerResponse, t?: Transferable[]): void };
const handler = createDataHandler(sceneTransferables, { name: 'worker:boot', start: performance.timeOrigin, end: epochNow() });
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  const arrived = epochNow();
  queue = queue.then(() => handler.handle(e.data, (msg, transfer) => scope.postMessage(msg, transfer ?? []), arrived));
};
