/**
 * Louvain communities (Blondel et al. 2008, doi:10.1088/1742-5468/2008/10/P10008) through
 * graphology-communities-louvain, always with a seeded random source so results are reproducible.
 * Communities are renumbered 0, 1, … in order of their first node, so labels do not depend on internals.
 */
import louvainImpl from 'graphology-communities-louvain';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidOptionError } from '../errors.js';
import { assertInteger, assertNumber, resolveOptions } from '../options.js';
import type { EdgeWeightGetter } from '../centrality/compact.js';
import { createRng } from './rng.js';

export interface CommunitiesOptions<E extends Attributes = Attributes> {
  /** Tie weight; null for unweighted. Default: "shared_events". */
  getEdgeWeight?: EdgeWeightGetter<E>;
  /** Seed of the random source (ignored when `rng` is given). Default: 1. */
  seed?: number;
  /** Random source returning floats in [0, 1). Default: a mulberry32 stream seeded with `seed`. */
  rng?: (() => number) | null;
  /** Modularity resolution. Default: 1. */
  resolution?: number;
  /** Attribute written by `communities.assign`. Default: "community". */
  nodeAttribute?: string;
}

export const COMMUNITIES_DEFAULTS: Readonly<Required<CommunitiesOptions>> = Object.freeze({
  getEdgeWeight: 'shared_events',
  seed: 1,
  rng: null,
  resolution: 1,
  nodeAttribute: 'community',
});

export function validateCommunitiesOptions(o: Required<CommunitiesOptions>): void {
  assertInteger('communities', 'seed', o.seed);
  if (o.rng !== null && typeof o.rng !== 'function') throw new InvalidOptionError('communities', 'rng', o.rng, 'a function returning numbers in [0, 1), or null');
  assertNumber('communities', 'resolution', o.resolution, 0);
  if (typeof o.nodeAttribute !== 'string' || o.nodeAttribute === '')
    throw new InvalidOptionError('communities', 'nodeAttribute', o.nodeAttribute, 'a non-empty attribute name');
}

export interface CommunitiesResult {
  communities: Record<string, number>;
  count: number;
  modularity: number;
}

function run<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: CommunitiesOptions<E>) {
  const o = resolveOptions(COMMUNITIES_DEFAULTS as Required<CommunitiesOptions<E>>, options);
  validateCommunitiesOptions(o as Required<CommunitiesOptions>);
  if (graph.order === 0) return { result: { communities: {}, count: 0, modularity: 0 }, o };
  const getEdgeWeight =
    o.getEdgeWeight === null
      ? null
      : typeof o.getEdgeWeight === 'function'
        ? (o.getEdgeWeight as (e: string, a: E, s: string, t: string) => number)
        : o.getEdgeWeight;
  // graphology's Louvain needs at least one edge; an edgeless graph is one community per node.
  if (graph.size === 0) {
    const communities: Record<string, number> = {};
    graph.nodes().forEach((id, i) => (communities[id] = i));
    return { result: { communities, count: graph.order, modularity: 0 }, o };
  }
  const detailed = louvainImpl.detailed(graph as never, {
    getEdgeWeight: getEdgeWeight as never,
    resolution: o.resolution,
    rng: o.rng ?? createRng(o.seed),
  });
  const relabel = new Map<number, number>();
  const communities: Record<string, number> = {};
  graph.forEachNode((id) => {
    const c = detailed.communities[id]!;
    if (!relabel.has(c)) relabel.set(c, relabel.size);
    communities[id] = relabel.get(c)!;
  });
  return { result: { communities, count: relabel.size, modularity: detailed.modularity }, o };
}

/** Louvain community of every node, keyed by node id (labels 0, 1, … in node order). */
export function communities<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: CommunitiesOptions<E>): Record<string, number> {
  return run(graph, options).result.communities;
}
/** Communities with their count and modularity. */
communities.detailed = function detailed<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: CommunitiesOptions<E>): CommunitiesResult {
  return run(graph, options).result;
};
/** Store communities under `options.nodeAttribute` (default "community"). */
communities.assign = function assign<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: CommunitiesOptions<E>): void {
  const { result, o } = run(graph, options);
  for (const [id, c] of Object.entries(result.communities)) graph.setNodeAttribute(id, o.nodeAttribute as keyof N, c as N[keyof N]);
};
