/**
 * The stated error of the Brandes & Pich (2007) pivot estimate: on an attendance-like network small enough for
 * exact values, the true values of the top nodes fall within two stated standard errors at the stated rate
 * (normal approximation: ~95 %; required ≥ 90 % of the top 20, and ≥ 90 % pooled over seeds), the relative
 * errors reported are those of the standard errors, and the pivot count comes from a work budget that
 * counts the threads. Deterministic: fixed generator and seeds.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { parallelBetweennessRunner } from '../../src/cli/parallel-betweenness.js';
import {
  BETWEENNESS_DEFAULTS,
  BETWEENNESS_EXACT_MAX_NODES,
  BETWEENNESS_EXACT_MAX_WORK,
  BETWEENNESS_MIN_PIVOTS,
  BETWEENNESS_SAMPLE_WORK,
  InvalidOptionError,
  betweenness,
  betweennessAsync,
  compactGraph,
  inThreadRunner,
  pivotCount,
  planBetweenness,
  scaleNotes,
  scalePivotSums,
  topRelativeErrors,
  type AnalysisScale,
  type LevelScale,
} from '../../src/index.js';

/** People in 10 circles; 260 events of 3–14 people, mostly from one circle, some from a neighbouring one. */
function attendanceGraph(): Graph {
  let x = 20261121;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const people = 900;
  const circles = 10;
  const size = people / circles;
  const g = new Graph({ type: 'undirected' });
  for (let p = 0; p < people; p++) g.addNode(`p${p}`);
  for (let e = 0; e < 260; e++) {
    const home = Math.floor(rnd() * circles);
    const k = 3 + Math.floor(rnd() * 12);
    const present = new Set<number>();
    while (present.size < k) {
      const c = rnd() < 0.12 ? (home + 1) % circles : home;
      present.add(c * size + Math.floor(rnd() * size));
    }
    const list = [...present];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) if (!g.hasEdge(`p${list[i]}`, `p${list[j]}`)) g.addEdge(`p${list[i]}`, `p${list[j]}`);
  }
  g.forEachNode((v) => {
    if (g.degree(v) === 0) g.dropNode(v);
  });
  return g;
}

describe('stated error of the pivot estimate (Brandes & Pich 2007)', () => {
  const g = attendanceGraph();
  const exact = betweenness.detailed(g, { mode: 'exact' });
  const ids = Object.keys(exact.values);
  const top20 = [...ids].sort((a, b) => exact.values[b]! - exact.values[a]! || (a < b ? -1 : 1)).slice(0, 20);

  it('the graph is what the test needs: hundreds of nodes, brokers with distinct values', () => {
    expect(ids.length).toBeGreaterThan(700);
    expect(exact.values[top20[0]!]!).toBeGreaterThan(1.3 * exact.values[top20[19]!]!);
    expect(exact.values[top20[19]!]!).toBeGreaterThan(0);
  });

  it('≥ 90 % of the true top 20 lie within 2 stated standard errors, for each of 5 seeds and pooled', () => {
    let inside = 0;
    let total = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = betweenness.detailed(g, { mode: 'sampled', pivots: 120, seed });
      let hits = 0;
      for (const id of top20) {
        const se = s.standardError![id]!;
        expect(se).toBeGreaterThan(0);
        if (Math.abs(s.values[id]! - exact.values[id]!) <= 2 * se) hits++;
      }
      expect(hits, `seed ${seed}: ${hits}/20 within 2 SE`).toBeGreaterThanOrEqual(18);
      inside += hits;
      total += 20;
    }
    expect(inside / total).toBeGreaterThanOrEqual(0.9);
  });

  it('the stated relative errors are those of the standard errors, and shrink like 1/√k', () => {
    const small = betweenness.detailed(g, { mode: 'sampled', pivots: 60, seed: 7 });
    const large = betweenness.detailed(g, { mode: 'sampled', pivots: 240, seed: 7 });
    for (const s of [small, large]) {
      const byEstimate = Object.keys(s.values).sort((a, b) => s.values[b]! - s.values[a]! || (a < b ? -1 : 1));
      const rel = byEstimate.slice(0, 10).map((id) => s.standardError![id]! / s.values[id]!);
      expect(s.relativeError).toBeCloseTo(rel[0]!, 12);
      expect(s.relativeErrorTop10).toBeCloseTo(rel.reduce((a, b) => a + b, 0) / 10, 12);
    }
    // Four times the pivots: about half the error (finite-population factor included), within sampling noise.
    const ratio = large.relativeErrorTop10! / small.relativeErrorTop10!;
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(0.7);
    // The actual error of the top 10 (by exact value) is of the order stated.
    const actual = top20.slice(0, 10).reduce((a, id) => a + Math.abs(large.values[id]! - exact.values[id]!) / exact.values[id]!, 0) / 10;
    expect(actual).toBeLessThan(2 * large.relativeErrorTop10!);
  });

  it('exact results state no error', () => {
    expect(exact).toMatchObject({ method: 'exact', relativeError: null, relativeErrorTop10: null, standardError: null });
  });
});

describe('standard error and stated error arithmetic', () => {
  it('scalePivotSums: n/k · Σ/2 and n/2 · sqrt((1 − k/n) s²/k) from the sums of contributions and their squares', () => {
    // Contributions of 4 pivots to one node: 2, 4, 4, 6 (mean 4, sample variance 8/3); n = 10.
    const sum = Float64Array.of(16);
    const sq = Float64Array.of(4 + 16 + 16 + 36);
    scalePivotSums(sum, sq, 10, 4);
    expect(sum[0]).toBeCloseTo((10 / 4) * 8, 12);
    expect(sq[0]).toBeCloseTo(5 * Math.sqrt((0.6 * (8 / 3)) / 4), 12);
  });
  it('topRelativeErrors: the top value and the mean over the top k, ties by node number, zeros ignored', () => {
    const values = Float64Array.of(0, 10, 40, 10, 20, 0);
    const se = Float64Array.of(1, 1, 4, 3, 4, 1);
    expect(topRelativeErrors(values, se, 1)).toEqual({ top: 0.1, mean: 0.1 });
    const r = topRelativeErrors(values, se, 3);
    expect(r.top).toBeCloseTo(0.1, 12);
    expect(r.mean).toBeCloseTo((0.1 + 0.2 + 0.1) / 3, 12); // 40, 20, then node 1 (10) before node 3 (10)
    expect(topRelativeErrors(new Float64Array(3), new Float64Array(3), 10)).toEqual({ top: null, mean: null });
  });
});

describe('pivots from a work budget that counts the threads', () => {
  it('one switch point and budget: the library defaults are the exported constants', () => {
    expect(BETWEENNESS_DEFAULTS).toMatchObject({
      exactMaxNodes: BETWEENNESS_EXACT_MAX_NODES,
      exactMaxWork: BETWEENNESS_EXACT_MAX_WORK,
      sampleWork: BETWEENNESS_SAMPLE_WORK,
      minPivots: BETWEENNESS_MIN_PIVOTS,
      pivots: null,
      threads: null,
    });
    expect(BETWEENNESS_EXACT_MAX_NODES).toBe(20_000);
    expect(BETWEENNESS_EXACT_MAX_WORK).toBe(2e10);
  });
  it('k = ⌊sampleWork × threads / 2m⌋ within [minPivots, n]; given pivots win', () => {
    const o = { pivots: null, sampleWork: 1e6, minPivots: 10 };
    expect(pivotCount(5000, 20_000, o, 1)).toBe(50);
    expect(pivotCount(5000, 20_000, o, 2)).toBe(100);
    expect(pivotCount(5000, 2e6, o, 2)).toBe(10);
    expect(pivotCount(60, 20_000, o, 2)).toBe(60);
    expect(pivotCount(5000, 20_000, { ...o, pivots: 7 }, 2)).toBe(7);
    // The bench's L person network (96,026 people, 15,114,498 adjacency entries) with 2 threads: 529 pivots.
    expect(pivotCount(96_026, 15_114_498, { pivots: null, sampleWork: BETWEENNESS_SAMPLE_WORK, minPivots: BETWEENNESS_MIN_PIVOTS }, 2)).toBe(529);
  });
  it('the plan counts the runner’s threads (or `threads`), and the async entry point reads them from the runner', async () => {
    const g = attendanceGraph();
    const c = compactGraph(g, null, 'test');
    const o = { ...BETWEENNESS_DEFAULTS, mode: 'sampled' as const, sampleWork: 50 * c.neighbour.length };
    expect(planBetweenness(c, o, 'test', 1).sources!.length).toBe(100); // 50 from the budget, raised to minPivots
    expect(planBetweenness(c, { ...o, minPivots: 1 }, 'test', 1).sources!.length).toBe(50);
    expect(planBetweenness(c, { ...o, minPivots: 1 }, 'test', 2).sources!.length).toBe(100);
    expect(planBetweenness(c, { ...o, minPivots: 1, threads: 3 }, 'test', 2).sources!.length).toBe(150);
    const runner = parallelBetweennessRunner({ threads: 2 });
    expect(runner.threads).toBe(2);
    const opts = { mode: 'sampled' as const, sampleWork: 50 * c.neighbour.length, minPivots: 1, seed: 3 };
    const viaRunner = await betweennessAsync(g, { ...opts, runner });
    expect(viaRunner.pivots).toBe(100);
    expect(viaRunner.values).toEqual(betweenness.detailed(g, { ...opts, threads: 2 }).values);
    expect((await betweennessAsync(g, { ...opts, runner: inThreadRunner })).pivots).toBe(50);
  });
  it('bad budget options throw', () => {
    const g = attendanceGraph();
    expect(() => betweenness(g, { sampleWork: 0 })).toThrow(InvalidOptionError);
    expect(() => betweenness(g, { minPivots: 0 })).toThrow(InvalidOptionError);
    expect(() => betweenness(g, { threads: 1.5 })).toThrow(InvalidOptionError);
    expect(() => betweenness(g, { pivots: 0 })).toThrow(InvalidOptionError);
  });
});

describe('the stated error in the analysis notes (report.json, report.html, terminal)', () => {
  const level = (betweenness: LevelScale['betweenness']): LevelScale => ({
    nodes: 96_026,
    ties: 7_557_249,
    tieRows: false,
    communities: 'compact',
    betweenness,
    graphTies: 'none',
    graphTieCount: 0,
  });
  const exactInfo = { method: 'exact' as const, pivots: 12, relativeError: null, relativeErrorTop10: null, weighted: null, seed: null };
  const sampled = { method: 'sampled' as const, pivots: 529, relativeError: 0.225, relativeErrorTop10: 0.182, weighted: { relativeError: 0.31, relativeErrorTop10: 0.27 }, seed: 1 };
  const scale = (mode: AnalysisScale['betweennessMode']): AnalysisScale => ({
    graphLimit: 25_000,
    betweennessLimit: 2e10,
    betweennessMaxNodes: 20_000,
    betweennessMode: mode,
    person: level(sampled),
    organisation: { ...level(exactInfo), nodes: 12, ties: 30, communities: 'graphology', graphTies: 'all', graphTieCount: 30 },
    notes: [],
  });
  it('says estimate, why, the pivots, the relative errors (top, top-10 mean, weighted) and the coverage, in en and nl', () => {
    const note = scaleNotes(scale('auto')).find((n) => n.en.startsWith('Betweenness of people'))!;
    expect(note.en).toContain('is an estimate, not exact: from 529 sampled sources (Brandes & Pich 2007, seed 1)');
    expect(note.en).toContain('96,026 nodes and 7,557,249 ties are above the limit for exact values (20,000 nodes or 2e+10 path-search steps)');
    expect(note.en).toContain('22.5% for the highest value; 18.2% on average over the 10 highest; weighted: 31.0% and 27.0%');
    expect(note.en).toContain('about 90% of cases');
    expect(note.nl).toContain('is een schatting, niet exact: uit 529 steekproefbronnen (Brandes & Pich 2007, kiem 1)');
    expect(note.nl).toContain('96.026 knopen en 7.557.249 banden');
    expect(note.nl).toContain('22,5% voor de hoogste waarde; gemiddeld 18,2% over de 10 hoogste; gewogen: 31,0% en 27,0%');
    expect(note.nl).toContain('ongeveer 90% van de gevallen');
    expect(scaleNotes(scale('auto')).some((n) => n.en.startsWith('Betweenness of organisations'))).toBe(false);
  });
  it('a sample that was asked for says so; few pivots state a lower coverage', () => {
    const s = scale('sampled');
    s.person = level({ ...sampled, pivots: 120 });
    const note = scaleNotes(s).find((n) => n.en.startsWith('Betweenness of people'))!;
    expect(note.en).toContain('as asked (betweenness: sampled)');
    expect(note.nl).toContain('zoals gevraagd');
    expect(note.en).toContain('about 80% of cases');
  });
});
