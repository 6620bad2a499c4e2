/**
 * Stable layout of a whole network, computed once: nodes are seeded in order of first appearance beside the
 * neighbours already placed (or at a spot hashed from their id), then ForceAtlas2 runs a fixed number of
 * iterations (Jacomy et al. 2014, doi:10.1371/journal.pone.0098679) and noverlap tidies overlaps. There is no
 * randomness beyond the seed: the same network and seed always give the same positions, so time steps never
 * move a node.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { hashString } from './palette.js';

export interface LayoutInput {
  nodeId: readonly string[];
  /** Event index of each node's first appearance (seeding order). */
  nodeFirst: Int32Array;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Attraction weight per edge. */
  edgeWeight: Float32Array;
  /** ForceAtlas2 iterations, or null to infer from the size. */
  iterations: number | null;
  /** Seed mixed into the hashed starting spots (0: the id alone). Default: 0. */
  seed?: number;
}

/** ForceAtlas2 iterations for a graph size: many for small graphs, few for very large ones. */
export function inferLayoutIterations(nodes: number, edges: number): number {
  const work = nodes + edges;
  if (work <= 3_000) return 300;
  if (work <= 20_000) return 250;
  if (work <= 80_000) return 60;
  return 15;
}

/** Two deterministic numbers in [0, 1) from a node id (and the layout seed, when not 0). */
function hash2(id: string, seed: number): [number, number] {
  const key = seed === 0 ? id : `${seed}:${id}`;
  const a = hashString(key);
  const b = hashString(key + '#');
  return [a / 4294967296, b / 4294967296];
}

/** Final positions of every node. */
export function layoutPositions(input: LayoutInput): { x: Float32Array; y: Float32Array } {
  const { nodeId, nodeFirst, edgeSource, edgeTarget, edgeWeight } = input;
  const N = nodeId.length;
  const M = edgeSource.length;
  const x = new Float32Array(N);
  const y = new Float32Array(N);
  if (N === 0) return { x, y };

  // Adjacency (CSR) and degrees.
  const deg = new Int32Array(N);
  for (let i = 0; i < M; i++) {
    deg[edgeSource[i]!]!++;
    deg[edgeTarget[i]!]!++;
  }
  const start = new Int32Array(N + 1);
  for (let v = 0; v < N; v++) start[v + 1] = start[v]! + deg[v]!;
  const fill = start.slice(0, N);
  const adj = new Int32Array(2 * M);
  for (let i = 0; i < M; i++) {
    adj[fill[edgeSource[i]!]!++] = edgeTarget[i]!;
    adj[fill[edgeTarget[i]!]!++] = edgeSource[i]!;
  }

  // Seed in order of first appearance, beside the neighbours already placed.
  const order = Array.from({ length: N }, (_, i) => i).sort((a, b) => nodeFirst[a]! - nodeFirst[b]! || a - b);
  const placed = new Uint8Array(N);
  const R = 10 * Math.sqrt(N);
  for (const v of order) {
    const [u1, u2] = hash2(nodeId[v]!, input.seed ?? 0);
    const angle = 2 * Math.PI * u1;
    let sx = 0, sy = 0, k = 0;
    for (let j = start[v]!; j < start[v + 1]!; j++) {
      const w = adj[j]!;
      if (placed[w]) {
        sx += x[w]!;
        sy += y[w]!;
        k++;
      }
    }
    if (k > 0) {
      const r = R * 0.06 * (0.5 + u2);
      x[v] = sx / k + r * Math.cos(angle);
      y[v] = sy / k + r * Math.sin(angle);
    } else {
      const r = R * Math.sqrt(u2);
      x[v] = r * Math.cos(angle);
      y[v] = r * Math.sin(angle);
    }
    placed[v] = 1;
  }

  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let v = 0; v < N; v++) graph.addNode(nodeId[v]!, { x: x[v], y: y[v], size: 1 });
  for (let i = 0; i < M; i++) graph.addUndirectedEdgeWithKey(i, nodeId[edgeSource[i]!]!, nodeId[edgeTarget[i]!]!, { weight: edgeWeight[i] });
  if (M > 0) {
    const iterations = input.iterations ?? inferLayoutIterations(N, M);
    // LinLog separates the clusters of dense co-attendance graphs far better than the linear model.
    const settings = { ...forceAtlas2.inferSettings(graph), linLogMode: true, scalingRatio: 2, gravity: 0.5, strongGravityMode: false, edgeWeightInfluence: 1, barnesHutTheta: N > 2_000 ? 1.2 : 0.5 };
    forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: 'weight' });
  }

  // Pull far outliers (isolated partners, small separate groups) in to just beyond the main body, so one
  // lone node does not shrink the whole map.
  {
    let cx = 0, cy = 0;
    graph.forEachNode((_, a) => {
      cx += a.x as number;
      cy += a.y as number;
    });
    cx /= N;
    cy /= N;
    const dist = Array.from(graph.nodes(), (n) => Math.hypot((graph.getNodeAttribute(n, 'x') as number) - cx, (graph.getNodeAttribute(n, 'y') as number) - cy)).sort((a, b) => a - b);
    const limit = 1.12 * (dist[Math.floor(0.95 * (N - 1))] ?? 0);
    if (limit > 0)
      graph.forEachNode((node, a) => {
        const dx = (a.x as number) - cx, dy = (a.y as number) - cy;
        const d = Math.hypot(dx, dy);
        if (d > limit) graph.mergeNodeAttributes(node, { x: cx + (dx / d) * limit, y: cy + (dy / d) * limit });
      });
  }

  // Tidy overlaps with sizes that grow with the degree, relative to the layout's extent.
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  graph.forEachNode((_, a) => {
    minX = Math.min(minX, a.x as number);
    maxX = Math.max(maxX, a.x as number);
    minY = Math.min(minY, a.y as number);
    maxY = Math.max(maxY, a.y as number);
  });
  const span = Math.max(maxX - minX, maxY - minY, 1);
  const unit = span / Math.max(40, 2.2 * Math.sqrt(N) * 6);
  graph.forEachNode((node, _a) => graph.setNodeAttribute(node, 'size', unit * (1 + Math.sqrt(graph.degree(node)) / 2)));
  // noverlap costs seconds on large maps, where the light programs draw small points anyway.
  if (N <= 2_000) noverlap.assign(graph, { maxIterations: 60, settings: { margin: unit * 0.6, ratio: 1, speed: 3 } });

  for (let v = 0; v < N; v++) {
    const a = graph.getNodeAttributes(nodeId[v]!);
    x[v] = a.x as number;
    y[v] = a.y as number;
  }
  alignMajorAxis(x, y);
  return { x, y };
}

/** Rotate positions about their centroid so the long axis lies horizontally (fits wide screens). */
export function alignMajorAxis(x: Float32Array, y: Float32Array): void {
  const n = x.length;
  if (n < 3) return;
  let cx = 0, cy = 0;
  for (let i = 0; i < n; i++) {
    cx += x[i]!;
    cy += y[i]!;
  }
  cx /= n;
  cy /= n;
  let sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - cx, dy = y[i]! - cy;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const c = Math.cos(-angle), s = Math.sin(-angle);
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - cx, dy = y[i]! - cy;
    x[i] = dx * c - dy * s;
    y[i] = dx * s + dy * c;
  }
}
