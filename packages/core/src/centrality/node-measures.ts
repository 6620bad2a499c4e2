/**
 * `nodeMeasures(graph, options)`: every node measure of PRODUCT.md section 2 in one record per node, with the
 * names of the `people.csv` / `organisations.csv` columns. Each measure also exists alone (`betweenness`,
 * `constraint`, `effectiveSize`, `coreNumber`, `strength`, `tieCounts`, `communities`).
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { assertBoolean, resolveOptions } from '../options.js';
import { communities } from '../community/louvain.js';
import { brandes, pathLengths, validateBetweennessOptions, BETWEENNESS_DEFAULTS } from './betweenness.js';
import { compactGraph, type EdgeWeightGetter } from './compact.js';
import { coreNumberValues } from './core-number.js';
import { constraintValues, effectiveSizeValues } from './structural-holes.js';
import { tieCounts } from './strength.js';

export interface NodeMeasuresOptions<E extends Attributes = Attributes> {
  /** Weight of `betweenness_weighted` (length = 1/weight), `constraint`, `effective_size` and Louvain. Default: "shared_events". */
  getEdgeWeight?: EdgeWeightGetter<E>;
  /** Normalize both betweenness values by (n − 1)(n − 2)/2. Default: false (raw). */
  normalized?: boolean;
  /** Louvain seed. Default: 1. */
  seed?: number;
  /** Random source for Louvain (overrides `seed`). Default: null. */
  rng?: (() => number) | null;
  /** Relative tolerance for tied path lengths when lengths are not exact integers. Default: 1e-9. */
  tolerance?: number;
}

export const NODE_MEASURES_DEFAULTS: Readonly<Required<NodeMeasuresOptions>> = Object.freeze({
  getEdgeWeight: 'shared_events',
  normalized: false,
  seed: 1,
  rng: null,
  tolerance: 1e-9,
});

/** The measures of one node (column names of people.csv / organisations.csv). */
export interface NodeMeasureRecord {
  degree: number;
  strong_ties: number;
  weak_ties: number;
  /** Σ shared_events over ties. */
  strength: number;
  /** Σ newman over ties. */
  newman_strength: number;
  /** Unweighted betweenness (raw unless `normalized`). */
  betweenness: number;
  /** Weighted betweenness with length 1/weight. */
  betweenness_weighted: number;
  /** Burt constraint (NaN when isolated). */
  constraint: number;
  /** Burt effective size (NaN when isolated). */
  effective_size: number;
  core: number;
  community: number;
  /** Copied from the node's attributes when present. */
  events: number | null;
  first_seen: string | null;
  last_seen: string | null;
}

export function validateNodeMeasuresOptions(o: Required<NodeMeasuresOptions>): void {
  assertBoolean('nodeMeasures', 'normalized', o.normalized);
  validateBetweennessOptions({ ...BETWEENNESS_DEFAULTS, tolerance: o.tolerance }, 'nodeMeasures');
}

function compute<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: NodeMeasuresOptions<E>) {
  const o = resolveOptions(NODE_MEASURES_DEFAULTS as Required<NodeMeasuresOptions<E>>, options);
  validateNodeMeasuresOptions(o as Required<NodeMeasuresOptions>);
  const weighted = compactGraph(graph, o.getEdgeWeight, 'nodeMeasures');
  const counts = compactGraph(graph, 'shared_events' as never, 'nodeMeasures');
  const newman = compactGraph(graph, 'newman' as never, 'nodeMeasures');
  const n = weighted.ids.length;
  const unweighted = brandes(weighted, null, 0);
  const lengths = pathLengths(weighted, o.tolerance);
  const bw = brandes(weighted, lengths.length, lengths.tolerance);
  if (o.normalized && n > 2) {
    const scale = ((n - 1) * (n - 2)) / 2;
    for (let v = 0; v < n; v++) {
      unweighted[v] = unweighted[v]! / scale;
      bw[v] = bw[v]! / scale;
    }
  }
  const con = constraintValues(weighted);
  const eff = effectiveSizeValues(weighted);
  const core = coreNumberValues(weighted);
  const ties = tieCounts(graph);
  const comm = communities(graph, { getEdgeWeight: o.getEdgeWeight, seed: o.seed, rng: o.rng });
  const out: Record<string, NodeMeasureRecord> = {};
  const sum = (c: typeof counts, v: number) => {
    let s = 0;
    for (let x = c.start[v]!, end = c.start[v + 1]!; x < end; x++) s += c.weight[x]!;
    return s;
  };
  for (let v = 0; v < n; v++) {
    const id = weighted.ids[v]!;
    const attr = graph.getNodeAttributes(id) as Record<string, unknown>;
    out[id] = {
      degree: weighted.start[v + 1]! - weighted.start[v]!,
      strong_ties: ties[id]!.strong,
      weak_ties: ties[id]!.weak,
      strength: sum(counts, v),
      newman_strength: sum(newman, v),
      betweenness: unweighted[v]!,
      betweenness_weighted: bw[v]!,
      constraint: con[v]!,
      effective_size: eff[v]!,
      core: core[v]!,
      community: comm[id]!,
      events: typeof attr['events'] === 'number' ? attr['events'] : null,
      first_seen: typeof attr['first_seen'] === 'string' ? attr['first_seen'] : null,
      last_seen: typeof attr['last_seen'] === 'string' ? attr['last_seen'] : null,
    };
  }
  return out;
}

/** All node measures, keyed by node id. */
export function nodeMeasures<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: NodeMeasuresOptions<E>): Record<string, NodeMeasureRecord> {
  return compute(graph, options);
}

/** Write every measure as a node attribute under its column name (events / first_seen / last_seen are left as they are). */
nodeMeasures.assign = function assign<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: NodeMeasuresOptions<E>): void {
  const all = compute(graph, options);
  for (const [id, m] of Object.entries(all)) {
    const { events: _e, first_seen: _f, last_seen: _l, ...measures } = m;
    graph.mergeNodeAttributes(id, measures as unknown as Partial<N>);
  }
};
