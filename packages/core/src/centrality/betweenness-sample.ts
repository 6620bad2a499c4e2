/**
 * Pivot sampling for the betweenness estimate of Brandes & Pich (2007), "Centrality estimation in large
 * networks", doi:10.1142/S0218127407018403: the dependencies δ_s(v) of k pivots s drawn uniformly without
 * replacement, scaled by n/k (unbiased for the sum over all n sources). The standard error of each estimate
 * comes from the spread of the pivots' own contributions (the usual estimate for a sample mean drawn without
 * replacement, with the finite-population factor 1 − k/n).
 */
import { createRng } from '../community/rng.js';

/** k distinct pivots among 0 .. n − 1, uniform without replacement (partial Fisher–Yates), sorted ascending. */
export function choosePivots(n: number, k: number, seed: number): Int32Array {
  const take = Math.max(0, Math.min(n, Math.floor(k)));
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const rng = createRng(seed);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  return perm.slice(0, take).sort();
}

/**
 * Turn pivot sums into estimates of the raw betweenness (each unordered pair once): value = n/k · Σ δ / 2,
 * standard error = n/2 · sqrt((1 − k/n) · s²/k) with s² the sample variance of the k contributions.
 * Writes both arrays in place of `sum` / `squares`.
 */
export function scalePivotSums(sum: Float64Array, squares: Float64Array, n: number, k: number): void {
  const scale = n / k / 2;
  const fpc = k < n ? 1 - k / n : 0;
  for (let v = 0; v < sum.length; v++) {
    const s = sum[v]!;
    const mean = s / k;
    const variance = k > 1 ? Math.max(0, (squares[v]! - s * mean) / (k - 1)) : 0;
    sum[v] = s * scale;
    squares[v] = (n / 2) * Math.sqrt((fpc * variance) / k);
  }
}

/**
 * One number for the report: the relative standard error (standard error / estimate) of the node with the
 * largest estimate (the first such node), or null when every estimate is 0.
 */
export function topRelativeError(values: Float64Array, standardError: Float64Array): number | null {
  return topRelativeErrors(values, standardError, 1).top;
}

/**
 * The stated error of an estimate: the relative standard error of the largest estimate (`top`) and the mean
 * relative standard error over the `count` largest positive estimates (`mean`; ties broken by node number);
 * both null when every estimate is 0. With the normal approximation the true value lies within ±2 standard
 * errors of its estimate for about 95 % of nodes.
 */
export function topRelativeErrors(values: Float64Array, standardError: Float64Array, count: number): { top: number | null; mean: number | null } {
  const best: number[] = [];
  for (let v = 0; v < values.length; v++) {
    const x = values[v]!;
    if (!(x > 0)) continue;
    if (best.length === count && !(x > values[best[count - 1]!]!)) continue;
    let i = best.length;
    while (i > 0 && values[best[i - 1]!]! < x) i--;
    best.splice(i, 0, v);
    if (best.length > count) best.pop();
  }
  if (best.length === 0) return { top: null, mean: null };
  let sum = 0;
  for (const v of best) sum += standardError[v]! / values[v]!;
  return { top: standardError[best[0]!]! / values[best[0]!]!, mean: sum / best.length };
}
