/**
 * The Brandes (2001, doi:10.1080/0022250X.2001.9990249) kernel on a CSR of typed arrays: per source, a
 * shortest-path pass (BFS for hop counts, Dijkstra with a binary heap on typed arrays for lengths) and the
 * dependency accumulation δ_s(v) = Σ_{w: v ∈ P_s(w)} σ_sv/σ_sw · (1 + δ_s(w)), summed over a set of sources.
 * Used for the exact values (every node a source) and for the Brandes & Pich (2007,
 * doi:10.1142/S0218127407018403) pivot estimate (a sample of sources), in one thread or split over workers.
 *
 * Layout: `order` (the BFS queue / Dijkstra settle order) doubles as the stack of the dependency pass; every
 * buffer is allocated once per workspace and reset only where a source touched it. The unweighted pass pulls
 * dependencies from the next BFS level (δ_s(w) = σ_sw · Σ_{v: d(v) = d(w)+1} (1 + δ_s(v))/σ_sv), so it stores
 * no predecessor lists; the weighted pass records predecessors in a per-node slice of one Int32Array
 * (capacity = degree, laid out like the CSR).
 *
 * Determinism across threads: sources are cut into `betweennessBlocks(k)` blocks that depend on k only; each
 * block is summed from zero and the block sums are added in block order. One thread or many, the floating-point
 * operations are the same, so the results are bitwise identical.
 *
 * The two pass functions (`brandesBfs`, `brandesDijkstra`) are self-contained (no imports, no module state,
 * no closures) because the Node worker runner evaluates their source text in each worker.
 */

/** The part of a compact graph the kernel reads: an undirected CSR (`neighbour[start[v] .. start[v+1])`). */
export interface Csr {
  start: Int32Array;
  neighbour: Int32Array;
}

/** Sources of one kernel call: explicit node numbers, or the range `from .. to − 1`. */
export type SourceSet = Int32Array | { from: number; to: number };

/** Reusable buffers of the kernel for graphs of up to `n` nodes and `entries` adjacency entries. */
export interface BrandesWorkspace {
  n: number;
  entries: number;
  /** BFS: 1 once seen (a byte per node, so it stays in L1 cache). */
  seen: Uint8Array;
  /** Path length (Dijkstra), Infinity when unseen. */
  dist: Float64Array;
  sigma: Float64Array;
  /** BFS: per-level mask (0 outside the level); Dijkstra: δ. */
  coef: Float64Array;
  order: Int32Array;
  /** BFS: first position of each level in `order`. */
  levelStart: Int32Array;
  /** Dijkstra with `ExactLengths` only: residues of each node's length (n × R) and its shortest-path parent. */
  nodeRes: Float64Array;
  parentNode: Int32Array;
  /** Dijkstra only: predecessors (slice start[v] .. start[v] + predCount[v]), settled flags, heap. */
  pred: Int32Array;
  predCount: Int32Array;
  done: Uint8Array;
  heapNode: Int32Array;
  heapKey: Float64Array;
}

/** Allocate the kernel's buffers once; reuse them for every call on graphs of the same size. */
export function createBrandesWorkspace(n: number, entries: number, weighted: boolean): BrandesWorkspace {
  const seen = new Uint8Array(n);
  const dist = new Float64Array(weighted ? n : 0).fill(Infinity);
  return {
    n,
    entries,
    seen,
    dist,
    sigma: new Float64Array(n),
    coef: new Float64Array(n),
    order: new Int32Array(n),
    levelStart: new Int32Array(n + 2),
    nodeRes: new Float64Array(0),
    parentNode: new Int32Array(weighted ? n : 0),
    pred: new Int32Array(weighted ? entries : 0),
    predCount: new Int32Array(weighted ? n : 0),
    done: new Uint8Array(weighted ? n : 0),
    heapNode: new Int32Array(weighted ? entries + 1 : 0),
    heapKey: new Float64Array(weighted ? entries + 1 : 0),
  };
}

export interface BrandesKernelOptions {
  /** Path length per adjacency entry (layout of `neighbour`), > 0 or Infinity (no edge); null: hop counts. Default: null. */
  length?: Float64Array | null;
  /**
   * Two lengths a and b are equal when |a − b| ≤ tolerance · max(a, b). Use 0 when the lengths are exact
   * (integers below 2^53, see `pathLengths`). Ignored when unweighted. Default: 0.
   */
  tolerance?: number;
  /** Accumulate Σ_s δ_s(v) into this array (not cleared). Default: a new zero array. */
  out?: Float64Array;
  /** Also accumulate Σ_s δ_s(v)² here (the sampled estimate's standard error). Default: null. */
  squares?: Float64Array | null;
  /** Buffers to reuse. Default: allocated for this call. */
  workspace?: BrandesWorkspace;
  /** Exact comparison of lengths beyond 53-bit integers (see `ExactLengths`); `tolerance` is ignored then. Default: null. */
  exact?: ExactLengths | null;
  /**
   * Multiplicity of each listed source (aligned with an Int32Array `sources`): its dependencies count this many
   * times (closed twins, see `closedTwinSources`). Default: null (1 each).
   */
  sourceWeight?: Float64Array | null;
}

/**
 * Σ over the given sources s of the dependency δ_s(v), for every node v (δ_s(s) = 0). Over all sources of an
 * undirected graph this is twice the raw betweenness (each unordered pair is seen from both ends).
 */
export function betweennessFromSources(csr: Csr, sources: SourceSet, options: BrandesKernelOptions = {}): Float64Array {
  const n = csr.start.length - 1;
  const length = options.length ?? null;
  const out = options.out ?? new Float64Array(n);
  const squares = options.squares ?? null;
  let ws = options.workspace;
  if (!ws || ws.n < n || (length !== null && ws.pred.length < csr.neighbour.length)) ws = createBrandesWorkspace(n, csr.neighbour.length, length !== null);
  const list = sources instanceof Int32Array ? sources : null;
  const listWeight = list ? (options.sourceWeight ?? null) : null;
  const from = list ? 0 : (sources as { from: number }).from;
  const to = list ? list.length : (sources as { to: number }).to;
  const exact = length === null ? null : (options.exact ?? null);
  const R = exact === null ? 0 : exact.primes.length;
  if (length !== null && (ws.parentNode.length < n || ws.nodeRes.length < n * R)) {
    ws.parentNode = new Int32Array(n);
    ws.nodeRes = new Float64Array(n * R);
  }
  if (length === null) brandesBfs(csr.start, csr.neighbour, list, listWeight, from, to, ws.seen, ws.sigma, ws.coef, ws.order, ws.levelStart, componentSizes(csr), out, squares);
  else
    brandesDijkstra(
      csr.start, csr.neighbour, length, options.tolerance ?? 0, exact, list, listWeight, from, to,
      ws.nodeRes, ws.parentNode, ws.dist, ws.sigma, ws.coef, ws.order, ws.pred, ws.predCount, ws.done, ws.heapNode, ws.heapKey, out, squares,
    );
  return out;
}

/**
 * Unweighted pass for the sources `list[i]` (or i when `list` is null), i in from .. to − 1, level by level.
 * Both passes are gathers with a per-level mask (`mask[u]` holds σ(u), then (1 + δ(u))/σ(u), for the nodes of
 * one level and 0 elsewhere), so the inner loops have no data-dependent branch but the (rare) discovery:
 * forward, σ(v) = Σ_{u ∈ N(v)} mask[u] while the scan of N(v) also discovers the next level; backward,
 * δ(w) = σ(w) · Σ_{v ∈ N(w)} mask[v]. On entry `seen` and `mask` are 0 everywhere; both are left so.
 */
export function brandesBfs(
  start: Int32Array,
  neighbour: Int32Array,
  list: Int32Array | null,
  listWeight: Float64Array | null,
  from: number,
  to: number,
  seen: Uint8Array,
  sigma: Float64Array,
  mask: Float64Array,
  order: Int32Array,
  levelStart: Int32Array,
  component: Int32Array,
  out: Float64Array,
  squares: Float64Array | null,
): void {
  for (let i = from; i < to; i++) {
    const s = list === null ? i : list[i]!;
    const m = listWeight === null ? 1 : listWeight[i]!;
    const reach = component[s]!;
    seen[s] = 1;
    order[0] = s;
    let count = 1;
    let levels = 0;
    let begin = 0;
    let prevBegin = 0;
    // Forward: level by level, σ from the previous level's mask; the scan also discovers the next level.
    while (begin < count) {
      const end = count;
      levelStart[levels] = begin;
      for (let k = begin; k < end; k++) {
        const v = order[k]!;
        let a0 = 0;
        let a1 = 0;
        let x = start[v]!;
        const stop = start[v + 1]!;
        if (count === reach) {
          // The whole component is discovered: σ only (σ values are integers, exact in any order).
          let a2 = 0;
          let a3 = 0;
          for (const stop4 = stop - 3; x < stop4; x += 4) {
            a0 += mask[neighbour[x]!]!;
            a1 += mask[neighbour[x + 1]!]!;
            a2 += mask[neighbour[x + 2]!]!;
            a3 += mask[neighbour[x + 3]!]!;
          }
          for (; x < stop; x++) a0 += mask[neighbour[x]!]!;
          sigma[v] = a0 + a1 + (a2 + a3);
          continue;
        }
        for (const stop2 = stop - 1; x < stop2; x += 2) {
          const u0 = neighbour[x]!;
          const u1 = neighbour[x + 1]!;
          a0 += mask[u0]!;
          a1 += mask[u1]!;
          if (seen[u0] === 0) {
            seen[u0] = 1;
            order[count++] = u0;
          }
          if (seen[u1] === 0) {
            seen[u1] = 1;
            order[count++] = u1;
          }
        }
        if (x < stop) {
          const u = neighbour[x]!;
          a0 += mask[u]!;
          if (seen[u] === 0) {
            seen[u] = 1;
            order[count++] = u;
          }
        }
        sigma[v] = levels === 0 ? 1 : a0 + a1;
      }
      for (let k = prevBegin; k < begin; k++) mask[order[k]!] = 0;
      for (let k = begin; k < end; k++) {
        const v = order[k]!;
        mask[v] = sigma[v]!;
      }
      prevBegin = begin;
      begin = end;
      levels++;
    }
    levelStart[levels] = count;
    for (let k = prevBegin; k < count; k++) mask[order[k]!] = 0;
    // Backward, deepest level first. The deepest level has no successors: δ = 0, (1 + δ)/σ = 1/σ.
    if (levels > 1) {
      for (let k = levelStart[levels - 1]!; k < count; k++) {
        const w = order[k]!;
        mask[w] = 1 / sigma[w]!;
      }
    }
    for (let l = levels - 2; l >= 1; l--) {
      const b = levelStart[l]!;
      const e = levelStart[l + 1]!;
      for (let k = b; k < e; k++) {
        const w = order[k]!;
        // Four independent sums (fixed order, so deterministic) hide the latency of the additions.
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let x = start[w]!;
        const stop = start[w + 1]!;
        for (const stop4 = stop - 3; x < stop4; x += 4) {
          a0 += mask[neighbour[x]!]!;
          a1 += mask[neighbour[x + 1]!]!;
          a2 += mask[neighbour[x + 2]!]!;
          a3 += mask[neighbour[x + 3]!]!;
        }
        for (; x < stop; x++) a0 += mask[neighbour[x]!]!;
        const acc = a0 + a1 + (a2 + a3);
        const sw = sigma[w]!;
        const d = sw * acc;
        out[w]! += m * d;
        if (squares !== null) squares[w]! += m * d * d;
        sigma[w] = (1 + d) / sw;
      }
      const e2 = levelStart[l + 2]!;
      for (let k = e; k < e2; k++) mask[order[k]!] = 0;
      for (let k = b; k < e; k++) {
        const w = order[k]!;
        mask[w] = sigma[w]!;
      }
    }
    for (let k = 0; k < count; k++) {
      const w = order[k]!;
      mask[w] = 0;
      seen[w] = 0;
    }
  }
}

/** Size of the connected component of every node (BFS; `order` and `seen` are scratch of length n). */
export function componentSizesInto(start: Int32Array, neighbour: Int32Array, size: Int32Array, order: Int32Array): void {
  const n = start.length - 1;
  size.fill(0);
  for (let r = 0; r < n; r++) {
    if (size[r] !== 0) continue;
    size[r] = -1;
    order[0] = r;
    let count = 1;
    for (let head = 0; head < count; head++) {
      const u = order[head]!;
      for (let x = start[u]!, end = start[u + 1]!; x < end; x++) {
        const v = neighbour[x]!;
        if (size[v] === 0) {
          size[v] = -1;
          order[count++] = v;
        }
      }
    }
    for (let k = 0; k < count; k++) size[order[k]!] = count;
  }
}

const componentCache = new WeakMap<Int32Array, Int32Array>();

/** Component sizes of a CSR, cached per `neighbour` array. */
export function componentSizes(csr: Csr): Int32Array {
  let size = componentCache.get(csr.neighbour);
  if (!size || size.length !== csr.start.length - 1) {
    const n = csr.start.length - 1;
    size = new Int32Array(n);
    componentSizesInto(csr.start, csr.neighbour, size, new Int32Array(n));
    componentCache.set(csr.neighbour, size);
  }
  return size;
}

/**
 * Exact path lengths for integer weights whose lcm L is too large for 53-bit integers: lengths L/w are kept
 * as residues modulo `primes` (product > n · L, so equal residues mean equal lengths) next to the float
 * lengths 1/w. Floats decide whenever they differ by more than `window` relatively (a bound on their
 * accumulated rounding error); inside the window the residues decide equality and, in the rare case of
 * distinct but nearly equal lengths, the exact integers (BigInt, summed along the shortest-path tree) decide.
 */
export interface ExactLengths {
  primes: Float64Array;
  /** Weight class of each adjacency entry. */
  wclass: Int32Array;
  /** (L / w) mod primes[r] at class · R + r. */
  residue: Float64Array;
  /** L / w per class. */
  big: bigint[];
  /** Relative window of float comparisons. */
  window: number;
}

/**
 * Sign of (exact length of u + L/w(x)) − (exact tentative length of v), each summed along its parent chain
 * (`parentNode`, −1 at the source; the entry from a parent to its child is found by scanning the parent's list).
 */
export function exactCompare(
  u: number,
  x: number,
  v: number,
  parentNode: Int32Array,
  big: bigint[],
  wclass: Int32Array,
  start: Int32Array,
  neighbour: Int32Array,
): number {
  const chain = (node: number): bigint => {
    let total = 0n;
    for (let c = node, p = parentNode[c]!; p >= 0; c = p, p = parentNode[c]!) {
      let e = start[p]!;
      while (neighbour[e] !== c) e++;
      total += big[wclass[e]!]!;
    }
    return total;
  };
  const a = chain(u) + big[wclass[x]!]!;
  const b = chain(v);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Weighted pass (Dijkstra, lazy-deletion binary heap) for the sources `list[i]` (or i), i in from .. to − 1.
 * `dist` must be Infinity and `done` 0 everywhere on entry; both are left so.
 */
export function brandesDijkstra(
  start: Int32Array,
  neighbour: Int32Array,
  length: Float64Array,
  tolerance: number,
  exact: ExactLengths | null,
  list: Int32Array | null,
  listWeight: Float64Array | null,
  from: number,
  to: number,
  nodeRes: Float64Array,
  parentNode: Int32Array,
  dist: Float64Array,
  sigma: Float64Array,
  delta: Float64Array,
  order: Int32Array,
  pred: Int32Array,
  predCount: Int32Array,
  done: Uint8Array,
  heapNode: Int32Array,
  heapKey: Float64Array,
  out: Float64Array,
  squares: Float64Array | null,
): void {
  const R = exact === null ? 0 : exact.primes.length;
  const primes = exact === null ? null : exact.primes;
  const wclass = exact === null ? null : exact.wclass;
  const residue = exact === null ? null : exact.residue;
  const tol = exact === null ? tolerance : exact.window;
  for (let i = from; i < to; i++) {
    const s = list === null ? i : list[i]!;
    const m = listWeight === null ? 1 : listWeight[i]!;
    dist[s] = 0;
    sigma[s] = 1;
    predCount[s] = 0;
    parentNode[s] = -1;
    for (let r = 0; r < R; r++) nodeRes[s * R + r] = 0;
    let count = 0;
    let size = 1;
    heapNode[0] = s;
    heapKey[0] = 0;
    while (size > 0) {
      // Pop the minimum.
      const u = heapNode[0]!;
      size--;
      if (size > 0) {
        const lastNode = heapNode[size]!;
        const lastKey = heapKey[size]!;
        let p = 0;
        for (;;) {
          let c = 2 * p + 1;
          if (c >= size) break;
          if (c + 1 < size && heapKey[c + 1]! < heapKey[c]!) c++;
          if (heapKey[c]! >= lastKey) break;
          heapNode[p] = heapNode[c]!;
          heapKey[p] = heapKey[c]!;
          p = c;
        }
        heapNode[p] = lastNode;
        heapKey[p] = lastKey;
      }
      if (done[u] === 1) continue;
      done[u] = 1;
      order[count++] = u;
      const du = dist[u]!;
      const su = sigma[u]!;
      for (let x: number = start[u]!, end: number = start[u + 1]!; x < end; x++) {
        const v = neighbour[x]!;
        if (done[v] === 1) continue;
        const nd = du + length[x]!;
        if (nd === Infinity) continue;
        const dv = dist[v]!;
        const eps = tol === 0 ? 0 : tol * (nd > dv ? nd : dv);
        let cmp = dv === Infinity || nd < dv - eps ? -1 : nd - dv <= eps ? 0 : 1;
        if (cmp === 0 && R > 0) {
          // Within the rounding window: decide exactly. Equal residues modulo primes whose product exceeds
          // every path length (scaled by L) mean equal lengths; otherwise compare the exact integers.
          const cls = wclass![x]!;
          for (let r = 0; r < R; r++) {
            const p = primes![r]!;
            let t = nodeRes[u * R + r]! + residue![cls * R + r]!;
            if (t >= p) t -= p;
            if (t !== nodeRes[v * R + r]) {
              cmp = exactCompare(u, x, v, parentNode, exact!.big, wclass!, start, neighbour);
              break;
            }
          }
        }
        if (cmp < 0) {
          dist[v] = nd;
          sigma[v] = su;
          predCount[v] = 1;
          pred[start[v]!] = u;
          if (R > 0) {
            parentNode[v] = u;
            const cls = wclass![x]!;
            for (let r = 0; r < R; r++) {
              const p = primes![r]!;
              let t = nodeRes[u * R + r]! + residue![cls * R + r]!;
              if (t >= p) t -= p;
              nodeRes[v * R + r] = t;
            }
          }
          // Push (v, nd).
          let c = size++;
          while (c > 0) {
            const p = (c - 1) >> 1;
            if (heapKey[p]! <= nd) break;
            heapNode[c] = heapNode[p]!;
            heapKey[c] = heapKey[p]!;
            c = p;
          }
          heapNode[c] = v;
          heapKey[c] = nd;
        } else if (cmp === 0) {
          sigma[v]! += su;
          pred[start[v]! + predCount[v]!++] = u;
        }
      }
    }
    for (let k = 0; k < count; k++) delta[order[k]!] = 0;
    for (let k = count - 1; k >= 0; k--) {
      const w = order[k]!;
      const dw = delta[w]!;
      const coeff = (1 + dw) / sigma[w]!;
      for (let y = start[w]!, end = y + predCount[w]!; y < end; y++) {
        const v = pred[y]!;
        delta[v]! += sigma[v]! * coeff;
      }
      if (w !== s) {
        out[w]! += m * dw;
        if (squares !== null) squares[w]! += m * dw * dw;
      }
      dist[w] = Infinity;
      done[w] = 0;
    }
  }
}

/** Most blocks the sources are cut into (a function of the source count only, never of the thread count). */
export const BETWEENNESS_MAX_BLOCKS = 64;

/** Block b covers source positions bounds[b] .. bounds[b+1] − 1 of a list of k sources. */
export function betweennessBlocks(k: number): Int32Array {
  const blocks = Math.max(1, Math.min(k, BETWEENNESS_MAX_BLOCKS));
  const bounds = new Int32Array(blocks + 1);
  for (let b = 0; b <= blocks; b++) bounds[b] = Math.floor((b * k) / blocks);
  return bounds;
}

/** One betweenness computation handed to a runner: the CSR, lengths and the sources (all nodes when null). */
export interface BetweennessJob {
  csr: Csr;
  /** Path lengths per adjacency entry, or null for hop counts. */
  length: Float64Array | null;
  tolerance: number;
  /** Exact comparison of lengths beyond 53-bit integers, or null. */
  exact?: ExactLengths | null;
  /** Sources, or null for every node 0 .. n − 1. */
  sources: Int32Array | null;
  /** Multiplicity per source (aligned with `sources`), or null (1 each). */
  sourceWeight?: Float64Array | null;
  /** Also return Σ_s δ_s(v)². */
  squares: boolean;
}

/** Σ_s δ_s(v) (and Σ_s δ_s(v)² when asked), summed per block and then over blocks in block order. */
export interface BetweennessSums {
  sum: Float64Array;
  squares: Float64Array | null;
}

/**
 * Runs jobs, possibly on other threads. Contract: the result equals `runBetweennessJob(job)` bit for bit
 * (cut the sources with `betweennessBlocks`, sum each block from zero, add the blocks in order).
 */
export type BetweennessRunner = ((job: BetweennessJob) => Promise<BetweennessSums>) & {
  /** Threads the runner uses (the pivot budget of a sampled estimate counts them). Default: 1. */
  threads?: number;
};

/** The in-thread runner: the reference for every other runner. */
export function runBetweennessJob(job: BetweennessJob, workspace?: BrandesWorkspace): BetweennessSums {
  const n = job.csr.start.length - 1;
  const k = job.sources ? job.sources.length : n;
  const bounds = betweennessBlocks(k);
  const sum = new Float64Array(n);
  const squares = job.squares ? new Float64Array(n) : null;
  const part = new Float64Array(n);
  const partSq = job.squares ? new Float64Array(n) : null;
  const ws = workspace ?? createBrandesWorkspace(n, job.csr.neighbour.length, job.length !== null);
  const all = job.sources ?? null;
  for (let b = 0; b + 1 < bounds.length; b++) {
    part.fill(0);
    partSq?.fill(0);
    const range = { from: bounds[b]!, to: bounds[b + 1]! };
    const sources = all ? all.subarray(range.from, range.to) : range;
    const sourceWeight = all && job.sourceWeight ? job.sourceWeight.subarray(range.from, range.to) : null;
    betweennessFromSources(job.csr, sources, { length: job.length, tolerance: job.tolerance, exact: job.exact ?? null, out: part, squares: partSq, workspace: ws, sourceWeight });
    addInto(sum, part);
    if (squares && partSq) addInto(squares, partSq);
  }
  return { sum, squares };
}

/** target[v] += part[v]. */
export function addInto(target: Float64Array, part: Float64Array): void {
  for (let v = 0; v < target.length; v++) target[v]! += part[v]!;
}

/** The in-thread runner as a `BetweennessRunner` (for code that takes a runner but runs in one thread). */
export const inThreadRunner: BetweennessRunner = (job) => Promise.resolve(runBetweennessJob(job));
