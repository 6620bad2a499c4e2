/**
 * Node-only runner for the betweenness kernel (Brandes 2001; Brandes & Pich 2007 pivots) on worker threads.
 * The CSR, lengths and sources are copied once into SharedArrayBuffers; the sources are cut into the blocks of
 * `betweennessBlocks` (a function of the source count only), handed out to `threads` workers two at a time,
 * and the per-block sums are added in block order, so the result equals `runBetweennessJob` bit for bit.
 * Each worker evaluates the kernel's own source text (`brandesBfs`, `brandesDijkstra`), so the same code runs
 * from the TypeScript sources (tests) and from the compiled CLI.
 *
 * Results come back as copies, never transferred: a transfer detaches an ArrayBuffer, after which V8 guards
 * every typed-array access of that worker against detached buffers (its "array buffer detaching protector"
 * is invalidated for the isolate). Measured on the bench's M network, the kernel then ran 1.4–1.5× slower
 * per source in the workers than in the main thread, which kept two threads at ~1.3× one thread; copying
 * the 8n-byte sums costs microseconds, and the workers now run as fast as the main thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  betweennessBlocks,
  brandesBfs,
  brandesDijkstra,
  componentSizesInto,
  exactCompare,
  runBetweennessJob,
  type BetweennessJob,
  type BetweennessRunner,
  type BetweennessSums,
} from '../centrality/betweenness-kernel.js';
import { InvalidOptionError } from '../errors.js';

export interface ParallelBetweennessOptions {
  /** Worker threads. Default: `os.availableParallelism()`. 1 runs in this thread. */
  threads?: number;
  /** Below this many adjacency visits (sources × 2m) the job runs in this thread (workers cost ~30 ms to start). Default: 5e7. */
  minWork?: number;
}

/** The source text each worker evaluates (the kernel functions plus a message loop). */
export function workerSource(): string {
  return `'use strict';
const { parentPort, workerData: d } = require('node:worker_threads');
${brandesBfs.toString()}
${brandesDijkstra.toString()}
${componentSizesInto.toString()}
${exactCompare.toString()}
const start = new Int32Array(d.start);
const neighbour = new Int32Array(d.neighbour);
const length = d.length === null ? null : new Float64Array(d.length);
const sources = d.sources === null ? null : new Int32Array(d.sources);
const sourceWeight = d.sourceWeight === null ? null : new Float64Array(d.sourceWeight);
const n = start.length - 1;
const entries = neighbour.length;
const weighted = length !== null;
const seen = new Uint8Array(n);
const dist = new Float64Array(weighted ? n : 0).fill(Infinity);
const sigma = new Float64Array(n);
const coef = new Float64Array(n);
const order = new Int32Array(n);
const levelStart = new Int32Array(n + 2);
const component = new Int32Array(weighted ? 0 : n);
if (!weighted) componentSizesInto(start, neighbour, component, order);
const pred = new Int32Array(weighted ? entries : 0);
const predCount = new Int32Array(weighted ? n : 0);
const done = new Uint8Array(weighted ? n : 0);
const heapNode = new Int32Array(weighted ? entries + 1 : 0);
const heapKey = new Float64Array(weighted ? entries + 1 : 0);
const exact = d.exact;
const parentNode = new Int32Array(weighted ? n : 0);
const nodeRes = new Float64Array(exact === null ? 0 : n * exact.primes.length);
// One result buffer per worker, copied (structured clone) into each reply, never transferred: transferring
// detaches an ArrayBuffer, which makes V8 guard every later typed-array access of this isolate against
// detached buffers (the "array buffer detaching protector"); the kernel then ran ~1.4× slower here.
const out = new Float64Array(n);
const sq = d.squares ? new Float64Array(n) : null;
parentPort.on('message', (m) => {
  out.fill(0);
  if (sq !== null) sq.fill(0);
  if (weighted) brandesDijkstra(start, neighbour, length, d.tolerance, exact, sources, sourceWeight, m.from, m.to, nodeRes, parentNode, dist, sigma, coef, order, pred, predCount, done, heapNode, heapKey, out, sq);
  else brandesBfs(start, neighbour, sources, sourceWeight, m.from, m.to, seen, sigma, coef, order, levelStart, component, out, sq);
  parentPort.postMessage({ block: m.block, sum: out, squares: sq });
});
`;
}

function shared(a: Int32Array | Float64Array): SharedArrayBuffer {
  const buf = new SharedArrayBuffer(a.byteLength);
  new Uint8Array(buf).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return buf;
}

interface BlockResult {
  block: number;
  sum: Float64Array;
  squares: Float64Array | null;
}

/** Run one job on `threads` workers. */
export async function runBetweennessParallel(job: BetweennessJob, threads: number): Promise<BetweennessSums> {
  const n = job.csr.start.length - 1;
  const k = job.sources ? job.sources.length : n;
  const bounds = betweennessBlocks(k);
  const blocks = bounds.length - 1;
  const workers = Math.min(threads, blocks);
  if (workers <= 1) return runBetweennessJob(job);
  const data = {
    start: shared(job.csr.start),
    neighbour: shared(job.csr.neighbour),
    length: job.length === null ? null : shared(job.length),
    tolerance: job.tolerance,
    exact: job.exact ?? null,
    sources: job.sources === null ? null : shared(job.sources),
    sourceWeight: job.sources === null || !job.sourceWeight ? null : shared(job.sourceWeight),
    squares: job.squares,
  };
  const code = workerSource();
  const sum = new Float64Array(n);
  const squares = job.squares ? new Float64Array(n) : null;
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const pending = new Map<number, BlockResult>();
      let nextBlock = 0;
      let nextToAdd = 0;
      let failed = false;
      const send = (w: Worker): void => {
        if (nextBlock >= blocks) return;
        const b = nextBlock++;
        w.postMessage({ block: b, from: bounds[b]!, to: bounds[b + 1]! });
      };
      const fail = (err: unknown): void => {
        if (failed) return;
        failed = true;
        reject(err instanceof Error ? err : new Error(String(err)));
      };
      for (let i = 0; i < workers; i++) {
        const w = new Worker(code, { eval: true, workerData: data });
        pool.push(w);
        w.on('message', (r: BlockResult) => {
          pending.set(r.block, r);
          // Add in block order: the same sequence of additions as runBetweennessJob.
          for (let p = pending.get(nextToAdd); p !== undefined; p = pending.get(nextToAdd)) {
            pending.delete(nextToAdd);
            const part = p.sum;
            for (let v = 0; v < n; v++) sum[v]! += part[v]!;
            if (squares && p.squares) {
              const ps = p.squares;
              for (let v = 0; v < n; v++) squares[v]! += ps[v]!;
            }
            nextToAdd++;
          }
          if (nextToAdd === blocks) resolve();
          else send(w);
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (nextToAdd < blocks) fail(new Error(`parallel betweenness: a worker stopped with exit code ${code} before the job was done.`));
        });
        // Two blocks in flight per worker, so a worker never waits for the main thread.
        send(w);
        send(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { sum, squares };
}

/**
 * A `BetweennessRunner` on worker threads, for `betweennessAsync`, `betweennessValuesAsync` and
 * `nodeMeasuresAsync`; its `threads` tells the pivot budget of a sampled estimate how many threads run it.
 * Small jobs (below `minWork`) run in this thread.
 */
export function parallelBetweennessRunner(options: ParallelBetweennessOptions = {}): BetweennessRunner {
  const threads = options.threads ?? availableParallelism();
  const minWork = options.minWork ?? 5e7;
  if (!Number.isInteger(threads) || threads < 1)
    throw new InvalidOptionError('parallelBetweennessRunner', 'threads', threads, 'an integer >= 1');
  if (typeof minWork !== 'number' || !(minWork >= 0))
    throw new InvalidOptionError('parallelBetweennessRunner', 'minWork', minWork, 'a number >= 0');
  const runner: BetweennessRunner = async (job) => {
    const k = job.sources ? job.sources.length : job.csr.start.length - 1;
    if (threads === 1 || k * job.csr.neighbour.length < minWork) return runBetweennessJob(job);
    return runBetweennessParallel(job, threads);
  };
  runner.threads = threads;
  return runner;
}
