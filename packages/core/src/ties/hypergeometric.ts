/**
 * Upper tail of the hypergeometric distribution, computed in log space: the fixed-row null model of
 * co-occurrence (Tumminello et al. 2011, doi:10.1371/journal.pone.0017994; Neal 2013,
 * doi:10.1016/j.socnet.2012.11.001).
 */
import { logChoose } from './special.js';

/**
 * P(X >= k) for X ~ Hypergeometric(N events, a events of i, b events of j): the chance that two actors
 * attending a and b of N events at random share at least k. Summed term by term in log space
 * (log-sum-exp), so tiny p-values keep their relative precision.
 */
export function hypergeometricUpperTail(k: number, N: number, a: number, b: number): number {
  const lo = Math.max(k, 0, a + b - N);
  const hi = Math.min(a, b);
  if (lo > hi) return 0;
  const logDen = logChoose(N, b);
  let max = -Infinity;
  let sum = 0;
  for (let x = lo; x <= hi; x++) {
    const t = logChoose(a, x) + logChoose(N - a, b - x) - logDen;
    if (t > max) {
      sum = sum * Math.exp(max - t) + 1;
      max = t;
    } else sum += Math.exp(t - max);
  }
  const p = Math.exp(max) * sum;
  return p > 1 ? 1 : p;
}
