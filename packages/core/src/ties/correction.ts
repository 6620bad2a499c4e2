/**
 * Multiple-testing corrections returning adjusted p-values: Holm (1979) step-down family-wise control
 * (doi:10.2307/4615733) and Benjamini–Hochberg (1995) false-discovery-rate control (doi:10.1111/j.2517-6161.1995.tb02031.x).
 */
import type { Correction } from '../network/types.js';

/** Adjusted p-values (same order as the input); `none` returns a copy. m = number of p-values given. */
export function adjustPValues(p: Float64Array, correction: Correction): Float64Array {
  const m = p.length;
  const out = new Float64Array(p);
  if (correction === 'none' || m === 0) return out;
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => p[a]! - p[b]! || a - b);
  if (correction === 'holm') {
    let running = 0;
    for (let r = 0; r < m; r++) {
      const i = order[r]!;
      const v = Math.min(1, (m - r) * p[i]!);
      if (v > running) running = v;
      out[i] = running;
    }
  } else {
    let running = 1;
    for (let r = m - 1; r >= 0; r--) {
      const i = order[r]!;
      const v = Math.min(1, (m / (r + 1)) * p[i]!);
      if (v < running) running = v;
      out[i] = running;
    }
  }
  return out;
}

/**
 * The raw p-value a test must beat for its adjusted p-value to be able to fall below alpha: alpha for none
 * and BH (an adjusted p-value is never below the raw one), alpha / m for Holm (the smallest adjusted value is m·p_min).
 */
export function rawThreshold(alpha: number, correction: Correction, m: number): number {
  return correction === 'holm' && m > 0 ? alpha / m : alpha;
}
