/**
 * Burt's structural holes (Burt 1992, *Structural Holes*; Burt 2004, doi:10.1086/421787): constraint and
 * effective size, with the weighted definitions of networkx (proportional tie strength p_ij = w_ij / Σ_k w_ik;
 * for effective size, the alter's tie to q relative to the alter's strongest tie). Unweighted when
 * `getEdgeWeight` is null (then effective size = n − 2t/n, Borgatti 1997). Isolated nodes get NaN.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidOptionError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { compactGraph, toRecord, type CompactGraph, type EdgeWeightGetter } from './compact.js';

export interface StructuralHoleOptions<E extends Attributes = Attributes> {
  /** Tie weight; null for unweighted. Default: "shared_events". */
  getEdgeWeight?: EdgeWeightGetter<E>;
  /** Attribute written by `.assign`. Default: "constraint" or "effective_size". */
  nodeAttribute?: string;
}

export const CONSTRAINT_DEFAULTS: Readonly<Required<StructuralHoleOptions>> = Object.freeze({
  getEdgeWeight: 'shared_events',
  nodeAttribute: 'constraint',
});
export const EFFECTIVE_SIZE_DEFAULTS: Readonly<Required<StructuralHoleOptions>> = Object.freeze({
  getEdgeWeight: 'shared_events',
  nodeAttribute: 'effective_size',
});

export function validateStructuralHoleOptions(o: Required<StructuralHoleOptions>, who: string): void {
  if (typeof o.nodeAttribute !== 'string' || o.nodeAttribute === '')
    throw new InvalidOptionError(who, 'nodeAttribute', o.nodeAttribute, 'a non-empty attribute name');
}

/** Sum and maximum of the entry weights of every node of a CSR (Burt's p_ij and m_jq denominators). */
export function nodeStrengths(start: Int32Array, weight: Float64Array): { sum: Float64Array; max: Float64Array } {
  const n = start.length - 1;
  const sum = new Float64Array(n);
  const max = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let x = start[v]!, end = start[v + 1]!; x < end; x++) {
      const w = weight[x]!;
      sum[v]! += w;
      if (w > max[v]!) max[v] = w;
    }
  }
  return { sum, max };
}

/**
 * Burt's constraint and effective size in one scan (p_ij = w_ij / Σ_k w_ik; effective size relative to the
 * alter's strongest tie): for each node i and neighbour j, the neighbours q of j that are also i's.
 * Cost Σ_j deg(j)² for both measures together.
 */
export function structuralHoles(c: { start: Int32Array; neighbour: Int32Array; weight: Float64Array }): { constraint: Float64Array; effectiveSize: Float64Array } {
  const n = c.start.length - 1;
  const { start, neighbour, weight } = c;
  const { sum, max } = nodeStrengths(start, weight);
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const pi = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const a = start[i]!;
    const b = start[i + 1]!;
    if (a === b) {
      constraint[i] = NaN;
      effectiveSize[i] = NaN;
      continue;
    }
    const si = sum[i]!;
    for (let x = a; x < b; x++) {
      mark[neighbour[x]!] = i;
      pi[neighbour[x]!] = si > 0 ? weight[x]! / si : 0;
    }
    let total = 0;
    let size = 0;
    for (let x = a; x < b; x++) {
      const j = neighbour[x]!;
      const mj = max[j]!;
      let indirect = 0;
      let redundancy = 0;
      for (let y = start[j]!, end = start[j + 1]!; y < end; y++) {
        const q = neighbour[y]!;
        if (mark[q] !== i) continue;
        const w = weight[y]!;
        const sq = sum[q]!;
        if (sq > 0) indirect += pi[q]! * (w / sq);
        if (mj > 0) redundancy += pi[q]! * (w / mj);
      }
      const local = pi[j]! + indirect;
      total += local * local;
      size += 1 - redundancy;
    }
    constraint[i] = total;
    effectiveSize[i] = size;
  }
  return { constraint, effectiveSize };
}

/** Constraint c_i = Σ_j (p_ij + Σ_q p_iq p_qj)², q ranging over i's other neighbours. */
export function constraintValues(c: CompactGraph): Float64Array {
  return structuralHoles(c).constraint;
}

/** Effective size e_i = Σ_j (1 − Σ_{q≠j} p_iq m_jq), m_jq = w_jq / max_k w_jk. */
export function effectiveSizeValues(c: CompactGraph): Float64Array {
  return structuralHoles(c).effectiveSize;
}

function run<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  options: StructuralHoleOptions<E> | undefined,
  defaults: Readonly<Required<StructuralHoleOptions>>,
  who: string,
  fn: (c: CompactGraph) => Float64Array,
) {
  const o = resolveOptions(defaults as Required<StructuralHoleOptions<E>>, options);
  validateStructuralHoleOptions(o as Required<StructuralHoleOptions>, who);
  const c = compactGraph(graph, o.getEdgeWeight, who);
  return { ids: c.ids, values: fn(c), o };
}

/** Burt's constraint of every node, keyed by node id (NaN for isolated nodes). */
export function constraint<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: StructuralHoleOptions<E>): Record<string, number> {
  const { ids, values } = run(graph, options, CONSTRAINT_DEFAULTS, 'constraint', constraintValues);
  return toRecord(ids, values);
}
constraint.assign = function assign<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: StructuralHoleOptions<E>): void {
  const { ids, values, o } = run(graph, options, CONSTRAINT_DEFAULTS, 'constraint', constraintValues);
  ids.forEach((id, v) => graph.setNodeAttribute(id, o.nodeAttribute as keyof N, values[v] as N[keyof N]));
};

/** Burt's effective size of every node, keyed by node id (NaN for isolated nodes). */
export function effectiveSize<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: StructuralHoleOptions<E>): Record<string, number> {
  const { ids, values } = run(graph, options, EFFECTIVE_SIZE_DEFAULTS, 'effectiveSize', effectiveSizeValues);
  return toRecord(ids, values);
}
effectiveSize.assign = function assign<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: StructuralHoleOptions<E>): void {
  const { ids, values, o } = run(graph, options, EFFECTIVE_SIZE_DEFAULTS, 'effectiveSize', effectiveSizeValues);
  ids.forEach((id, v) => graph.setNodeAttribute(id, o.nodeAttribute as keyof N, values[v] as N[keyof N]));
};
