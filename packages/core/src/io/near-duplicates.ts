/**
 * Near-duplicate names ("CAW Antwerpen" / "C.A.W. Antwerpen" / "CAW Antwerp") suggested, never merged.
 * Similarity is Jaro–Winkler (Winkler 1990, "String comparator metrics and enhanced decision rules in the
 * Fellegi-Sunter model of record linkage") on a key without case, accents, spaces or punctuation, and on the
 * same key with its words sorted. Candidate pairs come from blocking, not from all n² pairs: names sharing a
 * loose key, plus a sorted-neighbourhood window (Hernández & Stolfo 1995, doi:10.1145/223784.223807) over
 * three orderings (key, reversed key, sorted words). Cost: O(n log n + 3·n·window) comparisons.
 * Speed without changing a result: names sharing no numbers are never compared (codes such as P0000931 cost one
 * pass), a pair whose Jaro–Winkler upper bound (every common letter matched, no transposition, its prefix) is
 * below the threshold is skipped, word pairs are compared once, and fix texts are written for kept pairs only.
 */
import { formatCsvValue } from '../export/csv.js';
import { nameKey } from '../model/identity.js';
import { resolveOptions } from '../options.js';
import type { Suggestion } from './types.js';

/** Options of `findNearDuplicates`. */
export interface NearDuplicateOptions {
  /** Smallest similarity reported, in [0, 1]. Default: 0.92. */
  threshold?: number;
  /** Neighbours compared in each sorted order. Default: 8. */
  window?: number;
  /** Most suggestions returned (best first). Default: 1000. */
  limit?: number;
}

/** Defaults of `findNearDuplicates`. */
export const NEAR_DUPLICATE_DEFAULTS: Readonly<Required<NearDuplicateOptions>> = Object.freeze({ threshold: 0.92, window: 8, limit: 1000 });

/** Match flags of `jaroWinkler`, reused between calls (grown on demand): no allocation per comparison. */
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length, lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la) flagsA = new Uint8Array(Math.max(la, 2 * flagsA.length));
  if (flagsB.length < lb) flagsB = new Uint8Array(Math.max(lb, 2 * flagsB.length));
  const ma = flagsA, mb = flagsB;
  ma.fill(0, 0, la);
  mb.fill(0, 0, lb);
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range), hi = Math.min(lb - 1, i + range);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] === 0 && ca === b.charCodeAt(j)) {
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
    if (a.charCodeAt(i) !== b.charCodeAt(j)) t++;
    j++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const NON_WORD = /[^\p{L}\p{N}]+/u;
const ASCII_NON_WORD = /[^A-Za-z0-9]+/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

interface Entry {
  name: string;
  count: number;
  key: string;
  loose: string;
  sorted: string;
  digits: string;
  /** Ids of the distinct words of the key (see `wordIds` in `findNearDuplicates`). */
  words: number[];
  /** The UTF-16 code units of `loose` (and of `sorted`: the same letters), sorted. */
  units: Uint16Array;
}

/** Number of code units two sorted arrays have in common (as multisets): a bound on Jaro's matches. */
function commonUnits(a: Uint16Array, b: Uint16Array): number {
  let i = 0, j = 0, m = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!, y = b[j]!;
    if (x === y) {
      m++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return m;
}

/**
 * Indices of `keys` sorted by key (UTF-16 code unit order), equal keys by index: the distinct keys are sorted
 * with the built-in string order and the indices placed by rank (a counting sort, stable).
 */
function orderByKey(keys: readonly string[]): number[] {
  const distinct = [...new Set(keys)].sort();
  const rank = new Map<string, number>();
  distinct.forEach((k, r) => rank.set(k, r));
  const start = new Int32Array(distinct.length + 1);
  const ranks = keys.map((k) => rank.get(k)!);
  for (const r of ranks) start[r + 1]!++;
  for (let r = 0; r < distinct.length; r++) start[r + 1]! += start[r]!;
  const order: number[] = new Array(keys.length);
  ranks.forEach((r, i) => (order[start[r]!++] = i));
  return order;
}

/** Common prefix length of two strings, up to 4 (Winkler's prefix). */
function prefix4(a: string, b: string): number {
  let p = 0;
  while (p < 4 && p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/**
 * Suggest pairs of names that are probably the same. `names` are distinct display names with how often each
 * occurs (the more frequent one is proposed as canonical). Pairs whose numbers differ ("School 1" / "School 2")
 * or whose words have nothing in common are skipped; names shorter than 5 letters only pair when their
 * loose keys are equal.
 */
export function findNearDuplicates(names: readonly { name: string; count: number }[], kind: 'person' | 'organisation', options?: NearDuplicateOptions): Suggestion[] {
  const { threshold, window, limit } = resolveOptions(NEAR_DUPLICATE_DEFAULTS, options);
  // Words by id: a pair of words is compared (Jaro–Winkler) once, whatever the number of names holding them.
  const wordIds = new Map<string, number>();
  const wordTexts: string[] = [];
  // Numbers first: a pair is only ever compared when both names hold the same numbers, so when no two do
  // (names that are codes, such as P0000931) there is nothing to suggest and nothing else to prepare.
  const nameKeys = names.map(({ name }) => nameKey(name));
  const digitIds = new Map<string, number>();
  const digitOf = new Int32Array(names.length);
  const digitTexts = nameKeys.map((key, i) => {
    const digits = (key.match(/\d+/g) ?? []).join(' ');
    let id = digitIds.get(digits);
    if (id === undefined) digitIds.set(digits, (id = digitIds.size));
    digitOf[i] = id;
    return digits;
  });
  if (digitIds.size === names.length) return [];
  const entries: Entry[] = names.map(({ name, count }, i) => {
    const key = nameKeys[i]!;
    // In a printable ASCII key, letters and digits are [A-Za-z0-9]: the same split without Unicode tables.
    const words = key.split(PRINTABLE_ASCII.test(key) ? ASCII_NON_WORD : NON_WORD).filter((w) => w !== '');
    const ids: number[] = [];
    for (const w of words) {
      let id = wordIds.get(w);
      if (id === undefined) {
        wordIds.set(w, (id = wordTexts.length));
        wordTexts.push(w);
      }
      if (!ids.includes(id)) ids.push(id);
    }
    const loose = words.join('');
    const units = new Uint16Array(loose.length);
    for (let i = 0; i < loose.length; i++) units[i] = loose.charCodeAt(i);
    units.sort();
    return { name, count, key, loose, sorted: [...words].sort().join(''), digits: digitTexts[i]!, words: ids, units };
  });
  // Memo of word pairs: a byte per pair (0 unknown, 1 close, 2 not) for a small vocabulary, else a Map.
  const vocabulary = wordTexts.length;
  const closeBytes = vocabulary <= 2048 ? new Uint8Array(vocabulary * vocabulary) : null;
  const closeWords = new Map<number, boolean>();
  /** Whether two different words are Jaro–Winkler ≥ 0.9 apart (memoised by the pair of ids). */
  const close = (w: number, v: number): boolean => {
    const k = w * vocabulary + v;
    if (closeBytes) {
      let b = closeBytes[k]!;
      if (b === 0) closeBytes[k] = b = jaroWinkler(wordTexts[w]!, wordTexts[v]!) >= 0.9 ? 1 : 2;
      return b === 1;
    }
    let c = closeWords.get(k);
    if (c === undefined) closeWords.set(k, (c = jaroWinkler(wordTexts[w]!, wordTexts[v]!) >= 0.9));
    return c;
  };
  /** Whether some word of A equals, or is Jaro–Winkler ≥ 0.9 to, some word of B. */
  const shareWord = (A: Entry, B: Entry): boolean => {
    for (const w of A.words) if (B.words.includes(w)) return true;
    for (const w of A.words) for (const v of B.words) if (close(w, v)) return true;
    return false;
  };
  const found: Suggestion[] = [];
  const reversed = entries.map((e) => [...e.loose].reverse().join(''));
  const keys: string[][] = [entries.map((e) => e.loose), reversed, entries.map((e) => e.sorted)];
  const positions: Int32Array[] = [];
  /** Whether ordering r (walked before the current one) already paired i and j (window or run of equal keys). */
  const pairedIn = (r: number, i: number, j: number): boolean => {
    const d = Math.abs(positions[r]![i]! - positions[r]![j]!);
    return d <= window || (d < 64 && keys[r]![i] === keys[r]![j]);
  };
  const consider = (i: number, j: number, r: number): void => {
    if (i === j || digitOf[i] !== digitOf[j]) return;
    // Each pair once: skip it when an earlier ordering already brought it up (no set of pairs to keep).
    for (let q = 0; q < r; q++) if (pairedIn(q, i, j)) return;
    const A = entries[i]!, B = entries[j]!;
    if (A.key === B.key || A.digits !== B.digits) return;
    let similarity: number;
    if (A.loose === B.loose || A.sorted === B.sorted) similarity = 1;
    else {
      if (Math.min(A.loose.length, B.loose.length) < 5) return;
      // Jaro–Winkler can be no higher than with every common letter matched in place and the prefix as is:
      // when even that is below the threshold, skip both comparisons (the common case between neighbours).
      // (Loose and sorted keys hold the same letters, so `jaroMax` holds for both; only the prefix differs.)
      const m = commonUnits(A.units, B.units);
      const jaroMax = (m / A.loose.length + m / B.loose.length + 1) / 3;
      const looseMax = jaroMax + prefix4(A.loose, B.loose) * 0.1 * (1 - jaroMax);
      const sortedMax = jaroMax + prefix4(A.sorted, B.sorted) * 0.1 * (1 - jaroMax);
      const floor = threshold - 1e-9;
      if (looseMax < floor && sortedMax < floor) return;
      if (A.words.length > 1 && B.words.length > 1 && !shareWord(A, B)) return;
      // The maximum of the two similarities, exact whenever it reaches the threshold: a key whose bound is
      // below it cannot be the maximum then, and equal key pairs are compared once.
      const loose = looseMax < floor ? 0 : jaroWinkler(A.loose, B.loose);
      const sameKeys = A.sorted === A.loose && B.sorted === B.loose;
      similarity = sortedMax < floor ? loose : Math.max(loose, sameKeys && looseMax >= floor ? loose : jaroWinkler(A.sorted, B.sorted));
      if (similarity < threshold) return;
    }
    const [rare, common] = A.count < B.count || (A.count === B.count && A.name > B.name) ? [A, B] : [B, A];
    // The fix text is written for the suggestions kept (after sorting and the limit), not for every pair found.
    found.push({ kind, a: rare.name, b: common.name, similarity: Math.round(similarity * 1000) / 1000, fix: '' });
  };
  keys.forEach((key, r) => {
    const order = orderByKey(key);
    const pos = new Int32Array(order.length);
    order.forEach((v, k) => (pos[v] = k));
    positions.push(pos);
    for (let k = 0; k < order.length; k++) {
      for (let w = 1; w <= window && k + w < order.length; w++) consider(order[k]!, order[k + w]!, r);
      // Equal loose keys can outnumber the window: walk the whole run of equals.
      for (let w = window + 1; k + w < order.length && key[order[k + w]!] === key[order[k]!] && w < 64; w++) consider(order[k]!, order[k + w]!, r);
    }
  });
  found.sort((x, y) => y.similarity - x.similarity || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) || (x.b < y.b ? -1 : 1));
  const kept = found.slice(0, limit);
  for (const f of kept) f.fix = `If "${f.a}" and "${f.b}" are the same ${kind}, add this line to an alias file (columns alias,canonical) and pass it with --aliases: ${formatCsvValue(f.a)},${formatCsvValue(f.b)}`;
  return kept;
}
