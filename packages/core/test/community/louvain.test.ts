/** Seeded Louvain: two cliques joined by one edge split in two, the same on every run and for equal seeds. */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { COMMUNITIES_DEFAULTS, InvalidOptionError, communities, createRng } from '../../src/index.js';

function twoCliques(): Graph {
  const g = new Graph({ type: 'undirected' });
  const cl = (p: string) => {
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) g.mergeEdge(`${p}${i}`, `${p}${j}`, { shared_events: 2 });
  };
  cl('a');
  cl('b');
  g.addEdge('a0', 'b0', { shared_events: 1 });
  return g;
}

describe('communities (Louvain)', () => {
  it('splits two 5-cliques joined by one edge into two communities, labelled 0 and 1 in node order', () => {
    const c = communities(twoCliques(), { seed: 7 });
    expect(new Set(Object.values(c)).size).toBe(2);
    expect(c.a0).toBe(0);
    expect(c.b3).toBe(1);
    for (let i = 1; i < 5; i++) {
      expect(c[`a${i}`]).toBe(c.a0);
      expect(c[`b${i}`]).toBe(c.b0);
    }
  });
  it('gives the same result for the same seed; .detailed reports modularity; .assign writes it', () => {
    const g = twoCliques();
    expect(communities(g, { seed: 3 })).toEqual(communities(g, { seed: 3 }));
    const d = communities.detailed(g, { seed: 3 });
    expect(d.count).toBe(2);
    expect(d.modularity).toBeGreaterThan(0.3);
    communities.assign(g, { nodeAttribute: 'group' });
    expect(g.getNodeAttribute('b2', 'group')).toBe(1);
  });
  it('createRng is deterministic and in [0, 1)', () => {
    const a = createRng(5);
    const b = createRng(5);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
  it('validates options', () => {
    expect(Object.isFrozen(COMMUNITIES_DEFAULTS)).toBe(true);
    expect(() => communities(twoCliques(), { seed: 1.5 })).toThrow(InvalidOptionError);
    expect(() => communities(twoCliques(), { resolution: -1 })).toThrow(InvalidOptionError);
    expect(() => communities(twoCliques(), { rng: 3 as never })).toThrow(InvalidOptionError);
  });
});
