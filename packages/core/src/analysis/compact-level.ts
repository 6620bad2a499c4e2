/**
 * One level (people or organisations) of `analyze`'s compact engine, cut into the steps the benchmark times
 * separately: the shared structures (tie profile columns and tie table, adjacency, CSR; for networks above the
 * graph limit the triangle pass — Schank & Wagner 2005, doi:10.1007/11427186_54 — that gives the common
 * neighbours and Burt's measures), Burt constraint (Burt 1992), and Louvain communities (Blondel et al. 2008,
 * doi:10.1088/1742-5468/2008/10/P10008: graphology's below the graph limit, `compactLouvain` above). Each step
 * calls the functions `analyze` calls, with the same switch at `graphLimit` ties, so its values equal the
 * analysis's (`compactNodeMeasures`, `analysis.tieTables`).
 */
import Graph from 'graphology';
import { csrFromProjection, type ProjectionCsr } from '../centrality/compact-projection.js';
import { structuralHoles } from '../centrality/structural-holes.js';
import { communities } from '../community/louvain.js';
import { createRng } from '../community/rng.js';
import { buildAdjacency, type Adjacency } from '../network/adjacency.js';
import type { OrganisationProjection, PersonProjection } from '../network/project.js';
import { tieProfiles } from '../network/tie-profile.js';
import { assertInteger, resolveOptions } from '../options.js';
import type { AttendanceModel } from '../types.js';
import { compactLouvain, modularityOf } from './compact-louvain.js';
import { csrFromAdjacency, entryWeights, triangleMeasures, type TriangleMeasures } from './compact-measures.js';
import { tieTableOf, type TieTable } from './tie-table.js';

/** Options of `compactLevel`. */
export interface CompactLevelOptions {
  /**
   * Networks with more ties take the large path of `analyze` (one adjacency shared by the triangle pass, the tie
   * profile and the CSR). Default: 25000 (`ANALYZE_DEFAULTS.graphLimit`).
   */
  graphLimit?: number;
}

export const COMPACT_LEVEL_DEFAULTS: Readonly<Required<CompactLevelOptions>> = Object.freeze({ graphLimit: 25_000 });

/** Throws InvalidOptionError when `graphLimit` is not an integer >= 0. */
export function validateCompactLevelOptions(o: Required<CompactLevelOptions>): void {
  assertInteger('compactLevel', 'graphLimit', o.graphLimit, 0);
}

/** The shared structures of one level. */
export interface CompactLevel {
  proj: PersonProjection | OrganisationProjection;
  /** True above the graph limit (the triangle pass, compact Louvain). */
  large: boolean;
  table: TieTable;
  /** `buildAdjacency` of the projection (over every actor, with the tie number of each entry). */
  adjacency: Adjacency;
  /** The compact graph of the present actors, weight = shared events. */
  csr: ProjectionCsr;
  /** Large path: weight of each adjacency entry (shared events of its tie); null otherwise. */
  entryWeight: Float64Array | null;
  /** Large path: common neighbours and Burt's measures from the triangle pass; null otherwise. */
  holes: TriangleMeasures | null;
}

/** Tie profile, tie table, adjacency and CSR of a projection, as `analyze` builds them. */
export function compactLevel(model: AttendanceModel, proj: PersonProjection | OrganisationProjection, options?: CompactLevelOptions): CompactLevel {
  const o = resolveOptions(COMPACT_LEVEL_DEFAULTS, options);
  validateCompactLevelOptions(o);
  const graphLimit = o.graphLimit;
  const ids = (proj.level === 'person' ? model.people : model.organisations).map((x) => x.id);
  if (proj.length <= graphLimit) {
    const prof = tieProfiles(model, proj, { dates: false, overlap: false });
    const table = tieTableOf(model, proj, prof);
    const csr = csrFromProjection(proj, { ids, weight: 'shared_events' });
    return { proj, large: false, table, adjacency: prof.adjacency, csr, entryWeight: null, holes: null };
  }
  const adjacency = buildAdjacency(proj.nodeCount, proj.src, proj.tgt, proj.length);
  const entryWeight = entryWeights(adjacency, proj.shared);
  const holes = triangleMeasures(adjacency, proj.shared, entryWeight);
  const prof = tieProfiles(model, proj, { adjacency, common: holes.common, dates: false, overlap: false });
  const table = tieTableOf(model, proj, prof);
  const csr = csrFromAdjacency(proj, adjacency, entryWeight, ids);
  return { proj, large: true, table, adjacency, csr, entryWeight, holes };
}

/**
 * Burt's constraint and effective size per compact node, computed afresh with the method `analyze` uses for the
 * level: the triangle pass above the graph limit (there `analyze` takes them from the pass that also gives the
 * common neighbours), `structuralHoles` on the CSR (Σ deg² work) below it.
 */
export function levelConstraint(level: CompactLevel): { constraint: Float64Array; effectiveSize: Float64Array } {
  const { csr } = level;
  if (!level.large) return structuralHoles(csr);
  const holes = triangleMeasures(level.adjacency, level.proj.shared, level.entryWeight);
  return {
    constraint: Float64Array.from(csr.actor, (a) => holes.constraint[a]!),
    effectiveSize: Float64Array.from(csr.actor, (a) => holes.effectiveSize[a]!),
  };
}

/** Louvain communities per compact node (labels 0, 1, … in node order), their count and modularity. */
export interface LevelCommunities {
  community: Int32Array;
  count: number;
  modularity: number;
  method: 'graphology' | 'compact';
}

/**
 * Louvain communities of a level with `analyze`'s choice: graphology's Louvain on a graph holding only the
 * shared-events weight (the builders' node and tie order) below the graph limit, `compactLouvain` on the CSR
 * above it. Same level and seed, same communities as the analysis.
 */
export function levelCommunities(level: CompactLevel, seed = 1): LevelCommunities {
  const { csr, proj } = level;
  const n = csr.actor.length;
  if (level.large) {
    const community = compactLouvain(csr, new Uint8Array(n).fill(1), { rng: createRng(seed) });
    let count = 0;
    for (let v = 0; v < n; v++) if (community[v]! + 1 > count) count = community[v]! + 1;
    return { community, count, modularity: modularityOf(csr, community), method: 'compact' };
  }
  const g = new Graph<Record<string, never>, { shared_events: number }>({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of csr.ids) g.addNode(id);
  const local = new Int32Array(proj.nodeCount).fill(-1);
  csr.actor.forEach((actor, v) => (local[actor] = v));
  for (let t = 0; t < proj.length; t++) g.addUndirectedEdge(csr.ids[local[proj.src[t]!]!]!, csr.ids[local[proj.tgt[t]!]!]!, { shared_events: proj.shared[t]! });
  const r = communities.detailed(g, { getEdgeWeight: 'shared_events', seed });
  return { community: Int32Array.from(csr.ids, (id) => r.communities[id]!), count: r.count, modularity: r.modularity, method: 'graphology' };
}
