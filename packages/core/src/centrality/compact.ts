/**
 * Compact views of a graphology graph for the node measures: integer node ids, an undirected CSR over
 * Int32Array with one Float64 weight per adjacency entry, and the shared `getEdgeWeight` option.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidOptionError, UnsupportedGraphError } from '../errors.js';

/** Edge weight: attribute name, getter, or null for unweighted (every weight 1). */
export type EdgeWeightGetter<E extends Attributes = Attributes> =
  | (keyof E & string)
  | ((edge: string, attributes: E, source: string, target: string) => number)
  | null;

/** Undirected CSR of a graphology graph; node v is `ids[v]`. */
export interface CompactGraph {
  ids: string[];
  index: Map<string, number>;
  start: Int32Array;
  neighbour: Int32Array;
  weight: Float64Array;
}

/**
 * Build the CSR. Missing or non-numeric weight attributes count as 1 (as in graphology); negative or
 * non-finite weights throw. Directed and multi graphs are refused.
 */
export function compactGraph<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  getEdgeWeight: EdgeWeightGetter<E>,
  who: string,
): CompactGraph {
  if (graph.type === 'directed' || graph.directedSize > 0) throw new UnsupportedGraphError(who, 'an undirected graph');
  if (graph.multi) throw new UnsupportedGraphError(who, 'a simple graph (no parallel edges)');
  if (getEdgeWeight !== null && typeof getEdgeWeight !== 'string' && typeof getEdgeWeight !== 'function')
    throw new InvalidOptionError(who, 'getEdgeWeight', getEdgeWeight, 'an edge attribute name, a function (edge, attributes) => number, or null');
  const ids = graph.nodes();
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const n = ids.length;
  const start = new Int32Array(n + 1);
  const m = graph.size;
  const src = new Int32Array(m);
  const tgt = new Int32Array(m);
  const w = new Float64Array(m);
  let t = 0;
  graph.forEachEdge((edge, attr, s, g) => {
    let value = 1;
    if (typeof getEdgeWeight === 'function') value = getEdgeWeight(edge, attr, s, g);
    else if (typeof getEdgeWeight === 'string') {
      const a = (attr as Record<string, unknown>)[getEdgeWeight];
      value = typeof a === 'number' ? a : 1;
    }
    if (!(value >= 0) || !Number.isFinite(value))
      throw new InvalidOptionError(who, 'getEdgeWeight', value, `a finite weight >= 0 for every edge (edge "${edge}")`);
    const a = index.get(s)!;
    const b = index.get(g)!;
    if (a === b) return;
    src[t] = a;
    tgt[t] = b;
    w[t] = value;
    start[a + 1]!++;
    start[b + 1]!++;
    t++;
  });
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const neighbour = new Int32Array(2 * t);
  const weight = new Float64Array(2 * t);
  for (let k = 0; k < t; k++) {
    const a = src[k]!;
    const b = tgt[k]!;
    let x = fill[a]!++;
    neighbour[x] = b;
    weight[x] = w[k]!;
    x = fill[b]!++;
    neighbour[x] = a;
    weight[x] = w[k]!;
  }
  return { ids, index, start, neighbour, weight };
}

/** Turn a per-node Float64Array into a record keyed by node id. */
export function toRecord(ids: string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (let v = 0; v < ids.length; v++) out[ids[v]!] = values[v]!;
  return out;
}
