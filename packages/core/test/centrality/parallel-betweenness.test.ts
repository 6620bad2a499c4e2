/**
 * The worker-thread runner returns the in-thread sums bit for bit (same blocks, added in the same order):
 * unweighted, weighted (lcm-exact and tolerant lengths), sampled with squares; and `nodeMeasuresAsync` with it
 * equals `nodeMeasures`.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { parallelBetweennessRunner, runBetweennessParallel } from '../../src/cli/parallel-betweenness.js';
import {
  InvalidOptionError,
  betweennessAsync,
  betweennessJob,
  compactGraph,
  nodeMeasures,
  nodeMeasuresAsync,
  planBetweenness,
  runBetweennessJob,
  BETWEENNESS_DEFAULTS,
} from '../../src/index.js';

const n = 300;
const g = new Graph({ type: 'undirected' });
let x = 4242;
const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let v = 0; v < n; v++) g.addNode(`p${v}`);
for (let a = 0; a < n; a++)
  for (let b = a + 1; b < n; b++)
    if (rnd() < (Math.floor(a / 30) === Math.floor(b / 30) ? 0.25 : 0.004)) {
      const w = 1 + Math.floor(rnd() * 5);
      g.addEdge(`p${a}`, `p${b}`, { shared_events: w, newman: w / 3 });
    }
const c = compactGraph(g, 'shared_events', 'test');
const cn = compactGraph(g, 'newman', 'test');

function same(a: Float64Array | null, b: Float64Array | null): void {
  expect(a === null).toBe(b === null);
  if (a && b) {
    expect(a.length).toBe(b.length);
    for (let v = 0; v < a.length; v++) expect(Object.is(a[v], b[v]), `node ${v}: ${a[v]} vs ${b[v]}`).toBe(true);
  }
}

describe('parallel betweenness runner', () => {
  it('unweighted, weighted and tolerant jobs: 2 workers give the in-thread sums bit for bit', async () => {
    const plan = planBetweenness(c, { ...BETWEENNESS_DEFAULTS, mode: 'exact' });
    for (const [graph, weighted] of [[c, false], [c, true], [cn, true]] as const) {
      const { job } = betweennessJob(graph, plan, weighted, 1e-9);
      same((await runBetweennessParallel(job, 2)).sum, runBetweennessJob(job).sum);
    }
  });
  it('sampled jobs (with squares) too, through the runner and betweennessAsync', async () => {
    const runner = parallelBetweennessRunner({ threads: 2, minWork: 0 });
    const plan = planBetweenness(c, { ...BETWEENNESS_DEFAULTS, mode: 'sampled', pivots: 120, seed: 9 });
    const { job } = betweennessJob(c, plan, false, 0);
    const par = await runner(job);
    const one = runBetweennessJob(job);
    same(par.sum, one.sum);
    same(par.squares, one.squares);
    const viaRunner = await betweennessAsync(g, { mode: 'sampled', pivots: 120, seed: 9, runner });
    const inThread = await betweennessAsync(g, { mode: 'sampled', pivots: 120, seed: 9 });
    expect(viaRunner).toEqual(inThread);
  });
  it('nodeMeasuresAsync with workers equals nodeMeasures and reports the method', async () => {
    const r = await nodeMeasuresAsync(g, { runner: parallelBetweennessRunner({ threads: 2, minWork: 0 }) });
    expect(r.measures).toEqual(nodeMeasures(g));
    expect(r.methods.betweenness).toMatchObject({ method: 'exact', pivots: n, seed: null, relativeError: null, lengths: 'hops' });
    expect(r.methods.betweenness_weighted.lengths).toBe('exact');
  });
  it('validates its options', () => {
    expect(() => parallelBetweennessRunner({ threads: 0 })).toThrow(InvalidOptionError);
  });
});
