/** Web Worker entry: reads files and lays out scenes off the main thread (see handler.ts). */
import { sceneTransferables } from '../scene/build.js';
import { createDataHandler } from './handler.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerResponse, t?: Transferable[]): void };
const handler = createDataHandler(sceneTransferables);
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() => handler.handle(e.data, (msg, transfer) => scope.postMessage(msg, transfer ?? [])));
};
