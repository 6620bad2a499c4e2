/**
 * The Bipartite Configuration Model (Saracco et al. 2015, doi:10.1038/srep10595): the maximum-entropy
 * probabilities p_ie = x_i y_e / (1 + x_i y_e) that reproduce every actor's and every event's degree on
 * average. Fitted by the fixed-point iteration of Saracco et al. on degree classes (actors or events with
 * the same degree share one parameter), so the cost depends on the number of distinct degrees only.
 */

/** A fitted BiCM on degree classes. */
export interface BicmFit {
  /** Distinct row (actor) degrees, ascending, and how many rows have each. */
  rowDegrees: Float64Array;
  rowCounts: Float64Array;
  /** Distinct column (event) degrees, ascending, and how many columns have each. */
  colDegrees: Float64Array;
  colCounts: Float64Array;
  /** Probability that a row of class r attends a column of class c: `prob[r * colClasses + c]`. */
  prob: Float64Array;
  /** Largest absolute error between expected and observed degrees (rows and columns). */
  maxDegreeError: number;
  iterations: number;
}

function classes(degrees: ArrayLike<number>): { values: Float64Array; counts: Float64Array } {
  const m = new Map<number, number>();
  for (let i = 0; i < degrees.length; i++) m.set(degrees[i]!, (m.get(degrees[i]!) ?? 0) + 1);
  const values = Float64Array.from([...m.keys()].sort((a, b) => a - b));
  const counts = Float64Array.from(values, (v) => m.get(v)!);
  return { values, counts };
}

/**
 * Fit the BiCM to row and column degrees (rows = actors with their event counts, columns = events with their
 * sizes; both sums must agree). Rows of degree 0 or equal to the column count, and columns of degree 0 or
 * equal to the row count, have probability 0 or 1 exactly and are fixed before the iteration.
 */
export function fitBicm(rowDegrees: ArrayLike<number>, colDegrees: ArrayLike<number>, tolerance = 1e-13, maxIterations = 100_000): BicmFit {
  const R = classes(rowDegrees);
  const C = classes(colDegrees);
  const nr = R.values.length;
  const nc = C.values.length;
  // Fixed classes: 0 = free, 1 = all ones, -1 = all zeros. Fixing one class changes the residual degrees of
  // the others (a full row fills one place in every column), so repeat until nothing changes.
  const rowFix = new Int8Array(nr);
  const colFix = new Int8Array(nc);
  // When each class was fixed: a cell takes the value of whichever of its row and column was fixed first.
  const rowStep = new Int32Array(nr);
  const colStep = new Int32Array(nc);
  let step = 0;
  const dRow = Float64Array.from(R.values);
  const dCol = Float64Array.from(C.values);
  for (let changed = true; changed; ) {
    changed = false;
    let freeRowCount = 0;
    let freeColCount = 0;
    for (let r = 0; r < nr; r++) if (rowFix[r] === 0) freeRowCount += R.counts[r]!;
    for (let c = 0; c < nc; c++) if (colFix[c] === 0) freeColCount += C.counts[c]!;
    for (let r = 0; r < nr; r++) {
      if (rowFix[r] !== 0) continue;
      const fix = dRow[r]! <= 0 ? -1 : dRow[r]! >= freeColCount ? 1 : 0;
      if (fix === 0) continue;
      rowFix[r] = fix;
      rowStep[r] = ++step;
      changed = true;
      freeRowCount -= R.counts[r]!;
      if (fix === 1) for (let c = 0; c < nc; c++) if (colFix[c] === 0) dCol[c] = dCol[c]! - R.counts[r]!;
    }
    for (let c = 0; c < nc; c++) {
      if (colFix[c] !== 0) continue;
      const fix = dCol[c]! <= 0 ? -1 : dCol[c]! >= freeRowCount ? 1 : 0;
      if (fix === 0) continue;
      colFix[c] = fix;
      colStep[c] = ++step;
      changed = true;
      freeColCount -= C.counts[c]!;
      if (fix === 1) for (let r = 0; r < nr; r++) if (rowFix[r] === 0) dRow[r] = dRow[r]! - C.counts[c]!;
    }
  }
  let freeRows = false;
  let freeCols = false;
  for (let r = 0; r < nr; r++) if (rowFix[r] === 0) freeRows = true;
  for (let c = 0; c < nc; c++) if (colFix[c] === 0) freeCols = true;

  let total = 0;
  for (let r = 0; r < nr; r++) if (rowFix[r] === 0) total += dRow[r]! * R.counts[r]!;
  const x = Float64Array.from(dRow, (d) => d / Math.sqrt(Math.max(total, 1)));
  const y = Float64Array.from(dCol, (d) => d / Math.sqrt(Math.max(total, 1)));
  let iterations = 0;
  if (freeRows && freeCols) {
    for (; iterations < maxIterations; iterations++) {
      let change = 0;
      for (let r = 0; r < nr; r++) {
        if (rowFix[r] !== 0) continue;
        let s = 0;
        for (let c = 0; c < nc; c++) if (colFix[c] === 0) s += (C.counts[c]! * y[c]!) / (1 + x[r]! * y[c]!);
        const v = dRow[r]! / s;
        change = Math.max(change, Math.abs(v - x[r]!) / v);
        x[r] = v;
      }
      for (let c = 0; c < nc; c++) {
        if (colFix[c] !== 0) continue;
        let s = 0;
        for (let r = 0; r < nr; r++) if (rowFix[r] === 0) s += (R.counts[r]! * x[r]!) / (1 + x[r]! * y[c]!);
        const v = dCol[c]! / s;
        change = Math.max(change, Math.abs(v - y[c]!) / v);
        y[c] = v;
      }
      if (change < tolerance) break;
    }
  }
  const prob = new Float64Array(nr * nc);
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      let p: number;
      const rf = rowFix[r]!;
      const cf = colFix[c]!;
      if (rf !== 0 && (cf === 0 || rowStep[r]! < colStep[c]!)) p = rf === 1 ? 1 : 0;
      else if (cf !== 0) p = cf === 1 ? 1 : 0;
      else {
        const xy = x[r]! * y[c]!;
        p = xy / (1 + xy);
      }
      prob[r * nc + c] = p;
    }
  }
  let maxDegreeError = 0;
  for (let r = 0; r < nr; r++) {
    let s = 0;
    for (let c = 0; c < nc; c++) s += C.counts[c]! * prob[r * nc + c]!;
    maxDegreeError = Math.max(maxDegreeError, Math.abs(s - R.values[r]!));
  }
  for (let c = 0; c < nc; c++) {
    let s = 0;
    for (let r = 0; r < nr; r++) s += R.counts[r]! * prob[r * nc + c]!;
    maxDegreeError = Math.max(maxDegreeError, Math.abs(s - C.values[c]!));
  }
  return { rowDegrees: R.values, rowCounts: R.counts, colDegrees: C.values, colCounts: C.counts, prob, maxDegreeError, iterations };
}

/** Class index of a degree in a sorted class list (binary search). */
export function classOf(values: Float64Array, degree: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < degree) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
