/**
 * Upper tails of the Poisson-binomial distribution (a sum of independent Bernoulli trials with their own
 * probabilities), exactly by dynamic programming or by the refined normal approximation (RNA) of
 * Hong (2013), doi:10.1016/j.csda.2012.10.006. Trials come in groups of equal probability.
 */
import { normalCdf, normalPdf } from './special.js';

/**
 * Exact P(X >= k) for k = 0..top, as an array `tail` with `tail[k] = P(X >= k)`. Trials: `counts[g]` trials of
 * probability `probs[g]`. The DP keeps states 0..top with `top` absorbing (mass of X >= top), so the upper tail
 * is summed from small terms and keeps its relative precision.
 */
export function poissonBinomialTails(probs: Float64Array, counts: Float64Array, top: number): Float64Array {
  const dist = new Float64Array(top + 1);
  dist[0] = 1;
  if (top > 0) {
    for (let g = 0; g < probs.length; g++) {
      const p = probs[g]!;
      if (p === 0) continue;
      const q = 1 - p;
      for (let rep = 0; rep < counts[g]!; rep++) {
        dist[top] = dist[top]! + dist[top - 1]! * p;
        for (let s = top - 1; s >= 1; s--) dist[s] = dist[s]! * q + dist[s - 1]! * p;
        dist[0] = dist[0]! * q;
      }
    }
  }
  const tail = new Float64Array(top + 1);
  let acc = 0;
  for (let s = top; s >= 0; s--) {
    acc += dist[s]!;
    tail[s] = Math.min(1, acc);
  }
  return tail;
}

/** Moments of a grouped Poisson-binomial: mean, standard deviation, skewness. */
export interface PoissonBinomialMoments {
  mean: number;
  sd: number;
  skewness: number;
}

export function poissonBinomialMoments(probs: Float64Array, counts: Float64Array): PoissonBinomialMoments {
  let mean = 0;
  let v = 0;
  let m3 = 0;
  for (let g = 0; g < probs.length; g++) {
    const p = probs[g]!;
    const c = counts[g]!;
    mean += c * p;
    v += c * p * (1 - p);
    m3 += c * p * (1 - p) * (1 - 2 * p);
  }
  const sd = Math.sqrt(v);
  return { mean, sd, skewness: sd > 0 ? m3 / (sd * sd * sd) : 0 };
}

/** RNA: P(X >= k) ≈ 1 − G((k − 1 + 0.5 − μ)/σ), G(x) = Φ(x) + γ(1 − x²)φ(x)/6, clipped to [0, 1]. */
export function poissonBinomialUpperTailRna(k: number, m: PoissonBinomialMoments): number {
  if (m.sd === 0) return k <= m.mean + 1e-12 ? 1 : 0;
  const x = (k - 0.5 - m.mean) / m.sd;
  const g = normalCdf(x) + (m.skewness * (1 - x * x) * normalPdf(x)) / 6;
  const p = 1 - g;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
