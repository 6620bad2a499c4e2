/**
 * The projection kernel: walk an event × actor incidence event by event (chronologically) and accumulate,
 * per unordered actor pair, the tie profile in typed arrays. Pairs are found through an open-addressing hash
 * table keyed by (i, j) with i < j (Newman 2001 weights: each shared event adds 1/(n_e − 1)).
 */
import { nameKey } from '../model/identity.js';
import type { Incidence } from './selection.js';

/** Per-tie columns, indexed by tie number (ties appear in the order of their first shared event). */
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

function hash(i: number, j: number): number {
  let h = Math.imul(i, 0x9e3779b1) ^ Math.imul(j + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Accumulate the tie profile of every co-occurring pair over the tie-creating events of `inc`.
 * @param eventWeight Per local event: weight for `weighted`.
 * @param eventHours Per local event: duration in hours, or NaN when unknown.
 */
export function accumulatePairs(inc: Incidence, eventWeight: Float64Array, eventHours: Float64Array): PairTable {
  // Upper bound of distinct pairs, to size the table once when it is small.
  let bound = 0;
  for (let k = 0; k < inc.eventCount; k++) {
    if (!inc.ties[k]) continue;
    const s = inc.start[k + 1]! - inc.start[k]!;
    bound += (s * (s - 1)) / 2;
  }
  let cap = 16;
  while (cap < Math.min(bound, 1 << 22) * 2) cap *= 2;
  let mask = cap - 1;
  let table = new Int32Array(cap).fill(-1);
  let size = Math.max(16, Math.min(bound, 1 << 20));
  let src: Int32Array = new Int32Array(size);
  let tgt: Int32Array = new Int32Array(size);
  let shared: Int32Array = new Int32Array(size);
  let newman: Float64Array = new Float64Array(size);
  let firstEvent: Int32Array = new Int32Array(size);
  let lastEvent: Int32Array = new Int32Array(size);
  let weighted: Float64Array = new Float64Array(size);
  let hours: Float64Array = new Float64Array(size);
  let n = 0;

  const growColumns = (): void => {
    size *= 2;
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
  const rehash = (): void => {
    cap *= 2;
    mask = cap - 1;
    table = new Int32Array(cap).fill(-1);
    for (let t = 0; t < n; t++) {
      let h = hash(src[t]!, tgt[t]!) & mask;
      while (table[h] !== -1) h = (h + 1) & mask;
      table[h] = t;
    }
  };

  const { start, members } = inc;
  for (let k = 0; k < inc.eventCount; k++) {
    if (!inc.ties[k]) continue;
    const lo = start[k]!;
    const hi = start[k + 1]!;
    const s = hi - lo;
    if (s < 2) continue;
    const e = inc.eventFrom + k;
    const nw = 1 / (s - 1);
    const w = eventWeight[k]!;
    const hr = eventHours[k]!;
    const known = hr === hr;
    for (let x = lo; x < hi; x++) {
      const i = members[x]!;
      for (let y = x + 1; y < hi; y++) {
        const j = members[y]!;
        let h = hash(i, j) & mask;
        let t = table[h]!;
        while (t !== -1 && (src[t] !== i || tgt[t] !== j)) {
          h = (h + 1) & mask;
          t = table[h]!;
        }
        if (t === -1) {
          if (n === size) growColumns();
          t = n++;
          table[h] = t;
          src[t] = i;
          tgt[t] = j;
          shared[t] = 1;
          newman[t] = nw;
          firstEvent[t] = e;
          lastEvent[t] = e;
          weighted[t] = w;
          hours[t] = hr;
          if (n * 2 > cap) rehash();
        } else {
          shared[t]!++;
          newman[t]! += nw;
          lastEvent[t] = e;
          weighted[t]! += w;
          if (known) hours[t] = hours[t] === hours[t] ? hours[t]! + hr : hr;
        }
      }
    }
  }
  const finalTable = table;
  const finalMask = mask;
  const out = {
    length: n,
    src: src.slice(0, n),
    tgt: tgt.slice(0, n),
    shared: shared.slice(0, n),
    newman: newman.slice(0, n),
    firstEvent: firstEvent.slice(0, n),
    lastEvent: lastEvent.slice(0, n),
    weighted: weighted.slice(0, n),
    hours: hours.slice(0, n),
  };
  return {
    ...out,
    find(a: number, b: number): number {
      const i = a < b ? a : b;
      const j = a < b ? b : a;
      let h = hash(i, j) & finalMask;
      let t = finalTable[h]!;
      while (t !== -1 && (out.src[t] !== i || out.tgt[t] !== j)) {
        h = (h + 1) & finalMask;
        t = finalTable[h]!;
      }
      return t;
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
