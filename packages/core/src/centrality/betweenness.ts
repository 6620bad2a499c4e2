/**
 * Betweenness centrality by Brandes' algorithm (2001, doi:10.1080/0022250X.2001.9990249) on a compact CSR:
 * unweighted (BFS) or weighted with length = 1/weight (Newman 2001; Opsahl et al. 2010 with alpha = 1,
 * doi:10.1016/j.socnet.2010.03.006). Tied shortest paths are detected exactly: with positive integer
 * weights, lengths are scaled to integers (L/w with L the lcm of the weights) when that fits in 53 bits;
 * otherwise two lengths are equal when they differ by at most `tolerance` relatively. Floating-point `==`
 * on summed lengths (networkx 2.8, graphology-metrics 2.4) miscounts ties.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidOptionError } from '../errors.js';
import { assertBoolean, resolveOptions } from '../options.js';
import { compactGraph, toRecord, type CompactGraph, type EdgeWeightGetter } from './compact.js';

export interface BetweennessOptions<E extends Attributes = Attributes> {
  /** Tie weight read as strength, length = 1/weight; null for unweighted (hop counts). Default: null. */
  getEdgeWeight?: EdgeWeightGetter<E>;
  /** Divide raw values by (n − 1)(n − 2)/2. Default: false (raw: each unordered pair of endpoints once). */
  normalized?: boolean;
  /** Relative tolerance for equal path lengths when lengths cannot be made exact integers. Default: 1e-9. */
  tolerance?: number;
  /** Attribute written by `betweenness.assign`. Default: "betweenness". */
  nodeAttribute?: string;
}

export const BETWEENNESS_DEFAULTS: Readonly<Required<BetweennessOptions>> = Object.freeze({
  getEdgeWeight: null,
  normalized: false,
  tolerance: 1e-9,
  nodeAttribute: 'betweenness',
});

export function validateBetweennessOptions(o: Required<BetweennessOptions>, who = 'betweenness'): void {
  assertBoolean(who, 'normalized', o.normalized);
  if (typeof o.tolerance !== 'number' || !(o.tolerance >= 0 && o.tolerance < 1e-3))
    throw new InvalidOptionError(who, 'tolerance', o.tolerance, 'a number in [0, 0.001)');
  if (typeof o.nodeAttribute !== 'string' || o.nodeAttribute === '')
    throw new InvalidOptionError(who, 'nodeAttribute', o.nodeAttribute, 'a non-empty attribute name');
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Lengths 1/w per adjacency entry. Returns integer lengths (scaled by the lcm of the weights) when every
 * weight is a positive integer and the longest possible path stays below 2^53; tolerance 0 then.
 */
export function pathLengths(c: CompactGraph, tolerance: number): { length: Float64Array; tolerance: number; exact: boolean } {
  const n = c.ids.length;
  let lcm = 1;
  let integral = true;
  for (let x = 0; x < c.weight.length && integral; x++) {
    const w = c.weight[x]!;
    if (w === 0) continue;
    if (!Number.isInteger(w)) integral = false;
    else {
      lcm = (lcm / gcd(lcm, w)) * w;
      if (lcm * Math.max(1, n) > Number.MAX_SAFE_INTEGER) integral = false;
    }
  }
  const length = new Float64Array(c.weight.length);
  for (let x = 0; x < length.length; x++) {
    const w = c.weight[x]!;
    length[x] = w === 0 ? Infinity : integral ? lcm / w : 1 / w;
  }
  return { length, tolerance: integral ? 0 : tolerance, exact: integral };
}

/** Raw betweenness (each unordered pair once) per compact node; `length` null for unweighted. */
export function brandes(c: CompactGraph, length: Float64Array | null, tolerance: number): Float64Array {
  const n = c.ids.length;
  const { start, neighbour } = c;
  const cb = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const dist = new Float64Array(n);
  const order = new Int32Array(n);
  const predStart = start;
  const pred = new Int32Array(neighbour.length);
  const predCount = new Int32Array(n);
  const done = new Uint8Array(n);
  const heapNode = new Int32Array(Math.max(1, neighbour.length + 1));
  const heapKey = new Float64Array(Math.max(1, neighbour.length + 1));
  for (let s = 0; s < n; s++) {
    sigma.fill(0);
    dist.fill(Infinity);
    predCount.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    let count = 0;
    if (length === null) {
      let head = 0;
      order[count++] = s;
      while (head < count) {
        const u = order[head++]!;
        const du = dist[u]! + 1;
        for (let x = start[u]!, end = start[u + 1]!; x < end; x++) {
          const v = neighbour[x]!;
          if (dist[v] === Infinity) {
            dist[v] = du;
            order[count++] = v;
          }
          if (dist[v] === du) {
            sigma[v]! += sigma[u]!;
            pred[predStart[v]! + predCount[v]!++] = u;
          }
        }
      }
    } else {
      done.fill(0);
      let size = 0;
      const push = (v: number, k: number): void => {
        let i = size++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (heapKey[p]! <= k) break;
          heapNode[i] = heapNode[p]!;
          heapKey[i] = heapKey[p]!;
          i = p;
        }
        heapNode[i] = v;
        heapKey[i] = k;
      };
      const pop = (): number => {
        const top = heapNode[0]!;
        const lastNode = heapNode[--size]!;
        const lastKey = heapKey[size]!;
        let i = 0;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= size) break;
          if (child + 1 < size && heapKey[child + 1]! < heapKey[child]!) child++;
          if (heapKey[child]! >= lastKey) break;
          heapNode[i] = heapNode[child]!;
          heapKey[i] = heapKey[child]!;
          i = child;
        }
        heapNode[i] = lastNode;
        heapKey[i] = lastKey;
        return top;
      };
      push(s, 0);
      while (size > 0) {
        const u = pop();
        if (done[u]) continue;
        done[u] = 1;
        order[count++] = u;
        const du = dist[u]!;
        for (let x = start[u]!, end = start[u + 1]!; x < end; x++) {
          const v = neighbour[x]!;
          if (done[v]) continue;
          const nd = du + length[x]!;
          if (nd === Infinity) continue;
          const dv = dist[v]!;
          const eps = tolerance * (nd > dv ? nd : dv);
          if (dv === Infinity || nd < dv - eps) {
            dist[v] = nd;
            sigma[v] = sigma[u]!;
            predCount[v] = 1;
            pred[predStart[v]!] = u;
            push(v, nd);
          } else if (nd - dv <= eps) {
            sigma[v]! += sigma[u]!;
            pred[predStart[v]! + predCount[v]!++] = u;
          }
        }
      }
    }
    delta.fill(0);
    for (let k = count - 1; k >= 0; k--) {
      const w = order[k]!;
      const coeff = (1 + delta[w]!) / sigma[w]!;
      for (let y = predStart[w]!, end = y + predCount[w]!; y < end; y++) {
        const v = pred[y]!;
        delta[v]! += sigma[v]! * coeff;
      }
      if (w !== s) cb[w]! += delta[w]!;
    }
  }
  // Undirected: every pair was seen from both ends.
  for (let v = 0; v < n; v++) cb[v] = cb[v]! / 2;
  return cb;
}

function compute<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  options: BetweennessOptions<E> | undefined,
): { ids: string[]; values: Float64Array; o: Required<BetweennessOptions<E>> } {
  const o = resolveOptions(BETWEENNESS_DEFAULTS as Required<BetweennessOptions<E>>, options);
  validateBetweennessOptions(o as Required<BetweennessOptions>);
  const c = compactGraph(graph, o.getEdgeWeight, 'betweenness');
  const lengths = o.getEdgeWeight === null ? null : pathLengths(c, o.tolerance);
  const values = brandes(c, lengths ? lengths.length : null, lengths ? lengths.tolerance : 0);
  const n = c.ids.length;
  if (o.normalized) {
    const scale = n > 2 ? ((n - 1) * (n - 2)) / 2 : 1;
    for (let v = 0; v < n; v++) values[v] = values[v]! / scale;
  }
  return { ids: c.ids, values, o };
}

/** Betweenness of every node, keyed by node id. */
export function betweenness<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  options?: BetweennessOptions<E>,
): Record<string, number> {
  const { ids, values } = compute(graph, options);
  return toRecord(ids, values);
}

/** Store betweenness under `options.nodeAttribute` (default "betweenness"). */
betweenness.assign = function assign<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  options?: BetweennessOptions<E>,
): void {
  const { ids, values, o } = compute(graph, options);
  ids.forEach((id, v) => graph.setNodeAttribute(id, o.nodeAttribute as keyof N, values[v] as N[keyof N]));
};
