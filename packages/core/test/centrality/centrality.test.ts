/**
 * Node measures on tiny graphs a reader can check by hand: path, star, complete graphs, tied weighted
 * paths; `.assign` writes exactly what the plain call returns; options are validated.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  BETWEENNESS_DEFAULTS,
  InvalidOptionError,
  UnsupportedGraphError,
  betweenness,
  constraint,
  coreNumber,
  effectiveSize,
  nodeMeasures,
  strength,
  tieCounts,
} from '../../src/index.js';

type W = { shared_events: number; newman?: number; class?: string };
function graphOf(edges: [string, string, number?][]): Graph<Record<string, unknown>, W> {
  const g = new Graph<Record<string, unknown>, W>({ type: 'undirected' });
  for (const [a, b, w] of edges) g.mergeEdge(a, b, { shared_events: w ?? 1, newman: w ?? 1 });
  return g;
}
const path = graphOf([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e']]);
const star = graphOf([['c', '1'], ['c', '2'], ['c', '3'], ['c', '4']]);
const k4 = graphOf([['a', 'b'], ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'd'], ['c', 'd']]);

describe('betweenness', () => {
  it('betweenness(path of 5) returns raw pair counts 0, 3, 4, 3, 0', () => {
    // b lies on a–c, a–d, a–e; c on a–d, a–e, b–d, b–e; each unordered pair counted once.
    expect(betweenness(path)).toEqual({ a: 0, b: 3, c: 4, d: 3, e: 0 });
  });
  it('betweenness(star of 5, {normalized: true}) gives the centre C(4,2)/C(4,2) = 1', () => {
    expect(betweenness(star, { normalized: true })).toMatchObject({ c: 1, '1': 0 });
    expect(betweenness(star).c).toBe(6);
  });
  it('is 0 everywhere on a complete graph', () => {
    expect(Object.values(betweenness(k4))).toEqual([0, 0, 0, 0]);
  });
  it('splits tied weighted paths exactly (reference: networkx with Fraction lengths)', () => {
    // Ring s–x–x2–t–y–s with weights 3, 6, 2, 2, 2: lengths 1/3, 1/6, 1/2, 1/2, 1/2 (ring length 2).
    // s–t: 1/3 + 1/6 + 1/2 = 1 = 1/2 + 1/2 (tie); y–x2: 1/2 + 1/2 = 1 = 1/2 + 1/3 + 1/6 (tie).
    // In floating point 1/3 + 1/6 + 1/2 = 0.9999999999999999, so `==` breaks both ties
    // (networkx 3.6 with float lengths: s 1.75, x 2.25, x2 1.5, t 0.25, y 0.5).
    // networkx with exact Fraction lengths gives s 1.5, x 2, x2 1.5, t 0.5, y 0.5.
    const g = graphOf([
      ['s', 'x', 3],
      ['x', 'x2', 6],
      ['x2', 't', 2],
      ['s', 'y', 2],
      ['y', 't', 2],
    ]);
    const b = betweenness(g, { getEdgeWeight: 'shared_events' });
    const want: Record<string, number> = { s: 1.5, x: 2, x2: 1.5, t: 0.5, y: 0.5 };
    for (const [id, v] of Object.entries(want)) expect(b[id], id).toBeCloseTo(v, 12);
    // The tolerant path (non-integer weights) agrees: same ring with weights scaled by 0.5.
    const half = graphOf([
      ['s', 'x', 1.5],
      ['x', 'x2', 3],
      ['x2', 't', 1],
      ['s', 'y', 1],
      ['y', 't', 1],
    ]);
    const bh = betweenness(half, { getEdgeWeight: 'shared_events' });
    for (const [id, v] of Object.entries(want)) expect(bh[id], id).toBeCloseTo(v, 12);
  });
  it('handles tolerant (non-integer) weights with the same tie rule', () => {
    const g = graphOf([
      ['s', 'x', 0.3],
      ['x', 't', 0.6],
      ['s', 'y', 0.4],
      ['y', 't', 0.4],
    ]);
    // 1/0.3 + 1/0.6 = 5 = 1/0.4 + 1/0.4: two tied shortest paths s–t.
    const b = betweenness(g, { getEdgeWeight: 'newman' });
    expect(b.x).toBeCloseTo(0.5, 12);
    expect(b.y).toBeCloseTo(0.5, 12);
  });
  it('never reads a count as a length: heavier ties are shorter', () => {
    // a–b–c with strong ties (10) beats a–c direct weak tie (1): length 0.2 < 1.
    const g = graphOf([
      ['a', 'b', 10],
      ['b', 'c', 10],
      ['a', 'c', 1],
    ]);
    expect(betweenness(g, { getEdgeWeight: 'shared_events' }).b).toBe(1);
    expect(betweenness(g).b).toBe(0);
  });
  it('.assign writes what the plain call returns', () => {
    const g = path.copy();
    betweenness.assign(g, { nodeAttribute: 'bc' });
    const plain = betweenness(path);
    g.forEachNode((id, attr) => expect(attr.bc).toBe(plain[id]));
  });
  it('validates options and graph type', () => {
    expect(Object.isFrozen(BETWEENNESS_DEFAULTS)).toBe(true);
    expect(() => betweenness(path, { normalized: 'yes' as never })).toThrow(InvalidOptionError);
    expect(() => betweenness(path, { tolerance: 1 })).toThrow(InvalidOptionError);
    expect(() => betweenness(path, { nodeAttribute: '' })).toThrow(InvalidOptionError);
    expect(() => betweenness(path, { getEdgeWeight: 3 as never })).toThrow(InvalidOptionError);
    expect(() => betweenness(graphOf([['a', 'b', -1]]), { getEdgeWeight: 'shared_events' })).toThrow(InvalidOptionError);
    expect(() => betweenness(new Graph({ type: 'directed' }))).toThrow(UnsupportedGraphError);
  });
});

describe('constraint and effectiveSize', () => {
  it('star centre: constraint 4 · (1/4)² = 1/4, leaves 1; effective size 4 and 1', () => {
    expect(constraint(star).c).toBeCloseTo(0.25, 12);
    expect(constraint(star)['1']).toBeCloseTo(1, 12);
    expect(effectiveSize(star).c).toBeCloseTo(4, 12);
    expect(effectiveSize(star)['1']).toBeCloseTo(1, 12);
  });
  it('complete graph K4: constraint 3 · (1/3 + 2 · 1/9)² = 25/27; effective size 3 − 2·3/3 = 1', () => {
    expect(constraint(k4).a).toBeCloseTo(25 / 27, 12);
    expect(effectiveSize(k4).a).toBeCloseTo(1, 12);
  });
  it('path middle b (a–b–c): constraint 2 · (1/2)² = 1/2', () => {
    expect(constraint(path).b).toBeCloseTo(0.5, 12);
  });
  it('isolated nodes get NaN; .assign writes the values', () => {
    const g = star.copy();
    g.addNode('alone');
    expect(constraint(g).alone).toBeNaN();
    effectiveSize.assign(g);
    expect(g.getNodeAttribute('c', 'effective_size')).toBeCloseTo(4, 12);
  });
});

describe('coreNumber, strength, tieCounts', () => {
  it('core numbers: K4 with a pendant', () => {
    const g = k4.copy();
    g.mergeEdge('d', 'p', { shared_events: 1 });
    expect(coreNumber(g)).toEqual({ a: 3, b: 3, c: 3, d: 3, p: 1 });
    coreNumber.assign(g);
    expect(g.getNodeAttribute('p', 'core')).toBe(1);
  });
  it('strength sums shared_events; tieCounts reads class', () => {
    const g = graphOf([['a', 'b', 3], ['a', 'c', 1]]);
    g.setEdgeAttribute(g.edge('a', 'b')!, 'class', 'strong');
    expect(strength(g)).toEqual({ a: 4, b: 3, c: 1 });
    expect(tieCounts(g).a).toEqual({ strong: 1, weak: 1 });
  });
});

describe('nodeMeasures', () => {
  it('returns one record per node; .assign writes the same numbers', () => {
    const m = nodeMeasures(path);
    expect(m.c).toMatchObject({ degree: 2, strength: 2, newman_strength: 2, betweenness: 4, betweenness_weighted: 4, core: 1 });
    const g = path.copy();
    nodeMeasures.assign(g);
    g.forEachNode((id, attr) => {
      expect(attr.betweenness).toBe(m[id]!.betweenness);
      expect(attr.community).toBe(m[id]!.community);
    });
  });
  it('handles the empty graph', () => {
    expect(nodeMeasures(new Graph({ type: 'undirected' }))).toEqual({});
  });
});
