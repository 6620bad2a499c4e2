/**
 * Local tie counts of every node: degree, strong and weak tie counts (from the edge attribute `class`),
 * and strength = Σ of a tie weight (Barrat et al. 2004, doi:10.1073/pnas.0400087101): `shared_events` for
 * the count strength, `newman` for the Newman strength.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidOptionError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { compactGraph, toRecord, type EdgeWeightGetter } from './compact.js';

export interface StrengthOptions<E extends Attributes = Attributes> {
  /** Tie weight summed per node; null counts ties (= degree). Default: "shared_events". */
  getEdgeWeight?: EdgeWeightGetter<E>;
  /** Attribute written by `strength.assign`. Default: "strength". */
  nodeAttribute?: string;
}
export const STRENGTH_DEFAULTS: Readonly<Required<StrengthOptions>> = Object.freeze({ getEdgeWeight: 'shared_events', nodeAttribute: 'strength' });

export function validateStrengthOptions(o: Required<StrengthOptions>): void {
  if (typeof o.nodeAttribute !== 'string' || o.nodeAttribute === '')
    throw new InvalidOptionError('strength', 'nodeAttribute', o.nodeAttribute, 'a non-empty attribute name');
}

function compute<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: StrengthOptions<E>) {
  const o = resolveOptions(STRENGTH_DEFAULTS as Required<StrengthOptions<E>>, options);
  validateStrengthOptions(o as Required<StrengthOptions>);
  const c = compactGraph(graph, o.getEdgeWeight, 'strength');
  const values = new Float64Array(c.ids.length);
  for (let v = 0; v < c.ids.length; v++) for (let x = c.start[v]!, end = c.start[v + 1]!; x < end; x++) values[v]! += c.weight[x]!;
  return { ids: c.ids, values, o };
}

/** Strength (Σ tie weight) of every node, keyed by node id. */
export function strength<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: StrengthOptions<E>): Record<string, number> {
  const { ids, values } = compute(graph, options);
  return toRecord(ids, values);
}
strength.assign = function assign<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: StrengthOptions<E>): void {
  const { ids, values, o } = compute(graph, options);
  ids.forEach((id, v) => graph.setNodeAttribute(id, o.nodeAttribute as keyof N, values[v] as N[keyof N]));
};

/** Strong and weak tie counts per node, read from the edge attribute `class` ("strong" | "weak"). */
export function tieCounts<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>): Record<string, { strong: number; weak: number }> {
  const out: Record<string, { strong: number; weak: number }> = {};
  graph.forEachNode((id) => (out[id] = { strong: 0, weak: 0 }));
  graph.forEachEdge((_e, attr, s, t) => {
    if (s === t) return;
    const key = (attr as Record<string, unknown>)['class'] === 'strong' ? 'strong' : 'weak';
    out[s]![key]++;
    out[t]![key]++;
  });
  return out;
}
