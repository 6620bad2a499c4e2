/**
 * Compact undirected adjacency (CSR over Int32Array) built from edge columns, and the tie measures that
 * only need the edge set: neighbourhood overlap and local bridges (Onnela et al. 2007,
 * doi:10.1073/pnas.0610245104).
 */

/** Undirected CSR: the neighbours of node v are `neighbour[start[v] .. start[v+1]-1]`, ascending, with their edge numbers. */
export interface Adjacency {
  nodeCount: number;
  start: Int32Array;
  neighbour: Int32Array;
  /** Edge number (index into the edge columns) of each adjacency entry. */
  edge: Int32Array;
}

/** Build the CSR of an undirected simple graph given by edge endpoint columns. */
export function buildAdjacency(nodeCount: number, src: Int32Array, tgt: Int32Array, length = src.length): Adjacency {
  const start = new Int32Array(nodeCount + 1);
  for (let t = 0; t < length; t++) {
    start[src[t]! + 1]!++;
    start[tgt[t]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, nodeCount);
  const neighbour = new Int32Array(2 * length);
  const edge = new Int32Array(2 * length);
  // Counting-sort the entries by neighbour so that each list ends up ascending.
  const order = new Int32Array(2 * length);
  const byNeighbour = new Int32Array(nodeCount + 1);
  for (let t = 0; t < length; t++) {
    byNeighbour[src[t]! + 1]!++;
    byNeighbour[tgt[t]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) byNeighbour[v + 1]! += byNeighbour[v]!;
  for (let t = 0; t < length; t++) {
    order[byNeighbour[tgt[t]!]!++] = 2 * t;
    order[byNeighbour[src[t]!]!++] = 2 * t + 1;
  }
  for (let q = 0; q < 2 * length; q++) {
    const code = order[q]!;
    const t = code >> 1;
    // code even: entry in src's list pointing at tgt; odd: entry in tgt's list pointing at src.
    const owner = code & 1 ? tgt[t]! : src[t]!;
    const other = code & 1 ? src[t]! : tgt[t]!;
    const at = fill[owner]!++;
    neighbour[at] = other;
    edge[at] = t;
  }
  return { nodeCount, start, neighbour, edge };
}

/** Common neighbours, neighbourhood overlap and local-bridge flag per edge. */
export interface OverlapColumns {
  common: Int32Array;
  /** Onnela et al. (2007): common / (deg(i) − 1 + deg(j) − 1 − common); 0 when the denominator is 0. */
  overlap: Float64Array;
  /** 1 when the endpoints have no common neighbour. */
  localBridge: Uint8Array;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/**
 * Common neighbours of every edge. Dense graphs use neighbour bitsets (m · n/32 word ANDs); sparse ones mark
 * the neighbours of each node and scan, per edge, the list of the lower-degree endpoint (Σ min-degree).
 */
export function commonNeighbours(adj: Adjacency, src: Int32Array, tgt: Int32Array, length = src.length): Int32Array {
  const { start, neighbour, edge, nodeCount: n } = adj;
  const common = new Int32Array(length);
  const words = (n + 31) >>> 5;
  let scanCost = 0;
  for (let t = 0; t < length; t++) {
    const di = start[src[t]! + 1]! - start[src[t]!]!;
    const dj = start[tgt[t]! + 1]! - start[tgt[t]!]!;
    scanCost += di < dj ? di : dj;
  }
  if (n * words <= 32 * 1024 * 1024 && length * words < scanCost) {
    const bits = new Int32Array(n * words);
    for (let v = 0; v < n; v++) {
      const base = v * words;
      for (let x = start[v]!, end = start[v + 1]!; x < end; x++) {
        const u = neighbour[x]!;
        bits[base + (u >>> 5)]! |= 1 << (u & 31);
      }
    }
    for (let t = 0; t < length; t++) {
      const a = src[t]! * words;
      const b = tgt[t]! * words;
      let c = 0;
      for (let w = 0; w < words; w++) {
        const x = bits[a + w]! & bits[b + w]!;
        if (x !== 0) c += popcount(x);
      }
      common[t] = c;
    }
    return common;
  }
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const a = start[u]!;
    const b = start[u + 1]!;
    const du = b - a;
    if (du < 2) continue;
    let marked = false;
    for (let x = a; x < b; x++) {
      const v = neighbour[x]!;
      const dv = start[v + 1]! - start[v]!;
      // Each edge is handled once, from its higher-degree endpoint (ties broken by index).
      if (dv > du || (dv === du && v < u)) continue;
      if (!marked) {
        for (let y = a; y < b; y++) mark[neighbour[y]!] = u;
        marked = true;
      }
      let c = 0;
      for (let y = start[v]!, end = start[v + 1]!; y < end; y++) if (mark[neighbour[y]!] === u) c++;
      common[edge[x]!] = c;
    }
  }
  return common;
}

/** Neighbourhood overlap and local-bridge flag of every edge. */
export function neighbourhoodOverlap(adj: Adjacency, src: Int32Array, tgt: Int32Array, length = src.length): OverlapColumns {
  return overlapFromCommon(adj, src, tgt, length, commonNeighbours(adj, src, tgt, length));
}

/** Overlap and local bridges from common-neighbour counts computed elsewhere (e.g. in a pass over triangles). */
export function overlapFromCommon(adj: Adjacency, src: Int32Array, tgt: Int32Array, length: number, common: Int32Array): OverlapColumns {
  const { start } = adj;
  const overlap = new Float64Array(length);
  const localBridge = new Uint8Array(length);
  for (let t = 0; t < length; t++) {
    const c = common[t]!;
    const i = src[t]!;
    const j = tgt[t]!;
    const den = start[i + 1]! - start[i]! - 1 + (start[j + 1]! - start[j]! - 1) - c;
    overlap[t] = den > 0 ? c / den : 0;
    localBridge[t] = c === 0 ? 1 : 0;
  }
  return { common, overlap, localBridge };
}
