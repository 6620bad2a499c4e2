/**
 * One frame of a scene: which nodes and edges are on the map at a time step, each edge's strength class and
 * recency state, node sizes and the counters. Pure and linear in the scene's size (binary searches in the
 * sorted event lists), so a timeline step costs a few milliseconds even on large networks.
 */
import {
  EDGE_HIDDEN,
  EDGE_PLAIN,
  EDGE_STRONG,
  EDGE_STRONG_FADING,
  EDGE_TIE,
  EDGE_WEAK,
  EDGE_WEAK_FADING,
  NODE_EVENT,
  NODE_ORGANISATION,
  type Scene,
  type TimeMode,
} from './types.js';

/** The events shown at a step: indices `from..upto` (inclusive), the as-of date and the fading cut-off. */
export interface FrameRange {
  from: number;
  upto: number;
  date: string | null;
  /** Ties whose last shared event falls strictly before this UTC day are fading. */
  fadeBeforeDay: number;
}

/** Counters of a frame, computed from the scene. */
export interface FrameCounts {
  organisations: number;
  people: number;
  events: number;
  /** Tie edges of the view on the map. */
  ties: number;
  strong: number;
  weak: number;
  fading: number;
  /** Membership or attendance edges on the map. */
  links: number;
}

export interface Frame extends FrameRange {
  mode: TimeMode;
  step: number;
  /** 1 when the node is on the map. */
  nodeVisible: Uint8Array;
  /** Visible edges at the node (ties, memberships or attendances). */
  nodeDegree: Int32Array;
  /** Events the node attended in the range (1 for an event node). */
  nodeAttendance: Int32Array;
  /** EDGE_HIDDEN, EDGE_WEAK, EDGE_WEAK_FADING, EDGE_STRONG, EDGE_STRONG_FADING or EDGE_PLAIN per edge. */
  edgeClass: Uint8Array;
  /** Shared events of each edge inside the frame's range (0 when hidden). */
  edgeShared: Int32Array;
  counts: FrameCounts;
}

/** Number of timeline steps of a mode: one per event date, or one per event in meeting mode. */
export function stepCount(scene: Scene, mode: TimeMode): number {
  return mode === 'meeting' ? Math.max(1, scene.eventCount) : scene.stepDate.length;
}

/** Clamp a step into the mode's range. */
export function clampStep(scene: Scene, mode: TimeMode, step: number): number {
  const n = stepCount(scene, mode);
  return Math.max(0, Math.min(n - 1, Math.round(Number.isFinite(step) ? step : 0)));
}

/** The events shown at a step. */
export function frameRange(scene: Scene, mode: TimeMode, step: number): FrameRange {
  const s = clampStep(scene, mode, step);
  if (mode === 'meeting') {
    if (scene.eventCount === 0) return { from: 0, upto: -1, date: null, fadeBeforeDay: -Infinity };
    return { from: 0, upto: s, date: scene.eventDate[s] ?? null, fadeBeforeDay: scene.eventFadeBeforeDay[s]! };
  }
  const date = scene.stepDate[s] ?? null;
  const from = mode === 'window' && date !== null ? scene.stepWindowFirstEvent[s]! : 0;
  return { from, upto: scene.stepLastEvent[s]!, date, fadeBeforeDay: scene.stepFadeBeforeDay[s]! };
}

/** First index in items[lo..hi) with value >= v. */
function lowerBound(items: Int32Array, lo: number, hi: number, v: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Events of a CSR list inside [from, upto]: count and the last one (or -1). */
function countIn(start: Int32Array, items: Int32Array, i: number, from: number, upto: number): { count: number; last: number } {
  const a = start[i]!, b = start[i + 1]!;
  const lo = from <= 0 ? a : lowerBound(items, a, b, from);
  const hi = lowerBound(items, lo, b, upto + 1);
  return { count: hi - lo, last: hi > lo ? items[hi - 1]! : -1 };
}

/** Compute the frame of a time step. */
export function computeFrame(scene: Scene, mode: TimeMode, step: number): Frame {
  const s = clampStep(scene, mode, step);
  const range = frameRange(scene, mode, s);
  const { from, upto, fadeBeforeDay } = range;
  const N = scene.nodeCount, M = scene.edgeCount;
  const strongMin = scene.options.strongMin;

  let organisations = 0, people = 0;
  for (let o = 0; o < scene.organisationCount; o++) if (countIn(scene.orgEventStart, scene.orgEvents, o, from, upto).count > 0) organisations++;
  for (let p = 0; p < scene.personCount; p++) if (countIn(scene.personEventStart, scene.personEvents, p, from, upto).count > 0) people++;

  const nodeVisible = new Uint8Array(N);
  const nodeAttendance = new Int32Array(N);
  for (let v = 0; v < N; v++) {
    const kind = scene.nodeKind[v]!, ent = scene.nodeEntity[v]!;
    let c: number;
    if (kind === NODE_EVENT) c = ent >= from && ent <= upto ? 1 : 0;
    else if (kind === NODE_ORGANISATION) c = countIn(scene.orgEventStart, scene.orgEvents, ent, from, upto).count;
    else c = countIn(scene.personEventStart, scene.personEvents, ent, from, upto).count;
    nodeAttendance[v] = c;
    nodeVisible[v] = c > 0 ? 1 : 0;
  }

  const edgeClass = new Uint8Array(M);
  const edgeShared = new Int32Array(M);
  const nodeDegree = new Int32Array(N);
  let ties = 0, strong = 0, weak = 0, fading = 0, links = 0;
  for (let i = 0; i < M; i++) {
    const { count, last } = countIn(scene.edgeEventStart, scene.edgeEvents, i, from, upto);
    edgeShared[i] = count;
    if (count === 0) {
      edgeClass[i] = EDGE_HIDDEN;
      continue;
    }
    nodeDegree[scene.edgeSource[i]!]!++;
    nodeDegree[scene.edgeTarget[i]!]!++;
    if (scene.edgeKind[i] !== EDGE_TIE) {
      edgeClass[i] = EDGE_PLAIN;
      links++;
      continue;
    }
    ties++;
    const isStrong = count >= strongMin;
    const isFading = scene.eventDay[last]! < fadeBeforeDay;
    if (isStrong) strong++;
    else weak++;
    if (isFading) fading++;
    edgeClass[i] = isStrong ? (isFading ? EDGE_STRONG_FADING : EDGE_STRONG) : isFading ? EDGE_WEAK_FADING : EDGE_WEAK;
  }

  return {
    ...range,
    mode,
    step: s,
    nodeVisible,
    nodeDegree,
    nodeAttendance,
    edgeClass,
    edgeShared,
    counts: { organisations, people, events: Math.max(0, upto - from + 1), ties, strong, weak, fading, links },
  };
}

/** The counters shown over the map. */
export interface DisplayCounters {
  organisations: number;
  people: number;
  strong: number;
  events: number;
  links: number;
  /** True when the numbers are core's growthSeries figures for the date (cumulative mode). */
  fromCore: boolean;
}

/**
 * The counters of a frame: core's growthSeries row for the date in cumulative mode when the scene carries it
 * (the viewer shows core's numbers), the frame's own counts otherwise (window and meeting modes).
 */
export function displayCounters(scene: Scene, frame: Frame): DisplayCounters {
  const g = frame.mode === 'cumulative' && scene.growth ? scene.growth[frame.step] : undefined;
  if (g) {
    const strong = scene.view === 'organisations' || scene.view === 'two-mode' ? g.strong_organisation_ties : g.strong_person_ties;
    return { organisations: g.organisations, people: g.people, strong, events: g.events, links: frame.counts.links, fromCore: true };
  }
  const c = frame.counts;
  return { organisations: c.organisations, people: c.people, strong: c.strong, events: c.events, links: c.links, fromCore: false };
}
