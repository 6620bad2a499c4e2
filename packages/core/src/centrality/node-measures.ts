/**
 * `nodeMeasures(graph, options)`: every node measure of PRODUCT.md section 2 in one record per node, with the
 * names of the `people.csv` / `organisations.csv` columns. Each measure also exists alone (`betweenness`,
 * `constraint`, `effectiveSize`, `coreNumber`, `strength`, `tieCounts`, `communities`).
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidOptionError } from '../errors.js';
import { assertBoolean, resolveOptions } from '../options.js';
import { communities } from '../community/louvain.js';
import {
  betweennessJob,
  finishBetweenness,
  planBetweenness,
  validateBetweennessOptions,
  BETWEENNESS_DEFAULTS,
  type BetweennessArrays,
  type BetweennessMethod,
  type BetweennessSamplingOptions,
} from './betweenness.js';
import { runBetweennessJob, type BetweennessRunner } from './betweenness-kernel.js';
import { compactGraph, type CompactGraph, type EdgeWeightGetter } from './compact.js';
import { coreNumberValues } from './core-number.js';
import { structuralHoles } from './structural-holes.js';
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
  /**
   * Exact or pivot-sampled betweenness (both columns use the same pivots): `{ mode, exactMaxNodes, exactMaxWork,
   * pivots, seed, sources, twins }`, see `BetweennessSamplingOptions`. Default: {} (the `betweenness` defaults:
   * auto, exact up to `BETWEENNESS_EXACT_MAX_NODES` nodes and `BETWEENNESS_EXACT_MAX_WORK` adjacency visits, else
   * pivots from the `BETWEENNESS_SAMPLE_WORK` budget with seed 1).
   */
  betweenness?: BetweennessSamplingOptions;
}

export const NODE_MEASURES_DEFAULTS: Readonly<Required<NodeMeasuresOptions>> = Object.freeze({
  getEdgeWeight: 'shared_events',
  normalized: false,
  seed: 1,
  rng: null,
  tolerance: 1e-9,
  betweenness: Object.freeze({}),
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
  if (typeof o.betweenness !== 'object' || o.betweenness === null)
    throw new InvalidOptionError('nodeMeasures', 'betweenness', o.betweenness, 'an object { mode, exactMaxNodes, exactMaxWork, pivots, seed, sources }');
  validateBetweennessOptions(resolveOptions(BETWEENNESS_DEFAULTS, { ...o.betweenness, tolerance: o.tolerance }), 'nodeMeasures');
}

/** How the two betweenness columns were computed (`report.json`: method, pivots, seed, relativeError). */
export interface NodeMeasuresMethods {
  betweenness: BetweennessMethod;
  betweenness_weighted: BetweennessMethod;
}

/** `nodeMeasures.detailed` / `nodeMeasuresAsync`: the records plus how betweenness was computed. */
export interface NodeMeasuresResult {
  measures: Record<string, NodeMeasureRecord>;
  methods: NodeMeasuresMethods;
}

function prepare<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: NodeMeasuresOptions<E>) {
  const o = resolveOptions(NODE_MEASURES_DEFAULTS as Required<NodeMeasuresOptions<E>>, options);
  validateNodeMeasuresOptions(o as Required<NodeMeasuresOptions>);
  const weighted = compactGraph(graph, o.getEdgeWeight, 'nodeMeasures');
  const sampling = resolveOptions(BETWEENNESS_DEFAULTS, o.betweenness);
  const plan = planBetweenness(weighted, sampling, 'nodeMeasures');
  const u = betweennessJob(weighted, plan, false, o.tolerance);
  const w = betweennessJob(weighted, plan, true, o.tolerance);
  return { o, weighted, plan, u, w };
}

function compute<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  o: Required<NodeMeasuresOptions<E>>,
  weighted: CompactGraph,
  bu: BetweennessArrays,
  bwr: BetweennessArrays,
): NodeMeasuresResult {
  const counts = compactGraph(graph, 'shared_events' as never, 'nodeMeasures');
  const newman = compactGraph(graph, 'newman' as never, 'nodeMeasures');
  const n = weighted.ids.length;
  const unweighted = bu.values;
  const bw = bwr.values;
  const { constraint: con, effectiveSize: eff } = structuralHoles(weighted);
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
  const method = ({ values: _v, standardError: _s, ...m }: BetweennessArrays): BetweennessMethod => m;
  return { measures: out, methods: { betweenness: method(bu), betweenness_weighted: method(bwr) } };
}

function detailedSync<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: NodeMeasuresOptions<E>): NodeMeasuresResult {
  const { o, weighted, plan, u, w } = prepare(graph, options);
  const bu = finishBetweenness(runBetweennessJob(u.job), plan, u.lengths, o.normalized);
  const bw = finishBetweenness(runBetweennessJob(w.job), plan, w.lengths, o.normalized);
  return compute(graph, o, weighted, bu, bw);
}

/** All node measures, keyed by node id. */
export function nodeMeasures<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: NodeMeasuresOptions<E>): Record<string, NodeMeasureRecord> {
  return detailedSync(graph, options).measures;
}

/** The measures plus how both betweenness columns were computed (exact or sampled, pivots, seed, relative error). */
nodeMeasures.detailed = detailedSync;

/**
 * `nodeMeasures.detailed` with both betweenness passes handed to `runner` (in Node: `parallelBetweennessRunner()`
 * from the CLI layer, worker threads; in a browser: none, this thread). Identical numbers either way.
 */
export async function nodeMeasuresAsync<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  options?: NodeMeasuresOptions<E> & { runner?: BetweennessRunner | null },
): Promise<NodeMeasuresResult> {
  const { runner = null, ...rest } = options ?? {};
  const { o, weighted, plan, u, w } = prepare(graph, rest as NodeMeasuresOptions<E>);
  const run = runner ?? ((job) => Promise.resolve(runBetweennessJob(job)));
  const bu = finishBetweenness(await run(u.job), plan, u.lengths, o.normalized);
  const bw = finishBetweenness(await run(w.job), plan, w.lengths, o.normalized);
  return compute(graph, o, weighted, bu, bw);
}

/** Write every measure as a node attribute under its column name (events / first_seen / last_seen are left as they are). */
nodeMeasures.assign = function assign<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: NodeMeasuresOptions<E>): void {
  const all = detailedSync(graph, options).measures;
  for (const [id, m] of Object.entries(all)) {
    const { events: _e, first_seen: _f, last_seen: _l, ...measures } = m;
    graph.mergeNodeAttributes(id, measures as unknown as Partial<N>);
  }
};
