/**
 * Loads data through the worker and hands scenes to the map: examples, files (with the column-mapping step),
 * models; rebuilds the scene when the view changes. A failed load leaves the current map as it was.
 */
import type { SceneOptions, ViewKind } from '../scene/types.js';
import type { ExampleName, SourceState } from '../state/state.js';
import type { Store } from '../state/store.js';
import type { DataClient, LoadResult } from '../worker/client.js';
import type { DataSource, NamedBytes } from '../worker/protocol.js';
import type { MapController } from './map.js';

export interface DataController {
  load(source: DataSource, step?: number | 'first' | 'last'): Promise<void>;
  loadExample(name: ExampleName): Promise<void>;
  openFiles(files: File[]): Promise<void>;
  confirmMapping(map: Record<string, string | null>): Promise<void>;
  cancelMapping(): Promise<void>;
  /** The data on the map now (for "remember on this device"), or null. */
  current(): DataSource | null;
  dispose(): void;
}

function sourceState(source: DataSource): SourceState {
  if (source.kind === 'example') return { kind: 'example', name: source.name };
  if (source.kind === 'files') return { kind: 'files', names: source.files.map((f) => f.name) };
  return { kind: 'model' };
}

/**
 * @param firstView The view asked for by the host for the first load (null: organisations when the data has any,
 *   people otherwise). New data later always opens on that default.
 */
export function createDataController(
  store: Store,
  client: DataClient,
  map: MapController,
  sceneOptions: SceneOptions,
  onShown: () => void,
  firstView: ViewKind | null = null,
): DataController {
  let requestedView = firstView;
  let pendingFiles: NamedBytes[] | null = null;
  let pendingStep: number | 'first' | 'last' = 'last';
  let disposed = false;
  let shownSource: DataSource | null = null;
  const progress = {
    onProgress: (phase: string, fraction: number) => {
      // The worker has started on the data: the map's one-time set-up can now run beside it. (Not earlier: a
      // busy page holds back the worker's start and the delivery of its first message.)
      map.prepare();
      store.dispatch({ type: 'progress', phase, fraction });
    },
  };

  async function accept(r: LoadResult, source: DataSource | null, step: number | 'first' | 'last'): Promise<void> {
    if (disposed || r.kind === 'stale') return;
    if (r.kind === 'mapping') {
      store.dispatch({ type: 'mappingNeeded', request: r.request });
      return;
    }
    if (r.kind === 'error') {
      store.dispatch({ type: 'loadFailed', error: r.message, report: r.report });
      return;
    }
    store.dispatch({ type: 'pause' });
    const shown = await map.setScene(r.scene, step);
    // Superseded by a later scene while a large map was being built.
    if (!shown || disposed) return;
    if (source) {
      shownSource = source;
      // New data: switch the mode's steps and show the scene.
      store.dispatch({ type: 'loaded', source: sourceState(source), report: r.report, view: r.scene.view, stepCount: shown.stepCount, step: shown.step, convenor: r.convenor ?? null });
    } else {
      store.dispatch({ type: 'sceneReady', view: r.scene.view, stepCount: shown.stepCount, step: shown.step });
    }
    onShown();
  }

  async function load(source: DataSource, step: number | 'first' | 'last' = 'last'): Promise<void> {
    store.dispatch({ type: 'loadStart' });
    pendingStep = step;
    if (source.kind === 'files') pendingFiles = source.files;
    const view = requestedView;
    requestedView = null;
    const r = await client.load(source, view, sceneOptions, source.kind === 'files' && !source.map, progress);
    await accept(r, source, step);
  }

  const off = store.subscribe((s, p) => {
    if (s.view !== p.view && map.scene && map.scene.view !== s.view) {
      const date = p.frameInfo?.date ?? null;
      store.dispatch({ type: 'loadStart' });
      void client.scene(s.view, sceneOptions, progress).then((r) =>
        // Keep the date on the map: same step index in the same mode (steps depend on the model, not the view).
        accept(r, null, date === null ? 'last' : store.getState().step),
      );
    }
  });

  return {
    load,
    loadExample: (name) => load({ kind: 'example', name }),
    async openFiles(files) {
      const named = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      await load({ kind: 'files', files: named });
    },
    async confirmMapping(mapping) {
      if (!pendingFiles) return;
      store.dispatch({ type: 'mappingDone' });
      await load({ kind: 'files', files: pendingFiles, map: mapping }, pendingStep);
    },
    async cancelMapping() {
      if (!pendingFiles) return;
      store.dispatch({ type: 'mappingDone' });
      // Read as detected (the report tells what could not be used).
      await load({ kind: 'files', files: pendingFiles, map: {} }, pendingStep);
    },
    current: () => shownSource,
    dispose() {
      disposed = true;
      off();
    },
  };
}
