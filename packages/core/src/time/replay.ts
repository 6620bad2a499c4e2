/**
 * Incremental replay of an attendance model, event by event in date order: pair counts in a hash, union-find
 * for components (components only merge as a cumulative view moves forward; Tarjan 1975,
 * doi:10.1145/321879.321884) and Fenwick trees that bucket ties by their last shared event and people by their
 * last attendance, so the fading and active counts of any as-of date are prefix sums. Replaying a whole model
 * costs Σ_e n_e² (like one network build) plus O(log E) per pair update.
 */
import { InvalidOptionError } from '../errors.js';
import type { StrengthBasis } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import { Fenwick } from './fenwick.js';
import { eventColumns } from '../network/pair-table.js';
import { createParticipants, eventParticipants, eventSize, newStaffAt, resolveExclusion } from './participation.js';
import type { Exclusion } from './participation.js';

/** Options of the replay (the tie rules shared with the network builders). */
export interface ReplayOptions {
  /** Events with more than this many participants create no ties. Default: null (no limit). */
  maxEventSize?: number | null;
  /** Weight per event type for the `weighted` basis. Default: {}. */
  eventTypeWeights?: Readonly<Record<string, number>>;
  /** Strong threshold. Default: 3. */
  strongMin?: number;
  /** `shared_events` or `weighted` (`significant` needs whole snapshots). Default: "shared_events". */
  strengthBasis?: StrengthBasis;
  /** Organisation left out with its staff, by id or name. Default: null. */
  exclude?: string | null;
}

/**
 * Growable typed arrays for the tie table, with an open-addressing hash of the pairs over the tie numbers
 * (linear probing, load at most 1/2): 8 bytes of index per tie instead of a `Map` entry (tens of bytes, and a
 * `Map` holds at most 2^24 entries, fewer than the person ties of a few million attendance rows).
 */
class TieTable {
  a = new Int32Array(256);
  b = new Int32Array(256);
  shared = new Int32Array(256);
  last = new Int32Array(256);
  weighted = new Float64Array(256);
  strong = new Uint8Array(256);
  size = 0;
  /** Hash slots: tie number + 1, 0 when empty. */
  private slots = new Int32Array(1024);
  private mask = 1023;
  strongCount = 0;
  /** Ties bucketed by the event index of their last shared event. */
  readonly byLast: Fenwick;
  /** Ties bucketed by the event index of their first shared event. */
  readonly byFirst: Fenwick;

  constructor(events: number) {
    this.byLast = new Fenwick(events);
    this.byFirst = new Fenwick(events);
  }

  private static slotOf(lo: number, hi: number, mask: number): number {
    let h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi ^ (hi >>> 15), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h & mask;
  }

  private grow(): void {
    const cap = this.a.length * 2;
    const g = <T extends Int32Array | Float64Array | Uint8Array>(arr: T, make: (n: number) => T): T => {
      const next = make(cap);
      next.set(arr);
      return next;
    };
    this.a = g(this.a, (n) => new Int32Array(n));
    this.b = g(this.b, (n) => new Int32Array(n));
    this.shared = g(this.shared, (n) => new Int32Array(n));
    this.last = g(this.last, (n) => new Int32Array(n));
    this.weighted = g(this.weighted, (n) => new Float64Array(n));
    this.strong = g(this.strong, (n) => new Uint8Array(n));
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let t = 0; t < this.size; t++) {
      let s = TieTable.slotOf(this.a[t]!, this.b[t]!, mask);
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = t + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Tie number of the pair (lo, hi), or -1 - (the empty slot where it would go). */
  private lookup(lo: number, hi: number): number {
    const { slots, mask, a, b } = this;
    let s = TieTable.slotOf(lo, hi, mask);
    for (;;) {
      const v = slots[s]!;
      if (v === 0) break;
      if (a[v - 1] === lo && b[v - 1] === hi) return v - 1;
      s = (s + 1) & mask;
    }
    return -1 - s;
  }

  /** Record one shared event of the pair (lo, hi); returns true when the tie is new. */
  touch(lo: number, hi: number, e: number, weight: number, basis: StrengthBasis, strongMin: number): boolean {
    let t = this.lookup(lo, hi);
    const isNew = t < 0;
    if (t < 0) {
      if (this.size === this.a.length) this.grow();
      if (2 * (this.size + 1) > this.slots.length) {
        this.rehash();
        t = this.lookup(lo, hi);
      }
      const slot = -1 - t;
      t = this.size++;
      this.slots[slot] = t + 1;
      this.a[t] = lo;
      this.b[t] = hi;
      this.byLast.add(e, 1);
      this.byFirst.add(e, 1);
    } else if (this.last[t] !== e) {
      this.byLast.add(this.last[t]!, -1);
      this.byLast.add(e, 1);
    }
    this.last[t] = e;
    this.shared[t]!++;
    this.weighted[t]! += weight;
    if (this.strong[t] === 0) {
      const value = basis === 'weighted' ? this.weighted[t]! : this.shared[t]!;
      if (value >= strongMin) {
        this.strong[t] = 1;
        this.strongCount++;
      }
    }
    return isNew;
  }
}

/** Union-find with sizes, counting components over the nodes added so far. */
class Components {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  count = 0;
  largest = 0;

  constructor(n: number) {
    this.parent = new Int32Array(n).fill(-1);
    this.size = new Int32Array(n);
  }

  add(x: number): void {
    if (this.parent[x] !== -1) return;
    this.parent[x] = x;
    this.size[x] = 1;
    this.count++;
    if (this.largest < 1) this.largest = 1;
  }

  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }

  union(x: number, y: number): void {
    let a = this.find(x), b = this.find(y);
    if (a === b) return;
    if (this.size[a]! < this.size[b]!) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a]! += this.size[b]!;
    this.count--;
    if (this.size[a]! > this.largest) this.largest = this.size[a]!;
  }
}

/** Counters of one side (people or organisations) of the replay. */
export interface ReplaySide {
  /** Seen so far (attended at least one replayed event). */
  seen: number;
  /** Seen at two or more distinct events. */
  repeat: number;
  ties: number;
  strongTies: number;
  components: number;
  largestComponent: number;
}

/** What one replayed event changed. */
export interface ReplayStep {
  /** Event index (chronological). */
  event: number;
  /** Participants counted against `maxEventSize` (people, or organisations when no person is named). */
  size: number;
  /** True when the event created or reinforced ties (not above `maxEventSize`). */
  tied: boolean;
  /** Distinct people and organisations present (after the exclusion). */
  people: number;
  organisations: number;
  /** People and organisations seen for the first time at this event. */
  newPersons: number;
  newOrganisations: number;
  /** Pairs at this event that were not tied before it. */
  newPersonTies: number;
  /** Pairs at this event that were already tied before it. */
  repeatedPersonTies: number;
  newOrganisationTies: number;
  repeatedOrganisationTies: number;
  /** True when staff of the excluded organisation appeared who had come before, so the state was rebuilt. */
  rebuilt: boolean;
}

type Level = 'person' | 'organisation';

/** A replay in progress; see `createReplay`. */
export interface Replay {
  readonly model: AttendanceModel;
  readonly exclusion: Exclusion;
  /** Index of the next event to replay. */
  readonly processed: number;
  /** How many times the state was rebuilt because earlier participants turned out to be convenor staff. */
  readonly rebuilds: number;
  readonly persons: Readonly<ReplaySide>;
  readonly organisations: Readonly<ReplaySide>;
  /** Replay the next event; returns null when all are done. */
  step(): ReplayStep | null;
  /** Ties whose last shared event index is below `eventIndex` (fading when `eventIndex` = first event on or after the fade cut-off). */
  tiesLastBefore(level: Level, eventIndex: number): number;
  /** Ties whose first shared event index is below `eventIndex`. */
  tiesFirstBefore(level: Level, eventIndex: number): number;
  /** People or organisations whose last attendance index is below `eventIndex`. */
  seenLastBefore(level: Level, eventIndex: number): number;
  /** People or organisations whose first attendance index is below `eventIndex`. */
  seenFirstBefore(level: Level, eventIndex: number): number;
  /** Raw tie columns of a level (read-only views; ties in order of creation). */
  ties(level: Level): Readonly<TieColumns>;
}

/** Per-tie columns kept by the replay. */
export interface TieColumns {
  a: Int32Array;
  b: Int32Array;
  shared: Int32Array;
  last: Int32Array;
  weighted: Float64Array;
  strong: Uint8Array;
  size: number;
}

function createSide(): ReplaySide {
  return { seen: 0, repeat: 0, ties: 0, strongTies: 0, components: 0, largestComponent: 0 };
}

/** The rebuildable state of one level. */
class LevelState {
  readonly ties: TieTable;
  readonly uf: Components;
  readonly last: Int32Array;
  readonly count: Int32Array;
  readonly byLast: Fenwick;
  readonly byFirst: Fenwick;
  readonly side = createSide();

  constructor(nodes: number, events: number) {
    this.ties = new TieTable(events);
    this.uf = new Components(nodes);
    this.last = new Int32Array(nodes).fill(-1);
    this.count = new Int32Array(nodes);
    this.byLast = new Fenwick(events);
    this.byFirst = new Fenwick(events);
  }

  /** Record attendance of node x at event e; true when x is new. */
  attend(x: number, e: number): boolean {
    const isNew = this.last[x] === -1;
    if (isNew) {
      this.side.seen++;
      this.uf.add(x);
      this.byFirst.add(e, 1);
    } else this.byLast.add(this.last[x]!, -1);
    this.byLast.add(e, 1);
    this.last[x] = e;
    if (++this.count[x]! === 2) this.side.repeat++;
    return isNew;
  }

  /** Tie every pair of `members[0..n-1]` at event e; returns [new, repeated]. */
  tieAll(members: Int32Array, n: number, e: number, weight: number, basis: StrengthBasis, strongMin: number): [number, number] {
    let fresh = 0, repeated = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const x = members[i]!, y = members[j]!;
        const lo = x < y ? x : y, hi = x < y ? y : x;
        if (this.ties.touch(lo, hi, e, weight, basis, strongMin)) {
          fresh++;
          this.uf.union(lo, hi);
        } else repeated++;
      }
    }
    return [fresh, repeated];
  }

  sync(): void {
    this.side.ties = this.ties.size;
    this.side.strongTies = this.ties.strongCount;
    this.side.components = this.uf.count;
    this.side.largestComponent = this.uf.largest;
  }
}

export const REPLAY_DEFAULTS: Readonly<Required<ReplayOptions>> = Object.freeze({
  maxEventSize: null,
  eventTypeWeights: Object.freeze({}) as Readonly<Record<string, number>>,
  strongMin: 3,
  strengthBasis: 'shared_events' as StrengthBasis,
  exclude: null,
});

/**
 * Start an incremental replay of `model` (events in chronological order) from event index `startEvent`.
 * Options are taken as given (validate them with the network options first). When a person who already came
 * turns out to be staff of the excluded organisation, the state is rebuilt from `startEvent` without them,
 * because the builders leave all their rows out of any window that contains a row for that organisation:
 * each such event costs one more pass over the events replayed so far (`rebuilds` counts them).
 */
export function createReplay(model: AttendanceModel, options: ReplayOptions = {}, who = 'createReplay', startEvent = 0): Replay {
  const o = { ...REPLAY_DEFAULTS, ...options };
  if (o.strengthBasis === 'significant')
    throw new InvalidOptionError(who, 'strengthBasis', o.strengthBasis, '"shared_events" or "weighted" for an incremental replay (use snapshots for "significant")');
  const exclusion = resolveExclusion(model, o.exclude, who);
  const nP = model.people.length, nO = model.organisations.length, nE = model.events.length;
  const { weight } = eventColumns(model.events, 0, nE, o.eventTypeWeights ?? {});
  const scratch = createParticipants(model);
  const first = Math.max(0, Math.min(startEvent, nE));
  let P = new LevelState(nP, nE);
  let O = new LevelState(nO, nE);
  let processed = first;
  let rebuilds = 0;

  function run(e: number): ReplayStep {
    eventParticipants(model, e, exclusion, scratch);
    const size = eventSize(scratch);
    const tied = o.maxEventSize == null || size <= o.maxEventSize;
    const out: ReplayStep = {
      event: e, size, tied, people: scratch.personCount, organisations: scratch.organisationCount, newPersons: 0, newOrganisations: 0, newPersonTies: 0, repeatedPersonTies: 0,
      newOrganisationTies: 0, repeatedOrganisationTies: 0, rebuilt: false,
    };
    const ps = scratch.persons, pc = scratch.personCount, os = scratch.organisations, oc = scratch.organisationCount;
    for (let i = 0; i < pc; i++) if (P.attend(ps[i]!, e)) out.newPersons++;
    for (let i = 0; i < oc; i++) if (O.attend(os[i]!, e)) out.newOrganisations++;
    if (tied) {
      const w = weight[e]!;
      [out.newPersonTies, out.repeatedPersonTies] = P.tieAll(ps, pc, e, w, o.strengthBasis, o.strongMin);
      [out.newOrganisationTies, out.repeatedOrganisationTies] = O.tieAll(os, oc, e, w, o.strengthBasis, o.strongMin);
    }
    P.sync();
    O.sync();
    return out;
  }

  function step(): ReplayStep | null {
    if (processed >= nE) return null;
    const e = processed++;
    let rebuild = false;
    for (const p of newStaffAt(model, e, exclusion)) {
      exclusion.staff[p] = 1;
      if (P.last[p] !== -1) rebuild = true;
    }
    if (rebuild) {
      rebuilds++;
      P = new LevelState(nP, nE);
      O = new LevelState(nO, nE);
      for (let k = first; k < e; k++) run(k);
    }
    const out = run(e);
    out.rebuilt = rebuild;
    return out;
  }

  return {
    model,
    exclusion,
    get processed() {
      return processed;
    },
    get rebuilds() {
      return rebuilds;
    },
    get persons() {
      return P.side;
    },
    get organisations() {
      return O.side;
    },
    step,
    tiesLastBefore: (level, k) => (level === 'person' ? P : O).ties.byLast.prefix(k),
    tiesFirstBefore: (level, k) => (level === 'person' ? P : O).ties.byFirst.prefix(k),
    seenLastBefore: (level, k) => (level === 'person' ? P : O).byLast.prefix(k),
    seenFirstBefore: (level, k) => (level === 'person' ? P : O).byFirst.prefix(k),
    ties: (level) => (level === 'person' ? P : O).ties,
  };
}
