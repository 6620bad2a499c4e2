/**
 * Bridges the state and the map: creates a renderer per scene, turns the timeline step into a frame, pushes
 * frames and display state into the renderer and publishes counters and legend back into the state. A step does
 * no graph rebuild and no layout: only a new frame and a refresh without re-indexing.
 */
import { mark, measureSince } from '../perf/marks.js';
import { buildMapGraph, createMapRenderer, createSpareRenderer, isLightScene, type DisplayState, type MapGraph, type MapRenderer } from '../render/renderer.js';
import { displayChanged, displayState, sameDisplay, sameFilters } from './display.js';

export { displayState } from './display.js';
import { clampStep, computeFrame, displayCounters, stepCount, type Frame } from '../scene/frame.js';
import { NO_SECTOR_COLOR } from '../scene/palette.js';
import { EDGE_TIE, NODE_EVENT, NODE_ORGANISATION, NODE_PERSON, type Scene, type TimeMode } from '../scene/types.js';
import type { FrameInfo, LegendInfo, ViewerState } from '../state/state.js';
import type { Store } from '../state/store.js';

export interface MapController {
  readonly scene: Scene | null;
  readonly renderer: MapRenderer | null;
  readonly frame: Frame | null;
  /**
   * Show a new scene (a new view or new data) at a step of the current mode. Small maps are shown at once; large
   * ones are built in slices with pauses between them, so the page keeps answering (the previous map stays until
   * then). Resolves with the steps shown, or null when a later scene superseded this one.
   */
  setScene(scene: Scene, step: number | 'first' | 'last'): Promise<{ stepCount: number; step: number } | null>;
  /** Step count and the equivalent step when switching to another mode. */
  modeSwitch(mode: TimeMode): { stepCount: number; step: number };
  /** Milliseconds of JS work of each timeline step so far (frame computation + reducers + draw call). */
  readonly stepTimes: number[];
  /**
   * Make the renderer's WebGL contexts, shaders and fonts ready before the first scene arrives (call once the data
   * has been asked for): the first scene then reuses them.
   */
  prepare(): void;
  /** Animate the camera to a node on the map. */
  focusNode(id: string): boolean;
  dispose(): void;
}

/** Give the page a turn (input, timers, a frame) before going on. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Buckets of the tie-strength distribution: 1, 2, ..., STRENGTH_BUCKETS or more shared events. */
export const STRENGTH_BUCKETS = 8;

function frameInfo(scene: Scene, frame: Frame): FrameInfo {
  const c = displayCounters(scene, frame);
  const strength = new Array<number>(STRENGTH_BUCKETS).fill(0);
  for (let i = 0; i < scene.edgeCount; i++) {
    if (scene.edgeKind[i] !== EDGE_TIE || frame.edgeShared[i] === 0) continue;
    strength[Math.min(STRENGTH_BUCKETS, frame.edgeShared[i]!) - 1]!++;
  }
  const mixKind = scene.organisationCount > 0 && scene.view !== 'people' ? NODE_ORGANISATION : NODE_PERSON;
  const bySector = new Map<number, number>();
  for (let v = 0; v < scene.nodeCount; v++)
    if (frame.nodeVisible[v] && scene.nodeKind[v] === mixKind) bySector.set(scene.nodeSector[v]!, (bySector.get(scene.nodeSector[v]!) ?? 0) + 1);
  const sectorMix = [...bySector.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([s, count]) => ({ name: s >= 0 ? scene.sectors[s]! : null, color: s >= 0 ? scene.sectorColors[s]! : NO_SECTOR_COLOR, count }));
  const meeting =
    frame.mode === 'meeting' && scene.eventCount > 0 ? { n: frame.step + 1, total: scene.eventCount, name: scene.eventName[frame.step] ?? '' } : null;
  return { date: frame.date, organisations: c.organisations, people: c.people, strong: c.strong, events: c.events, links: c.links, meeting, fromCore: c.fromCore, strength, sectorMix };
}

function legendInfo(scene: Scene): LegendInfo {
  const counts = new Map<number, number>();
  let hasPeople = false, hasEvents = false, hasOrgNodes = false;
  for (let v = 0; v < scene.nodeCount; v++) {
    const k = scene.nodeKind[v]!;
    if (k === NODE_EVENT) {
      hasEvents = true;
      continue;
    }
    if (k === NODE_PERSON) hasPeople = true;
    if (k === NODE_ORGANISATION) hasOrgNodes = true;
    counts.set(scene.nodeSector[v]!, (counts.get(scene.nodeSector[v]!) ?? 0) + 1);
  }
  void hasOrgNodes;
  const sectors = [...counts.entries()]
    .sort((a, b) => (a[0] < 0 ? 1 : b[0] < 0 ? -1 : b[1] - a[1] || a[0] - b[0]))
    .map(([s, count]) => ({ name: s >= 0 ? scene.sectors[s]! : null, color: s >= 0 ? scene.sectorColors[s]! : NO_SECTOR_COLOR, count }));
  let hasTies = false;
  for (let i = 0; i < scene.edgeCount && !hasTies; i++) if (scene.edgeKind[i] === EDGE_TIE) hasTies = true;
  return {
    sectors,
    hasOrganisations: scene.organisationCount > 0,
    hasPeople,
    hasEvents,
    hasTies: hasTies || scene.view === 'organisations' || scene.view === 'people',
    strongMin: scene.options.strongMin,
    fadeAfter: scene.options.fadeAfter,
    windowMonths: scene.options.windowMonths,
    dated: scene.stepDate[0] !== null,
    regions: scene.regions,
    organisations: scene.orgIds.map((id, i) => ({ id, name: scene.orgNames[i]! })),
    growth: scene.growth,
    organisationTies: scene.view === 'organisations' || (scene.view === 'two-mode' && scene.organisationCount > 0),
  };
}

export function createMapController(container: HTMLElement, store: Store): MapController {
  let scene: Scene | null = null;
  let renderer: MapRenderer | null = null;
  let frame: Frame | null = null;
  const stepTimes: number[] = [];
  let spare: ReturnType<typeof createSpareRenderer> = null;
  let sceneToken = 0;
  let disposed = false;

  function show(state: ViewerState, animate: boolean, timed: boolean): void {
    if (!scene || !renderer) return;
    const t0 = performance.now();
    frame = computeFrame(scene, state.mode, state.step);
    renderer.setFrame(frame, animate);
    if (timed) stepTimes.push(performance.now() - t0);
    store.dispatch({ type: 'frameInfo', info: frameInfo(scene, frame) });
  }

  const off = store.subscribe((s, p) => {
    if (!scene || !renderer) return;
    // The frame on the map may already be this step's (new data is shown before the state says "loaded").
    if ((s.step !== p.step || s.mode !== p.mode) && !(frame && frame.step === s.step && frame.mode === s.mode)) {
      const animate = s.playing || Math.abs(s.step - p.step) === 1;
      show(s, animate && s.mode === p.mode, s.mode === p.mode);
    }
    // Entering or leaving presenter mode, or letting go of a partner, shows the whole map again.
    if (s.presenting !== p.presenting || (s.selected === null && p.selected !== null)) renderer.resetCamera();
    if (displayChanged(s, p)) {
      const d = displayState(s, scene);
      // Unchanged filters keep their identity, which the renderer checks; an unchanged display is not redrawn.
      if (lastDisplay && sameFilters(d.filters, lastDisplay.filters)) d.filters = lastDisplay.filters;
      if (!lastDisplay || !sameDisplay(d, lastDisplay)) {
        lastDisplay = d;
        renderer.setDisplay(d);
      }
    }
    if (s.search !== p.search || s.safe !== p.safe || s.codeOrganisations !== p.codeOrganisations || (s.search && s.frameInfo !== p.frameInfo)) publishSearch(s);
  });
  let lastDisplay: DisplayState | null = null;
  function publishSearch(s: ViewerState): void {
    const r = renderer;
    const results = r && s.search.trim() ? r.searchMatches(s.search).map((id) => ({ id, label: r.labelOf(id) ?? id })) : [];
    const prev = store.getState().searchResults;
    if (results.length === 0 && prev.length === 0) return;
    store.dispatch({ type: 'searchResults', results });
  }
  // Sigma follows window resizes only; the map's box also changes with presenter mode.
  const resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => renderer?.resize());
  resizeObserver?.observe(container);

  return {
    get scene() {
      return scene;
    },
    get renderer() {
      return renderer;
    },
    get frame() {
      return frame;
    },
    stepTimes,
    async setScene(next, step) {
      const token = ++sceneToken;
      const stale = () => token !== sceneToken || disposed;
      mark('set-scene');
      const large = isLightScene(next);
      let graph: MapGraph | null = null;
      if (large) {
        graph = await buildMapGraph(next, pause, stale);
        await pause();
        if (stale() || !graph) return null;
      }
      renderer?.dispose();
      scene = next;
      frame = null;
      renderer = createMapRenderer(
        container,
        next,
        {
          onHover: (node) => store.dispatch({ type: 'hover', node }),
          onSelect: (node) => store.dispatch({ type: 'select', node }),
        },
        spare,
        graph,
      );
      spare = null;
      lastDisplay = displayState({ ...store.getState(), hovered: null, selected: null }, next);
      renderer.setDisplay(lastDisplay);
      // Sigma's indexing of a large map, the panels' update and the first frame are separate tasks too.
      if (large) await pause();
      if (stale()) return null;
      store.dispatch({ type: 'legend', legend: legendInfo(next) });
      if (large) await pause();
      if (stale()) return null;
      const state = store.getState();
      const n = stepCount(next, state.mode);
      const s = step === 'first' ? 0 : step === 'last' ? n - 1 : clampStep(next, state.mode, step);
      show({ ...state, step: s }, false, false);
      measureSince('set-scene', 'set-scene');
      // The panels' update for the new data ("loaded") runs in a task of its own.
      if (large) await pause();
      if (stale()) return null;
      return { stepCount: n, step: s };
    },
    prepare() {
      if (!renderer && !spare) spare = createSpareRenderer(container);
    },
    modeSwitch(mode) {
      const state = store.getState();
      if (!scene) return { stepCount: 1, step: 0 };
      const n = stepCount(scene, mode);
      if (mode === state.mode) return { stepCount: n, step: state.step };
      if (mode === 'meeting') {
        // From a date to the last meeting on that date.
        if (state.mode === 'meeting') return { stepCount: n, step: state.step };
        return { stepCount: n, step: Math.max(0, scene.stepLastEvent[clampStep(scene, state.mode, state.step)]!) };
      }
      if (state.mode === 'meeting') {
        // From a meeting to the date step that contains it.
        const e = state.step;
        let s = 0;
        while (s < scene.stepLastEvent.length - 1 && scene.stepLastEvent[s]! < e) s++;
        return { stepCount: n, step: s };
      }
      return { stepCount: n, step: state.step };
    },
    focusNode(id) {
      return renderer?.focusNode(id) ?? false;
    },
    dispose() {
      disposed = true;
      off();
      resizeObserver?.disconnect();
      renderer?.dispose();
      renderer = null;
      spare?.kill();
      spare = null;
      scene = null;
    },
  };
}
