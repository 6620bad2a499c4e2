/**
 * Numerical helpers for the backbone tests: log-factorials, log-binomials, log-sum-exp accumulation and
 * the standard normal distribution (erfc by series and continued fraction, accurate to ~1e-15).
 */

let logFactorialTable = new Float64Array([0, 0]);

/** ln(n!) for an integer n >= 0 (table grown on demand by summing ln k, exact to rounding). */
export function logFactorial(n: number): number {
  if (n >= logFactorialTable.length) {
    const size = Math.max(n + 1, logFactorialTable.length * 2);
    const t = new Float64Array(size);
    t.set(logFactorialTable);
    for (let k = logFactorialTable.length; k < size; k++) t[k] = t[k - 1]! + Math.log(k);
    logFactorialTable = t;
  }
  return logFactorialTable[n]!;
}

/** ln C(n, k); -Infinity when k < 0 or k > n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

const SQRT_PI = Math.sqrt(Math.PI);

/** Complementary error function. */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    // erf(x) = 2/√π · e^{-x²} · Σ 2^n x^{2n+1} / (1·3·…·(2n+1)): positive terms, no cancellation.
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - ((2 / SQRT_PI) * Math.exp(-x2) * sum);
  }
  // Continued fraction erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
