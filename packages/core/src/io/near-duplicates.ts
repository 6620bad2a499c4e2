/**
 * Near-duplicate names ("CAW Antwerpen" / "C.A.W. Antwerpen" / "CAW Antwerp") suggested, never merged.
 * Similarity is Jaro–Winkler (Winkler 1990, "String comparator metrics and enhanced decision rules in the
 * Fellegi-Sunter model of record linkage") on a key without case, accents, spaces or punctuation, and on the
 * same key with its words sorted. Candidate pairs come from blocking, not from all n² pairs: names sharing a
 * loose key, plus a sorted-neighbourhood window (Hernández & Stolfo 1995, doi:10.1145/223784.223807) over
 * three orderings (key, reversed key, sorted words). Cost: O(n log n + 3·n·window) comparisons.
 * Speed without changing a result (near-duplicates-*.test.ts compare it with an earlier version):
 * - names sharing no numbers are never compared, so codes such as P0000931 cost one pass over their digits
 *   (hashed, no string built) and nothing else;
 * - every name's keys are runs of code unit arrays (no string per name); each ordering sorts small integers
 *   packing the next few symbols and the index with the built-in numeric sort, round by round for ties;
 * - a pair is skipped when its Jaro–Winkler upper bound (every common letter matched in place, no
 *   transposition, its prefix bonus) is below the floor: first from the lengths and the letters either name
 *   lacks (bit masks), then counting common letters until too many are unmatched;
 * - the floor rises from the threshold to the lowest score that can still be among the `limit` best found so
 *   far (a pair below it can never be kept), so most pairs of a large input are never scored;
 * - Jaro–Winkler itself is bit-parallel for keys up to 30 code units (same matches, same number);
 * - word pairs are compared once, and suggestion objects and fix texts are made for kept pairs only.
 * The work is split in functions with one main loop each, so that the JIT compiles each once with its type
 * feedback complete (the first call is what counts: `readAttendance` calls this once per read).
 */
import { InvalidOptionError } from '../errors.js';
import { formatCsvValue } from '../export/csv.js';
import { nameKey } from '../model/identity.js';
import { assertInteger, assertNumber, resolveOptions } from '../options.js';
import type { Suggestion } from './types.js';

/** Options of `findNearDuplicates`. */
export interface NearDuplicateOptions {
  /** Smallest similarity reported, in [0, 1]. Default: 0.92. */
  threshold?: number;
  /** Neighbours compared in each sorted order (an integer ≥ 0). Default: 8. */
  window?: number;
  /** Most suggestions returned (best first; an integer ≥ 0, or Infinity). Default: 1000. */
  limit?: number;
}

/** Defaults of `findNearDuplicates`. */
export const NEAR_DUPLICATE_DEFAULTS: Readonly<Required<NearDuplicateOptions>> = Object.freeze({ threshold: 0.92, window: 8, limit: 1000 });

/** Match flags of `jaroWinkler`, reused between calls (grown on demand): no allocation per comparison. */
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Code units of the two strings `jaroWinkler` compares, reused between calls (grown on demand). */
let scratch = new Uint16Array(128);

/** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length, lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (scratch.length < la + lb) scratch = new Uint16Array(2 * (la + lb));
  for (let k = 0; k < la; k++) scratch[k] = a.charCodeAt(k);
  for (let k = 0; k < lb; k++) scratch[la + k] = b.charCodeAt(k);
  return jaroWinklerAt(scratch, 0, la, la, lb);
}

/** Bit masks of the positions of each code unit in the second string of `jaroWinklerAt` (cleared after use). */
const positionsOf = new Int32Array(65536);

/**
 * Jaro–Winkler of two non-empty runs of code units of `buf` (at `oa`, `ob`, lengths `la`, `lb`): the same
 * arithmetic, hence the same number, as `jaroWinkler` on the two different strings they hold. Up to 30 code
 * units, bit-parallel: each code unit of the first string takes the lowest unmatched position of the same code
 * unit in the second within the match range (as the loop does), found with bit masks.
 */
function jaroWinklerAt(buf: Uint16Array, oa: number, la: number, ob: number, lb: number): number {
  if (la > 30 || lb > 30) return jaroWinklerLoop(buf, oa, la, ob, lb);
  const range = (la > lb ? la : lb) >> 1 > 0 ? ((la > lb ? la : lb) >> 1) - 1 : 0;
  for (let j = 0; j < lb; j++) positionsOf[buf[ob + j]!]! |= 1 << j;
  let usedA = 0, usedB = 0, matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > range ? i - range : 0, hi = i + range < lb - 1 ? i + range : lb - 1;
    if (lo > hi) continue;
    // Positions lo..hi: (2^(hi+1) − 1) without the bits below lo.
    const window = ((1 << hi) - 1 + (1 << hi)) & ~((1 << lo) - 1);
    const free = positionsOf[buf[oa + i]!]! & window & ~usedB;
    if (free !== 0) {
      usedB |= free & -free;
      usedA |= 1 << i;
      matches++;
    }
  }
  for (let j = 0; j < lb; j++) positionsOf[buf[ob + j]!] = 0;
  if (matches === 0) return 0;
  let t = 0;
  for (let a = usedA, b = usedB; a !== 0; a &= a - 1, b &= b - 1) {
    const i = 31 - Math.clz32(a & -a), j = 31 - Math.clz32(b & -b);
    if (buf[oa + i] !== buf[ob + j]) t++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && buf[oa + prefix] === buf[ob + prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** `jaroWinklerAt` for longer runs: the loop of `jaroWinkler`. */
function jaroWinklerLoop(buf: Uint16Array, oa: number, la: number, ob: number, lb: number): number {
  if (flagsA.length < la) flagsA = new Uint8Array(Math.max(la, 2 * flagsA.length));
  if (flagsB.length < lb) flagsB = new Uint8Array(Math.max(lb, 2 * flagsB.length));
  const ma = flagsA, mb = flagsB;
  ma.fill(0, 0, la);
  mb.fill(0, 0, lb);
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range), hi = Math.min(lb - 1, i + range);
    const ca = buf[oa + i]!;
    for (let j = lo; j <= hi; j++) {
      if (mb[j] === 0 && ca === buf[ob + j]) {
        ma[i] = mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (ma[i] === 0) continue;
    while (mb[j] === 0) j++;
    if (buf[oa + i] !== buf[ob + j]) t++;
    j++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && buf[oa + prefix] === buf[ob + prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const NON_WORD = /[^\p{L}\p{N}]+/u;
const DIGIT_RUNS = /\d+/g;
const FNV_OFFSET = 0x811c9dc5 | 0;

/** Murmur3's finaliser, so that the low bits of an FNV-1a hash index a table. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * The numbers of a name as they are compared: the digit runs of its `nameKey`, joined by a space. A printable
 * ASCII name keeps its digits in place in its key (only spaces and case change): they are read from the name.
 */
function digitText(name: string): string {
  let out = '';
  let start = -1;
  for (let k = 0; k <= name.length; k++) {
    const c = k < name.length ? name.charCodeAt(k) : 0x20;
    if (c < 0x20 || c > 0x7e) return (nameKey(name).match(DIGIT_RUNS) ?? []).join(' ');
    if (c >= 48 && c <= 57) {
      if (start < 0) start = k;
    } else if (start >= 0) {
      out = out === '' ? name.slice(start, k) : `${out} ${name.slice(start, k)}`;
      start = -1;
    }
  }
  return out;
}

/** FNV-1a hash of a string's code units. */
function hashText(text: string): number {
  let h = FNV_OFFSET;
  for (let t = 0; t < text.length; t++) h = Math.imul(h ^ text.charCodeAt(t), 0x01000193);
  return h;
}

/** Set by `digitHash`: the last name was not printable ASCII (its hash came from `digitText`). */
let digitHashOther = false;

/**
 * The FNV-1a hash of a name's `digitText`, read straight from a printable ASCII name (no string built), mixed;
 * any other name is hashed from its `digitText` and flagged in `digitHashOther`.
 */
function digitHash(name: string): number {
  let h = FNV_OFFSET, runs = 0, inRun = false;
  digitHashOther = false;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      if (!inRun) {
        if (runs++ > 0) h = Math.imul(h ^ 0x20, 0x01000193);
        inRun = true;
      }
      h = Math.imul(h ^ c, 0x01000193);
    } else if (c >= 0x20 && c <= 0x7e) inRun = false;
    else {
      digitHashOther = true;
      return mix(hashText(digitText(name)));
    }
  }
  return mix(h);
}

/**
 * Whether no two names hold the same numbers (then no pair is ever compared and there is nothing to suggest):
 * a hash table of the hashes of their `digitText`, the texts compared only when two hashes are equal; stops at
 * the first two names sharing their numbers. (Separate from `digitClasses`, so that each is compiled for the
 * inputs it sees: codes that all differ here, names sharing their numbers there.)
 */
function numbersAllDistinct(names: readonly { name: string }[]): boolean {
  const n = names.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const tableMask = size - 1;
  const slots = new Int32Array(size);
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = digitHash(names[i]!.name);
    hashes[i] = h;
    let s = h & tableMask;
    for (let e = slots[s]!; e !== 0; e = slots[s]!) {
      if (hashes[e - 1] === h && digitText(names[e - 1]!.name) === digitText(names[i]!.name)) return false;
      s = (s + 1) & tableMask;
    }
    slots[s] = i + 1;
  }
  return true;
}

/**
 * Classes of names holding the same numbers: `digitOf[i]` is the first name with the numbers of name i. A
 * hash table of the hashes of their `digitText`, read straight from printable ASCII names (no string built),
 * the texts compared only when two hashes are equal. Marks in `other` the names that are not printable ASCII.
 * Returns the number of classes.
 */
function digitClasses(names: readonly { name: string }[], digitOf: Int32Array, other: Uint8Array): number {
  const n = names.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  const hashes = new Int32Array(n);
  let classes = 0;
  for (let i = 0; i < n; i++) {
    const name = names[i]!.name;
    const h = digitHash(name);
    if (digitHashOther) other[i] = 1;
    hashes[i] = h;
    let s = h & mask, e = slots[s]!;
    for (; e !== 0; e = slots[s]!) {
      if (hashes[e - 1] === h && digitText(names[e - 1]!.name) === digitText(name)) break;
      s = (s + 1) & mask;
    }
    if (e === 0) {
      slots[s] = i + 1;
      digitOf[i] = i;
      classes++;
    } else digitOf[i] = digitOf[e - 1]!;
  }
  return classes;
}

/**
 * Every name's keys, as runs at `off[i]`, `len[i]` long, of four code unit arrays: `loose` (the words of its
 * `nameKey`, joined), `rev` (the same reversed by code point, as `[...loose].reverse()`), `sorted` (its words
 * sorted and joined) and `units` (its code units sorted). Its distinct word ids are
 * `nameWords[wordsStart[i], wordsStart[i + 1])`; word `w` is `loose[wordOff[w], + wordLen[w])`.
 */
interface Keys {
  loose: Uint16Array;
  rev: Uint16Array;
  sorted: Uint16Array;
  units: Uint16Array;
  off: Int32Array;
  len: Int32Array;
  /** 1 when the sorted key equals the loose key (their Jaro–Winkler values are then equal too). */
  sortedIsLoose: Uint8Array;
  /** Bit (rank of the code unit mod 30) of each code unit the name holds. */
  mask: Int32Array;
  wordsStart: Int32Array;
  nameWords: Int32Array;
  wordOff: Int32Array;
  wordLen: Int32Array;
  vocabulary: number;
}

/** The words of every name: `loose` keys, and each word occurrence's start and length (names' ranges in `first`). */
interface Tokens {
  loose: Uint16Array;
  off: Int32Array;
  len: Int32Array;
  /** Words of name i: occurrences `first[i]` to `first[i + 1]`. */
  first: Int32Array;
  start: Int32Array;
  length: Int32Array;
}

/**
 * Room the words of all names take: code units and word occurrences (at most). Names that are not printable
 * ASCII are split here (their key on what is not a letter or a digit, Unicode classes), into `split`.
 * (Each phase is a function with one main loop, so that the JIT compiles it once, with its feedback complete.)
 */
function measure(names: readonly { name: string }[], other: Uint8Array, split: Map<number, string[]>): [number, number] {
  let total = 0, most = 0;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!.name;
    if (other[i] === 0) {
      total += name.length;
      most += (name.length + 1) >> 1;
    } else {
      const list = nameKey(name).split(NON_WORD).filter((w) => w !== '');
      split.set(i, list);
      for (const w of list) total += w.length;
      most += list.length;
    }
  }
  return [total, most];
}

/**
 * Split every name into the words of its key. A printable ASCII name's words are its runs of [A-Za-z0-9],
 * lower-cased (its key differs from it only in spaces and case); any other name's key is split on what is not
 * a letter or a digit (Unicode classes).
 */
function tokenize(names: readonly { name: string }[], other: Uint8Array): Tokens {
  const n = names.length;
  const split = new Map<number, string[]>();
  const [total, most] = measure(names, other, split);
  const loose = new Uint16Array(total);
  const off = new Int32Array(n), len = new Int32Array(n), first = new Int32Array(n + 1);
  const start = new Int32Array(most), length = new Int32Array(most);
  let p = 0, words = 0;
  for (let i = 0; i < n; i++) {
    off[i] = p;
    first[i] = words;
    if (other[i] === 0) {
      const name = names[i]!.name;
      let inWord = false;
      for (let k = 0; k < name.length; k++) {
        let c = name.charCodeAt(k);
        if (c >= 65 && c <= 90) c += 32;
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
          if (!inWord) {
            start[words] = p;
            inWord = true;
          }
          loose[p++] = c;
        } else if (inWord) {
          length[words] = p - start[words]!;
          words++;
          inWord = false;
        }
      }
      if (inWord) {
        length[words] = p - start[words]!;
        words++;
      }
    } else {
      for (const w of split.get(i)!) {
        start[words] = p;
        for (let k = 0; k < w.length; k++) loose[p++] = w.charCodeAt(k);
        length[words++] = w.length;
      }
    }
    len[i] = p - off[i]!;
  }
  first[n] = words;
  return { loose, off, len, first, start, length };
}

/** Order of two runs of `a` (the order of `<` on the strings they hold): negative, 0 or positive. */
function compareAt(a: Uint16Array, oa: number, la: number, ob: number, lb: number): number {
  const l = la < lb ? la : lb;
  for (let k = 0; k < l; k++) {
    const d = a[oa + k]! - a[ob + k]!;
    if (d !== 0) return d;
  }
  return la - lb;
}

/**
 * Indices 0..count−1 of the runs `codes[off[i], off[i] + len[i])` in UTF-16 code unit order (the order of `<`
 * on strings), equal runs by index: a most-significant-digit radix sort on the code units (`symbol` maps each
 * present code unit to its rank + 1, of `alphabet`), stable, insertion sort for small groups.
 */
function radixOrder(codes: Uint16Array, off: Int32Array, len: Int32Array, count: number, symbol: Int32Array, alphabet: number): Int32Array {
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  const tmp = new Int32Array(count);
  const bucket = new Int32Array(alphabet + 2);
  const stack: number[] = [0, count, 0];
  while (stack.length > 0) {
    const depth = stack.pop()!, hi = stack.pop()!, lo = stack.pop()!;
    if (hi - lo <= 16) {
      // Small group (in index order, as every pass is stable): stable insertion sort from `depth`.
      for (let k = lo + 1; k < hi; k++) {
        const v = order[k]!;
        const ov = off[v]! + depth, lv = len[v]! - depth;
        let m = k - 1;
        for (; m >= lo; m--) {
          const u = order[m]!;
          if (compareAt(codes, off[u]! + depth, len[u]! - depth, ov, lv) <= 0) break;
          order[m + 1] = u;
        }
        order[m + 1] = v;
      }
      continue;
    }
    bucket.fill(0);
    for (let k = lo; k < hi; k++) {
      const v = order[k]!;
      bucket[(depth < len[v]! ? symbol[codes[off[v]! + depth]!]! : 0) + 1]!++;
    }
    for (let s = 1; s <= alphabet + 1; s++) bucket[s]! += bucket[s - 1]!;
    for (let k = lo; k < hi; k++) {
      const v = order[k]!;
      tmp[lo + bucket[depth < len[v]! ? symbol[codes[off[v]! + depth]!]! : 0]!++] = v;
    }
    for (let k = lo; k < hi; k++) order[k] = tmp[k]!;
    // Bucket 0 holds the runs that ended (all equal, in index order); the others go one code unit deeper.
    let from = lo + bucket[0]!;
    for (let s = 1; s <= alphabet; s++) {
      const to = lo + bucket[s]!;
      if (to - from > 1) stack.push(from, to, depth + 1);
      from = to;
    }
  }
  return order;
}

/** The distinct code units of `codes`, each marked in `symbol`. */
function distinctUnits(codes: Uint16Array, symbol: Int32Array): number[] {
  const present: number[] = [];
  for (let k = 0; k < codes.length; k++) {
    const c = codes[k]!;
    if (symbol[c] === 0) {
      symbol[c] = 1;
      present.push(c);
    }
  }
  return present;
}

/** Dense ranks of the code units present in `codes`: `symbol[c]` = rank + 1 (in code unit order); returns their number. */
function alphabetOf(codes: Uint16Array, symbol: Int32Array): number {
  const ranked = Int32Array.from(distinctUnits(codes, symbol)).sort();
  ranked.forEach((c, r) => (symbol[c] = r + 1));
  return ranked.length;
}

/**
 * Word ids (equal words, one id, numbered in order of first occurrence), each name's distinct word ids, and
 * its sorted, reversed and letter-sorted keys.
 */
/** Word ids of the word occurrences (equal words, one id, numbered in order of first occurrence) and the words. */
interface Words {
  wordOf: Int32Array;
  wordOff: Int32Array;
  wordLen: Int32Array;
  vocabulary: number;
}

/** Intern the words: an open-addressing table of their FNV-1a hashes, texts compared on equal hashes. */
function internWords(t: Tokens): Words {
  const { loose, start, length } = t;
  const occurrences = start.length;
  let size = 16;
  while (size < 2 * occurrences) size *= 2;
  const tableMask = size - 1;
  const slots = new Int32Array(size);
  const wordOf = new Int32Array(occurrences);
  const wordOff = new Int32Array(occurrences), wordLen = new Int32Array(occurrences), wordHash = new Int32Array(occurrences);
  let vocabulary = 0;
  for (let x = 0; x < t.first[t.len.length]!; x++) {
    const o = start[x]!, l = length[x]!;
    let h = FNV_OFFSET;
    for (let k = o; k < o + l; k++) h = Math.imul(h ^ loose[k]!, 0x01000193);
    h = mix(h);
    let s = h & tableMask, e = slots[s]!;
    for (; e !== 0; e = slots[s]!) {
      if (wordHash[e - 1] === h && compareAt(loose, wordOff[e - 1]!, wordLen[e - 1]!, o, l) === 0) break;
      s = (s + 1) & tableMask;
    }
    if (e === 0) {
      wordOff[vocabulary] = o;
      wordLen[vocabulary] = l;
      wordHash[vocabulary] = h;
      slots[s] = e = ++vocabulary;
    }
    wordOf[x] = e - 1;
  }
  return { wordOf, wordOff, wordLen, vocabulary };
}

/** Rank of each word in string order (a name's sorted key is its words by rank). */
function wordRanks(t: Tokens, w: Words, symbol: Int32Array, alphabet: number): Int32Array {
  const byText = radixOrder(t.loose, w.wordOff, w.wordLen, w.vocabulary, symbol, alphabet);
  const rank = new Int32Array(w.vocabulary);
  byText.forEach((word, r) => (rank[word] = r));
  return rank;
}

/** Each name's distinct word ids, and its sorted, reversed and letter-sorted keys. */
function buildKeys(t: Tokens, w: Words, rank: Int32Array, symbol: Int32Array): Keys {
  const { loose, off, len, first, start, length } = t;
  const { wordOf, wordOff, wordLen, vocabulary } = w;
  const n = len.length, occurrences = first[n]!;
  const total = loose.length;
  const sorted = new Uint16Array(total), rev = new Uint16Array(total), units = new Uint16Array(total);
  const sortedIsLoose = new Uint8Array(n), mask = new Int32Array(n);
  const wordsStart = new Int32Array(n + 1), nameWords = new Int32Array(occurrences);
  const byRank = new Int32Array(occurrences);
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const o = off[i]!, l = len[i]!, f0 = first[i]!, f1 = first[i + 1]!;
    wordsStart[i] = distinct;
    // Distinct word ids, and the occurrences in rank order (insertion sort: a name has few words).
    for (let x = f0; x < f1; x++) {
      const w = wordOf[x]!;
      let seen = false;
      for (let v = wordsStart[i]!; v < distinct; v++) if (nameWords[v] === w) seen = true;
      if (!seen) nameWords[distinct++] = w;
      let m = x - 1;
      for (; m >= f0 && rank[wordOf[byRank[m]!]!]! > rank[w]!; m--) byRank[m + 1] = byRank[m]!;
      byRank[m + 1] = x;
    }
    let p = o, same = 1;
    for (let x = f0; x < f1; x++) {
      const y = byRank[x]!;
      for (let k = start[y]!, e = k + length[y]!; k < e; k++, p++) {
        const c = loose[k]!;
        if (c !== loose[p]) same = 0;
        sorted[p] = c;
      }
    }
    sortedIsLoose[i] = same;
    // Reversed by code point (a surrogate pair keeps its order), and the code units sorted.
    let bits = 0;
    for (let k = 0; k < l; k++) {
      const c = loose[o + k]!;
      bits |= 1 << symbol[c]! % 30;
      rev[o + l - 1 - k] = c;
      let m = o + k - 1;
      for (; m >= o && units[m]! > c; m--) units[m + 1] = units[m]!;
      units[m + 1] = c;
    }
    mask[i] = bits;
    for (let k = o + 1; k < o + l; k++) {
      const c = rev[k]!;
      if (c >= 0xd800 && c <= 0xdbff && rev[k - 1]! >= 0xdc00 && rev[k - 1]! <= 0xdfff) {
        rev[k] = rev[k - 1]!;
        rev[k - 1] = c;
        k++;
      }
    }
  }
  wordsStart[n] = distinct;
  return { loose, rev, sorted, units, off, len, sortedIsLoose, mask, wordsStart, nameWords, wordOff, wordLen, vocabulary };
}

/** One ordering of the names by a key: the order, each name's position, and the start of its run of equal keys. */
interface Ordering {
  order: Int32Array;
  pos: Int32Array;
  run: Int32Array;
}

/**
 * The names ordered by the runs `codes[off[i], off[i] + len[i])` (UTF-16 code unit order, the order of `<` on
 * strings; equal runs by index), with positions and runs of equal keys. Each round packs the next symbols of
 * every name still tied, as many as fit beside its index in a small integer (no floating point, no allocation
 * while the code is not yet optimised), and sorts them with the built-in numeric sort of an Int32Array, group
 * by group; names still tied go on to the next round.
 */
function orderBy(codes: Uint16Array, off: Int32Array, len: Int32Array, symbol: Int32Array, alphabet: number): Ordering {
  const n = len.length;
  const pos = new Int32Array(n), run = new Int32Array(n);
  let indexBits = 1;
  while (1 << indexBits < n) indexBits++;
  let symbolBits = 1;
  while (1 << symbolBits < alphabet + 1) symbolBits++;
  // Too few symbols per round (a very large alphabet or input): a radix sort on the code units instead.
  if (Math.floor((30 - indexBits) / symbolBits) < 2) {
    const order = radixOrder(codes, off, len, n, symbol, alphabet);
    let start = 0;
    for (let k = 0; k < n; k++) {
      const v = order[k]!;
      pos[v] = k;
      if (k > 0) {
        const u = order[k - 1]!;
        if (len[u] !== len[v] || compareAt(codes, off[u]!, len[u]!, off[v]!, len[v]!) !== 0) start = k;
      }
      run[v] = start;
    }
    return { order, pos, run };
  }
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  const packed = new Int32Array(n), group = new Int32Array(n);
  // Groups of positions [lo, hi) whose names share their first `depth` symbols, in index order (every pass
  // keeps the order of ties). Each packs as many next symbols as fit beside a position in the group.
  const groups: number[] = [0, n, 0];
  while (groups.length > 0) {
    const depth = groups.pop()!, hi = groups.pop()!, lo = groups.pop()!;
    if (hi - lo <= 8) {
      // A small group: stable insertion sort on the rest of the keys, then runs of equal keys.
      for (let k = lo + 1; k < hi; k++) {
        const v = order[k]!;
        let m = k - 1;
        for (; m >= lo && compareAt(codes, off[order[m]!]! + depth, len[order[m]!]! - depth, off[v]! + depth, len[v]! - depth) > 0; m--) order[m + 1] = order[m]!;
        order[m + 1] = v;
      }
      for (let k = lo, start = lo; k < hi; k++) {
        const v = order[k]!;
        if (k > lo && compareAt(codes, off[order[k - 1]!]!, len[order[k - 1]!]!, off[v]!, len[v]!) !== 0) start = k;
        pos[v] = k;
        run[v] = start;
      }
      continue;
    }
    let placeBits = 1;
    while (1 << placeBits < hi - lo) placeBits++;
    const per = Math.max(1, Math.floor((30 - placeBits) / symbolBits));
    for (let k = lo; k < hi; k++) {
      const v = order[k]!;
      group[k] = v;
      const o = off[v]!, e = o + len[v]!;
      let x = 0;
      for (let d = o + depth; d < o + depth + per; d++) x = (x << symbolBits) | (d < e ? symbol[codes[d]!]! : 0);
      packed[k] = (x << placeBits) | (k - lo);
    }
    packed.subarray(lo, hi).sort();
    const placeMask = (1 << placeBits) - 1;
    for (let k = lo; k < hi; k++) order[k] = group[lo + (packed[k]! & placeMask)]!;
    // Runs of equal symbols: ended names are equal keys (one run); the others are sorted deeper.
    for (let k = lo; k < hi; ) {
      const x = packed[k]! >> placeBits;
      let m = k + 1, longer = len[order[k]!]! > depth + per;
      for (; m < hi && packed[m]! >> placeBits === x; m++) if (len[order[m]!]! > depth + per) longer = true;
      if (m - k > 1 && longer) groups.push(k, m, depth + per);
      else
        for (let q = k; q < m; q++) {
          pos[order[q]!] = q;
          run[order[q]!] = k;
        }
      k = m;
    }
  }
  return { order, pos, run };
}

/** What the walk and the scoring share. */
interface Search {
  names: readonly { name: string }[];
  keys: Keys;
  digitOf: Int32Array;
  orderings: readonly Ordering[];
  threshold: number;
  window: number;
  limit: number;
  /** Word pairs compared: a byte per pair (0 unknown, 1 close, 2 not) for a small vocabulary, else a Map. */
  closeBytes: Uint8Array | null;
  closeMap: Map<number, boolean>;
  /** Pairs recorded (names, similarity × 1000), pairs per level, the cut and the floor it gives. */
  foundI: number[];
  foundJ: number[];
  foundLevel: number[];
  perLevel: Int32Array;
  cut: number;
  floor: number;
  /** `commonNeeded` by lengths (< 64) and prefix, valid where `needStamps` holds the current `needStamp`. */
  needs: Int32Array;
  needStamps: Int32Array;
  needStamp: number;
}

/**
 * Fewest common letters with which the Jaro–Winkler bound of two keys `la` and `lb` long with a common prefix
 * `p` reaches `floor`: (m/la + m/lb + 1)/3 ≥ (floor − 0.1p)/(1 − 0.1p), rounded up (m is an integer), less a
 * margin for rounding errors.
 */
function commonNeeded(floor: number, p: number, la: number, lb: number): number {
  return Math.ceil(((3 * (floor - 0.1 * p)) / (1 - 0.1 * p) - 1) / (1 / la + 1 / lb) - 1e-6);
}

/** Number of set bits of a non-negative 30-bit integer (small-integer arithmetic only). */
function bitCount(x: number): number {
  x = x - ((x >> 1) & 0x15555555);
  x = (x & 0x33333333) + ((x >> 2) & 0x33333333);
  x = (x + (x >> 4)) & 0x0f0f0f0f;
  return (x + (x >> 8) + (x >> 16) + (x >> 24)) & 0x3f;
}

/**
 * Candidate pairs at positions [from, to) of the three orderings, as (i, j, m) triples in `out`: m = −1 when
 * their loose or sorted keys are equal, else the letters they have in common, for pairs whose Jaro–Winkler
 * bound (every common letter matched in place, no transposition, the prefix as is) reaches `floor`. Counting
 * the common letters (sorted code units, merged) stops once too many are unmatched to reach it. (One uniform
 * loop for the three orderings: the JIT compiles it once, with every branch already taken.)
 */
function collect(S: Search, from: number, to: number, floor: number, out: number[]): void {
  const { digitOf, window } = S;
  const { loose, sorted, units, off, len, mask } = S.keys;
  const pos0 = S.orderings[0]!.pos, run0 = S.orderings[0]!.run, pos1 = S.orderings[1]!.pos, run1 = S.orderings[1]!.run, run2 = S.orderings[2]!.run;
  const n = len.length;
  const { needs, needStamps } = S;
  const stamp = ++S.needStamp;
  for (let r = 0; r < 3; r++) {
    const { order, run } = S.orderings[r]!;
    for (let k = from; k < to; k++) {
      const i = order[k]!, di = digitOf[i]!, ri = run[i]!;
      for (let w = 1; k + w < n; w++) {
        const j = order[k + w]!;
        // The window, then the rest of a run of equal keys (which can outnumber the window). (Every comparison
        // runs on every step, so that none is first met after the JIT compiled the loop.)
        if ((w > window ? 1 : 0) & ((w >= 64 ? 1 : 0) | (run[j] !== ri ? 1 : 0))) break;
        if (digitOf[j] !== di) continue;
        // Pairs with equal loose or sorted keys are scored 1 (m = −1); the others must have enough letters in
        // common for the Jaro–Winkler bound (every common letter matched in place, no transposition, the
        // prefix bonus) to reach the floor: m ≥ need, from (m/la + m/lb + 1)/3 ≥ (floor − 0.1p)/(1 − 0.1p).
        // `need` comes from a table by lengths (< 64) and prefix, filled on first use for this floor (small-
        // integer work per pair). Common letters are at most the shorter length, and at most each length less
        // the letters (in 30 classes of code units) the other name lacks: checked first with the best prefix
        // (4), then with the pair's own, before they are counted.
        const equal = run0[i] === run0[j] || run2[i] === run2[j];
        const la = len[i]!, lb = len[j]!;
        const shorter = la < lb ? la : lb;
        const cell = la < 64 && lb < 64 ? ((la << 6) | lb) << 3 : -1;
        let most = shorter;
        if (!equal) {
          if (la < 5 || lb < 5) continue;
          let need4: number;
          if (cell >= 0) {
            if (needStamps[cell | 4] !== stamp) {
              needStamps[cell | 4] = stamp;
              needs[cell | 4] = commonNeeded(floor, 4, la, lb);
            }
            need4 = needs[cell | 4]!;
          } else need4 = commonNeeded(floor, 4, la, lb);
          if (shorter < need4) continue;
          most = Math.min(shorter, la - bitCount(mask[i]! & ~mask[j]!), lb - bitCount(mask[j]! & ~mask[i]!));
          if (most < need4) continue;
        }
        // Each pair once: skip it when an earlier ordering already brought it up (window or run of equal keys).
        // (Computed for every ordering, used from the second on: the same operations run from the start.)
        const d0 = pos0[i]! > pos0[j]! ? pos0[i]! - pos0[j]! : pos0[j]! - pos0[i]!;
        const paired0 = d0 <= window || (d0 < 64 && run0[i] === run0[j]);
        const d1 = pos1[i]! > pos1[j]! ? pos1[i]! - pos1[j]! : pos1[j]! - pos1[i]!;
        const paired1 = d1 <= window || (d1 < 64 && run1[i] === run1[j]);
        if ((r > 0 && paired0) || (r > 1 && paired1)) continue;
        let m = -1;
        if (!equal) {
          const oi = off[i]!, oj = off[j]!;
          const pmax = shorter < 4 ? shorter : 4;
          let pl = 0, ps = 0;
          while (pl < pmax && loose[oi + pl] === loose[oj + pl]) pl++;
          while (ps < pmax && sorted[oi + ps] === sorted[oj + ps]) ps++;
          const p = pl > ps ? pl : ps;
          let need: number;
          if (cell >= 0) {
            if (needStamps[cell | p] !== stamp) {
              needStamps[cell | p] = stamp;
              needs[cell | p] = commonNeeded(floor, p, la, lb);
            }
            need = needs[cell | p]!;
          } else need = commonNeeded(floor, p, la, lb);
          if (most < need) continue;
          // Count the common letters (sorted code units, merged), giving up once too many are unmatched.
          let budgetA = la - need, budgetB = lb - need;
          let a = oi, b = oj;
          const ea = oi + la, eb = oj + lb;
          m = 0;
          while (a < ea && b < eb) {
            const x = units[a]!, y = units[b]!;
            if (x === y) {
              m++;
              a++;
              b++;
            } else if (x < y) {
              a++;
              if (--budgetA < 0) break;
            } else {
              b++;
              if (--budgetB < 0) break;
            }
          }
          if (m < need) continue;
        }
        out.push(i, j, m);
      }
    }
  }
}

/** Whether two different words are Jaro–Winkler ≥ 0.9 apart (memoised by the pair of ids). */
function wordsClose(S: Search, w: number, v: number): boolean {
  const { loose, wordOff, wordLen, vocabulary } = S.keys;
  const k = w * vocabulary + v;
  if (S.closeBytes) {
    let b = S.closeBytes[k]!;
    if (b === 0) S.closeBytes[k] = b = jaroWinklerAt(loose, wordOff[w]!, wordLen[w]!, wordOff[v]!, wordLen[v]!) >= 0.9 ? 1 : 2;
    return b === 1;
  }
  let c = S.closeMap.get(k);
  if (c === undefined) S.closeMap.set(k, (c = jaroWinklerAt(loose, wordOff[w]!, wordLen[w]!, wordOff[v]!, wordLen[v]!) >= 0.9));
  return c;
}

/** Whether some word of name i equals, or is Jaro–Winkler ≥ 0.9 to, some word of name j. */
function shareWord(S: Search, i: number, j: number): boolean {
  const { wordsStart, nameWords } = S.keys;
  const a0 = wordsStart[i]!, a1 = wordsStart[i + 1]!, b0 = wordsStart[j]!, b1 = wordsStart[j + 1]!;
  for (let x = a0; x < a1; x++) for (let y = b0; y < b1; y++) if (nameWords[x] === nameWords[y]) return true;
  for (let x = a0; x < a1; x++) for (let y = b0; y < b1; y++) if (wordsClose(S, nameWords[x]!, nameWords[y]!)) return true;
  return false;
}

/** Record a pair scoring `level` thousandths (at least the cut). */
function record(S: Search, i: number, j: number, level: number): void {
  S.foundI.push(i);
  S.foundJ.push(j);
  S.foundLevel.push(level);
  S.perLevel[level]!++;
}

/**
 * Score the candidates of `collect` (those with different keys) and record those reaching the threshold and
 * the cut. Only the best `limit` pairs are kept, so once `limit` pairs score at least `cut` (in thousandths),
 * a pair scoring below it can never be kept: it is not recorded, and its Jaro–Winkler values are not computed
 * when their bound is below the floor the cut gives.
 */
function score(S: Search, candidates: readonly number[]): void {
  const { threshold, floor, cut } = S;
  const { loose, sorted, off, len, sortedIsLoose, wordsStart } = S.keys;
  for (let c = 0; c < candidates.length; c += 3) {
    const m = candidates[c + 2]!;
    if (m < 0) continue;
    const i = candidates[c]!, j = candidates[c + 1]!;
    const la = len[i]!, lb = len[j]!, oi = off[i]!, oj = off[j]!;
    const short = la < lb ? la : lb;
    const pmax = short < 4 ? short : 4;
    let pl = 0, ps = 0;
    while (pl < pmax && loose[oi + pl] === loose[oj + pl]) pl++;
    while (ps < pmax && sorted[oi + ps] === sorted[oj + ps]) ps++;
    // (Loose and sorted keys hold the same letters, so `jaroMax` holds for both; only the prefix differs.)
    const jaroMax = (m / la + m / lb + 1) / 3;
    const looseMax = jaroMax + pl * 0.1 * (1 - jaroMax);
    const sortedMax = jaroMax + ps * 0.1 * (1 - jaroMax);
    if (looseMax < floor && sortedMax < floor) continue;
    if (wordsStart[i + 1]! - wordsStart[i]! > 1 && wordsStart[j + 1]! - wordsStart[j]! > 1 && !shareWord(S, i, j)) continue;
    // The maximum of the two similarities, exact whenever it reaches the floor: a key whose bound is below it
    // cannot be the maximum then, and equal key pairs are compared once.
    const simLoose = looseMax < floor ? 0 : jaroWinklerAt(loose, oi, la, oj, lb);
    const sameKeys = sortedIsLoose[i] === 1 && sortedIsLoose[j] === 1;
    const similarity = sortedMax < floor ? simLoose : Math.max(simLoose, sameKeys && looseMax >= floor ? simLoose : jaroWinklerAt(sorted, oi, la, oj, lb));
    if (similarity < threshold) continue;
    const level = Math.round(similarity * 1000);
    if (level >= cut) record(S, i, j, level);
  }
}

/** Record the candidates of `collect` with equal loose or sorted keys (similarity 1) unless their keys are equal. */
function scoreEqual(S: Search, candidates: readonly number[]): void {
  for (let c = 0; c < candidates.length; c += 3) {
    if (candidates[c + 2]! >= 0) continue;
    const i = candidates[c]!, j = candidates[c + 1]!;
    // Equal keys have equal loose keys: only now are the keys themselves compared.
    if (nameKey(S.names[i]!.name) !== nameKey(S.names[j]!.name)) record(S, i, j, 1000);
  }
}

/**
 * Raise the cut to the highest level with at least `limit` recorded pairs at or above it, and the floor with
 * it: Math.round(s × 1000) ≥ cut exactly when s × 1000 ≥ cut − 0.5 (the 1e-9 absorbs rounding errors).
 */
function updateCut(S: Search): void {
  let above = 0, level = 1000;
  for (; level > S.cut; level--) {
    above += S.perLevel[level]!;
    if (above >= S.limit) break;
  }
  S.cut = level;
  S.floor = Math.max(S.threshold, (level - 0.5) / 1000) - 1e-9;
}

/** Positions walked between two scorings: the floor rises as soon as enough good pairs are found. */
const CHUNK = 256;

/**
 * Suggest pairs of names that are probably the same. `names` are distinct display names with how often each
 * occurs (the more frequent one is proposed as canonical). Pairs whose numbers differ ("School 1" / "School 2")
 * or whose words have nothing in common are skipped; names shorter than 5 letters only pair when their
 * loose keys are equal.
 * @throws InvalidOptionError when `threshold` is not in [0, 1], `window` not an integer ≥ 0 or `limit` not an
 *   integer ≥ 0 (or Infinity).
 */
export function findNearDuplicates(names: readonly { name: string; count: number }[], kind: 'person' | 'organisation', options?: NearDuplicateOptions): Suggestion[] {
  const { threshold, window, limit } = resolveOptions(NEAR_DUPLICATE_DEFAULTS, options);
  assertNumber('findNearDuplicates', 'threshold', threshold, 0, 1);
  assertInteger('findNearDuplicates', 'window', window, 0);
  if (typeof limit !== 'number' || !(Number.isInteger(limit) || limit === Infinity) || limit < 0)
    throw new InvalidOptionError('findNearDuplicates', 'limit', limit, 'an integer >= 0 or Infinity');
  // Numbers first: a pair is only ever compared when both names hold the same numbers, so when no two do
  // (names that are codes, such as P0000931) there is nothing to suggest and nothing else to prepare.
  const n = names.length;
  if (numbersAllDistinct(names)) return [];
  const digitOf = new Int32Array(n), other = new Uint8Array(n);
  digitClasses(names, digitOf, other);
  const tokens = tokenize(names, other);
  const symbol = new Int32Array(65536);
  const alphabet = alphabetOf(tokens.loose, symbol);
  const words = internWords(tokens);
  const keys = buildKeys(tokens, words, wordRanks(tokens, words, symbol, alphabet), symbol);
  const orderings = [keys.loose, keys.rev, keys.sorted].map((codes) => orderBy(codes, keys.off, keys.len, symbol, alphabet));
  const S: Search = {
    names,
    keys,
    digitOf,
    orderings,
    threshold,
    window,
    limit,
    closeBytes: keys.vocabulary <= 2048 ? new Uint8Array(keys.vocabulary * keys.vocabulary) : null,
    closeMap: new Map(),
    foundI: [],
    foundJ: [],
    foundLevel: [],
    perLevel: new Int32Array(1001),
    cut: 0,
    floor: threshold - 1e-9,
    needs: new Int32Array(64 * 64 * 8),
    needStamps: new Int32Array(64 * 64 * 8),
    needStamp: 0,
  };
  const candidates: number[] = [];
  for (let from = 0; from < n; from += CHUNK) {
    candidates.length = 0;
    collect(S, from, Math.min(n, from + CHUNK), S.floor, candidates);
    score(S, candidates);
    scoreEqual(S, candidates);
    updateCut(S);
  }
  const kept: Suggestion[] = [];
  for (let f = 0; f < S.foundLevel.length; f++) {
    if (S.foundLevel[f]! < S.cut) continue;
    const A = names[S.foundI[f]!]!, B = names[S.foundJ[f]!]!;
    const [rare, common] = A.count < B.count || (A.count === B.count && A.name > B.name) ? [A, B] : [B, A];
    kept.push({ kind, a: rare.name, b: common.name, similarity: S.foundLevel[f]! / 1000, fix: '' });
  }
  kept.sort((x, y) => y.similarity - x.similarity || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) || (x.b < y.b ? -1 : 1));
  const out = kept.slice(0, limit);
  // The fix text is written for the suggestions kept, not for every pair found.
  for (const f of out) f.fix = `If "${f.a}" and "${f.b}" are the same ${kind}, add this line to an alias file (columns alias,canonical) and pass it with --aliases: ${formatCsvValue(f.a)},${formatCsvValue(f.b)}`;
  return out;
}
