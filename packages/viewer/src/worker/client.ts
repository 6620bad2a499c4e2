/**
 * The page's side of the data worker: one request at a time per call, progress and mapping callbacks, and a
 * dispose that terminates the worker. Later requests supersede earlier ones (stale answers are ignored).
 */
import type { Scene, SceneOptions, ViewKind } from '../scene/types.js';
import type { MappingRequest, ReportView } from '../state/state.js';
import type { DataSource, WorkerRequest, WorkerResponse } from './protocol.js';

export interface LoadCallbacks {
  onProgress?(phase: string, fraction: number): void;
  onMapping?(request: MappingRequest): void;
}

export type LoadResult =
  | { kind: 'loaded'; scene: Scene; report: ReportView | null }
  | { kind: 'mapping'; request: MappingRequest }
  | { kind: 'error'; message: string; report: ReportView | null }
  | { kind: 'stale' };

export interface DataClient {
  load(source: DataSource, view: ViewKind | null, options: SceneOptions, askMapping: boolean, cb?: LoadCallbacks): Promise<LoadResult>;
  scene(view: ViewKind, options: SceneOptions, cb?: LoadCallbacks): Promise<LoadResult>;
  dispose(): void;
}

export function createDataClient(): DataClient {
  const worker = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  let latest = 0;
  const pending = new Map<number, { resolve: (r: LoadResult) => void; cb: LoadCallbacks | undefined }>();

  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const msg = e.data;
    const p = pending.get(msg.id);
    if (!p) return;
    const done = (r: LoadResult) => {
      pending.delete(msg.id);
      p.resolve(msg.id === latest ? r : { kind: 'stale' });
    };
    switch (msg.type) {
      case 'progress':
        if (msg.id === latest) p.cb?.onProgress?.(msg.phase, msg.fraction);
        return;
      case 'mapping':
        return done({ kind: 'mapping', request: msg.request });
      case 'loaded':
        return done({ kind: 'loaded', scene: msg.scene, report: msg.report });
      case 'scene':
        return done({ kind: 'loaded', scene: msg.scene, report: null });
      case 'error':
        return done({ kind: 'error', message: msg.message, report: msg.report });
    }
  };
  worker.onerror = (e) => {
    for (const [id, p] of pending) p.resolve(id === latest ? { kind: 'error', message: e.message || 'the data worker failed.', report: null } : { kind: 'stale' });
    pending.clear();
  };

  type Unsent = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
  function send(req: Unsent, cb: LoadCallbacks | undefined, transfer: Transferable[] = []): Promise<LoadResult> {
    const id = nextId++;
    latest = id;
    return new Promise((resolve) => {
      pending.set(id, { resolve, cb });
      worker.postMessage({ ...req, id } as WorkerRequest, transfer);
    });
  }

  return {
    load: (source, view, options, askMapping, cb) => send({ type: 'load', source, view, options, askMapping }, cb),
    scene: (view, options, cb) => send({ type: 'scene', view, options }, cb),
    dispose() {
      worker.terminate();
      for (const p of pending.values()) p.resolve({ kind: 'stale' });
      pending.clear();
    },
  };
}
