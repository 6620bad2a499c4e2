/**
 * A small seeded pseudo-random generator for the built-in examples: mulberry32 (Tommy Ettinger, 2017), a 32-bit
 * state generator with a 2^32 period: fast and statistically fine for a few thousand story choices (not for
 * cryptography or huge simulations). Same seed, same sequence on every platform (32-bit integer arithmetic only).
 */

/** A seeded source of random choices. Every helper draws from the one stream, so order of calls matters. */
export interface ExampleRng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max] (both inclusive). */
  between(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. Throws on an empty list (a bug in the story, never a user error). */
  pick<T>(items: readonly T[]): T;
  /** One element with probability proportional to its weight (weights >= 0, at least one > 0). */
  pickWeighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** Up to k distinct elements, in random order (partial Fisher–Yates on a copy). */
  sample<T>(items: readonly T[], k: number): T[];
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Create the example generator's random source from an integer seed. */
export function createRng(seed: number): ExampleRng {
  const next = mulberry32(seed);
  const int = (n: number): number => Math.floor(next() * n);
  function sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const m = Math.min(Math.max(0, k), copy.length);
    for (let i = 0; i < m; i++) {
      const j = i + int(copy.length - i);
      const t = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = t;
    }
    return copy.slice(0, m);
  }
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('examples: pick() from an empty list');
      return items[int(items.length)]!;
    },
    pickWeighted<T>(items: readonly T[], weight: (item: T) => number): T {
      let total = 0;
      for (const item of items) total += weight(item);
      if (!(total > 0)) throw new RangeError('examples: pickWeighted() with no positive weight');
      let r = next() * total;
      for (const item of items) {
        r -= weight(item);
        if (r < 0) return item;
      }
      // Floating-point rest: return the last item with a positive weight.
      for (let i = items.length - 1; i >= 0; i--) if (weight(items[i]!) > 0) return items[i]!;
      throw new RangeError('examples: pickWeighted() found no item');
    },
    sample,
    shuffle: (items) => sample(items, items.length),
  };
}
