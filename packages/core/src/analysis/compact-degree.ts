/**
 * Degree, strong/weak tie counts and strength (Barrat et al. 2004, doi:10.1073/pnas.0400087101: Σ shared events;
 * Newman 2001, doi:10.1103/PhysRevE.64.016132: Σ Newman weights) of every node of a projection, on its compact
 * graph, as `compactNodeMeasures` computes them for `analyze`: strength sums the CSR's entry weights in list
 * order, strong ties and Newman strength sum over ties in tie order, so the values are identical to its rows.
 * Separate from the other measures so that the benchmark can time this stage alone.
 */
import type { ProjectionCsr } from '../centrality/compact-projection.js';
import type { Projection } from '../network/project.js';

/** Local tie counts and strengths per compact node (index v of the CSR; actor `csr.actor[v]`). */
export interface CompactDegrees {
  degree: Int32Array;
  /** Σ entry weights (the CSR's `weight`: shared events for the analysis CSR). */
  strength: Float64Array;
  /** Σ Newman weights of the node's ties. */
  newmanStrength: Float64Array;
  /** Strong ties per node; null when no strong flags were given. */
  strongTies: Int32Array | null;
}

/**
 * Degree, strength, Newman strength and (given the tie profile's `strong` flags) strong tie counts of every node
 * of `csr`, the compact graph of `proj` (`csrFromProjection` or `csrFromAdjacency`, weight = shared events).
 */
export function compactDegrees(proj: Pick<Projection, 'nodeCount' | 'length' | 'src' | 'tgt' | 'newman'>, csr: Pick<ProjectionCsr, 'start' | 'weight' | 'actor'>, strong: Uint8Array | null = null): CompactDegrees {
  const { start, weight, actor } = csr;
  const n = actor.length;
  const degree = new Int32Array(n);
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let x = start[v]!, end = start[v + 1]!; x < end; x++) s += weight[x]!;
    strength[v] = s;
    degree[v] = start[v + 1]! - start[v]!;
  }
  const local = new Int32Array(proj.nodeCount).fill(-1);
  for (let v = 0; v < n; v++) local[actor[v]!] = v;
  const newmanStrength = new Float64Array(n);
  const strongTies = strong ? new Int32Array(n) : null;
  const { src, tgt, newman } = proj;
  for (let t = 0; t < proj.length; t++) {
    const a = local[src[t]!]!, b = local[tgt[t]!]!;
    if (strongTies && strong![t]) (strongTies[a]!++, strongTies[b]!++);
    newmanStrength[a]! += newman[t]!;
    newmanStrength[b]! += newman[t]!;
  }
  return { degree, strength, newmanStrength, strongTies };
}
