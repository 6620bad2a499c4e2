/**
 * The projection kernel: accumulate, per unordered actor pair (i < j) of an event × actor incidence, the tie
 * profile in typed arrays, by a per-actor merge over dense scratch arrays (Newman 2001 weights: each shared
 * event adds 1/(n_e − 1), doi:10.1103/PhysRevE.64.016132).
 */
import { MycorrhizaError } from '../errors.js';
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
  /**
   * Σ event-type weights over shared events. When `uniformWeight` is true this equals `shared` and the column
   * is only materialised (8 bytes per tie) on first read: lean consumers read `shared` instead.
   */
  weighted: Float64Array;
  /**
   * Σ durations (hours) of shared events with a known duration; NaN when none is known. When `hoursKnown` is
   * false every entry is NaN and the column is only materialised on first read.
   */
  hours: Float64Array;
  /** True when every tie-creating event with two or more actors weighs 1, so that `weighted[t] === shared[t]` for every tie. */
  uniformWeight: boolean;
  /** False when no tie-creating event with two or more actors has a known duration (every `hours[t]` is NaN). */
  hoursKnown: boolean;
  /** CSR over the tie order: the ties with `src = i` are `rowStart[i] .. rowStart[i+1]-1` (length = actors + 1). */
  rowStart: Int32Array;
}

/** A finished pair table: columns plus a lookup from an actor pair to its tie number. */
export interface PairTable extends PairColumns {
  /** Tie number of the pair (i, j) in either order, or -1. */
  find(i: number, j: number): number;
}

/** Largest tie count the Int32 tie numbers can address. */
const MAX_TIES = 0x7fffffff;

/**
 * Accumulate the tie profile of every co-occurring pair over the tie-creating events of `inc`.
 * Per-actor merge (as igraph's bipartite projection): for each actor i, walk its events in chronological
 * order and accumulate, for every co-member j > i, into dense scratch arrays indexed by j (no hash table);
 * then emit i's ties sorted by j (a merge of the ascending runs met per event). A first counting pass with a
 * marker array sizes the output exactly, so the columns are allocated once (no growth, no trimming copy).
 * `weighted` and `hours` get a second pass only when some event weighs other than 1 or has a duration.
 * Ties come out ordered by (src, tgt); `find` is a binary search in the row of the smaller actor.
 * Each pass is its own function: a single call is then compiled loop by loop (on-stack replacement) instead of
 * deoptimising each time execution reaches a later, not yet seen loop of one big function.
 * @param eventWeight Per local event: weight for `weighted`.
 * @param eventHours Per local event: duration in hours, or NaN when unknown.
 */
export function accumulatePairs(inc: Incidence, eventWeight: Float64Array, eventHours: Float64Array): PairTable {
  const live = liveEvents(inc, eventWeight, eventHours);
  const tr = transpose(inc, live.inverse);
  const rows = countRows(inc, tr);
  const cols = fillRows(inc, tr, rows.rowStart, rows.widest);
  let weighted: Float64Array | null = null;
  let hours: Float64Array | null = null;
  if (!live.uniformWeight || live.hoursKnown) {
    const m = cols.length;
    weighted = live.uniformWeight ? null : new Float64Array(m);
    hours = live.hoursKnown ? new Float64Array(m) : null;
    weightPass(inc, tr, rows.rowStart, cols.tgt, eventWeight, eventHours, weighted, hours);
  }
  return pairTable(
    { ...cols, rowStart: rows.rowStart, uniformWeight: live.uniformWeight, hoursKnown: live.hoursKnown },
    weighted,
    hours,
  );
}

/** Per local event: 1/(n_e − 1) for tie-creating events with two or more actors, else 0 (no pairs). */
function liveEvents(
  inc: Incidence,
  eventWeight: Float64Array,
  eventHours: Float64Array,
): { inverse: Float64Array; uniformWeight: boolean; hoursKnown: boolean } {
  const { start, ties, eventCount } = inc;
  const inverse = new Float64Array(eventCount);
  let uniformWeight = true;
  let hoursKnown = false;
  for (let k = 0; k < eventCount; k++) {
    const size = start[k + 1]! - start[k]!;
    if (!ties[k] || size < 2) continue;
    inverse[k] = 1 / (size - 1);
    if (eventWeight[k] !== 1) uniformWeight = false;
    if (eventHours[k] === eventHours[k]) hoursKnown = true;
  }
  return { inverse, uniformWeight, hoursKnown };
}

/** Actor -> its pair-making events, chronological: the actor's position in each event's member list. */
interface Transpose {
  /** Entries of actor v: `aStart[v] .. aStart[v+1]-1`. */
  aStart: Int32Array;
  /** Position of the actor in `members` (its co-members j > v follow it). */
  aPos: Int32Array;
  /** Local event of the entry. */
  aEvent: Int32Array;
  inverse: Float64Array;
  /** Most entries of one actor. */
  mostEvents: number;
}

function transpose(inc: Incidence, inverse: Float64Array): Transpose {
  const n = inc.actorCount;
  const { start, members, eventCount } = inc;
  const aStart = new Int32Array(n + 1);
  for (let k = 0; k < eventCount; k++) {
    if (inverse[k] === 0) continue;
    for (let x = start[k]!, hi = start[k + 1]!; x < hi; x++) aStart[members[x]! + 1]!++;
  }
  let mostEvents = 0;
  for (let v = 0; v < n; v++) {
    if (aStart[v + 1]! > mostEvents) mostEvents = aStart[v + 1]!;
    aStart[v + 1]! += aStart[v]!;
  }
  const aPos = new Int32Array(aStart[n]!);
  const aEvent = new Int32Array(aStart[n]!);
  scatterTranspose(inc, inverse, aStart, aPos, aEvent);
  return { aStart, aPos, aEvent, inverse, mostEvents };
}

function scatterTranspose(inc: Incidence, inverse: Float64Array, aStart: Int32Array, aPos: Int32Array, aEvent: Int32Array): void {
  const { start, members, eventCount } = inc;
  const fill = aStart.slice(0, inc.actorCount);
  for (let k = 0; k < eventCount; k++) {
    if (inverse[k] === 0) continue;
    for (let x = start[k]!, hi = start[k + 1]!; x < hi; x++) {
      const at = fill[members[x]!]!++;
      aPos[at] = x;
      aEvent[at] = k;
    }
  }
}

/** Counting pass: distinct co-members j > i per actor i, as the tie CSR `rowStart`, and the widest row. */
function countRows(inc: Incidence, tr: Transpose): { rowStart: Int32Array; widest: number } {
  const n = inc.actorCount;
  const { start, members } = inc;
  const { aStart, aPos, aEvent } = tr;
  const rowStart = new Int32Array(n + 1);
  const mark = new Int32Array(n).fill(-1);
  let m = 0;
  let widest = 0;
  for (let i = 0; i < n; i++) {
    rowStart[i] = m;
    let c = 0;
    for (let a = aStart[i]!, aEnd = aStart[i + 1]!; a < aEnd; a++) {
      for (let x = aPos[a]! + 1, hi = start[aEvent[a]! + 1]!; x < hi; x++) {
        const j = members[x]!;
        if (mark[j] !== i) {
          mark[j] = i;
          c++;
        }
      }
    }
    m += c;
    if (c > widest) widest = c;
    if (m > MAX_TIES)
      throw new MycorrhizaError(
        `accumulatePairs: the projection would have more than ${MAX_TIES} ties (reached ${m} after ${i + 1} of ${n} actors). Restrict the window (from/to) or set maxEventSize to leave very large events out of the ties.`,
      );
  }
  rowStart[n] = m;
  return { rowStart, widest };
}

type CoreColumns = Pick<PairColumns, 'length' | 'src' | 'tgt' | 'shared' | 'newman' | 'firstEvent' | 'lastEvent'>;

/** Fill pass: accumulate each row in scratch arrays indexed by j, sort it by a merge of runs, emit it. */
function fillRows(inc: Incidence, tr: Transpose, rowStart: Int32Array, widest: number): CoreColumns {
  const n = inc.actorCount;
  const { start, members, eventFrom } = inc;
  const { aStart, aPos, aEvent, inverse } = tr;
  const m = rowStart[n]!;
  const src = new Int32Array(m);
  const tgt = new Int32Array(m);
  const shared = new Int32Array(m);
  const newman = new Float64Array(m);
  const firstEvent = new Int32Array(m);
  const lastEvent = new Int32Array(m);
  // Scratch per co-member j as one 32-byte record, so that a visit touches one cache line (it matters once the
  // scratch outgrows the caches: 31 MB for a million people): the newman sum (f64 at 4j), then the shared
  // count, first and last event (i32 at 8j+2, 8j+3, 8j+4). A count of 0 marks j as not met yet in this row.
  const scratch = new ArrayBuffer(32 * n);
  const nm = new Float64Array(scratch);
  const rec = new Int32Array(scratch);
  // Newly met co-members, one ascending run per event (members are ascending): a merge of runs sorts them.
  const buffers = [new Int32Array(widest), new Int32Array(widest)] as const;
  const runs = new Int32Array(tr.mostEvents + 1);
  for (let i = 0; i < n; i++) {
    const base = rowStart[i]!;
    const count = rowStart[i + 1]! - base;
    if (count === 0) continue;
    const touched = buffers[0];
    let c = 0;
    let r = 0;
    for (let a = aStart[i]!, aEnd = aStart[i + 1]!; a < aEnd; a++) {
      const k = aEvent[a]!;
      const e = eventFrom + k;
      const nw = inverse[k]!;
      const c0 = c;
      // Members are ascending, so the co-members j > i are those after i's own position.
      for (let x = aPos[a]! + 1, hi = start[k + 1]!; x < hi; x++) {
        const j = members[x]!;
        const at = 8 * j;
        if (rec[at + 2] === 0) {
          touched[c++] = j;
          rec[at + 2] = 1;
          rec[at + 3] = e;
          nm[4 * j] = nw;
        } else {
          rec[at + 2]!++;
          nm[4 * j]! += nw;
        }
        rec[at + 4] = e;
      }
      if (c > c0) runs[r++] = c0;
    }
    runs[r] = c;
    const list = r > 1 && mergeRuns(buffers[0], buffers[1], runs, r, c) === 1 ? buffers[1] : touched;
    src.fill(i, base, base + count);
    for (let y = 0; y < count; y++) {
      const j = list[y]!;
      const t = base + y;
      const at = 8 * j;
      tgt[t] = j;
      shared[t] = rec[at + 2]!;
      rec[at + 2] = 0;
      newman[t] = nm[4 * j]!;
      firstEvent[t] = rec[at + 3]!;
      lastEvent[t] = rec[at + 4]!;
    }
  }
  return { length: m, src, tgt, shared, newman, firstEvent, lastEvent };
}

/**
 * Bottom-up merge of the ascending runs `a[runs[q] .. runs[q+1]-1]` (q < r, `runs[r]` = end), alternating
 * between `a` and `b`. Returns 0 when the sorted result is in `a`, 1 when in `b`. O(count · log r).
 */
function mergeRuns(a: Int32Array, b: Int32Array, runs: Int32Array, r: number, end: number): number {
  let from = a;
  let to = b;
  let side = 0;
  while (r > 1) {
    let w = 0;
    let q = 0;
    for (; q + 1 < r; q += 2) {
      let x = runs[q]!;
      const xEnd = runs[q + 1]!;
      let y = xEnd;
      const yEnd = runs[q + 2]!;
      let o = x;
      while (x < xEnd && y < yEnd) {
        const u = from[x]!;
        const v = from[y]!;
        if (u < v) {
          to[o++] = u;
          x++;
        } else {
          to[o++] = v;
          y++;
        }
      }
      while (x < xEnd) to[o++] = from[x++]!;
      while (y < yEnd) to[o++] = from[y++]!;
      runs[w++] = runs[q]!;
    }
    if (q < r) {
      for (let x = runs[q]!, xEnd = runs[q + 1]!; x < xEnd; x++) to[x] = from[x]!;
      runs[w++] = runs[q]!;
    }
    runs[w] = end;
    r = w;
    const swap = from;
    from = to;
    to = swap;
    side ^= 1;
  }
  return side;
}

/**
 * Second pass over the same pairs for the event-type weights and durations, in the same chronological order
 * (same floating-point sums); the rows are already sorted, so each sum lands by a walk of the row.
 */
function weightPass(
  inc: Incidence,
  tr: Transpose,
  rowStart: Int32Array,
  tgt: Int32Array,
  eventWeight: Float64Array,
  eventHours: Float64Array,
  weighted: Float64Array | null,
  hours: Float64Array | null,
): void {
  const n = inc.actorCount;
  const { start, members } = inc;
  const { aStart, aPos, aEvent } = tr;
  const wt = weighted ? new Float64Array(n) : null;
  const hr = hours ? new Float64Array(n) : null;
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const base = rowStart[i]!;
    const end = rowStart[i + 1]!;
    if (base === end) continue;
    for (let a = aStart[i]!, aEnd = aStart[i + 1]!; a < aEnd; a++) {
      const k = aEvent[a]!;
      const w = eventWeight[k]!;
      const h = eventHours[k]!;
      const known = h === h;
      for (let x = aPos[a]! + 1, hi = start[k + 1]!; x < hi; x++) {
        const j = members[x]!;
        if (seen[j] === 0) {
          seen[j] = 1;
          if (wt) wt[j] = w;
          if (hr) hr[j] = h;
        } else {
          if (wt) wt[j]! += w;
          if (hr && known) hr[j] = hr[j] === hr[j] ? hr[j]! + h : h;
        }
      }
    }
    for (let t = base; t < end; t++) {
      const j = tgt[t]!;
      seen[j] = 0;
      if (wt) weighted![t] = wt[j]!;
      if (hr) hours![t] = hr[j]!;
    }
  }
}

/**
 * Wrap finished columns as a `PairTable`: `weighted` and `hours` are eager when given, otherwise derived on
 * first read (`weighted` = `shared`, `hours` = NaN) and cached.
 */
function pairTable(
  cols: Omit<PairColumns, 'weighted' | 'hours'>,
  weighted: Float64Array | null,
  hours: Float64Array | null,
): PairTable {
  const { length: m, shared, tgt, rowStart } = cols;
  const n = rowStart.length - 1;
  let w = weighted;
  let h = hours;
  return {
    ...cols,
    get weighted(): Float64Array {
      if (w === null) {
        w = new Float64Array(m);
        w.set(shared);
      }
      return w;
    },
    set weighted(value: Float64Array) {
      w = value;
    },
    get hours(): Float64Array {
      return (h ??= new Float64Array(m).fill(NaN));
    },
    set hours(value: Float64Array) {
      h = value;
    },
    find(a: number, b: number): number {
      const i = a < b ? a : b;
      const j = a < b ? b : a;
      if (i < 0 || j >= n) return -1;
      let lo = rowStart[i]!;
      let hi = rowStart[i + 1]! - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const t = tgt[mid]!;
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
  // Weight per type as written (a file repeats a handful of spellings: one `nameKey` per spelling).
  const byType = new Map<string, number>();
  for (let k = 0; k < eventCount; k++) {
    const ev = events[eventFrom + k]!;
    let w = 1;
    if (ev.type !== null && byKey.size > 0) {
      const known = byType.get(ev.type);
      if (known === undefined) byType.set(ev.type, (w = byKey.get(nameKey(ev.type)) ?? 1));
      else w = known;
    }
    weight[k] = w;
    hours[k] = ev.durationHours ?? NaN;
  }
  return { weight, hours };
}
