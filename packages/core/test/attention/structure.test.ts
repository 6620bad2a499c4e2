import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { componentIndex, dependence } from '../../src/attention/structure.js';

function graph(edges: [string, string][], isolated: string[] = []): Graph {
  const g = new Graph({ type: 'undirected' });
  for (const [a, b] of edges) g.mergeEdge(a, b);
  for (const v of isolated) g.mergeNode(v);
  return g;
}

function members(g: Graph): string[] {
  const c = componentIndex(g);
  return g.nodes().filter((v) => c.of.get(v) === c.main);
}

describe('componentIndex(graph)', () => {
  it('counts isolated nodes as components and picks the largest as main', () => {
    const g = graph([['a', 'b'], ['c', 'd'], ['d', 'e']], ['f']);
    const c = componentIndex(g);
    expect(c.sizes).toEqual([2, 3, 1]);
    expect(c.main).toBe(1);
  });
  it('breaks a tie towards the component holding the earliest node', () => {
    const c = componentIndex(graph([['a', 'b'], ['c', 'd']]));
    expect(c.main).toBe(0);
  });
});

describe('dependence(graph, members)', () => {
  it('on a path a-b-c-d-e, the ends depend on their neighbours, the middle on nothing', () => {
    const g = graph([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e']]);
    const d = dependence(g, members(g));
    // Removing c leaves two equal halves {a,b} and {d,e}: both count as cut off (the largest cut is kept).
    expect(d.get('a')).toEqual({ through: 'c', near: null, via: 'node', cutOff: 2 });
    expect(d.get('b')).toEqual({ through: 'c', near: null, via: 'node', cutOff: 2 });
    expect(d.get('e')).toEqual({ through: 'c', near: null, via: 'node', cutOff: 2 });
    expect(d.has('c')).toBe(false);
  });
  it('on a star, every leaf depends on the hub', () => {
    const g = graph([['h', 'x'], ['h', 'y'], ['h', 'z']]);
    const d = dependence(g, members(g));
    expect([...d.keys()].sort()).toEqual(['x', 'y', 'z']);
    expect(d.get('x')).toEqual({ through: 'h', near: null, via: 'node', cutOff: 1 });
  });
  it('a triangle hanging on a larger block by one tie depends on the far end of that tie', () => {
    // Triangle abc, block defgh, bridge c-d: removing d (or the tie c-d) cuts off {a,b,c}.
    const g = graph([['a', 'b'], ['b', 'c'], ['a', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'd'], ['e', 'h'], ['h', 'g']]);
    const d = dependence(g, members(g));
    expect([...d.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(d.get('a')).toEqual({ through: 'd', near: null, via: 'node', cutOff: 3 });
    expect(d.get('c')).toEqual({ through: 'd', near: null, via: 'node', cutOff: 3 });
  });
  it('a two-node component: each side depends on the one tie', () => {
    const g = graph([['a', 'b']]);
    const d = dependence(g, members(g));
    expect(d.get('a')).toEqual({ through: 'b', near: 'a', via: 'tie', cutOff: 1 });
    expect(d.get('b')).toEqual({ through: 'a', near: 'b', via: 'tie', cutOff: 1 });
  });
  it('a cycle has no dependence, and a single node none either', () => {
    const g = graph([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'a']]);
    expect(dependence(g, members(g)).size).toBe(0);
    expect(dependence(graph([], ['a']), ['a']).size).toBe(0);
  });
  it('agrees with brute force (remove each node / edge, recount) on random graphs', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 30; trial++) {
      const n = 4 + Math.floor(rnd() * 9);
      const edges: [string, string][] = [];
      for (let i = 1; i < n; i++) edges.push([`n${Math.floor(rnd() * i)}`, `n${i}`]);
      for (let k = 0; k < Math.floor(rnd() * n); k++) {
        const a = Math.floor(rnd() * n), b = Math.floor(rnd() * n);
        if (a !== b) edges.push([`n${Math.min(a, b)}`, `n${Math.max(a, b)}`]);
      }
      const g = graph(edges);
      const m = members(g);
      const got = new Set(dependence(g, m).keys());
      const want = new Set<string>();
      // Cut off = not in the one largest remaining component (all are cut off when the largest is not unique).
      const minorOf = (h: Graph) => {
        const c = componentIndex(h);
        const largest = Math.max(...c.sizes);
        const unique = c.sizes.filter((s) => s === largest).length === 1;
        h.forEachNode((v) => (!unique || c.of.get(v) !== c.main ? want.add(v) : undefined));
      };
      for (const v of m) {
        const h = g.copy();
        h.dropNode(v);
        minorOf(h);
      }
      g.forEachEdge((e) => {
        const h = g.copy();
        h.dropEdge(e);
        minorOf(h);
      });
      expect([...got].sort(), `trial ${trial}`).toEqual([...want].sort());
    }
  });
});
