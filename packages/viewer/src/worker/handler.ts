/**
 * The data worker's logic, independent of `self` so it can also run in Node tests: load (example, files or a
 * model), ask for a column mapping when core's detection is unsure, compute core's growth series, build and lay
 * out the scene of a view. Keeps the last model to build other views without reading again.
 */
import type { AttendanceModel } from '@mycorrhiza/core';
import { buildScene, defaultView, resolveSceneOptions } from '../scene/build.js';
import type { Scene } from '../scene/types.js';
import type { ReportView } from '../state/state.js';
import type { createAnalysis } from './analysis.js';
import { exampleConvenor, exampleModel, growthCounters, readFiles } from './core-bridge.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';
import { createPhaseClock, epochNow, type PhaseTiming } from '../perf/marks.js';

export interface DataHandler {
  /** `arrived`: when the message reached the worker (epoch ms), for the load's timings. */
  handle(request: WorkerRequest, post: (response: WorkerResponse, transfer?: Transferable[]) => void, arrived?: number): Promise<void>;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Create a handler holding the current model. The panels' analyses (core's attention, ego networks) load on first
 * use, after the first scene has been sent, so they do not delay the first map.
 *
 * @param transferables Buffers to transfer with a scene (the worker transfers the typed arrays).
 * @param boot The worker's start-up (script load and evaluation), reported once with the first scene.
 */
export function createDataHandler(transferables: (scene: Scene) => Transferable[] = () => [], boot: PhaseTiming | null = null): DataHandler {
  let model: AttendanceModel | null = null;
  let analysis: ReturnType<typeof createAnalysis> | null = null;
  let analysisFor: AttendanceModel | null = null;
  let analysisModule: Promise<typeof import('./analysis.js')> | null = null;
  let pendingBoot = boot;

  async function analysisOf(m: AttendanceModel): Promise<ReturnType<typeof createAnalysis>> {
    analysisModule ??= import('./analysis.js');
    const { createAnalysis } = await analysisModule;
    // The model may have been replaced while the module loaded: analyses always follow the current one.
    if (!analysis || analysisFor !== m) {
      analysis = createAnalysis(m);
      analysisFor = m;
    }
    return analysis;
  }

  function scene(m: AttendanceModel, view: Parameters<typeof buildScene>[1], options: Parameters<typeof buildScene>[2], clock: ReturnType<typeof createPhaseClock>): Scene {
    const o = resolveSceneOptions(options);
    const growth = clock.time('worker:growth', () => growthCounters(m, o));
    return clock.time('worker:scene', () => buildScene(m, view, o, growth));
  }

  function phases(clock: ReturnType<typeof createPhaseClock>): PhaseTiming[] {
    const out = pendingBoot ? [pendingBoot, ...clock.phases] : clock.phases;
    pendingBoot = null;
    return out;
  }

  return {
    async handle(req, post, arrived) {
      const { id } = req;
      try {
        if (req.type === 'scene') {
          if (!model) throw new Error('no data loaded yet.');
          post({ id, type: 'progress', phase: 'progress.layout', fraction: 0.5 });
          const clock = createPhaseClock();
          const s = scene(model, req.view, req.options, clock);
          post({ id, type: 'scene', scene: s, phases: phases(clock) }, transferables(s));
          return;
        }
        if (req.type === 'attention' || req.type === 'details') {
          if (!model) throw new Error('no data loaded yet.');
          const a = await analysisOf(model);
          const o = resolveSceneOptions(req.options);
          if (req.type === 'attention') post({ id, type: 'attention', attention: a.attention(req.query, o) });
          else post({ id, type: 'details', details: a.details({ ...req.query, node: req.node }, o) });
          return;
        }
        const clock = createPhaseClock();
        const loadStart = epochNow();
        if (req.sentAt !== undefined && arrived !== undefined) clock.phases.push({ name: 'worker:delivery', start: req.sentAt, end: arrived }, { name: 'worker:queued', start: arrived, end: loadStart });
        let next: AttendanceModel;
        let report: ReportView | null = null;
        let mappingAsked = false;
        const src = req.source;
        if (src.kind === 'example') {
          post({ id, type: 'progress', phase: 'progress.model', fraction: 0.1 });
          ({ model: next, report } = await exampleModel(src.name));
          clock.phases.push({ name: 'worker:example', start: loadStart, end: epochNow() });
        } else if (src.kind === 'model') {
          next = src.model;
        } else {
          post({ id, type: 'progress', phase: 'progress.read', fraction: 0 });
          const read = await readFiles(src.files, src.map, (f) => post({ id, type: 'progress', phase: 'progress.read', fraction: 0.6 * f }));
          report = read.report;
          const first = read.mappings[0];
          if (req.askMapping && first && !src.map) {
            post({ id, type: 'mapping', request: first });
            mappingAsked = true;
            return;
          }
          next = read.model;
        }
        if (next.events.length === 0 || next.attendance.length === 0) {
          post({ id, type: 'error', message: 'app.empty', report });
          return;
        }
        post({ id, type: 'progress', phase: 'progress.layout', fraction: 0.7 });
        const view = req.view && (req.view !== 'organisations' || next.organisations.length > 0) ? req.view : defaultView(next);
        const s = scene(next, view, req.options, clock);
        model = next;
        analysis = null;
        const convenor = src.kind === 'example' ? exampleConvenor(next, src.name) : null;
        post({ id, type: 'loaded', report, scene: s, mappingAsked, convenor, phases: phases(clock) }, transferables(s));
        // The panels ask next: start loading their code now.
        analysisModule ??= import('./analysis.js');
      } catch (err) {
        post({ id, type: 'error', message: errorMessage(err), report: null });
      }
    },
  };
}
