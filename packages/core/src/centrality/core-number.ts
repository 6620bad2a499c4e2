/**
 * Core number (k-core index) of every node by the O(m) bucket algorithm of Batagelj & Zaversnik (2003),
 * arXiv:cs/0310049: the largest k such that the node belongs to a subgraph where every node has degree >= k.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidOptionError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { compactGraph, toRecord, type CompactGraph } from './compact.js';

export interface CoreNumberOptions {
  /** Attribute written by `coreNumber.assign`. Default: "core". */
  nodeAttribute?: string;
}
export const CORE_NUMBER_DEFAULTS: Readonly<Required<CoreNumberOptions>> = Object.freeze({ nodeAttribute: 'core' });

export function validateCoreNumberOptions(o: Required<CoreNumberOptions>): void {
  if (typeof o.nodeAttribute !== 'string' || o.nodeAttribute === '')
    throw new InvalidOptionError('coreNumber', 'nodeAttribute', o.nodeAttribute, 'a non-empty attribute name');
}

/** Core numbers on a compact graph. */
export function coreNumberValues(c: CompactGraph): Int32Array {
  const n = c.ids.length;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    deg[v] = c.start[v + 1]! - c.start[v]!;
    if (deg[v]! > maxDeg) maxDeg = deg[v]!;
  }
  const bin = new Int32Array(maxDeg + 1);
  for (let v = 0; v < n; v++) bin[deg[v]!]!++;
  let s = 0;
  for (let d = 0; d <= maxDeg; d++) {
    const count = bin[d]!;
    bin[d] = s;
    s += count;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    pos[v] = bin[deg[v]!]!;
    vert[pos[v]!] = v;
    bin[deg[v]!]!++;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1]!;
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    for (let x = c.start[v]!, end = c.start[v + 1]!; x < end; x++) {
      const u = c.neighbour[x]!;
      if (deg[u]! > deg[v]!) {
        const du = deg[u]!;
        const pu = pos[u]!;
        const pw = bin[du]!;
        const w = vert[pw]!;
        if (u !== w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        bin[du]!++;
        deg[u]!--;
      }
    }
  }
  return deg;
}

/** Core number of every node, keyed by node id. */
export function coreNumber<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>): Record<string, number> {
  const c = compactGraph(graph, null, 'coreNumber');
  return toRecord(c.ids, coreNumberValues(c));
}
coreNumber.assign = function assign<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: CoreNumberOptions): void {
  const o = resolveOptions(CORE_NUMBER_DEFAULTS, options);
  validateCoreNumberOptions(o);
  const c = compactGraph(graph, null, 'coreNumber');
  const values = coreNumberValues(c);
  c.ids.forEach((id, v) => graph.setNodeAttribute(id, o.nodeAttribute as keyof N, values[v] as N[keyof N]));
};
