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
import { nodeStrengths, structuralHoles } from '../centrality/structural-holes.js';
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
  /** Sampled: mean standard error / estimate over the 10 highest values (unweighted pass); null otherwise. */
  relativeErrorTop10: number | null;
  /** Sampled: the same two for the weighted pass (`betweenness_weighted`); null otherwise. */
  weighted: { relativeError: number | null; relativeErrorTop10: number | null } | null;
  /** Seed of the pivot choice; null when exact or skipped. */
  seed: number | null;
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
  /**
   * The compact graph of the projection when the caller has it already (`csrFromAdjacency`, weights = shared
   * events); null builds it with `csrFromProjection`. Default: null.
   */
  csr?: ProjectionCsr | null;
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

/** Weight of each adjacency entry (the weight of its tie), in list order. */
export function entryWeights(adj: { edge: Int32Array }, tieWeight: ArrayLike<number>): Float64Array {
  const { edge } = adj;
  const weight = new Float64Array(edge.length);
  for (let x = 0; x < edge.length; x++) weight[x] = tieWeight[edge[x]!]!;
  return weight;
}

/**
 * The compact graph `csrFromProjection(proj, { ids, weight: "shared_events" })` gives, from the projection's
 * adjacency (`buildAdjacency`) and its entry weights, sharing their arrays when every actor is a node: the
 * projection's ties are ordered by (source, target), so each actor's list in tie order is its list in
 * ascending neighbour order, which is the adjacency's. Otherwise the lists are renumbered to the present actors.
 */
export function csrFromAdjacency(proj: Projection, adj: { start: Int32Array; neighbour: Int32Array }, weight: Float64Array, ids: readonly string[]): ProjectionCsr {
  const present = proj.nodes.present;
  const local = new Int32Array(proj.nodeCount).fill(-1);
  let n = 0;
  for (let a = 0; a < proj.nodeCount; a++) if (present[a]) local[a] = n++;
  const actor = new Int32Array(n);
  const nodeIds: string[] = new Array<string>(n);
  const index = new Map<string, number>();
  for (let a = 0; a < proj.nodeCount; a++) {
    const v = local[a]!;
    if (v < 0) continue;
    actor[v] = a;
    nodeIds[v] = ids[a]!;
    index.set(nodeIds[v], v);
  }
  if (n === proj.nodeCount) return { ids: nodeIds, index, start: adj.start, neighbour: adj.neighbour, weight, actor };
  // Absent actors have no ties, so their lists are empty: keep the present ones' starts, renumber the entries.
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = adj.start[actor[v]! + 1]!;
  const neighbour = new Int32Array(adj.neighbour.length);
  for (let x = 0; x < neighbour.length; x++) neighbour[x] = local[adj.neighbour[x]!]!;
  return { ids: nodeIds, index, start, neighbour, weight, actor };
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
 * `commonNeighbours`) for large networks, from one listing of the triangles (the "forward" algorithm: Schank &
 * Wagner 2005, doi:10.1007/11427186_54; Latapy 2008, doi:10.1016/j.tcs.2008.07.017): nodes are ranked by
 * degree, each tie is oriented towards its higher-ranked end, and for each tie u → v the out-lists of u and v
 * are intersected, so each triangle is found once, at a cost of at most √(2m) per tie. A triangle {u, v, q}
 * adds, for each of its three ties, one common neighbour and the product of the two other ties' weights: divided
 * by the strength of the third node, it goes into the tie's indirect constraint term (kept per tie, then
 * squared per end); undivided, straight into both ends' effective sizes. Values equal `structuralHoles` up to
 * rounding (sums run in another order); common counts are exact.
 * @param adj Undirected CSR with the tie number of each entry.
 * @param tieWeight Weight of each tie (shared events).
 * @param entryWeight Weight of each adjacency entry (`entryWeights(adj, tieWeight)`), when the caller has it.
 */
export function triangleMeasures(adj: { start: Int32Array; neighbour: Int32Array; edge: Int32Array }, tieWeight: ArrayLike<number>, entryWeight: Float64Array | null = null): TriangleMeasures {
  const { start, neighbour, edge } = adj;
  const n = start.length - 1;
  const ties = tieWeight.length;
  const weight = entryWeight ?? entryWeights(adj, tieWeight);
  const { sum, max } = nodeStrengths(start, weight);
  const invSum = Float64Array.from(sum, (s) => (s > 0 ? 1 / s : 0));
  const invMax = Float64Array.from(max, (m) => (m > 0 ? 1 / m : 0));
  // u ranks below v when its degree is lower (ties broken by index); out-lists keep the higher-ranked neighbours.
  const above = (u: number, v: number): boolean => {
    const du = start[u + 1]! - start[u]!, dv = start[v + 1]! - start[v]!;
    return dv > du || (dv === du && v > u);
  };
  const outStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) {
    let d = 0;
    for (let x = start[u]!, end = start[u + 1]!; x < end; x++) if (above(u, neighbour[x]!)) d++;
    outStart[u + 1] = outStart[u]! + d;
  }
  const outNb = new Int32Array(ties);
  const outTie = new Int32Array(ties);
  const outW = new Float64Array(ties);
  for (let u = 0, k = 0; u < n; u++) {
    for (let x = start[u]!, end = start[u + 1]!; x < end; x++) {
      if (!above(u, neighbour[x]!)) continue;
      outNb[k] = neighbour[x]!;
      outTie[k] = edge[x]!;
      outW[k++] = weight[x]!;
    }
  }
  // Accumulators per out-entry (one per tie, in out-list order): the scans below write them sequentially or
  // within the current node's list instead of at random tie numbers. Per node: 1/strength, 1/max weight and the
  // effective size, side by side (one cache line per node looked up).
  const commonE = new Int32Array(ties);
  // Σ over common neighbours q of w_iq · w_jq / s_q (the indirect part of p_ij + Σ p_iq p_qj, times s_i).
  const indirectE = new Float64Array(ties);
  const node = new Float64Array(3 * n);
  for (let v = 0; v < n; v++) {
    node[3 * v] = invSum[v]!;
    node[3 * v + 1] = invMax[v]!;
    node[3 * v + 2] = start[v + 1]! - start[v]!;
  }
  // The out-neighbours of the current node as a bitset (n bits: in the first-level cache for 10^5 nodes).
  const mark = new Int32Array((n + 31) >>> 5);
  const markW = new Float64Array(n);
  const markE = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const a = outStart[u]!, end = outStart[u + 1]!;
    if (end - a < 2) continue;
    for (let x = a; x < end; x++) {
      const q = outNb[x]!;
      mark[q >>> 5]! |= 1 << (q & 31);
      markW[q] = outW[x]!;
      markE[q] = x;
    }
    const su = node[3 * u]!, mu = node[3 * u + 1]!;
    let hu = 0;
    for (let x = a; x < end; x++) {
      const v = outNb[x]!;
      const wuv = outW[x]!;
      const sv = node[3 * v]!, mv = node[3 * v + 1]!;
      let c = 0, f = 0, g = 0, jv = 0;
      for (let y = outStart[v]!, e2 = outStart[v + 1]!; y < e2; y++) {
        const q = outNb[y]!;
        if ((mark[q >>> 5]! & (1 << (q & 31))) === 0) continue;
        // Triangle u < v < q: ties uv (entry x), uq (entry k), vq (entry y).
        const wuq = markW[q]!, k = markE[q]!, wvq = outW[y]!;
        const sq = node[3 * q]!, mq = node[3 * q + 1]!;
        const p1 = wuq * wvq; // tie uv, third node q
        const p2 = wuv * wvq; // tie uq, third node v
        const p3 = wuv * wuq; // tie vq, third node u
        c++;
        f += p1 * sq;
        g += p1;
        commonE[k]!++;
        indirectE[k]! += p2 * sv;
        hu += p2 * mq;
        commonE[y]!++;
        indirectE[y]! += p3 * su;
        jv += p3 * mq;
        node[3 * q + 2]! -= sq * (p2 * mu + p3 * mv);
      }
      if (c === 0) continue;
      commonE[x]! += c;
      indirectE[x]! += f;
      node[3 * u + 2]! -= g * su * mv;
      node[3 * v + 2]! -= g * sv * mu + jv * sv;
    }
    node[3 * u + 2]! -= hu * su;
    for (let x = a; x < end; x++) mark[outNb[x]! >>> 5] = 0;
  }
  const common = new Int32Array(ties);
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  for (let v = 0; v < n; v++) effectiveSize[v] = node[3 * v + 2]!;
  for (let u = 0; u < n; u++) {
    for (let x = outStart[u]!, end = outStart[u + 1]!; x < end; x++) {
      const v = outNb[x]!;
      common[outTie[x]!] = commonE[x]!;
      const f = outW[x]! + indirectE[x]!;
      const lu = f * invSum[u]!, lv = f * invSum[v]!;
      constraint[u]! += lu * lu;
      constraint[v]! += lv * lv;
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
  prof: Pick<TieProfileColumns, 'strong'>,
  ids: readonly string[],
  o: CompactMeasureOptions,
): Generator<BetweennessRequest, CompactMeasures, BetweennessArrays> {
  const csr = o.csr ?? csrFromProjection(proj, { ids, weight: 'shared_events' });
  const n = csr.actor.length;
  let unweighted: Float64Array | null = null;
  let weightedB: Float64Array | null = null;
  let info: BetweennessInfo = { method: 'skipped', pivots: 0, relativeError: null, relativeErrorTop10: null, weighted: null, seed: null };
  if (o.betweenness) {
    const u = yield { csr, options: { ...o.betweenness, weighted: false, normalized: false } };
    const w = yield { csr, options: { ...o.betweenness, weighted: true, normalized: false } };
    unweighted = u.values;
    weightedB = w.values;
    info = {
      method: u.method,
      pivots: u.pivots,
      relativeError: u.relativeError,
      relativeErrorTop10: u.relativeErrorTop10,
      weighted: w.method === 'sampled' ? { relativeError: w.relativeError, relativeErrorTop10: w.relativeErrorTop10 } : null,
      seed: u.seed,
    };
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
