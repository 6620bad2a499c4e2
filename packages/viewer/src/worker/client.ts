/**
 * The page's side of the data worker: one request at a time per call, progress and mapping callbacks, and a
 * dispose that terminates the worker. Later requests supersede earlier ones (stale answers are ignored).
 */
import { enterPhases, epochNow, mark } from '../perf/marks.js';
import type { Scene, SceneOptions, ViewKind } from '../scene/types.js';
import type { MappingRequest, ReportView } from '../state/state.js';
import type { AnalysisQuery, AttentionView, DataSource, DetailsView, WorkerRequest, WorkerResponse } from './protocol.js';

/** An analysis answer, or stale when a later request of the same kind superseded it. */
export type AnalysisResult<T> = { kind: 'ok'; value: T } | { kind: 'error'; message: string } | { kind: 'stale' };

export interface LoadCallbacks {
  onProgress?(phase: string, fraction: number): void;
  onMapping?(request: MappingRequest): void;
}

export type LoadResult =
  | { kind: 'loaded'; scene: Scene; report: ReportView | null; convenor?: string | null }
  | { kind: 'mapping'; request: MappingRequest }
  | { kind: 'error'; message: string; report: ReportView | null }
  | { kind: 'stale' };

export interface DataClient {
  load(source: DataSource, view: ViewKind | null, options: SceneOptions, askMapping: boolean, cb?: LoadCallbacks): Promise<LoadResult>;
  scene(view: ViewKind, options: SceneOptions, cb?: LoadCallbacks): Promise<LoadResult>;
  attention(query: AnalysisQuery, options: SceneOptions): Promise<AnalysisResult<AttentionView>>;
  details(query: AnalysisQuery, node: string, options: SceneOptions): Promise<AnalysisResult<DetailsView | null>>;
  dispose(): void;
}

function spawnWorker(): Worker {
  mark('worker-create');
  return new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' });
}

let prewarmed: Worker | null = null;

/**
 * Start the data worker ahead of the viewer (the app's first module calls this): its script then loads and
 * compiles while the page is still starting. The next `createDataClient()` takes it over.
 */
export function prewarmDataWorker(): void {
  if (!prewarmed && typeof Worker !== 'undefined') prewarmed = spawnWorker();
}

export function createDataClient(): DataClient {
  const worker = prewarmed ?? spawnWorker();
  prewarmed = null;
  let nextId = 1;
  // Each channel (data, attention, details) has its own latest request: a details request must not make a
  // pending load stale.
  const latest = { data: 0, attention: 0, details: 0 };
  type Channel = keyof typeof latest;
  const pending = new Map<number, { resolve: (r: LoadResult) => void; cb: LoadCallbacks | undefined; channel: Channel }>();
  const analysisPending = new Map<number, { resolve: (r: AnalysisResult<unknown>) => void; channel: Channel }>();

  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const msg = e.data;
    const a = analysisPending.get(msg.id);
    if (a) {
      analysisPending.delete(msg.id);
      const fresh = msg.id === latest[a.channel];
      if (!fresh) return a.resolve({ kind: 'stale' });
      if (msg.type === 'attention') return a.resolve({ kind: 'ok', value: msg.attention });
      if (msg.type === 'details') return a.resolve({ kind: 'ok', value: msg.details });
      if (msg.type === 'error') return a.resolve({ kind: 'error', message: msg.message });
      return;
    }
    const p = pending.get(msg.id);
    if (!p) return;
    const done = (r: LoadResult) => {
      pending.delete(msg.id);
      p.resolve(msg.id === latest.data ? r : { kind: 'stale' });
    };
    switch (msg.type) {
      case 'progress':
        if (msg.id === latest.data) p.cb?.onProgress?.(msg.phase, msg.fraction);
        return;
      case 'mapping':
        return done({ kind: 'mapping', request: msg.request });
      case 'loaded':
        mark('scene-received');
        if (msg.phases) enterPhases(msg.phases);
        return done({ kind: 'loaded', scene: msg.scene, report: msg.report, convenor: msg.convenor });
      case 'scene':
        if (msg.phases) enterPhases(msg.phases);
        return done({ kind: 'loaded', scene: msg.scene, report: null });
      case 'error':
        return done({ kind: 'error', message: msg.message, report: msg.report });
      default:
        return;
    }
  };
  worker.onerror = (e) => {
    for (const [id, p] of pending) p.resolve(id === latest.data ? { kind: 'error', message: e.message || 'the data worker failed.', report: null } : { kind: 'stale' });
    pending.clear();
    for (const a of analysisPending.values()) a.resolve({ kind: 'error', message: e.message || 'the data worker failed.' });
    analysisPending.clear();
  };

  type Unsent = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
  function send(req: Unsent, cb: LoadCallbacks | undefined, transfer: Transferable[] = []): Promise<LoadResult> {
    const id = nextId++;
    latest.data = id;
    return new Promise((resolve) => {
      pending.set(id, { resolve, cb, channel: 'data' });
      worker.postMessage({ ...req, id } as WorkerRequest, transfer);
    });
  }

  function ask<T>(channel: 'attention' | 'details', req: Unsent): Promise<AnalysisResult<T>> {
    const id = nextId++;
    latest[channel] = id;
    return new Promise((resolve) => {
      analysisPending.set(id, { resolve: resolve as (r: AnalysisResult<unknown>) => void, channel });
      worker.postMessage({ ...req, id } as WorkerRequest);
    });
  }

  return {
    attention: (query, options) => ask<AttentionView>('attention', { type: 'attention', query, options }),
    details: (query, node, options) => ask<DetailsView | null>('details', { type: 'details', query, node, options }),
    load: (source, view, options, askMapping, cb) => send({ type: 'load', source, view, options, askMapping, sentAt: epochNow() }, cb),
    scene: (view, options, cb) => send({ type: 'scene', view, options }, cb),
    dispose() {
      worker.terminate();
      for (const p of pending.values()) p.resolve({ kind: 'stale' });
      pending.clear();
      for (const a of analysisPending.values()) a.resolve({ kind: 'stale' });
      analysisPending.clear();
    },
  };
}
