/**
 * Node measures of one network for the tables, from `nodeMeasures` (centrality/): degree, strong/weak tie counts,
 * strength (shared events and Newman), raw betweenness (unweighted and with length 1/shared_events), Burt
 * constraint and effective size, core number and the seeded Louvain community. NaN (isolated nodes) becomes null.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { nodeMeasures } from '../centrality/node-measures.js';

/** Per node id: the measures written to people.csv / organisations.csv. */
export interface NodeMeasureRow {
  degree: number;
  strong_ties: number;
  weak_ties: number;
  strength: number;
  newman_strength: number;
  /** Null when betweenness was skipped (network above the exact-betweenness limit, see `analyze`). */
  betweenness: number | null;
  betweenness_weighted: number | null;
  constraint: number | null;
  effective_size: number | null;
  core: number;
  community: number | null;
}

/** Options of `nodeMeasureRows`. */
export interface NodeMeasureOptions {
  /** Seed of the Louvain community detection. Default: 1. */
  seed?: number;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Every node measure of a network, by node id (weights: shared_events; betweenness raw). */
export function nodeMeasureRows<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options: NodeMeasureOptions = {}): Map<string, NodeMeasureRow> {
  const all = nodeMeasures(graph, { seed: options.seed ?? 1, normalized: false, getEdgeWeight: 'shared_events' as never });
  const out = new Map<string, NodeMeasureRow>();
  graph.forEachNode((id) => {
    const m = all[id]!;
    out.set(id, {
      degree: m.degree,
      strong_ties: m.strong_ties,
      weak_ties: m.weak_ties,
      strength: m.strength,
      newman_strength: m.newman_strength,
      betweenness: m.betweenness,
      betweenness_weighted: m.betweenness_weighted,
      constraint: finite(m.constraint),
      effective_size: finite(m.effective_size),
      core: m.core,
      community: Number.isFinite(m.community) ? m.community : null,
    });
  });
  return out;
}
