/**
 * The reader's typed hash tables behave as a `Map` would: `createNumberTable` for 53-bit keys (set, setIfAbsent,
 * get, size) and `createPairIds` for dense ids of integer pairs, over random operations that force several
 * doublings and many collisions (property, against a Map reference).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNumberTable, createPairIds } from '../../src/io/int-tables.js';

const SEED = Number(process.env.FC_SEED ?? 20261121);
const key = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(0, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1));

describe('createNumberTable', () => {
  it('matches a Map under random set / setIfAbsent / get (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('set', 'setIfAbsent', 'get'), key, fc.double({ noNaN: true })), { maxLength: 4000 }), (ops) => {
        const t = createNumberTable();
        const m = new Map<number, number>();
        for (const [op, k, v] of ops) {
          if (op === 'set') {
            t.set(k, v);
            m.set(k, v);
          } else if (op === 'setIfAbsent') {
            t.setIfAbsent(k, v);
            if (!m.has(k)) m.set(k, v);
          } else expect(t.get(k)).toBe(m.get(k));
        }
        expect(t.size).toBe(m.size);
        for (const [k, v] of m) expect(t.get(k)).toBe(v);
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});

describe('createPairIds', () => {
  it('gives dense ids in order of first appearance, like a Map on "a,b" (property)', () => {
    const int = fc.oneof(fc.integer({ min: -5, max: 60 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), int, int), { maxLength: 4000 }), (ops) => {
        const t = createPairIds();
        const m = new Map<string, number>();
        for (const [add, a, b] of ops) {
          const k = `${a},${b}`;
          if (add) {
            if (!m.has(k)) m.set(k, m.size);
            expect(t.add(a, b)).toBe(m.get(k));
          } else expect(t.get(a, b)).toBe(m.get(k) ?? -1);
        }
        expect(t.size).toBe(m.size);
      }),
      { numRuns: 60, seed: SEED + 1 },
    );
  });
});
