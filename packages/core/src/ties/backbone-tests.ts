/**
 * The three null models behind `p_value`, each giving one upper-tail p-value P(X >= observed) per tie of a
 * projection (only co-occurring pairs are tested):
 * - fixed-row hypergeometric (Tumminello et al. 2011, doi:10.1371/journal.pone.0017994; Neal 2013, doi:10.1016/j.socnet.2012.11.001);
 * - SDSM with the BiCM (Neal 2014, doi:10.1016/j.socnet.2014.06.001; Saracco et al. 2015, doi:10.1038/srep10595);
 * - disparity filter on `shared_events` (Serrano, Boguñá & Vespignani 2009, doi:10.1073/pnas.0808904106).
 */
import { buildAdjacency } from '../network/adjacency.js';
import { classOf, fitBicm } from './bicm.js';
import { hypergeometricUpperTail } from './hypergeometric.js';
import { poissonBinomialMoments, poissonBinomialTails, poissonBinomialUpperTailRna } from './poisson-binomial.js';

/** What the backbone tests read from a projection (`projectPersons` / `projectOrganisations` results fit). */
export interface BackboneInput {
  length: number;
  src: Int32Array;
  tgt: Int32Array;
  shared: Int32Array;
  newman: Float64Array;
  weighted: Float64Array;
  nodeCount: number;
  nodes: { tieEvents: Int32Array };
  incidence: { eventCount: number; start: Int32Array; ties: Uint8Array };
}

/** Raw p-values per tie and the smallest p-value any tested pair could reach with its degrees (null if unknown). */
export interface PValues {
  p: Float64Array;
  minAchievable: number | null;
}

/** Sizes of the tie-creating events that have at least one actor (the columns of the bipartite matrix). */
export function tieEventSizes(input: BackboneInput): number[] {
  const sizes: number[] = [];
  const { incidence: inc } = input;
  for (let k = 0; k < inc.eventCount; k++) {
    const s = inc.start[k + 1]! - inc.start[k]!;
    if (inc.ties[k] && s > 0) sizes.push(s);
  }
  return sizes;
}

/** Fixed-row hypergeometric p-values: X ~ Hypergeometric(N tie events, d_i, d_j), p = P(X >= shared_events). */
export function hypergeometricPValues(input: BackboneInput): PValues {
  const N = tieEventSizes(input).length;
  const d = input.nodes.tieEvents;
  const p = new Float64Array(input.length);
  let minAchievable = input.length > 0 ? 1 : null;
  // Ties share few distinct (d_i, d_j, k) triples: cache the tails (keys stay below 2^53 for N < 2·10^5).
  const cache = new Map<number, number>();
  const M = N + 1;
  const tail = (k: number, a: number, b: number): number => {
    const key = ((a < b ? a : b) * M + (a < b ? b : a)) * M + k;
    let v = cache.get(key);
    if (v === undefined) {
      v = hypergeometricUpperTail(k, N, a, b);
      cache.set(key, v);
    }
    return v;
  };
  for (let t = 0; t < input.length; t++) {
    const a = d[input.src[t]!]!;
    const b = d[input.tgt[t]!]!;
    p[t] = tail(input.shared[t]!, a, b);
    const best = tail(a < b ? a : b, a, b);
    if (best < minAchievable!) minAchievable = best;
  }
  return { p, minAchievable };
}

export const SDSM_METHODS = ['auto', 'exact', 'rna'] as const;
/** Poisson-binomial tail: exact DP, refined normal approximation, or `auto` (exact unless events × min degree > 5·10⁶ for a pair). */
export type SdsmMethod = (typeof SDSM_METHODS)[number];

/**
 * SDSM p-values: fit the BiCM to actors' tie-event counts and events' sizes, then for each tie
 * X = Σ_e Bernoulli(p_ie · p_je) and p = P(X >= shared_events).
 */
export function sdsmPValues(input: BackboneInput, method: SdsmMethod = 'auto'): PValues & { maxDegreeError: number } {
  const colDeg = tieEventSizes(input);
  const rowDeg: number[] = [];
  const d = input.nodes.tieEvents;
  for (let v = 0; v < input.nodeCount; v++) if (d[v]! > 0) rowDeg.push(d[v]!);
  const fit = fitBicm(rowDeg, colDeg);
  const nr = fit.rowDegrees.length;
  const nc = fit.colDegrees.length;
  const cache = new Map<number, { tails: Float64Array | null; q: Float64Array; top: number }>();
  const p = new Float64Array(input.length);
  let minAchievable = input.length > 0 ? 1 : null;
  for (let t = 0; t < input.length; t++) {
    const a = d[input.src[t]!]!;
    const b = d[input.tgt[t]!]!;
    const ra = classOf(fit.rowDegrees, a);
    const rb = classOf(fit.rowDegrees, b);
    const key = Math.min(ra, rb) * nr + Math.max(ra, rb);
    let entry = cache.get(key);
    if (!entry) {
      const q = new Float64Array(nc);
      for (let c = 0; c < nc; c++) q[c] = fit.prob[ra * nc + c]! * fit.prob[rb * nc + c]!;
      const top = Math.min(a, b);
      const exact = method === 'exact' || (method === 'auto' && colDeg.length * top <= 5e6);
      entry = { tails: exact ? poissonBinomialTails(q, fit.colCounts, top) : null, q, top };
      cache.set(key, entry);
    }
    const k = input.shared[t]!;
    let pv: number;
    let best: number;
    if (entry.tails) {
      pv = entry.tails[Math.min(k, entry.top)]!;
      best = entry.tails[entry.top]!;
    } else {
      const m = poissonBinomialMoments(entry.q, fit.colCounts);
      pv = poissonBinomialUpperTailRna(k, m);
      best = poissonBinomialUpperTailRna(entry.top, m);
    }
    p[t] = pv;
    if (best < minAchievable!) minAchievable = best;
  }
  return { p, minAchievable, maxDegreeError: fit.maxDegreeError };
}

export const DISPARITY_WEIGHTS = ['shared_events', 'newman', 'weighted'] as const;
/** Tie weight read by the disparity filter. */
export type DisparityWeight = (typeof DISPARITY_WEIGHTS)[number];

/**
 * Disparity-filter p-values: for endpoint i with degree k_i and strength s_i, α_i = (1 − w/s_i)^(k_i − 1);
 * a tie's p-value is the smaller of its two endpoints' (kept when either endpoint finds it significant).
 */
export function disparityPValues(input: BackboneInput, weight: DisparityWeight = 'shared_events'): PValues {
  const w: ArrayLike<number> = weight === 'shared_events' ? input.shared : weight === 'newman' ? input.newman : input.weighted;
  const adj = buildAdjacency(input.nodeCount, input.src, input.tgt, input.length);
  const strength = new Float64Array(input.nodeCount);
  for (let t = 0; t < input.length; t++) {
    strength[input.src[t]!]! += w[t]!;
    strength[input.tgt[t]!]! += w[t]!;
  }
  const p = new Float64Array(input.length);
  for (let t = 0; t < input.length; t++) {
    let best = 1;
    for (const v of [input.src[t]!, input.tgt[t]!]) {
      const k = adj.start[v + 1]! - adj.start[v]!;
      const s = strength[v]!;
      const a = s > 0 ? Math.pow(1 - w[t]! / s, k - 1) : 1;
      if (a < best) best = a;
    }
    p[t] = best;
  }
  return { p, minAchievable: null };
}
