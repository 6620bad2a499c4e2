import { describe, expect, it } from 'vitest';
import { createRng, mulberry32 } from '../../src/examples/rng.js';

describe('mulberry32(seed)', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = mulberry32(42), b = mulberry32(42), c = mulberry32(43);
    const sa = Array.from({ length: 5 }, a), sb = Array.from({ length: 5 }, b), sc = Array.from({ length: 5 }, c);
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('matches the reference implementation on its first outputs for seed 0', () => {
    // Reference: mulberry32 as published by Tommy Ettinger (2017, also in bryc's "PRNGs" collection), recomputed
    // here with BigInt arithmetic so the expected values do not depend on Math.imul or 32-bit coercions.
    const ref = (seed: number) => {
      let a = BigInt(seed >>> 0);
      const M = 1n << 32n;
      const imul = (x: bigint, y: bigint) => (x * y) % M;
      return () => {
        a = (a + 0x6d2b79f5n) % M;
        let t = a;
        t = imul(t ^ (t >> 15n), t | 1n);
        t ^= (t + imul(t ^ (t >> 7n), t | 61n)) % M;
        return Number((t ^ (t >> 14n)) % M) / 4294967296;
      };
    };
    for (const seed of [0, 1, 2022, 0xffffffff]) {
      const r = ref(seed), m = mulberry32(seed);
      for (let i = 0; i < 50; i++) expect(m()).toBe(r());
    }
  });

  it('is roughly uniform on [0, 1) (mean 0.5 ± 0.005 and ten equal bins within 3% over 200 000 draws)', () => {
    const next = mulberry32(7);
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    const n = 200_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      bins[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    for (const b of bins) expect(Math.abs(b / (n / 10) - 1)).toBeLessThan(0.03);
  });
});

describe('createRng(seed)', () => {
  it('samples distinct elements and shuffles into a permutation', () => {
    const rng = createRng(3);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const s = rng.sample(items, 8);
    expect(new Set(s).size).toBe(8);
    expect(rng.sample(items, 50).length).toBe(20);
    expect([...rng.shuffle(items)].sort((x, y) => x - y)).toEqual(items);
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('keeps between() inside its bounds and pickWeighted() away from weight-0 items', () => {
    const rng = createRng(9);
    for (let i = 0; i < 1000; i++) {
      const v = rng.between(4, 8);
      expect(v >= 4 && v <= 8 && Number.isInteger(v)).toBe(true);
      expect(rng.pickWeighted(['a', 'b', 'c'], (x) => (x === 'b' ? 0 : 1))).not.toBe('b');
    }
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.pickWeighted(['a'], () => 0)).toThrow(RangeError);
  });
});
