/**
 * The projection kernel: accumulate, per unordered actor pair (i < j) of an event × actor incidence, the tie
 * profile in typed arrays, by a per-actor merge over dense scratch arrays (Newman 2001 weights: each shared
 * event adds 1/(n_e − 1), doi:10.1103/PhysRevE.64.016132).
 */
import { nameKey } from '../model/identity.js';
import type { Incidence } from './selection.js';

/** Per-tie columns, indexed by tie number (ties are ordered by src, then tgt). */
export interface PairColumns {
  /** Number of ties. */
  length: number;
  /** Smaller actor index of each tie. */
  src: Int32Array;
  /** Larger actor index of each tie. */
  tgt: Int32Array;
  /** Shared events. */
  shared: Int32Array;
  /** Σ 1/(n_e − 1) over shared events (n_e = actors at e). */
  newman: Float64Array;
  /** Model event index of the first and last shared event. */
  firstEvent: Int32Array;
  lastEvent: Int32Array;
  /** Σ event-type weights over shared events. */
  weighted: Float64Array;
  /** Σ durations (hours) of shared events with a known duration; NaN when none is known. */
  hours: Float64Array;
}

/** A finished pair table: columns plus a lookup from an actor pair to its tie number. */
export interface PairTable extends PairColumns {
  /** Tie number of the pair (i, j) in either order, or -1. */
  find(i: number, j: number): number;
}

/**
 * Accumulate the tie profile of every co-occurring pair over the tie-creating events of `inc`.
 * Per-actor merge: for each actor i, walk its events in chronological order and accumulate, for every
 * co-member j > i, into dense scratch arrays indexed by j (cache-friendly: no hash table, no nested
 * objects); then emit i's ties sorted by j. Ties come out ordered by (src, tgt), and `find` is a binary search.
 * @param eventWeight Per local event: weight for `weighted`.
 * @param eventHours Per local event: duration in hours, or NaN when unknown.
 */
export function accumulatePairs(inc: Incidence, eventWeight: Float64Array, eventHours: Float64Array): PairTable {
  const n = inc.actorCount;
  const { start, members } = inc;
  // Actor -> tie-creating events (with at least two members), chronological: the transpose of the incidence.
  const aStart = new Int32Array(n + 1);
  let bound = 0;
  for (let k = 0; k < inc.eventCount; k++) {
    const s = start[k + 1]! - start[k]!;
    if (!inc.ties[k] || s < 2) continue;
    bound += (s * (s - 1)) / 2;
    for (let x = start[k]!; x < start[k + 1]!; x++) aStart[members[x]! + 1]!++;
  }
  for (let v = 0; v < n; v++) aStart[v + 1]! += aStart[v]!;
  const aEvent = new Int32Array(aStart[n]!);
  const aPos = new Int32Array(aStart[n]!);
  const fill = aStart.slice(0, n);
  for (let k = 0; k < inc.eventCount; k++) {
    const s = start[k + 1]! - start[k]!;
    if (!inc.ties[k] || s < 2) continue;
    for (let x = start[k]!; x < start[k + 1]!; x++) {
      const at = fill[members[x]!]!++;
      aEvent[at] = k;
      aPos[at] = x;
    }
  }

  let size = Math.max(16, Math.min(bound, 1 << 22));
  let src: Int32Array = new Int32Array(size);
  let tgt: Int32Array = new Int32Array(size);
  let shared: Int32Array = new Int32Array(size);
  let newman: Float64Array = new Float64Array(size);
  let firstEvent: Int32Array = new Int32Array(size);
  let lastEvent: Int32Array = new Int32Array(size);
  let weighted: Float64Array = new Float64Array(size);
  let hours: Float64Array = new Float64Array(size);
  const grow = (need: number): void => {
    while (size < need) size *= 2;
    const i32 = (x: Int32Array): Int32Array => {
      const y = new Int32Array(size);
      y.set(x);
      return y;
    };
    const f64 = (x: Float64Array): Float64Array => {
      const y = new Float64Array(size);
      y.set(x);
      return y;
    };
    src = i32(src);
    tgt = i32(tgt);
    shared = i32(shared);
    firstEvent = i32(firstEvent);
    lastEvent = i32(lastEvent);
    newman = f64(newman);
    weighted = f64(weighted);
    hours = f64(hours);
  };

  const stamp = new Int32Array(n).fill(-1);
  const cnt = new Int32Array(n);
  const nm = new Float64Array(n);
  const fe = new Int32Array(n);
  const le = new Int32Array(n);
  const wt = new Float64Array(n);
  const hr = new Float64Array(n);
  const touched = new Int32Array(n);
  const rowStart = new Int32Array(n + 1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    rowStart[i] = m;
    let count = 0;
    for (let a = aStart[i]!, aEnd = aStart[i + 1]!; a < aEnd; a++) {
      const k = aEvent[a]!;
      const hi = start[k + 1]!;
      const e = inc.eventFrom + k;
      const nw = 1 / (hi - start[k]! - 1);
      const w = eventWeight[k]!;
      const h = eventHours[k]!;
      const known = h === h;
      // Members are ascending, so the co-members j > i are those after i's own position.
      for (let x = aPos[a]! + 1; x < hi; x++) {
        const j = members[x]!;
        if (stamp[j] !== i) {
          stamp[j] = i;
          touched[count++] = j;
          cnt[j] = 1;
          nm[j] = nw;
          fe[j] = e;
          le[j] = e;
          wt[j] = w;
          hr[j] = h;
        } else {
          cnt[j]!++;
          nm[j]! += nw;
          le[j] = e;
          wt[j]! += w;
          if (known) hr[j] = hr[j] === hr[j] ? hr[j]! + h : h;
        }
      }
    }
    if (count === 0) continue;
    if (m + count > size) grow(m + count);
    const list = touched.subarray(0, count).sort();
    for (let x = 0; x < count; x++) {
      const j = list[x]!;
      src[m] = i;
      tgt[m] = j;
      shared[m] = cnt[j]!;
      newman[m] = nm[j]!;
      firstEvent[m] = fe[j]!;
      lastEvent[m] = le[j]!;
      weighted[m] = wt[j]!;
      hours[m] = hr[j]!;
      m++;
    }
  }
  rowStart[n] = m;
  const out = {
    length: m,
    src: src.slice(0, m),
    tgt: tgt.slice(0, m),
    shared: shared.slice(0, m),
    newman: newman.slice(0, m),
    firstEvent: firstEvent.slice(0, m),
    lastEvent: lastEvent.slice(0, m),
    weighted: weighted.slice(0, m),
    hours: hours.slice(0, m),
  };
  const targets = out.tgt;
  return {
    ...out,
    find(a: number, b: number): number {
      const i = a < b ? a : b;
      const j = a < b ? b : a;
      if (i < 0 || j >= n) return -1;
      let lo = rowStart[i]!;
      let hi = rowStart[i + 1]! - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const t = targets[mid]!;
        if (t === j) return mid;
        if (t < j) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    },
  };
}

/** Per-event weight and duration columns for the window's events. */
export function eventColumns(
  events: readonly { type: string | null; durationHours: number | null }[],
  eventFrom: number,
  eventCount: number,
  eventTypeWeights: Readonly<Record<string, number>>,
): { weight: Float64Array; hours: Float64Array } {
  // Event types are matched like names: case, accents and spacing do not matter.
  const byKey = new Map<string, number>();
  for (const [type, w] of Object.entries(eventTypeWeights)) byKey.set(nameKey(type), w);
  const weight = new Float64Array(eventCount);
  const hours = new Float64Array(eventCount);
  for (let k = 0; k < eventCount; k++) {
    const ev = events[eventFrom + k]!;
    weight[k] = ev.type === null ? 1 : (byKey.get(nameKey(ev.type)) ?? 1);
    hours[k] = ev.durationHours ?? NaN;
  }
  return { weight, hours };
}
