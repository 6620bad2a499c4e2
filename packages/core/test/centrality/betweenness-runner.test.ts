/**
 * The worker-thread runner's contract beyond equal results (parallel-betweenness.test.ts): workers reply with
 * copies, never transferring (detaching) a buffer — a detach makes V8 guard every later typed-array access
 * of the worker, which made the kernel 1.4–1.5× slower there — and the runner tells the pivot budget its
 * thread count.
 */
import { describe, expect, it } from 'vitest';
import { parallelBetweennessRunner, runBetweennessParallel, workerSource } from '../../src/cli/parallel-betweenness.js';
import { runBetweennessJob, type BetweennessJob } from '../../src/index.js';

describe('parallel betweenness runner: no transfers, thread count', () => {
  it('the worker source posts its sums without a transfer list', () => {
    const src = workerSource();
    const posts = src.match(/parentPort\.postMessage\([^;]*;/g) ?? [];
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) expect(p, p).not.toMatch(/,\s*\[/);
    expect(src).not.toMatch(/\.transfer\(/);
  });
  it('replies are copies: the same worker answers several blocks with independent sums', async () => {
    // A path 0 − 1 − … − 39: 64 blocks would exceed the sources, so 40 blocks of one source each.
    const n = 40;
    const start = Int32Array.from({ length: n + 1 }, (_, v) => (v === 0 ? 0 : 2 * v - 1));
    start[n] = 2 * (n - 1);
    const neighbour = new Int32Array(2 * (n - 1));
    let x = 0;
    for (let v = 0; v < n; v++) {
      if (v > 0) neighbour[x++] = v - 1;
      if (v < n - 1) neighbour[x++] = v + 1;
    }
    const job: BetweennessJob = { csr: { start, neighbour }, length: null, tolerance: 0, sources: null, squares: true };
    const par = await runBetweennessParallel(job, 2);
    const ref = runBetweennessJob(job);
    expect(Array.from(par.sum)).toEqual(Array.from(ref.sum));
    expect(Array.from(par.squares!)).toEqual(Array.from(ref.squares!));
    // Raw betweenness of the middle of a path of 40: 20 · 19 (each pair once, sum counts both ends).
    expect(par.sum[20]! / 2).toBe(19 * 20);
  });
  it('the runner carries its thread count', () => {
    expect(parallelBetweennessRunner({ threads: 3 }).threads).toBe(3);
    expect(parallelBetweennessRunner({ threads: 1 }).threads).toBe(1);
  });
});
