/**
 * Louvain community detection (Blondel et al. 2008, doi:10.1088/1742-5468/2008/10/P10008) straight on an
 * undirected CSR with Float64 weights: local moving in a seeded random order, then aggregation, until no node
 * moves. Used for networks too large to copy into a graphology graph; memory is a few arrays per node and
 * per adjacency entry. Same CSR, weights and seed → same communities. Labels are 0, 1, … in node order
 * (over the nodes flagged in `present`), like `communities` in community/louvain.ts; the partitions of the
 * two implementations can differ (different move order), both are Louvain optima.
 */

/** Options of `compactLouvain`. */
export interface CompactLouvainOptions {
  /** Random source in [0, 1) (seeded by the caller). */
  rng: () => number;
  /** Modularity resolution. Default: 1. */
  resolution?: number;
  /** Stop a level's local moving when a sweep gains less than this modularity. Default: 1e-7. */
  tolerance?: number;
  /** Most local-moving sweeps per level. Default: 50. */
  maxSweeps?: number;
}

/** A compact undirected graph: neighbours of v are `neighbour[start[v] .. start[v+1]-1]`, weight per entry. */
export interface WeightedCsr {
  start: Int32Array;
  neighbour: Int32Array;
  weight: Float64Array;
}

interface Level {
  n: number;
  start: Int32Array;
  neighbour: Int32Array;
  weight: Float64Array;
  /** Self-loop weight of each (aggregated) node, counted once. */
  loop: Float64Array;
}

function localMoving(g: Level, rng: () => number, resolution: number, tolerance: number, maxSweeps: number, m2: number): { comm: Int32Array; moved: boolean } {
  const { n, start, neighbour, weight, loop } = g;
  const k = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 2 * loop[v]!;
    for (let x = start[v]!, end = start[v + 1]!; x < end; x++) s += weight[x]!;
    k[v] = s;
  }
  const comm = Int32Array.from({ length: n }, (_, v) => v);
  const tot = Float64Array.from(k);
  const order = Int32Array.from({ length: n }, (_, v) => v);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const linkW = new Float64Array(n);
  const linkStamp = new Int32Array(n).fill(-1);
  const linked = new Int32Array(n);
  let moved = false;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let gain = 0;
    let moves = 0;
    for (let q = 0; q < n; q++) {
      const v = order[q]!;
      const a = start[v]!, b = start[v + 1]!;
      if (a === b) continue;
      const own = comm[v]!;
      let count = 0;
      linkStamp[own] = v;
      linkW[own] = 0;
      linked[count++] = own;
      for (let x = a; x < b; x++) {
        const u = neighbour[x]!;
        if (u === v) continue;
        const c = comm[u]!;
        if (linkStamp[c] !== v) {
          linkStamp[c] = v;
          linkW[c] = 0;
          linked[count++] = c;
        }
        linkW[c]! += weight[x]!;
      }
      const kv = k[v]!;
      tot[own]! -= kv;
      const scale = (resolution * kv) / m2;
      let best = own;
      let bestGain = linkW[own]! - tot[own]! * scale;
      const stay = bestGain;
      for (let y = 1; y < count; y++) {
        const c = linked[y]!;
        const gc = linkW[c]! - tot[c]! * scale;
        if (gc > bestGain || (gc === bestGain && c < best)) {
          bestGain = gc;
          best = c;
        }
      }
      tot[best]! += kv;
      if (best !== own) {
        comm[v] = best;
        moves++;
        gain += (bestGain - stay) / m2;
      }
    }
    if (moves > 0) moved = true;
    if (moves === 0 || gain < tolerance) break;
  }
  return { comm, moved };
}

function aggregate(g: Level, comm: Int32Array): { level: Level; renumber: Int32Array } {
  const { n, start, neighbour, weight, loop } = g;
  const renumber = new Int32Array(n).fill(-1);
  let nc = 0;
  for (let v = 0; v < n; v++) {
    const c = comm[v]!;
    if (renumber[c] === -1) renumber[c] = nc++;
  }
  const of = new Int32Array(n);
  for (let v = 0; v < n; v++) of[v] = renumber[comm[v]!]!;
  // Members of each community (CSR).
  const mStart = new Int32Array(nc + 1);
  for (let v = 0; v < n; v++) mStart[of[v]! + 1]!++;
  for (let c = 0; c < nc; c++) mStart[c + 1]! += mStart[c]!;
  const fill = mStart.slice(0, nc);
  const members = new Int32Array(n);
  for (let v = 0; v < n; v++) members[fill[of[v]!]!++] = v;
  const newLoop = new Float64Array(nc);
  const stamp = new Int32Array(nc).fill(-1);
  const acc = new Float64Array(nc);
  const touched = new Int32Array(nc);
  // First pass: the number of distinct neighbour communities of each community, so that the aggregated lists
  // are allocated at their exact size (no growing buffer sized like the whole level, no copy at the end).
  const nStart = new Int32Array(nc + 1);
  for (let c = 0; c < nc; c++) {
    let count = 0;
    for (let y = mStart[c]!; y < mStart[c + 1]!; y++) {
      const v = members[y]!;
      for (let x = start[v]!, end = start[v + 1]!; x < end; x++) {
        const d = of[neighbour[x]!]!;
        if (d === c || stamp[d] === c) continue;
        stamp[d] = c;
        count++;
      }
    }
    nStart[c + 1] = nStart[c]! + count;
  }
  stamp.fill(-1);
  const nb = new Int32Array(nStart[nc]!);
  const wt = new Float64Array(nStart[nc]!);
  let m = 0;
  for (let c = 0; c < nc; c++) {
    let count = 0;
    let self = 0;
    for (let y = mStart[c]!; y < mStart[c + 1]!; y++) {
      const v = members[y]!;
      self += loop[v]!;
      for (let x = start[v]!, end = start[v + 1]!; x < end; x++) {
        const d = of[neighbour[x]!]!;
        const w = weight[x]!;
        if (d === c) {
          self += w / 2;
          continue;
        }
        if (stamp[d] !== c) {
          stamp[d] = c;
          acc[d] = 0;
          touched[count++] = d;
        }
        acc[d]! += w;
      }
    }
    newLoop[c] = self;
    const list = touched.subarray(0, count).sort();
    for (let y = 0; y < count; y++) {
      nb[m] = list[y]!;
      wt[m] = acc[list[y]!]!;
      m++;
    }
  }
  return { level: { n: nc, start: nStart, neighbour: nb, weight: wt, loop: newLoop }, renumber: of };
}

/**
 * Louvain communities of a weighted CSR. Returns, per node, its community label (labels 0, 1, … in order of
 * the first node flagged in `present` that holds them; nodes not present get -1).
 */
export function compactLouvain(g: WeightedCsr, present: Uint8Array, options: CompactLouvainOptions): Int32Array {
  const resolution = options.resolution ?? 1;
  const tolerance = options.tolerance ?? 1e-7;
  const maxSweeps = options.maxSweeps ?? 50;
  const n = g.start.length - 1;
  let m2 = 0;
  for (let x = 0; x < g.weight.length; x++) m2 += g.weight[x]!;
  // Which top-level community each original node is in (initially itself).
  const label = Int32Array.from({ length: n }, (_, v) => v);
  if (m2 > 0) {
    let level: Level = { n, start: g.start, neighbour: g.neighbour, weight: g.weight, loop: new Float64Array(n) };
    for (;;) {
      const { comm, moved } = localMoving(level, options.rng, resolution, tolerance, maxSweeps, m2);
      if (!moved) break;
      const { level: next, renumber } = aggregate(level, comm);
      for (let v = 0; v < n; v++) label[v] = renumber[label[v]!]!;
      if (next.n === level.n) break;
      level = next;
    }
  }
  const out = new Int32Array(n).fill(-1);
  const relabel = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    if (!present[v]) continue;
    const c = label[v]!;
    let r = relabel.get(c);
    if (r === undefined) {
      r = relabel.size;
      relabel.set(c, r);
    }
    out[v] = r;
  }
  return out;
}

/** Modularity of a partition of a weighted CSR (Newman 2006), for tests and reports. */
export function modularityOf(g: WeightedCsr, comm: Int32Array, resolution = 1): number {
  const n = g.start.length - 1;
  let m2 = 0;
  const k = new Float64Array(n);
  for (let v = 0; v < n; v++) for (let x = g.start[v]!; x < g.start[v + 1]!; x++) (k[v]! += g.weight[x]!, (m2 += g.weight[x]!));
  if (m2 === 0) return 0;
  const tot = new Map<number, number>();
  let inside = 0;
  for (let v = 0; v < n; v++) {
    const c = comm[v]!;
    if (c < 0) continue;
    tot.set(c, (tot.get(c) ?? 0) + k[v]!);
    for (let x = g.start[v]!; x < g.start[v + 1]!; x++) if (comm[g.neighbour[x]!] === c) inside += g.weight[x]!;
  }
  let q = inside / m2;
  for (const t of tot.values()) q -= resolution * (t / m2) * (t / m2);
  return q;
}
