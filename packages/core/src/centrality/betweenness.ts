/**
 * Betweenness centrality by Brandes' algorithm (2001, doi:10.1080/0022250X.2001.9990249) on a compact CSR:
 * unweighted (BFS) or weighted with length = 1/weight (Newman 2001; Opsahl et al. 2010 with alpha = 1,
 * doi:10.1016/j.socnet.2010.03.006). Tied shortest paths are detected exactly for positive integer weights:
 * lengths are scaled to integers (L/w with L the lcm of the weights) when n · L fits in 53 bits, otherwise
 * compared through residues modulo primes (`ExactLengths`, with BigInt for distinct but nearly equal
 * lengths); non-integer weights (e.g. Newman's) are equal when they differ by at most `tolerance`
 * relatively. Floating-point `==` on summed lengths (networkx 2.8, graphology-metrics 2.4) miscounts ties.
 * Exact runs start one source per class of closed twins (Sariyüce et al. 2013), counted with the class size.
 *
 * Beyond `BETWEENNESS_EXACT_MAX_NODES` (20,000) nodes or `BETWEENNESS_EXACT_MAX_WORK` (2e10) adjacency visits
 * (n × 2m) — the one switch point shared by `betweenness`, `analyze`, the CLI and the bench — `mode: 'auto'`
 * switches to the pivot estimate of Brandes & Pich (2007, doi:10.1142/S0218127407018403): k sources drawn
 * uniformly without replacement from a seeded generator, scaled by n/k. k comes from a work budget that counts
 * the threads (`sampleWork` adjacency visits per thread: k = sampleWork × threads / 2m, at least `minPivots`),
 * or is given (`pivots`). Each estimate carries its standard error, from the sample variance of the k
 * pivots' own contributions (`betweenness-sample.ts`); the result states the relative standard error of the
 * top value and the mean over the top 10. The kernel and its threading contract are in
 * `betweenness-kernel.ts`; `betweennessAsync` takes a runner (Node worker threads:
 * `cli/parallel-betweenness.ts`) and returns the same numbers bit for bit.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidOptionError } from '../errors.js';
import { assertBoolean, assertInteger, assertOneOf, resolveOptions } from '../options.js';
import { runBetweennessJob, type BetweennessJob, type ExactLengths, type BetweennessRunner, type BetweennessSums } from './betweenness-kernel.js';
import { choosePivots, scalePivotSums, topRelativeErrors } from './betweenness-sample.js';
import { closedTwinSources } from './betweenness-twins.js';
import { compactGraph, toRecord, type CompactGraph, type EdgeWeightGetter } from './compact.js';

export type BetweennessMode = 'auto' | 'exact' | 'sampled';
export const BETWEENNESS_MODES: readonly BetweennessMode[] = Object.freeze(['auto', 'exact', 'sampled'] as const);

/**
 * The switch point of `mode: 'auto'`, in nodes: exact up to this many (and `BETWEENNESS_EXACT_MAX_WORK`),
 * sampled beyond. The one default of the library, `analyze`, the CLI and the bench.
 */
export const BETWEENNESS_EXACT_MAX_NODES = 20_000;
/**
 * The switch point of `mode: 'auto'`, in adjacency visits of one exact pass, n × 2m. The bench's M person
 * network (9,772 people, 666,028 ties: 1.3e10) is exact; L (96,026 people, 7.56M ties: 1.5e12) is sampled.
 * For scale (one core of this project's machine): about 3e8 visits/s unweighted, 1e8 weighted, so 2e10
 * is about a minute of one core unweighted.
 */
export const BETWEENNESS_EXACT_MAX_WORK = 2e10;
/**
 * Work budget of one sampled pass, in adjacency visits per thread: k = sampleWork × threads / 2m pivots.
 * L with 2 threads: 529 pivots, about 20 s unweighted and 40 s weighted.
 */
export const BETWEENNESS_SAMPLE_WORK = 4e9;
/** Fewest pivots a budget gives (fewer give standard errors that are themselves unreliable). */
export const BETWEENNESS_MIN_PIVOTS = 100;

/** When and how to sample (shared by `betweenness` and `nodeMeasures`). */
export interface BetweennessSamplingOptions {
  /** "exact" (every node a source), "sampled" (pivots), or "auto": exact up to the two limits below. Default: "auto". */
  mode?: BetweennessMode;
  /**
   * `auto` is exact up to this many nodes (and `exactMaxWork`), sampled beyond. Default:
   * `BETWEENNESS_EXACT_MAX_NODES` (20,000).
   */
  exactMaxNodes?: number;
  /**
   * `auto` is exact up to this many adjacency visits per pass, n × 2m (M: 9,772 × 1,332,056 ≈ 1.3e10).
   * Default: `BETWEENNESS_EXACT_MAX_WORK` (2e10).
   */
  exactMaxWork?: number;
  /**
   * Pivots (sources) of the sampled estimate, or null to take them from `sampleWork`; at least n gives the
   * exact values. Default: null.
   */
  pivots?: number | null;
  /**
   * Work budget of a sampled pass when `pivots` is null, in adjacency visits per thread:
   * k = max(minPivots, ⌊sampleWork × threads / 2m⌋), at most n. Default: `BETWEENNESS_SAMPLE_WORK` (4e9).
   */
  sampleWork?: number;
  /** Fewest pivots taken from `sampleWork`. Default: `BETWEENNESS_MIN_PIVOTS` (100). */
  minPivots?: number;
  /**
   * Threads that will run the pivots (the budget counts them), or null: the runner's `threads` in the async
   * entry points, 1 in this thread. The pivot count, and so the estimate, depends on it: pass `pivots` to
   * reproduce a run on another machine. Default: null.
   */
  threads?: number | null;
  /** Seed of the pivot choice (mulberry32). Default: 1. */
  seed?: number;
  /** Explicit pivot node ids (overrides `pivots` and `seed`), e.g. to reproduce a peer's sample. Default: null. */
  sources?: readonly string[] | null;
  /**
   * Exact mode: one source per class of closed twins, counted with the class size (same values up to
   * rounding, ~1e-15 relative; see `betweenness-twins.ts`). Default: true.
   */
  twins?: boolean;
}

export interface BetweennessOptions<E extends Attributes = Attributes> extends BetweennessSamplingOptions {
  /** Tie weight read as strength, length = 1/weight; null for unweighted (hop counts). Default: null. */
  getEdgeWeight?: EdgeWeightGetter<E>;
  /** Divide raw values by (n − 1)(n − 2)/2. Default: false (raw: each unordered pair of endpoints once). */
  normalized?: boolean;
  /** Relative tolerance for equal path lengths when lengths cannot be made exact integers. Default: 1e-9. */
  tolerance?: number;
  /** Attribute written by `betweenness.assign`. Default: "betweenness". */
  nodeAttribute?: string;
}

export const BETWEENNESS_DEFAULTS: Readonly<Required<BetweennessOptions>> = Object.freeze({
  getEdgeWeight: null,
  normalized: false,
  tolerance: 1e-9,
  nodeAttribute: 'betweenness',
  mode: 'auto',
  exactMaxNodes: BETWEENNESS_EXACT_MAX_NODES,
  exactMaxWork: BETWEENNESS_EXACT_MAX_WORK,
  pivots: null,
  sampleWork: BETWEENNESS_SAMPLE_WORK,
  minPivots: BETWEENNESS_MIN_PIVOTS,
  threads: null,
  seed: 1,
  sources: null,
  twins: true,
});

/** How a betweenness result was computed (written to report.json by the analysis). */
export interface BetweennessMethod {
  /** "exact": every node a source; "sampled": Brandes & Pich pivots. */
  method: 'exact' | 'sampled';
  /** Sources used (n when exact). */
  pivots: number;
  /** Seed of the pivot choice; null when exact or when the pivots were given. */
  seed: number | null;
  /** Sampled only: standard error / estimate of the node with the largest estimate; null when exact. */
  relativeError: number | null;
  /** Sampled only: mean of standard error / estimate over the 10 largest estimates; null when exact. */
  relativeErrorTop10: number | null;
  /** Path lengths: "hops" (unweighted), "exact" (integer weights, exact comparison), or "tolerance". */
  lengths: 'hops' | 'exact' | 'tolerance';
}

/** Values per node id plus how they were computed. */
export interface BetweennessResult extends BetweennessMethod {
  values: Record<string, number>;
  /** Sampled only: standard error of each estimate (same scale as `values`); null when exact. */
  standardError: Record<string, number> | null;
}

/** Values per compact node plus how they were computed. */
export interface BetweennessArrays extends BetweennessMethod {
  values: Float64Array;
  standardError: Float64Array | null;
}

export function validateBetweennessOptions(o: Required<BetweennessOptions>, who = 'betweenness'): void {
  assertBoolean(who, 'normalized', o.normalized);
  if (typeof o.tolerance !== 'number' || !(o.tolerance >= 0 && o.tolerance < 1e-3))
    throw new InvalidOptionError(who, 'tolerance', o.tolerance, 'a number in [0, 0.001)');
  if (typeof o.nodeAttribute !== 'string' || o.nodeAttribute === '')
    throw new InvalidOptionError(who, 'nodeAttribute', o.nodeAttribute, 'a non-empty attribute name');
  validateSamplingOptions(o, who);
}

export function validateSamplingOptions(o: Required<BetweennessSamplingOptions>, who: string): void {
  assertOneOf(who, 'mode', o.mode, BETWEENNESS_MODES);
  assertInteger(who, 'exactMaxNodes', o.exactMaxNodes, 0);
  if (typeof o.exactMaxWork !== 'number' || !(o.exactMaxWork >= 0))
    throw new InvalidOptionError(who, 'exactMaxWork', o.exactMaxWork, 'a number >= 0 (adjacency visits, n × 2m)');
  if (o.pivots !== null) assertInteger(who, 'pivots', o.pivots, 1);
  if (typeof o.sampleWork !== 'number' || !(o.sampleWork > 0) || o.sampleWork === Infinity)
    throw new InvalidOptionError(who, 'sampleWork', o.sampleWork, 'a finite number > 0 (adjacency visits per thread)');
  assertInteger(who, 'minPivots', o.minPivots, 1);
  if (o.threads !== null) assertInteger(who, 'threads', o.threads, 1);
  assertInteger(who, 'seed', o.seed);
  assertBoolean(who, 'twins', o.twins);
  if (o.sources !== null && (!Array.isArray(o.sources) || o.sources.some((s) => typeof s !== 'string')))
    throw new InvalidOptionError(who, 'sources', o.sources, 'null or an array of node ids');
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Most residues (primes just below 2^30) of the exact comparison: beyond ~720 bits lengths use `tolerance`. */
export const EXACT_MAX_RESIDUES = 24;

const PRIMES: number[] = [];
/** The first k primes below 2^30, descending (trial division; cached). */
function primesBelow2to30(k: number): number[] {
  for (let c = PRIMES.length ? PRIMES[PRIMES.length - 1]! - 2 : 1073741823; PRIMES.length < k; c -= 2) {
    let prime = true;
    for (let d = 3; d * d <= c; d += 2)
      if (c % d === 0) {
        prime = false;
        break;
      }
    if (prime) PRIMES.push(c);
  }
  return PRIMES.slice(0, k);
}

function bigGcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Path lengths of a CSR's weights, and how they are compared. */
export interface PathLengths {
  /** 1/w per adjacency entry, or (L/w) scaled to integers when `scaled`; Infinity for weight 0. */
  length: Float64Array;
  /** Relative tolerance to use with `length` (0 when exact). */
  tolerance: number;
  /** Lengths are compared exactly (integer weights). */
  exact: boolean;
  /** Residue data when the weights are integers but L · n exceeds 2^53; null otherwise. */
  exactLengths: ExactLengths | null;
}

/**
 * Lengths 1/w per adjacency entry. Integer weights are compared exactly: scaled to integers L/w (L the lcm of
 * the weights) when n · L < 2^53, otherwise through `ExactLengths` (residues modulo primes, BigInt in the
 * rare near-tie); non-integer weights (e.g. Newman) with the relative `tolerance`. Also `tolerance` when
 * L needs more than EXACT_MAX_RESIDUES residues or the float window cannot order the heap safely.
 */
export function pathLengths(
  c: { weight: Float64Array; start: Int32Array },
  tolerance: number,
  /** Use residues even when L · n fits in 53 bits (for tests of the residue path). Default: false. */
  forceResidues = false,
): PathLengths {
  const n = c.start.length - 1;
  const classOf = new Map<number, number>();
  let lcm = 1;
  let integral = true;
  let fits = true;
  for (let x = 0; x < c.weight.length; x++) {
    const w = c.weight[x]!;
    if (w === 0 || classOf.has(w)) continue;
    classOf.set(w, classOf.size);
    if (!Number.isInteger(w)) integral = false;
    else if (fits) {
      lcm = (lcm / gcd(lcm, w)) * w;
      if (lcm * Math.max(1, n) > Number.MAX_SAFE_INTEGER) fits = false;
    }
  }
  const length = new Float64Array(c.weight.length);
  if (integral && fits && !forceResidues) {
    for (let x = 0; x < length.length; x++) {
      const w = c.weight[x]!;
      length[x] = w === 0 ? Infinity : lcm / w;
    }
    return { length, tolerance: 0, exact: true, exactLengths: null };
  }
  for (let x = 0; x < length.length; x++) {
    const w = c.weight[x]!;
    length[x] = w === 0 ? Infinity : 1 / w;
  }
  const tolerant: PathLengths = { length, tolerance, exact: false, exactLengths: null };
  if (!integral) return tolerant;
  const weights = [...classOf.keys()];
  let L = 1n;
  for (const w of weights) L = (L / bigGcd(L, BigInt(w))) * BigInt(w);
  const bits = (BigInt(Math.max(1, n)) * L).toString(2).length + 1;
  const R = Math.ceil(bits / 29);
  if (R > EXACT_MAX_RESIDUES) return tolerant;
  // Float lengths along a path of at most n − 1 edges carry a relative error below ~n·ε each; a window of
  // 4·n·ε covers the difference of two. The heap's float order is safe when the shortest edge is longer
  // than the window times the longest path: then no node settles before one of its shortest-path parents.
  const window = Math.max(1e-15, 4 * n * Number.EPSILON);
  const minW = Math.min(...weights);
  const maxW = Math.max(...weights);
  if (!(1 / maxW > 4 * window * (Math.max(1, n) / minW))) return tolerant;
  const primes = primesBelow2to30(R);
  const big = weights.map((w) => L / BigInt(w));
  const residue = new Float64Array(weights.length * R);
  big.forEach((b, k) => primes.forEach((p, r) => (residue[k * R + r] = Number(b % BigInt(p)))));
  const wclass = new Int32Array(c.weight.length);
  for (let x = 0; x < wclass.length; x++) wclass[x] = classOf.get(c.weight[x]!) ?? 0;
  return { length, tolerance: 0, exact: true, exactLengths: { primes: Float64Array.from(primes), wclass, residue, big, window } };
}

/** What to run: the sources (null = all) and how to read the sums. Pure function of the graph size and options. */
export interface BetweennessPlan {
  n: number;
  sources: Int32Array | null;
  /** Exact mode: collapse closed twins. */
  twins: boolean;
  method: 'exact' | 'sampled';
  seed: number | null;
}

/**
 * Pivots of a sampled pass: `pivots` when given, else ⌊sampleWork × threads / 2m⌋ kept within
 * [minPivots, n] (`entries` = 2m adjacency entries).
 */
export function pivotCount(n: number, entries: number, o: Pick<Required<BetweennessSamplingOptions>, 'pivots' | 'sampleWork' | 'minPivots'>, threads: number): number {
  if (o.pivots !== null) return Math.min(n, o.pivots);
  const k = Math.floor((o.sampleWork * Math.max(1, threads)) / Math.max(1, entries));
  return Math.min(n, Math.max(o.minPivots, k));
}

/**
 * Decide exact vs sampled and draw the pivots. `threads`: the runner's thread count, used when `o.threads`
 * is null. Default: 1.
 */
export function planBetweenness(
  c: { start: Int32Array; neighbour: Int32Array; index?: Map<string, number> },
  o: Required<BetweennessSamplingOptions>,
  who = 'betweenness',
  threads = 1,
): BetweennessPlan {
  const n = c.start.length - 1;
  if (o.sources !== null) {
    const index = c.index;
    const list = new Int32Array(o.sources.length);
    o.sources.forEach((id, i) => {
      const v = index?.get(id);
      if (v === undefined) throw new InvalidOptionError(who, 'sources', id, 'ids of nodes of the graph');
      list[i] = v;
    });
    const sorted = list.slice().sort();
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i] === sorted[i - 1]) throw new InvalidOptionError(who, 'sources', o.sources, 'distinct node ids');
    return sorted.length >= n ? { n, sources: null, twins: o.twins, method: 'exact', seed: null } : { n, sources: sorted, twins: false, method: 'sampled', seed: null };
  }
  const work = n * c.neighbour.length;
  const k = pivotCount(n, c.neighbour.length, o, o.threads ?? threads);
  const exact = o.mode === 'exact' || k >= n || (o.mode === 'auto' && n <= o.exactMaxNodes && work <= o.exactMaxWork);
  if (exact) return { n, sources: null, twins: o.twins, method: 'exact', seed: null };
  return { n, sources: choosePivots(n, k, o.seed), twins: false, method: 'sampled', seed: o.seed };
}

/** The job of one pass (unweighted when `weights` is null). */
export function betweennessJob(c: { start: Int32Array; neighbour: Int32Array; weight: Float64Array }, plan: BetweennessPlan, weighted: boolean, tolerance: number): { job: BetweennessJob; lengths: BetweennessMethod['lengths'] } {
  const lengths = weighted ? pathLengths(c, tolerance) : null;
  const twins = plan.method === 'exact' && plan.twins ? closedTwinSources(c, weighted ? c.weight : null) : null;
  return {
    job: {
      csr: { start: c.start, neighbour: c.neighbour },
      length: lengths ? lengths.length : null,
      tolerance: lengths ? lengths.tolerance : 0,
      exact: lengths ? lengths.exactLengths : null,
      sources: twins ? twins.sources : plan.sources,
      sourceWeight: twins ? twins.multiplicity : null,
      squares: plan.method === 'sampled',
    },
    lengths: lengths === null ? 'hops' : lengths.exact ? 'exact' : 'tolerance',
  };
}

/** Turn the kernel's sums into raw (or normalized) betweenness with the method record. */
export function finishBetweenness(sums: BetweennessSums, plan: BetweennessPlan, lengths: BetweennessMethod['lengths'], normalized: boolean): BetweennessArrays {
  const { n } = plan;
  const values = sums.sum;
  let standardError: Float64Array | null = null;
  let relativeError: number | null = null;
  let relativeErrorTop10: number | null = null;
  if (plan.method === 'sampled') {
    standardError = sums.squares!;
    scalePivotSums(values, standardError, n, plan.sources!.length);
    ({ top: relativeError, mean: relativeErrorTop10 } = topRelativeErrors(values, standardError, 10));
  } else for (let v = 0; v < n; v++) values[v] = values[v]! / 2; // every pair was seen from both ends
  if (normalized && n > 2) {
    const scale = ((n - 1) * (n - 2)) / 2;
    for (let v = 0; v < n; v++) values[v] = values[v]! / scale;
    if (standardError) for (let v = 0; v < n; v++) standardError[v] = standardError[v]! / scale;
  }
  return {
    values,
    standardError,
    method: plan.method,
    pivots: plan.sources ? plan.sources.length : n,
    seed: plan.seed,
    relativeError,
    relativeErrorTop10,
    lengths,
  };
}

/** Options of the compact-graph entry points (weights are the CSR's own `weight` column). */
export interface BetweennessValuesOptions extends BetweennessSamplingOptions {
  /** Use the CSR's `weight` (length 1/weight); false for hop counts. Default: false. */
  weighted?: boolean;
  normalized?: boolean;
  tolerance?: number;
}

function valuesOptions(options: BetweennessValuesOptions | undefined, who: string) {
  const { weighted = false, ...rest } = options ?? {};
  const o = resolveOptions(BETWEENNESS_DEFAULTS, rest as BetweennessOptions);
  validateBetweennessOptions(o, who);
  assertBoolean(who, 'weighted', weighted);
  return { o, weighted };
}

/** Betweenness on a compact graph (e.g. `csrFromProjection`), in this thread. */
export function betweennessValues(c: CompactGraph, options?: BetweennessValuesOptions): BetweennessArrays {
  const { o, weighted } = valuesOptions(options, 'betweennessValues');
  const plan = planBetweenness(c, o, 'betweennessValues');
  const { job, lengths } = betweennessJob(c, plan, weighted, o.tolerance);
  return finishBetweenness(runBetweennessJob(job), plan, lengths, o.normalized);
}

/** `betweennessValues` through a runner (worker threads in Node; identical results). */
export async function betweennessValuesAsync(c: CompactGraph, options?: BetweennessValuesOptions & { runner?: BetweennessRunner | null }): Promise<BetweennessArrays> {
  const { runner = null, ...rest } = options ?? {};
  const { o, weighted } = valuesOptions(rest, 'betweennessValuesAsync');
  const plan = planBetweenness(c, o, 'betweennessValuesAsync', runner?.threads ?? 1);
  const { job, lengths } = betweennessJob(c, plan, weighted, o.tolerance);
  const sums = runner ? await runner(job) : runBetweennessJob(job);
  return finishBetweenness(sums, plan, lengths, o.normalized);
}

/**
 * Raw betweenness (each unordered pair once) of every compact node, exact; `length` null for unweighted.
 * Kept for callers of the first version; `betweennessValues` is the full entry point.
 */
export function brandes(c: { start: Int32Array; neighbour: Int32Array }, length: Float64Array | null, tolerance: number): Float64Array {
  const n = c.start.length - 1;
  const sums = runBetweennessJob({ csr: c, length, tolerance, sources: null, squares: false });
  for (let v = 0; v < n; v++) sums.sum[v] = sums.sum[v]! / 2;
  return sums.sum;
}

function resolveGraphOptions<E extends Attributes>(options: BetweennessOptions<E> | undefined, who: string): Required<BetweennessOptions<E>> {
  const o = resolveOptions(BETWEENNESS_DEFAULTS as Required<BetweennessOptions<E>>, options);
  validateBetweennessOptions(o as Required<BetweennessOptions>, who);
  return o;
}

function toResult(ids: string[], r: BetweennessArrays): BetweennessResult {
  const { values, standardError, ...method } = r;
  return { ...method, values: toRecord(ids, values), standardError: standardError ? toRecord(ids, standardError) : null };
}

function compute<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options: BetweennessOptions<E> | undefined) {
  const o = resolveGraphOptions(options, 'betweenness');
  const c = compactGraph(graph, o.getEdgeWeight, 'betweenness');
  const plan = planBetweenness(c, o);
  const { job, lengths } = betweennessJob(c, plan, o.getEdgeWeight !== null, o.tolerance);
  return { ids: c.ids, r: finishBetweenness(runBetweennessJob(job), plan, lengths, o.normalized), o };
}

/** Betweenness of every node, keyed by node id (exact, or a pivot estimate beyond the `auto` limits). */
export function betweenness<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  options?: BetweennessOptions<E>,
): Record<string, number> {
  const { ids, r } = compute(graph, options);
  return toRecord(ids, r.values);
}

/** Store betweenness under `options.nodeAttribute` (default "betweenness"). */
betweenness.assign = function assign<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  options?: BetweennessOptions<E>,
): void {
  const { ids, r, o } = compute(graph, options);
  ids.forEach((id, v) => graph.setNodeAttribute(id, o.nodeAttribute as keyof N, r.values[v] as N[keyof N]));
};

/** Values plus how they were computed: `{ values, method, pivots, seed, relativeError, relativeErrorTop10, lengths, standardError }`. */
betweenness.detailed = function detailed<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  options?: BetweennessOptions<E>,
): BetweennessResult {
  const { ids, r } = compute(graph, options);
  return toResult(ids, r);
};

function isCompact(x: unknown): x is CompactGraph {
  return typeof x === 'object' && x !== null && (x as CompactGraph).start instanceof Int32Array && (x as CompactGraph).neighbour instanceof Int32Array;
}

/**
 * `betweenness.detailed` through a runner, on a graphology graph or a compact graph. With a compact graph,
 * `getEdgeWeight` only says weighted (any non-null value: the CSR's `weight` column) or not (null).
 * Without a runner it runs in this thread (browser); in Node pass `parallelBetweennessRunner()`.
 */
export async function betweennessAsync<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E> | CompactGraph,
  options?: BetweennessOptions<E> & { runner?: BetweennessRunner | null },
): Promise<BetweennessResult> {
  const { runner = null, ...rest } = options ?? {};
  const o = resolveGraphOptions(rest as BetweennessOptions<E>, 'betweennessAsync');
  const c = isCompact(graph) ? graph : compactGraph(graph, o.getEdgeWeight, 'betweennessAsync');
  const plan = planBetweenness(c, o, 'betweennessAsync', runner?.threads ?? 1);
  const { job, lengths } = betweennessJob(c, plan, o.getEdgeWeight !== null, o.tolerance);
  const sums = runner ? await runner(job) : runBetweennessJob(job);
  return toResult(c.ids, finishBetweenness(sums, plan, lengths, o.normalized));
}
