/**
 * compactComponents on the CSR against graphology-components' connectedComponents on the same random graphs
 * (isolated nodes, several components, the empty graph): the same partition, count and largest size.
 */
import fc from 'fast-check';
import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import { describe, expect, it } from 'vitest';
import { compactComponents } from '../../src/analysis/compact-components.js';
import { compactGraph } from '../../src/centrality/compact.js';

function randomGraph(n: number, pairs: readonly [number, number][]): Graph {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let v = 0; v < n; v++) g.addNode(`n${v}`);
  for (const [a, b] of pairs) {
    const s = a % Math.max(1, n), t = b % Math.max(1, n);
    if (n > 0 && s !== t && !g.hasEdge(`n${s}`, `n${t}`)) g.addUndirectedEdge(`n${s}`, `n${t}`);
  }
  return g;
}

/** The partition as a sorted list of sorted id lists (order-free comparison). */
function canonical(parts: string[][]): string[] {
  return parts.map((p) => [...p].sort().join(',')).sort();
}

function check(g: Graph): void {
  const c = compactGraph(g, null, 'test');
  const got = compactComponents(c);
  const want = connectedComponents(g);
  expect(got.count).toBe(want.length);
  expect(got.largest).toBe(want.reduce((m, p) => Math.max(m, p.length), 0));
  const parts: string[][] = Array.from({ length: got.count }, () => []);
  c.ids.forEach((id, v) => parts[got.label[v]!]!.push(id));
  expect(canonical(parts)).toEqual(canonical(want));
  expect(Array.from(got.size)).toEqual(parts.map((p) => p.length));
  // Labels are numbered in order of each component's lowest node.
  let next = 0;
  for (let v = 0; v < c.ids.length; v++) {
    const l = got.label[v]!;
    expect(l).toBeLessThanOrEqual(next);
    if (l === next) next++;
  }
}

describe('compactComponents(csr)', () => {
  it('equals connectedComponents on random graphs (sparse to dense, isolated nodes included)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.array(fc.tuple(fc.nat(200), fc.nat(200)), { maxLength: 160 }), (n, pairs) => check(randomGraph(n, pairs))),
      { numRuns: 200, seed: 9 },
    );
  });

  it('finds planted components of known sizes', () => {
    // Three paths of 5, 3 and 1 nodes, interleaved in index order.
    const g = new Graph({ type: 'undirected' });
    for (let v = 0; v < 9; v++) g.addNode(String(v));
    for (const [a, b] of [[0, 3], [3, 6], [6, 7], [7, 8], [1, 4], [4, 5]]) g.addUndirectedEdge(String(a), String(b));
    const got = compactComponents(compactGraph(g, null, 'test'));
    expect(got.count).toBe(3);
    expect(got.largest).toBe(5);
    expect(Array.from(got.label)).toEqual([0, 1, 2, 0, 1, 1, 0, 0, 0]);
    expect(Array.from(got.size)).toEqual([5, 3, 1]);
  });

  it('returns no components for a graph without nodes', () => {
    const got = compactComponents({ start: new Int32Array(1), neighbour: new Int32Array(0) });
    expect(got).toMatchObject({ count: 0, largest: 0 });
    expect(got.label.length).toBe(0);
  });
});
