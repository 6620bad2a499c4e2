/**
 * The Brandes kernel against a definition-level reference (all-pairs shortest paths with exact BigInt
 * lengths, σ_st(v) = σ_sv · σ_vt when d(s,v) + d(v,t) = d(s,t)) on random graphs with many tied path
 * lengths: unweighted and weighted, raw and normalized (1e-9 relative). Also: the block-ordered sums are
 * independent of how sources are split, the pivot estimate (Brandes & Pich 2007) is deterministic, unbiased
 * at k = n and within its stated error, and `csrFromProjection` equals `compactGraph` of the person network.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidOptionError,
  betweenness,
  betweennessAsync,
  betweennessBlocks,
  betweennessFromSources,
  betweennessValues,
  buildModel,
  choosePivots,
  closedTwinSources,
  compactGraph,
  createBrandesWorkspace,
  csrFromProjection,
  nodeMeasures,
  pathLengths,
  personNetwork,
  projectPersons,
  runBetweennessJob,
  type AttendanceRecord,
} from '../../src/index.js';

type Edge = [number, number, number];

function lcmBig(values: number[]): bigint {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  return values.reduce((l, w) => (l / gcd(l, BigInt(w))) * BigInt(w), 1n);
}

/** Raw betweenness by definition, exact lengths (BigInt, L/w with L = lcm of the weights); weights null = hops. */
function reference(n: number, edges: Edge[], weighted: boolean): number[] {
  const L = weighted ? lcmBig(edges.map((e) => e[2])) : 1n;
  const len: (bigint | null)[][] = Array.from({ length: n }, () => new Array<bigint | null>(n).fill(null));
  for (const [a, b, w] of edges) {
    const l = weighted ? L / BigInt(w) : 1n;
    len[a]![b] = l;
    len[b]![a] = l;
  }
  // Single-source shortest distances and path counts (simple O(n²) Dijkstra, exact comparisons).
  const dist: (bigint | null)[][] = [];
  const sigma: number[][] = [];
  for (let s = 0; s < n; s++) {
    const d = new Array<bigint | null>(n).fill(null);
    const sg = new Array<number>(n).fill(0);
    const done = new Array<boolean>(n).fill(false);
    d[s] = 0n;
    sg[s] = 1;
    for (;;) {
      let u = -1;
      for (let v = 0; v < n; v++) if (!done[v] && d[v] !== null && (u < 0 || d[v]! < d[u]!)) u = v;
      if (u < 0) break;
      done[u] = true;
      for (let v = 0; v < n; v++) {
        const l = len[u]![v];
        if (l === null || l === undefined || done[v]) continue;
        const nd = d[u]! + l;
        if (d[v] === null || nd < d[v]!) {
          d[v] = nd;
          sg[v] = sg[u]!;
        } else if (nd === d[v]) sg[v]! += sg[u]!;
      }
    }
    dist.push(d);
    sigma.push(sg);
  }
  const out = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++)
    for (let t = s + 1; t < n; t++) {
      const dst = dist[s]![t];
      if (dst === null || dst === undefined) continue;
      for (let v = 0; v < n; v++) {
        if (v === s || v === t) continue;
        const a = dist[s]![v];
        const b = dist[v]![t];
        if (a === null || b === null || a === undefined || b === undefined || a + b !== dst) continue;
        out[v]! += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!;
      }
    }
  return out;
}

function graphOf(n: number, edges: Edge[]): Graph {
  const g = new Graph({ type: 'undirected' });
  for (let v = 0; v < n; v++) g.addNode(`n${v}`);
  for (const [a, b, w] of edges) g.addEdge(`n${a}`, `n${b}`, { shared_events: w });
  return g;
}

/** Random simple graphs; weights from `weights` (small sets make many tied lengths). */
function arbGraph(maxN: number, weights: number[]) {
  return fc.integer({ min: 2, max: maxN }).chain((n) =>
    fc
      .uniqueArray(
        fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.constantFrom(...weights)),
        { selector: ([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`), maxLength: (n * (n - 1)) / 2 },
      )
      .map((raw) => ({ n, edges: raw.filter(([a, b]) => a !== b) as Edge[] })),
  );
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

describe('Brandes kernel vs the definition (random graphs, tied lengths, 1e-9 relative)', () => {
  const check = (weights: number[], weighted: boolean) =>
    fc.assert(
      fc.property(arbGraph(11, weights), ({ n, edges }) => {
        const g = graphOf(n, edges);
        const want = reference(n, edges, weighted);
        const getEdgeWeight = weighted ? 'shared_events' : null;
        const raw = betweenness(g, { getEdgeWeight, mode: 'exact' });
        const norm = betweenness(g, { getEdgeWeight, mode: 'exact', normalized: true });
        const scale = n > 2 ? ((n - 1) * (n - 2)) / 2 : 1;
        for (let v = 0; v < n; v++) {
          if (!close(raw[`n${v}`]!, want[v]!)) return false;
          if (!close(norm[`n${v}`]!, want[v]! / scale)) return false;
        }
        return true;
      }),
      { numRuns: 150, seed: 7 },
    );
  it('unweighted (hop counts)', () => check([1], false));
  it('projections of random events (cliques: many closed twins), unweighted and weighted by shared events; twins on = off', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }).chain((n) =>
          fc.record({ n: fc.constant(n), events: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }) }),
        ),
        ({ n, events }) => {
          const shared = new Map<string, number>();
          for (const ev of events)
            for (const a of ev) for (const b of ev) if (a < b) shared.set(`${a}-${b}`, (shared.get(`${a}-${b}`) ?? 0) + 1);
          const edges: Edge[] = [...shared].map(([k, w]) => [...k.split('-').map(Number), w] as Edge);
          const g = graphOf(n, edges);
          for (const weighted of [false, true]) {
            const want = reference(n, edges, weighted);
            const getEdgeWeight = weighted ? 'shared_events' : null;
            const on = betweenness(g, { getEdgeWeight, mode: 'exact' });
            const off = betweenness(g, { getEdgeWeight, mode: 'exact', twins: false });
            for (let v = 0; v < n; v++) if (!close(on[`n${v}`]!, want[v]!) || !close(off[`n${v}`]!, want[v]!)) return false;
          }
          return true;
        },
      ),
      { numRuns: 150, seed: 11 },
    ));
  it('weighted, small integer weights (lcm scaling, many ties such as 1/2 + 1/2 = 1/3 + 1/6 + 1/2)', () => check([1, 2, 3, 6], true));
  it('weighted, large prime weights (lcm beyond 2^53: residues modulo primes)', () => check([53, 59, 61, 67, 71, 73, 79, 83, 89, 97], true));
  it('weighted, every comparison forced through residues and BigInt (window 0.9), mixed weights', () =>
    fc.assert(
      fc.property(arbGraph(10, [1, 2, 3, 6, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]), ({ n, edges }) => {
        const c = compactGraph(graphOf(n, edges), 'shared_events', 'test');
        const lengths = pathLengths(c, 1e-9, true);
        if (edges.length > 0) expect(lengths.exactLengths).not.toBeNull();
        const exact = lengths.exactLengths ? { ...lengths.exactLengths, window: 0.9 } : null;
        const got = runBetweennessJob({ csr: c, length: lengths.length, tolerance: 0, exact, sources: null, squares: false }).sum;
        const want = reference(n, edges, true);
        return c.ids.every((id, v) => close(got[v]! / 2, want[Number(id.slice(1))]!));
      }),
      { numRuns: 150, seed: 5 },
    ));
});

describe('closed twins', () => {
  it('groups adjacent nodes with the same closed neighbourhood (and weights), one representative per class', () => {
    // Triangle a, b, c (an event) plus c–d: a and b are twins; c is not (it also knows d).
    const g = graphOf(4, [[0, 1, 1], [0, 2, 1], [1, 2, 1], [2, 3, 1]]);
    const c = compactGraph(g, 'shared_events', 'test');
    const t = closedTwinSources(c, null)!;
    expect(Array.from(t.sources)).toEqual([0, 2, 3]);
    expect(Array.from(t.multiplicity)).toEqual([2, 1, 1]);
    // Different weights to c: no longer twins when weighted.
    const h = graphOf(4, [[0, 1, 1], [0, 2, 2], [1, 2, 1], [2, 3, 1]]);
    expect(closedTwinSources(compactGraph(h, 'shared_events', 'test'), compactGraph(h, 'shared_events', 'test').weight)).toBeNull();
    expect(closedTwinSources(compactGraph(h, null, 'test'), null)).not.toBeNull();
  });
});

describe('block-ordered sums', () => {
  const edges: Edge[] = [];
  const n = 60;
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (rnd() < 0.08) edges.push([a, b, 1 + Math.floor(rnd() * 4)]);
  const c = compactGraph(graphOf(n, edges), 'shared_events', 'test');

  it('blocks depend only on the source count and cover every source once', () => {
    const b = betweennessBlocks(1000);
    expect(b.length).toBe(65);
    expect(b[0]).toBe(0);
    expect(b[64]).toBe(1000);
    expect(Array.from(betweennessBlocks(3))).toEqual([0, 1, 2, 3]);
  });
  it('one call over all sources equals the blocked job within 1e-12 relative; reusing a workspace changes nothing', () => {
    const ws = createBrandesWorkspace(n, c.neighbour.length, true);
    const once = betweennessFromSources(c, { from: 0, to: n }, { workspace: ws });
    const again = betweennessFromSources(c, { from: 0, to: n }, { workspace: ws });
    expect(Array.from(again)).toEqual(Array.from(once));
    const job = runBetweennessJob({ csr: c, length: null, tolerance: 0, sources: null, squares: false });
    for (let v = 0; v < n; v++) expect(Math.abs(job.sum[v]! - once[v]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, once[v]!));
  });
  it('an explicit source list equals the same range', () => {
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const a = runBetweennessJob({ csr: c, length: null, tolerance: 0, sources: all, squares: true });
    const b = runBetweennessJob({ csr: c, length: null, tolerance: 0, sources: null, squares: true });
    expect(Array.from(a.sum)).toEqual(Array.from(b.sum));
    expect(Array.from(a.squares!)).toEqual(Array.from(b.squares!));
  });
});

describe('pivot estimate (Brandes & Pich 2007)', () => {
  const n = 400;
  const edges: Edge[] = [];
  let x = 99;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  // A ring of 8 dense clusters: a few brokers carry most of the betweenness.
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const same = Math.floor(a / 50) === Math.floor(b / 50);
      if ((same && rnd() < 0.2) || (!same && (Math.floor(b / 50) - Math.floor(a / 50)) % 7 === 1 && rnd() < 0.002)) edges.push([a, b, 1]);
    }
  const g = graphOf(n, edges);
  const exact = betweenness.detailed(g, { mode: 'exact' });

  it('pivots are distinct, sorted and fixed by the seed', () => {
    const p = choosePivots(1000, 100, 3);
    expect(new Set(p).size).toBe(100);
    expect(Array.from(p)).toEqual(Array.from(p).sort((a, b) => a - b));
    expect(Array.from(choosePivots(1000, 100, 3))).toEqual(Array.from(p));
    expect(Array.from(choosePivots(1000, 100, 4))).not.toEqual(Array.from(p));
  });
  it('reports method, pivots, seed and a relative error; the top node is within 4 standard errors', () => {
    const s = betweenness.detailed(g, { mode: 'sampled', pivots: 100, seed: 5 });
    expect(s).toMatchObject({ method: 'sampled', pivots: 100, seed: 5, lengths: 'hops' });
    expect(exact).toMatchObject({ method: 'exact', pivots: n, seed: null, relativeError: null, standardError: null });
    const top = Object.keys(exact.values).sort((a, b) => exact.values[b]! - exact.values[a]!)[0]!;
    const se = s.standardError![top]!;
    expect(se).toBeGreaterThan(0);
    expect(Math.abs(s.values[top]! - exact.values[top]!)).toBeLessThan(4 * se);
    expect(s.relativeError).toBeGreaterThan(0);
    expect(s.relativeError).toBeLessThan(0.5);
    expect(betweenness.detailed(g, { mode: 'sampled', pivots: 100, seed: 5 }).values).toEqual(s.values);
  });
  it('auto samples beyond exactMaxNodes; pivots >= n is exact', () => {
    expect(betweenness.detailed(g, { exactMaxNodes: 100, pivots: 100 }).method).toBe('sampled');
    expect(betweenness.detailed(g, { exactMaxNodes: 100 }).method).toBe('exact'); // the budget gives more pivots than the 400 nodes
    expect(betweenness.detailed(g, { exactMaxWork: 1000, pivots: 100 }).method).toBe('sampled');
    expect(betweenness.detailed(g).method).toBe('exact');
    expect(betweenness.detailed(g, { mode: 'sampled', pivots: n }).values).toEqual(exact.values);
  });
  it('explicit sources reproduce a chosen sample; bad options throw', () => {
    const ids = ['n0', 'n50', 'n100'];
    const s = betweenness.detailed(g, { sources: ids });
    expect(s).toMatchObject({ method: 'sampled', pivots: 3, seed: null });
    expect(() => betweenness(g, { sources: ['nope'] })).toThrow(InvalidOptionError);
    expect(() => betweenness(g, { mode: 'fast' as never })).toThrow(InvalidOptionError);
    expect(() => betweenness(g, { pivots: 0 })).toThrow(InvalidOptionError);
  });
  it('nodeMeasures passes the sampling options to both columns (same pivots) and reports them', () => {
    const r = nodeMeasures.detailed(g, { betweenness: { mode: 'sampled', pivots: 60, seed: 3 } });
    expect(r.methods.betweenness).toMatchObject({ method: 'sampled', pivots: 60, seed: 3, lengths: 'hops' });
    expect(r.methods.betweenness_weighted).toMatchObject({ method: 'sampled', pivots: 60, seed: 3, lengths: 'exact' });
    const s = betweenness.detailed(g, { mode: 'sampled', pivots: 60, seed: 3 });
    for (const id of Object.keys(s.values)) expect(r.measures[id]!.betweenness).toBe(s.values[id]);
    expect(() => nodeMeasures(g, { betweenness: { mode: 'nope' as never } })).toThrow(InvalidOptionError);
  });
  it('betweennessAsync without a runner equals betweenness.detailed', async () => {
    const a = await betweennessAsync(g, { mode: 'sampled', pivots: 50, seed: 2 });
    expect(a).toEqual(betweenness.detailed(g, { mode: 'sampled', pivots: 50, seed: 2 }));
  });
});

describe('csrFromProjection', () => {
  const dir = fileURLToPath(new URL('../../../../tests/fixtures/davis/', import.meta.url));
  const lines = readFileSync(dir + 'attendance.csv', 'utf8').trim().split(/\r?\n/);
  const records: AttendanceRecord[] = lines.slice(1).map((line) => {
    const [person, event, date] = line.split(',');
    return { person: person!, event: event!, date: date!, organisation: null };
  });
  const model = buildModel(records);

  it('equals compactGraph of the person network (ids, CSR, both weights), so measures are identical', () => {
    const graph = personNetwork(model);
    const proj = projectPersons(model);
    for (const weight of ['shared_events', 'newman'] as const) {
      const a = csrFromProjection(proj, { weight, ids: model.people.map((p) => p.id) });
      const b = compactGraph(graph, weight, 'test');
      expect(a.ids).toEqual(b.ids);
      expect(Array.from(a.start)).toEqual(Array.from(b.start));
      expect(Array.from(a.neighbour)).toEqual(Array.from(b.neighbour));
      expect(Array.from(a.weight)).toEqual(Array.from(b.weight));
    }
    const c = csrFromProjection(proj, { ids: model.people.map((p) => p.id) });
    const viaCsr = betweennessValues(c, { weighted: true });
    const m = nodeMeasures(graph);
    c.ids.forEach((id, v) => expect(viaCsr.values[v]).toBe(m[id]!.betweenness_weighted));
    // Theresa Anderson, length 1/shared_events with exact ties: 34.333… (golden.json).
    const theresa = model.people.find((p) => p.name === 'Theresa Anderson')!.id;
    expect(viaCsr.values[c.index.get(theresa)!]).toBeCloseTo(34 + 1 / 3, 9);
  });
});
