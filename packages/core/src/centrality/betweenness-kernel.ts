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
  /** Hop distance (BFS), −1 when unseen. */
  hop: Int32Array;
  /** Path length (Dijkstra), Infinity when unseen. */
  dist: Float64Array;
  sigma: Float64Array;
  /** BFS: (1 + δ)/σ of settled nodes; Dijkstra: δ. */
  coef: Float64Array;
  order: Int32Array;
  /** Dijkstra only: predecessors (slice start[v] .. start[v] + predCount[v]), settled flags, heap. */
  pred: Int32Array;
  predCount: Int32Array;
  done: Uint8Array;
  heapNode: Int32Array;
  heapKey: Float64Array;
}

/** Allocate the kernel's buffers once; reuse them for every call on graphs of the same size. */
export function createBrandesWorkspace(n: number, entries: number, weighted: boolean): BrandesWorkspace {
  const hop = new Int32Array(n).fill(-1);
  const dist = new Float64Array(weighted ? n : 0).fill(Infinity);
  return {
    n,
    entries,
    hop,
    dist,
    sigma: new Float64Array(n),
    coef: new Float64Array(n),
    order: new Int32Array(n),
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
  const from = list ? 0 : (sources as { from: number }).from;
  const to = list ? list.length : (sources as { to: number }).to;
  if (length === null) brandesBfs(csr.start, csr.neighbour, list, from, to, ws.hop, ws.sigma, ws.coef, ws.order, out, squares);
  else
    brandesDijkstra(
      csr.start, csr.neighbour, length, options.tolerance ?? 0, list, from, to,
      ws.dist, ws.sigma, ws.coef, ws.order, ws.pred, ws.predCount, ws.done, ws.heapNode, ws.heapKey, out, squares,
    );
  return out;
}

/**
 * Unweighted pass for the sources `list[i]` (or i when `list` is null), i in from .. to − 1. `hop` must be −1
 * everywhere on entry and is left so.
 */
export function brandesBfs(
  start: Int32Array,
  neighbour: Int32Array,
  list: Int32Array | null,
  from: number,
  to: number,
  hop: Int32Array,
  sigma: Float64Array,
  coef: Float64Array,
  order: Int32Array,
  out: Float64Array,
  squares: Float64Array | null,
): void {
  for (let i = from; i < to; i++) {
    const s = list === null ? i : list[i]!;
    hop[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let count = 1;
    let head = 0;
    // Forward: BFS levels and shortest-path counts.
    while (head < count) {
      const u = order[head++]!;
      const next = hop[u]! + 1;
      const su = sigma[u]!;
      for (let x = start[u]!, end = start[u + 1]!; x < end; x++) {
        const v = neighbour[x]!;
        const hv = hop[v]!;
        if (hv < 0) {
          hop[v] = next;
          sigma[v] = su;
          order[count++] = v;
        } else if (hv === next) sigma[v]! += su;
      }
    }
    // Backward, deepest level first: pull (1 + δ(v))/σ(v) from the successors v one level down.
    for (let k = count - 1; k > 0; k--) {
      const w = order[k]!;
      const next = hop[w]! + 1;
      let acc = 0;
      for (let x = start[w]!, end = start[w + 1]!; x < end; x++) {
        const v = neighbour[x]!;
        if (hop[v] === next) acc += coef[v]!;
      }
      const sw = sigma[w]!;
      const d = sw * acc;
      coef[w] = (1 + d) / sw;
      out[w]! += d;
      if (squares !== null) squares[w]! += d * d;
    }
    for (let k = 0; k < count; k++) hop[order[k]!] = -1;
  }
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
  list: Int32Array | null,
  from: number,
  to: number,
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
  for (let i = from; i < to; i++) {
    const s = list === null ? i : list[i]!;
    dist[s] = 0;
    sigma[s] = 1;
    predCount[s] = 0;
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
        const eps = tolerance === 0 ? 0 : tolerance * (nd > dv ? nd : dv);
        if (dv === Infinity || nd < dv - eps) {
          dist[v] = nd;
          sigma[v] = su;
          predCount[v] = 1;
          pred[start[v]!] = u;
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
        } else if (nd - dv <= eps) {
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
        out[w]! += dw;
        if (squares !== null) squares[w]! += dw * dw;
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
  /** Sources, or null for every node 0 .. n − 1. */
  sources: Int32Array | null;
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
export type BetweennessRunner = (job: BetweennessJob) => Promise<BetweennessSums>;

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
    betweennessFromSources(job.csr, sources, { length: job.length, tolerance: job.tolerance, out: part, squares: partSq, workspace: ws });
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
