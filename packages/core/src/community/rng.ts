/** A small seeded PRNG (mulberry32): the same seed gives the same stream in Node and in the browser. */

/** Returns a function yielding floats in [0, 1) from a 32-bit seed. */
export function createRng(seed: number): () => number {
  let a = (Math.floor(seed) >>> 0) ^ 0x6d2b79f5;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
