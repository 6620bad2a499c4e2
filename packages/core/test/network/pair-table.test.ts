/**
 * The projection kernel `accumulatePairs` on incidences built by hand: a wide actor index space (so that the
 * three-level bitmap that sorts each row uses several words on every level), against a naive pair-by-pair
 * reference with Maps; every column bit-identical (Object.is), read in different orders (the columns other
 * than `tgt`, `shared` and `rowStart` are built on first read); assigned columns; the exact-size copy when
 * most pair meetings repeat; no ties at all. Seeded (mulberry32), deterministic.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/examples/rng.js';
import { accumulatePairs, type Incidence, type PairTable } from '../../src/index.js';

interface Built {
  inc: Incidence;
  weight: Float64Array;
  hours: Float64Array;
}

/** Events over `actors` ids: mostly drawn from a small pool (repeat meetings), some from the whole range. */
function build(seed: number, actors: number, events: number, opts: { weights: boolean; hours: boolean }): Built {
  const rnd = mulberry32(seed);
  const pool = Array.from({ length: 60 }, () => Math.floor(rnd() * actors));
  pool.push(0, 31, 32, 1023, 1024, 32767, 32768, actors - 1); // word and level boundaries
  const start = [0];
  const members: number[] = [];
  const ties: number[] = [];
  for (let k = 0; k < events; k++) {
    const size = Math.floor(rnd() * 9); // 0 .. 8, single-member and empty events included
    const set = new Set<number>();
    for (let s = 0; s < size; s++) set.add(rnd() < 0.7 ? pool[Math.floor(rnd() * pool.length)]! : Math.floor(rnd() * actors));
    members.push(...[...set].sort((u, v) => u - v));
    start.push(members.length);
    ties.push(rnd() < 0.9 ? 1 : 0);
  }
  const weight = new Float64Array(events).fill(1);
  const hours = new Float64Array(events).fill(NaN);
  for (let k = 0; k < events; k++) {
    if (opts.weights) weight[k] = [1, 0.25, 2, 0.1][Math.floor(rnd() * 4)]!;
    if (opts.hours && rnd() < 0.6) hours[k] = [0.5, 1.5, 3.25][Math.floor(rnd() * 3)]!;
  }
  const inc: Incidence = {
    eventFrom: 7,
    eventCount: events,
    actorCount: actors,
    start: Int32Array.from(start),
    members: Int32Array.from(members),
    ties: Uint8Array.from(ties),
  };
  return { inc, weight, hours };
}

interface Ref {
  i: number;
  j: number;
  shared: number;
  newman: number;
  first: number;
  last: number;
  weighted: number;
  hours: number;
}

/** Pair by pair, events in order (the same order of floating-point additions as the kernel). */
function reference({ inc, weight, hours }: Built): Ref[] {
  const ties = new Map<number, Ref>();
  for (let k = 0; k < inc.eventCount; k++) {
    const lo = inc.start[k]!;
    const hi = inc.start[k + 1]!;
    if (!inc.ties[k] || hi - lo < 2) continue;
    for (let x = lo; x < hi; x++) {
      for (let y = x + 1; y < hi; y++) {
        const i = inc.members[x]!;
        const j = inc.members[y]!;
        const key = i * inc.actorCount + j;
        const nw = 1 / (hi - lo - 1);
        const h = hours[k]!;
        const t = ties.get(key);
        if (!t) ties.set(key, { i, j, shared: 1, newman: nw, first: inc.eventFrom + k, last: inc.eventFrom + k, weighted: weight[k]!, hours: h });
        else {
          t.shared++;
          t.newman += nw;
          t.last = inc.eventFrom + k;
          t.weighted += weight[k]!;
          if (h === h) t.hours = t.hours === t.hours ? t.hours + h : h;
        }
      }
    }
  }
  return [...ties.values()].sort((u, v) => u.i - v.i || u.j - v.j);
}

type Column = 'src' | 'tgt' | 'shared' | 'newman' | 'firstEvent' | 'lastEvent' | 'weighted' | 'hours';
const FIELD: Record<Column, keyof Ref> = {
  src: 'i',
  tgt: 'j',
  shared: 'shared',
  newman: 'newman',
  firstEvent: 'first',
  lastEvent: 'last',
  weighted: 'weighted',
  hours: 'hours',
};

function expectColumns(table: PairTable, want: Ref[], order: readonly Column[]): void {
  expect(table.length).toBe(want.length);
  for (const c of order) {
    const col = table[c];
    expect(col.length, c).toBe(want.length);
    for (let t = 0; t < want.length; t++) {
      if (!Object.is(col[t], want[t]![FIELD[c]])) expect(`${c}[${t}] = ${col[t]}`).toBe(`${c}[${t}] = ${want[t]![FIELD[c]]}`);
    }
  }
  const n = table.rowStart.length - 1;
  const rowStart = new Int32Array(n + 1);
  for (const w of want) rowStart[w.i + 1]!++;
  for (let i = 0; i < n; i++) rowStart[i + 1]! += rowStart[i]!;
  let bad = -1;
  for (let i = 0; i <= n && bad < 0; i++) if (table.rowStart[i] !== rowStart[i]) bad = i;
  expect(bad, `rowStart[${bad}] = ${table.rowStart[bad]}, want ${rowStart[bad]}`).toBe(-1);
}

const ALL: readonly Column[] = ['src', 'tgt', 'shared', 'newman', 'firstEvent', 'lastEvent', 'weighted', 'hours'];

describe('accumulatePairs', () => {
  it('equals the pair-by-pair reference on a wide index space (bitmap levels 1 and 2), whatever the read order', () => {
    for (const [seed, opts] of [
      [1, { weights: false, hours: false }],
      [2, { weights: true, hours: false }],
      [3, { weights: false, hours: true }],
      [4, { weights: true, hours: true }],
    ] as const) {
      const built = build(seed, 70_000, 400, opts);
      const want = reference(built);
      expect(want.length).toBeGreaterThan(500);
      const a = accumulatePairs(built.inc, built.weight, built.hours);
      expect(a.uniformWeight).toBe(!opts.weights);
      expect(a.hoursKnown).toBe(opts.hours);
      expectColumns(a, want, ALL);
      // Deferred columns first, in reverse: the same values.
      const b = accumulatePairs(built.inc, built.weight, built.hours);
      expectColumns(b, want, [...ALL].reverse());
      // `find` in both orders, and misses.
      for (let t = 0; t < want.length; t += 7) {
        expect(a.find(want[t]!.i, want[t]!.j)).toBe(t);
        expect(a.find(want[t]!.j, want[t]!.i)).toBe(t);
      }
      expect(a.find(-1, 3)).toBe(-1);
      expect(a.find(3, 70_000)).toBe(-1);
    }
  });

  it('reads of one deferred group do not change another; assigned columns are kept', () => {
    const built = build(5, 40_000, 300, { weights: true, hours: true });
    const want = reference(built);
    const a = accumulatePairs(built.inc, built.weight, built.hours);
    expectColumns(a, want, ['hours']);
    const mine = new Float64Array(a.length).fill(9);
    a.newman = mine;
    expect(a.newman).toBe(mine);
    expectColumns(a, want, ['firstEvent', 'lastEvent', 'weighted', 'src']);
    expect(a.newman).toBe(mine);
    const src = new Int32Array(a.length);
    a.src = src;
    expect(a.src).toBe(src);
  });

  it('cuts the columns to the exact tie count when most pair meetings repeat', () => {
    // 30 meetings of the same five people: 300 pair meetings, 10 ties.
    const members: number[] = [];
    const start = [0];
    for (let k = 0; k < 30; k++) {
      members.push(2, 40_000, 40_001, 65_000, 65_535);
      start.push(members.length);
    }
    const built: Built = {
      inc: { eventFrom: 0, eventCount: 30, actorCount: 65_536, start: Int32Array.from(start), members: Int32Array.from(members), ties: new Uint8Array(30).fill(1) },
      weight: new Float64Array(30).fill(1),
      hours: new Float64Array(30).fill(NaN),
    };
    const a = accumulatePairs(built.inc, built.weight, built.hours);
    expect(a.length).toBe(10);
    expect(a.tgt.buffer.byteLength).toBe(4 * 10);
    expect(a.shared.buffer.byteLength).toBe(4 * 10);
    expectColumns(a, reference(built), ALL);
    expect([...a.shared]).toEqual(new Array(10).fill(30));
  });

  it('has no ties when no tie-creating event has two actors', () => {
    const inc: Incidence = {
      eventFrom: 0,
      eventCount: 3,
      actorCount: 5,
      start: Int32Array.from([0, 1, 3, 3]),
      members: Int32Array.from([4, 0, 1]),
      ties: Uint8Array.from([1, 0, 1]),
    };
    const a = accumulatePairs(inc, new Float64Array(3).fill(2), new Float64Array(3).fill(1));
    expect(a.length).toBe(0);
    expect([...a.rowStart]).toEqual([0, 0, 0, 0, 0, 0]);
    for (const c of ALL) expect(a[c].length).toBe(0);
    expect(a.find(0, 1)).toBe(-1);
  });
});
