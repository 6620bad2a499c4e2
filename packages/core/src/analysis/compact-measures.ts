/**
 * Node measures of a network straight from its projection (`csrFromProjection`: present actors in index order,
 * adjacency in tie order — the CSR `compactGraph` makes of the builders' graphs), with no graphology graph:
 * degree, strong/weak tie counts, strength (shared events, Newman), betweenness (Brandes 2001,
 * doi:10.1080/0022250X.2001.9990249, raw, unweighted and with length 1/shared_events; Brandes & Pich 2007
 * pivots above the exact limit), Burt constraint and effective size, core number (Batagelj & Zaversnik 2003)
 * and Louvain communities (graphology's below the graph limit, `compactLouvain` above). Every sum runs in
 * the same order as on the graph, so the values equal `nodeMeasures` on the graph (communities aside above
 * the limit). Betweenness is requested from the caller (a generator step), so that the same code runs in
 * one thread (`analyze`) or on worker threads (`analyzeAsync`).
 */
import Graph from 'graphology';
import type { BetweennessArrays, BetweennessValuesOptions } from '../centrality/betweenness.js';
import { csrFromProjection, type ProjectionCsr } from '../centrality/compact-projection.js';
import { coreNumberValues } from '../centrality/core-number.js';
import { structuralHoles } from '../centrality/structural-holes.js';
import { communities } from '../community/louvain.js';
import { createRng } from '../community/rng.js';
import type { Projection } from '../network/project.js';
import type { TieProfileColumns } from '../network/tie-profile.js';
import { compactLouvain } from './compact-louvain.js';
import type { NodeMeasureRow } from './measures.js';

/** One betweenness pass the measures need: the caller answers with `betweennessValues(csr, options)` or its async twin. */
export interface BetweennessRequest {
  csr: ProjectionCsr;
  options: BetweennessValuesOptions;
}

/** How betweenness of one network was computed (null fields when skipped). */
export interface BetweennessInfo {
  method: 'exact' | 'sampled' | 'skipped';
  /** Sources used (all nodes when exact, 0 when skipped). */
  pivots: number;
  /** Sampled: standard error / estimate of the top node (unweighted pass); null otherwise. */
  relativeError: number | null;
}

/** Options of `compactNodeMeasures`. */
export interface CompactMeasureOptions {
  seed: number;
  /** Betweenness passes: options for `betweennessValues` (mode, pivots, seed, limits), or null to skip them. */
  betweenness: BetweennessValuesOptions | null;
  /** Communities with graphology's Louvain (as `nodeMeasures`) or with `compactLouvain` (large networks). */
  louvain: 'graphology' | 'compact';
  /**
   * Structural holes already computed per actor (`triangleMeasures` over the projection, large networks); null
   * computes them here in the summation order of `nodeMeasures` (Σ deg² work). Default: null.
   */
  holes?: { constraint: Float64Array; effectiveSize: Float64Array } | null;
}

/** Per actor (model index): the measures of the tables, `null` for actors absent from the network. */
export interface CompactMeasures {
  rows: (NodeMeasureRow | null)[];
  /** Nodes of the network. */
  nodes: number;
  betweenness: BetweennessInfo;
}

function graphologyCommunities(proj: Projection, csr: ProjectionCsr, seed: number): Int32Array {
  // The builders' node and edge order, with only the weight Louvain reads.
  const g = new Graph<Record<string, never>, { shared_events: number }>({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of csr.ids) g.addNode(id);
  const local = new Int32Array(proj.nodeCount).fill(-1);
  csr.actor.forEach((actor, v) => (local[actor] = v));
  for (let t = 0; t < proj.length; t++) g.addUndirectedEdge(csr.ids[local[proj.src[t]!]!]!, csr.ids[local[proj.tgt[t]!]!]!, { shared_events: proj.shared[t]! });
  const comm = communities(g, { getEdgeWeight: 'shared_events', seed });
  return Int32Array.from(csr.ids, (id) => comm[id]!);
}

/** Common neighbours per tie and Burt's measures per node, from one pass over the triangles. */
export interface TriangleMeasures {
  /** Common neighbours of each tie (indexed like `tieWeight`). */
  common: Int32Array;
  constraint: Float64Array;
  effectiveSize: Float64Array;
}

/**
 * Burt's constraint and effective size (as `structuralHoles`) and the common neighbours of every tie (as
 * `commonNeighbours`) for large networks, in one pass over the triangles: each tie (u, v) is handled once,
 * from its endpoint of higher degree u, whose neighbours (with their weights) are marked while the list of the
 * other endpoint v is scanned, so the cost is Σ over ties of the smaller degree instead of Σ_j deg(j)². For a
 * common neighbour q, the indirect terms of both directions share w_uq·w_vq: constraint sums it divided by the
 * strength of q, effective size undivided, and the endpoint factors are applied once per tie, whose terms then
 * go straight into both endpoints' sums (no per-entry storage). Values equal
 * `structuralHoles` up to rounding (sums run in another order); common counts are exact.
 * @param adj Undirected CSR with ascending lists and the tie number of each entry.
 * @param tieWeight Weight of each tie (shared events).
 */
export function triangleMeasures(adj: { start: Int32Array; neighbour: Int32Array; edge: Int32Array }, tieWeight: ArrayLike<number>): TriangleMeasures {
  const { start, neighbour, edge } = adj;
  const n = start.length - 1;
  const entries = neighbour.length;
  // Weight of each entry, in list order (the scans below read it sequentially).
  const weight = new Float64Array(entries);
  for (let x = 0; x < entries; x++) weight[x] = tieWeight[edge[x]!]!;
  const sum = new Float64Array(n);
  const max = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let x = start[v]!, end = start[v + 1]!; x < end; x++) {
      const w = weight[x]!;
      sum[v]! += w;
      if (w > max[v]!) max[v] = w;
    }
  }
  const invSum = Float64Array.from(sum, (s) => (s > 0 ? 1 / s : 0));
  const invMax = Float64Array.from(max, (m) => (m > 0 ? 1 / m : 0));
  const common = new Int32Array(tieWeight.length);
  // Each tie is complete after one scan, so its terms go straight into both endpoints' sums:
  // constraint (p_ij + Σ_q p_iq p_qj)² and effective size 1 − Σ_q p_iq m_jq, for i = u, v.
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const markW = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const a = start[u]!, end = start[u + 1]!;
    const du = end - a;
    let marked = false;
    for (let x = a; x < end; x++) {
      const v = neighbour[x]!;
      const dv = start[v + 1]! - start[v]!;
      if (dv > du || (dv === du && v < u)) continue;
      if (!marked) {
        for (let y = a; y < end; y++) {
          mark[neighbour[y]!] = u;
          markW[neighbour[y]!] = weight[y]!;
        }
        marked = true;
      }
      let f = 0, g = 0, c = 0;
      for (let y = start[v]!, e2 = start[v + 1]!; y < e2; y++) {
        const q = neighbour[y]!;
        if (mark[q] !== u) continue;
        const p = markW[q]! * weight[y]!;
        f += p * invSum[q]!;
        g += p;
        c++;
      }
      common[edge[x]!] = c;
      const w = weight[x]!;
      const lu = (w + f) * invSum[u]!;
      const lv = (w + f) * invSum[v]!;
      constraint[u]! += lu * lu;
      constraint[v]! += lv * lv;
      effectiveSize[u]! += 1 - g * invSum[u]! * invMax[v]!;
      effectiveSize[v]! += 1 - g * invSum[v]! * invMax[u]!;
    }
  }
  for (let i = 0; i < n; i++) {
    if (start[i] === start[i + 1]) {
      constraint[i] = NaN;
      effectiveSize[i] = NaN;
    }
  }
  return { common, constraint, effectiveSize };
}

/** Every node measure of a projection, by model index; yields its betweenness passes to the caller. */
export function* compactNodeMeasures(
  proj: Projection,
  prof: TieProfileColumns,
  ids: readonly string[],
  o: CompactMeasureOptions,
): Generator<BetweennessRequest, CompactMeasures, BetweennessArrays> {
  const csr = csrFromProjection(proj, { ids, weight: 'shared_events' });
  const n = csr.actor.length;
  let unweighted: Float64Array | null = null;
  let weightedB: Float64Array | null = null;
  let info: BetweennessInfo = { method: 'skipped', pivots: 0, relativeError: null };
  if (o.betweenness) {
    const u = yield { csr, options: { ...o.betweenness, weighted: false, normalized: false } };
    const w = yield { csr, options: { ...o.betweenness, weighted: true, normalized: false } };
    unweighted = u.values;
    weightedB = w.values;
    info = { method: u.method, pivots: u.pivots, relativeError: u.relativeError };
  }
  let con: Float64Array, eff: Float64Array;
  if (o.holes) {
    con = Float64Array.from(csr.actor, (actor) => o.holes!.constraint[actor]!);
    eff = Float64Array.from(csr.actor, (actor) => o.holes!.effectiveSize[actor]!);
  } else ({ constraint: con, effectiveSize: eff } = structuralHoles(csr));
  const core = coreNumberValues(csr);
  const comm = o.louvain === 'graphology' ? graphologyCommunities(proj, csr, o.seed) : compactLouvain(csr, new Uint8Array(n).fill(1), { rng: createRng(o.seed) });
  // Strong ties and Newman strength per node, over ties in tie order: each node's adjacency list is in tie
  // order too, so the sums run in the order `nodeMeasures` uses on the graph's CSR.
  const strong = new Int32Array(n);
  const newman = new Float64Array(n);
  const local = new Int32Array(proj.nodeCount).fill(-1);
  csr.actor.forEach((actor, v) => (local[actor] = v));
  const nm = proj.newman;
  for (let t = 0; t < proj.length; t++) {
    const a = local[proj.src[t]!]!, b = local[proj.tgt[t]!]!;
    if (prof.strong[t]) (strong[a]!++, strong[b]!++);
    newman[a]! += nm[t]!;
    newman[b]! += nm[t]!;
  }
  const rows: (NodeMeasureRow | null)[] = new Array(proj.nodeCount).fill(null);
  for (let v = 0; v < n; v++) {
    let strength = 0;
    for (let x = csr.start[v]!, end = csr.start[v + 1]!; x < end; x++) strength += csr.weight[x]!;
    const degree = csr.start[v + 1]! - csr.start[v]!;
    const cv = con[v]!, ev = eff[v]!;
    rows[csr.actor[v]!] = {
      degree,
      strong_ties: strong[v]!,
      weak_ties: degree - strong[v]!,
      strength,
      newman_strength: newman[v]!,
      betweenness: unweighted ? unweighted[v]! : null,
      betweenness_weighted: weightedB ? weightedB[v]! : null,
      constraint: Number.isFinite(cv) ? cv : null,
      effective_size: Number.isFinite(ev) ? ev : null,
      core: core[v]!,
      community: Number.isFinite(comm[v]!) && comm[v]! >= 0 ? comm[v]! : null,
    };
  }
  return { rows, nodes: n, betweenness: info };
}
