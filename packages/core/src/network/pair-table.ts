/**
 * The projection kernel: accumulate, per unordered actor pair (i < j) of an event × actor incidence, the tie
 * profile in typed arrays, by a per-actor merge over dense scratch arrays (Newman 2001 weights: each shared
 * event adds 1/(n_e − 1), doi:10.1103/PhysRevE.64.016132). The CSR and shared counts are built at once, the
 * other columns on first read (see `accumulatePairs`).
 */
import { MycorrhizaError } from '../errors.js';
import { nameKey } from '../model/identity.js';
import { prefixSums, type Incidence } from './selection.js';

/**
 * Per-tie columns, indexed by tie number (ties are ordered by src, then tgt). In a table from
 * `accumulatePairs`, `tgt`, `shared` and `rowStart` are built at once; `src`, `newman`, `firstEvent`,
 * `lastEvent`, `weighted` and `hours` on first read (then cached; the values do not depend on when they are
 * read), so that consumers of the shared counts alone do not pay for the rest. Any column can be assigned.
 */
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
   * Σ event-type weights over shared events. When `uniformWeight` is true this equals `shared` (a copy, 8
   * bytes per tie, made on first read): lean consumers read `shared` instead.
   */
  weighted: Float64Array;
  /**
   * Σ durations (hours) of shared events with a known duration; NaN when none is known. When `hoursKnown` is
   * false every entry is NaN.
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
 * Per-actor merge (as igraph's bipartite projection): each actor i walks its events in chronological order and
 * meets every co-member j > i there (no hash table, no comparison sort). One pass (`sortedRows`) builds what
 * every caller reads: the ties as a CSR sorted by (src, tgt) (`rowStart`, `tgt`) and the shared-event counts.
 * The distinct j of a row are marked in a three-level bitmap that stays in the L1 cache and whose enumeration
 * lists them ascending; their counts in a dense array indexed by j. Each actor's events come from the
 * incidence's own transpose when it has one (`buildIncidence`), else from a transpose built here.
 * The other columns are computed on first read, each group by one walk of the same meetings (`tieDetails`:
 * `newman`, `firstEvent`, `lastEvent`; `weightPass`: `weighted`, `hours`; `src` from `rowStart`), so callers
 * that need the shared counts only (e.g. the structural measures) do not pay for them. The values do not depend
 * on when they are read: the walks run in the same chronological order, so the sums are the same.
 * Ties come out ordered by (src, tgt); `find` is a binary search in the row of the smaller actor.
 * Each pass is its own function: a single call is then compiled loop by loop (on-stack replacement) instead of
 * deoptimising each time execution reaches a later, not yet seen loop of one big function.
 * @param eventWeight Per local event: weight for `weighted`.
 * @param eventHours Per local event: duration in hours, or NaN when unknown.
 */
export function accumulatePairs(inc: Incidence, eventWeight: Float64Array, eventHours: Float64Array): PairTable {
  const tr = transpose(inc, eventWeight, eventHours);
  const rows = sortedRows(inc, tr, tr.pairs);
  return pairTable(rows, { inc, tr, eventWeight, eventHours }, tr.uniformWeight, tr.hoursKnown);
}

/** Actor -> its events, chronological: the actor's position in each event's member list. */
interface Transpose {
  /** Entries of actor v: `aStart[v] .. aStart[v+1]-1`. */
  aStart: Int32Array;
  /** Position of the actor in `members` (its co-members j > v follow it). */
  aPos: Int32Array;
  /** Local event of the entry. */
  aEvent: Int32Array;
  /**
   * Per local event: 1/(n_e − 1) for tie-creating events with two or more actors (the pair-making events),
   * else 0. The walks skip the entries of the other events (the incidence's own transpose lists them too).
   */
  inverse: Float64Array;
  /** Σ n_e(n_e − 1)/2 over the pair-making events: the pair meetings, an upper bound on the ties. */
  pairs: number;
  /** Every pair-making event weighs 1. */
  uniformWeight: boolean;
  /** Some pair-making event has a known duration. */
  hoursKnown: boolean;
}

/** The pair-making events (see `Transpose.inverse`) and, per actor, its entries (the incidence's own transpose when it has one). */
function transpose(inc: Incidence, eventWeight: Float64Array, eventHours: Float64Array): Transpose {
  const n = inc.actorCount;
  const { start, members, ties, eventCount, actorStart, actorEvent, actorPos } = inc;
  const own = actorStart !== undefined && actorEvent !== undefined && actorPos !== undefined;
  const inverse = new Float64Array(eventCount);
  const aStart = own ? actorStart : new Int32Array(n + 1);
  let pairs = 0;
  let uniformWeight = true;
  let hoursKnown = false;
  for (let k = 0; k < eventCount; k++) {
    const lo = start[k]!;
    const hi = start[k + 1]!;
    const size = hi - lo;
    if (!ties[k] || size < 2) continue;
    inverse[k] = 1 / (size - 1);
    pairs += (size * (size - 1)) / 2;
    if (eventWeight[k] !== 1) uniformWeight = false;
    if (eventHours[k] === eventHours[k]) hoursKnown = true;
    if (!own) for (let x = lo; x < hi; x++) aStart[members[x]! + 1]!++;
  }
  if (own) return { aStart, aPos: actorPos, aEvent: actorEvent, inverse, pairs, uniformWeight, hoursKnown };
  prefixSums(aStart);
  const aPos = new Int32Array(aStart[n]!);
  const aEvent = new Int32Array(aStart[n]!);
  scatterTranspose(inc, inverse, aStart, aPos, aEvent);
  return { aStart, aPos, aEvent, inverse, pairs, uniformWeight, hoursKnown };
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

/** First capacity of the tie columns: the pair meetings (an upper bound on the ties), at most 2^24 ties. */
const FIRST_CAPACITY = 1 << 24;

/** The ties as a CSR sorted by (src, tgt), with their shared-event counts. */
interface SortedRows {
  length: number;
  rowStart: Int32Array;
  tgt: Int32Array;
  shared: Int32Array;
}

/**
 * The distinct co-members j > i of each actor i, ascending, with the number of events they shared.
 * Each meeting adds 1 to `count[j]` and sets j's bit in a bitmap of one bit per actor with two summary levels
 * (bit w of level 1 = word w of level 0 is not empty, and so on), unconditionally: the walk has no branch
 * but its loops (a test for the first meeting costs more in mispredictions than the stores it saves). The
 * row is then listed by walking the set bits top-down (count leading zeros of the lowest bit), clearing them
 * and the counts on the way: time linear in the row plus the level-2 words (n / 32768) of its range (the
 * level-1 words, at most 64, when there are no more than 65,536 actors: level 2 is then not kept), no
 * sort. One function with the listing inlined by hand: the cold call (the usual case) compiles it once. The
 * columns are written into buffers sized by the pair meetings (cut to the tie count at the end, see
 * `fitted`); the untouched tail costs no memory.
 */
function sortedRows(inc: Incidence, tr: Transpose, pairs: number): SortedRows {
  const n = inc.actorCount;
  const { start, members } = inc;
  const { aStart, aPos, aEvent, inverse } = tr;
  const rowStart = new Int32Array(n + 1);
  const count = new Int32Array(n);
  const n0 = (n + 31) >>> 5;
  const n1 = (n0 + 31) >>> 5;
  const n2 = (n1 + 31) >>> 5;
  const bits0 = new Int32Array(n0);
  const bits1 = new Int32Array(n1);
  const bits2 = new Int32Array(n2);
  let tgt: Int32Array = new Int32Array(Math.min(pairs, FIRST_CAPACITY));
  let shared: Int32Array = new Int32Array(tgt.length);
  let m = 0;
  // Up to 64 level-1 words (65,536 actors) the listing scans level 1 and level 2 is not kept.
  const top = n1 > 64;
  for (let i = 0; i < n; i++) {
    rowStart[i] = m;
    // Pair meetings of the row: an upper bound on its ties.
    let met = 0;
    for (let a = aStart[i]!, aEnd = aStart[i + 1]!; a < aEnd; a++) {
      const k = aEvent[a]!;
      if (inverse[k] === 0) continue;
      const hi = start[k + 1]!;
      let x = aPos[a]! + 1;
      met += hi - x;
      for (; x < hi; x++) {
        const j = members[x]!;
        count[j]!++;
        const w0 = j >>> 5;
        bits0[w0]! |= 1 << (j & 31);
        const w1 = j >>> 10;
        bits1[w1]! |= 1 << (w0 & 31);
        if (top) bits2[j >>> 15]! |= 1 << (w1 & 31);
      }
    }
    if (met === 0) continue;
    if (m + met > tgt.length) {
      const size = grownSize(tgt.length, m + met, pairs, i, n);
      tgt = grown(tgt, m, size);
      shared = grown(shared, m, size);
    }
    // List the row: walk and clear the set bits top-down (lowest bit first), from the word of j = i + 1 on.
    if (!top) {
      for (let w1 = (i + 1) >>> 10; w1 < n1; w1++) {
        let b1 = bits1[w1]!;
        if (b1 === 0) continue;
        bits1[w1] = 0;
        while (b1 !== 0) {
          const low1 = b1 & -b1;
          b1 ^= low1;
          const w0 = (w1 << 5) | (31 - Math.clz32(low1));
          let b0 = bits0[w0]!;
          bits0[w0] = 0;
          while (b0 !== 0) {
            const low0 = b0 & -b0;
            b0 ^= low0;
            const j = (w0 << 5) | (31 - Math.clz32(low0));
            tgt[m] = j;
            shared[m] = count[j]!;
            count[j] = 0;
            m++;
          }
        }
      }
      continue;
    }
    for (let w2 = (i + 1) >>> 15; w2 < n2; w2++) {
      let b2 = bits2[w2]!;
      if (b2 === 0) continue;
      bits2[w2] = 0;
      while (b2 !== 0) {
        const low2 = b2 & -b2;
        b2 ^= low2;
        const w1 = (w2 << 5) | (31 - Math.clz32(low2));
        let b1 = bits1[w1]!;
        bits1[w1] = 0;
        while (b1 !== 0) {
          const low1 = b1 & -b1;
          b1 ^= low1;
          const w0 = (w1 << 5) | (31 - Math.clz32(low1));
          let b0 = bits0[w0]!;
          bits0[w0] = 0;
          while (b0 !== 0) {
            const low0 = b0 & -b0;
            b0 ^= low0;
            const j = (w0 << 5) | (31 - Math.clz32(low0));
            tgt[m] = j;
            shared[m] = count[j]!;
            count[j] = 0;
            m++;
          }
        }
      }
    }
  }
  rowStart[n] = m;
  return { length: m, rowStart, tgt: fitted(tgt, m), shared: fitted(shared, m) };
}

/** Next capacity (doubling, at most the pair meetings) for `need` ties (the ties so far plus the row's meetings), or the typed error past `MAX_TIES`. */
function grownSize(capacity: number, need: number, pairs: number, i: number, n: number): number {
  if (need > MAX_TIES)
    throw new MycorrhizaError(
      `accumulatePairs: the projection would have more than ${MAX_TIES} ties (reached ${need} after ${i + 1} of ${n} actors). Restrict the window (from/to) or set maxEventSize to leave very large events out of the ties.`,
    );
  return Math.min(Math.max(need, 2 * capacity), pairs, MAX_TIES);
}

function grown(a: Int32Array, used: number, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a.subarray(0, used));
  return b;
}

/**
 * The first `m` entries of a column buffer: a view when at most half of the buffer is unused (the unused
 * tail was never written, so its pages are never touched, while a copy would touch as many new ones), else
 * an exact copy.
 */
function fitted(a: Int32Array, m: number): Int32Array {
  if (m === a.length) return a;
  return a.length - m <= a.length / 2 ? a.subarray(0, m) : a.slice(0, m);
}

/**
 * `newman`, `firstEvent` and `lastEvent`: for each actor i, `slot[j]` is set to the tie number of (i, j) in i's
 * sorted row; then each meeting of i and j adds 1/(n_e − 1) to that tie and sets the event as its last (and,
 * at the first meeting, where the sum is still 0, as its first). Events are walked chronologically, so the
 * sums are added in event order.
 */
function tieDetails(
  inc: Incidence,
  tr: Transpose,
  rowStart: Int32Array,
  tgt: Int32Array,
): { newman: Float64Array; firstEvent: Int32Array; lastEvent: Int32Array } {
  const n = inc.actorCount;
  const { start, members, eventFrom } = inc;
  const { aStart, aPos, aEvent, inverse } = tr;
  const m = tgt.length;
  const newman = new Float64Array(m);
  const firstEvent = new Int32Array(m);
  const lastEvent = new Int32Array(m);
  const slot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = rowStart[i]!;
    const end = rowStart[i + 1]!;
    if (base === end) continue;
    for (let t = base; t < end; t++) slot[tgt[t]!] = t;
    for (let a = aStart[i]!, aEnd = aStart[i + 1]!; a < aEnd; a++) {
      const k = aEvent[a]!;
      const nw = inverse[k]!;
      if (nw === 0) continue;
      const e = eventFrom + k;
      // Members are ascending, so the co-members j > i are those after i's own position.
      for (let x = aPos[a]! + 1, hi = start[k + 1]!; x < hi; x++) {
        const t = slot[members[x]!]!;
        const sum = newman[t]!;
        if (sum === 0) firstEvent[t] = e;
        newman[t] = sum + nw;
        lastEvent[t] = e;
      }
    }
  }
  return { newman, firstEvent, lastEvent };
}

/**
 * `weighted` and `hours` (either may be null: not wanted): the same walk as `tieDetails` (same chronological
 * order, so the same floating-point sums). `weighted` starts at -0, which x + -0 leaves as x, and `hours` at
 * NaN (no duration known yet).
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
  const { aStart, aPos, aEvent, inverse } = tr;
  const slot = new Int32Array(n);
  if (weighted) weighted.fill(-0);
  if (hours) hours.fill(NaN);
  for (let i = 0; i < n; i++) {
    const base = rowStart[i]!;
    const end = rowStart[i + 1]!;
    if (base === end) continue;
    for (let t = base; t < end; t++) slot[tgt[t]!] = t;
    for (let a = aStart[i]!, aEnd = aStart[i + 1]!; a < aEnd; a++) {
      const k = aEvent[a]!;
      if (inverse[k] === 0) continue;
      const w = eventWeight[k]!;
      const h = eventHours[k]!;
      const known = h === h;
      for (let x = aPos[a]! + 1, hi = start[k + 1]!; x < hi; x++) {
        const t = slot[members[x]!]!;
        if (weighted) weighted[t]! += w;
        if (hours && known) hours[t] = hours[t] === hours[t] ? hours[t]! + h : h;
      }
    }
  }
}

/** The sources of each tie, from the CSR. */
function sourceColumn(rowStart: Int32Array, m: number): Int32Array {
  const src = new Int32Array(m);
  for (let i = 0, n = rowStart.length - 1; i < n; i++) src.fill(i, rowStart[i]!, rowStart[i + 1]!);
  return src;
}

/** What the deferred columns are computed from (released once all of them are). */
interface Pending {
  inc: Incidence;
  tr: Transpose;
  eventWeight: Float64Array;
  eventHours: Float64Array;
}

/**
 * Wrap the sorted rows as a `PairTable` whose other columns are computed on first read and cached: `src`
 * from `rowStart`; `newman`, `firstEvent` and `lastEvent` together; `weighted` (= `shared` when
 * `uniformWeight`) and `hours` (all NaN unless `hoursKnown`) together. Every column can also be replaced.
 */
function pairTable(rows: SortedRows, pending: Pending, uniformWeight: boolean, hoursKnown: boolean): PairTable {
  const { length: m, tgt, shared, rowStart } = rows;
  const n = rowStart.length - 1;
  let from: Pending | null = pending;
  let src: Int32Array | null = null;
  let newman: Float64Array | null = null;
  let firstEvent: Int32Array | null = null;
  let lastEvent: Int32Array | null = null;
  let weighted: Float64Array | null = null;
  let hours: Float64Array | null = null;
  // The walks need the incidence and its transpose until every column that needs a walk is built.
  const release = (): void => {
    const detailsDone = newman !== null && firstEvent !== null && lastEvent !== null;
    const weightsDone = (uniformWeight || weighted !== null) && (!hoursKnown || hours !== null);
    if (detailsDone && weightsDone) from = null;
  };
  const details = (): void => {
    const d = tieDetails(from!.inc, from!.tr, rowStart, tgt);
    newman ??= d.newman;
    firstEvent ??= d.firstEvent;
    lastEvent ??= d.lastEvent;
    release();
  };
  const weights = (): void => {
    const w = weighted === null && !uniformWeight ? new Float64Array(m) : null;
    const h = hours === null && hoursKnown ? new Float64Array(m) : null;
    if (w !== null || h !== null) weightPass(from!.inc, from!.tr, rowStart, tgt, from!.eventWeight, from!.eventHours, w, h);
    if (weighted === null) {
      weighted = w ?? new Float64Array(m);
      if (w === null) weighted.set(shared);
    }
    hours ??= h ?? new Float64Array(m).fill(NaN);
    release();
  };
  return {
    length: m,
    get src(): Int32Array {
      return (src ??= sourceColumn(rowStart, m));
    },
    set src(value: Int32Array) {
      src = value;
    },
    tgt,
    shared,
    get newman(): Float64Array {
      if (newman === null) details();
      return newman!;
    },
    set newman(value: Float64Array) {
      newman = value;
      release();
    },
    get firstEvent(): Int32Array {
      if (firstEvent === null) details();
      return firstEvent!;
    },
    set firstEvent(value: Int32Array) {
      firstEvent = value;
      release();
    },
    get lastEvent(): Int32Array {
      if (lastEvent === null) details();
      return lastEvent!;
    },
    set lastEvent(value: Int32Array) {
      lastEvent = value;
      release();
    },
    rowStart,
    uniformWeight,
    hoursKnown,
    get weighted(): Float64Array {
      if (weighted === null) weights();
      return weighted!;
    },
    set weighted(value: Float64Array) {
      weighted = value;
      release();
    },
    get hours(): Float64Array {
      if (hours === null) weights();
      return hours!;
    },
    set hours(value: Float64Array) {
      hours = value;
      release();
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
