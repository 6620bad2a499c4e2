/**
 * Hash tables on numbers in typed arrays (open addressing, linear probing, doubled at half load) for the
 * reader's per-row bookkeeping: a few bytes per distinct key instead of a `Map` entry and a boxed number each,
 * and no string key per row. Insertion order is not kept (callers only look keys up).
 */

/** Mixes two 32-bit integers into a 32-bit hash (murmur3 finaliser steps). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

/** A map from non-negative integers below 2^53 to numbers. */
export interface NumberTable {
  /** The value for `key`, or `undefined`. */
  get(key: number): number | undefined;
  /** Set `key` to `value` (replacing an earlier value). */
  set(key: number, value: number): void;
  /** Set `key` to `value` unless `key` has a value already (one probe instead of `get` then `set`). */
  setIfAbsent(key: number, value: number): void;
  readonly size: number;
}

/** A fresh `NumberTable`. */
export function createNumberTable(): NumberTable {
  let cap = 1 << 10;
  let keys = new Float64Array(cap);
  let vals = new Float64Array(cap);
  let used = new Uint8Array(cap);
  let size = 0;
  const slot = (key: number): number => {
    const mask = cap - 1;
    let i = mix(key >>> 0, Math.floor(key / 0x100000000)) & mask;
    while (used[i] && keys[i] !== key) i = (i + 1) & mask;
    return i;
  };
  return {
    get(key) {
      const i = slot(key);
      return used[i] ? vals[i] : undefined;
    },
    set(key, value) {
      put(key, value, true);
    },
    setIfAbsent(key, value) {
      put(key, value, false);
    },
    get size() {
      return size;
    },
  };
  function put(key: number, value: number, replace: boolean): void {
    let i = slot(key);
    if (!used[i]) {
      if (2 * (size + 1) > cap) {
        const k0 = keys, v0 = vals, u0 = used, c0 = cap;
        cap *= 2;
        keys = new Float64Array(cap);
        vals = new Float64Array(cap);
        used = new Uint8Array(cap);
        for (let j = 0; j < c0; j++) {
          if (!u0[j]) continue;
          const s = slot(k0[j]!);
          used[s] = 1;
          keys[s] = k0[j]!;
          vals[s] = v0[j]!;
        }
        i = slot(key);
      }
      used[i] = 1;
      keys[i] = key;
      size++;
    } else if (!replace) return;
    vals[i] = value;
  }
}

/** Dense ids for pairs of 32-bit integers: the first pair seen gets 0, the next new one 1, and so on. */
export interface PairIds {
  /** The id of (a, b), or -1 when the pair was never added. */
  get(a: number, b: number): number;
  /** The id of (a, b), a new one (`size` before the call) when the pair is new. */
  add(a: number, b: number): number;
  readonly size: number;
}

/** A fresh `PairIds`. */
export function createPairIds(): PairIds {
  // Per slot: a, b and the id (-1: empty), side by side so that a probe touches one cache line.
  let cap = 1 << 10;
  let slots = new Int32Array(cap * 3).fill(-1);
  let size = 0;
  const slot = (a: number, b: number): number => {
    const mask = cap - 1;
    let i = mix(a, b) & mask;
    while (slots[3 * i + 2] !== -1 && (slots[3 * i] !== a || slots[3 * i + 1] !== b)) i = (i + 1) & mask;
    return i;
  };
  return {
    get(a, b) {
      return slots[3 * slot(a, b) + 2]!;
    },
    add(a, b) {
      let i = slot(a, b);
      if (slots[3 * i + 2] !== -1) return slots[3 * i + 2]!;
      if (2 * (size + 1) > cap) {
        const old = slots, c0 = cap;
        cap *= 2;
        slots = new Int32Array(cap * 3).fill(-1);
        for (let j = 0; j < c0; j++) {
          if (old[3 * j + 2] === -1) continue;
          const s = slot(old[3 * j]!, old[3 * j + 1]!);
          slots[3 * s] = old[3 * j]!;
          slots[3 * s + 1] = old[3 * j + 1]!;
          slots[3 * s + 2] = old[3 * j + 2]!;
        }
        i = slot(a, b);
      }
      slots[3 * i] = a;
      slots[3 * i + 1] = b;
      slots[3 * i + 2] = size;
      return size++;
    },
    get size() {
      return size;
    },
  };
}
