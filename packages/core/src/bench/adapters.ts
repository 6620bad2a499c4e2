/**
 * Glue between the bench and the library's stage functions: the reader, centrality (degree/strength,
 * betweenness, constraint, core numbers), Louvain and attention. Each adapter returns the function to time,
 * or a reason why the stage is skipped, and keeps what the checksums need in the shared context.
 * Betweenness options are passed through to the tie engine; in `auto` mode, before an exact run on a large graph,
 * a BFS pilot estimates its cost (as the igraph peer does) so the bench does not run for hours.
 */
import { performance } from 'node:perf_hooks';
import { attention } from '../attention/index.js';
import { betweenness, compactGraph, constraint, coreNumber, strength, type CompactGraph } from '../centrality/index.js';
import { communities } from '../community/index.js';
import { readAttendance } from '../io/index.js';
import type { InputFile, ValidationReport } from '../io/types.js';
import type { OrganisationGraph, PersonGraph } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import type { PipelineOptions } from './pipeline.js';
import type { StageId } from './report.js';

/** State shared by the stages of one run. */
export interface StageContext {
  file: InputFile;
  options: PipelineOptions;
  notes: string[];
  /** Seconds a single stage may be estimated to take before it is skipped (betweenness only). */
  budget: number;
  parsedRows?: number;
  model?: AttendanceModel;
  report?: ValidationReport;
  personGraph?: PersonGraph;
  orgGraph?: OrganisationGraph;
  /** Per node id (`P001`...): degree, strength (shared events) and Newman strength. */
  degree?: { degree: NumberMap; strength: NumberMap; newmanStrength: NumberMap };
  betweenness?: { exact: boolean; pivots: number; values: NumberMap };
  louvain?: { communities: number; modularity: number };
  /** Variant labels shown in the table, per stage. */
  variant?: Partial<Record<StageId, string>>;
}

export type NumberMap = Readonly<Record<string, number>> | ReadonlyMap<string, number>;
/** The function to time, or why the stage is skipped. */
export type Adapter = (ctx: StageContext) => Promise<(() => unknown) | string>;

/** `readAttendance` on the file's bytes: parse, map headers, validate, dedupe and build the model. */
export async function readStage(ctx: StageContext): Promise<void> {
  const res = await readAttendance([ctx.file]);
  ctx.model = res.model;
  ctx.report = res.report;
  if (res.report.errors.length) ctx.notes.push(`reader: ${res.report.errors.length} row errors (first: ${res.report.errors[0]?.message ?? ''})`);
}

/** Cost of one Brandes source relative to one plain BFS (forward pass + dependency accumulation). */
export const BRANDES_OVER_BFS = 2;

/** Seconds per BFS from `k` stride-chosen sources of a compact graph (the pilot of the exact betweenness). */
export function bfsPilot(c: CompactGraph, k = 10): number {
  const n = c.ids.length;
  if (n === 0) return 0;
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  const sources = Math.min(k, n);
  const t0 = performance.now();
  for (let i = 0; i < sources; i++) {
    const s = Math.floor((i * n) / sources);
    dist.fill(-1);
    let head = 0, tail = 0;
    queue[tail++] = s;
    dist[s] = 0;
    while (head < tail) {
      const u = queue[head++]!;
      for (let x = c.start[u]!, end = c.start[u + 1]!; x < end; x++) {
        const v = c.neighbour[x]!;
        if (dist[v] === -1) {
          dist[v] = dist[u]! + 1;
          queue[tail++] = v;
        }
      }
    }
  }
  return (performance.now() - t0) / 1000 / sources;
}

function setVariant(ctx: StageContext, id: StageId, label: string): void {
  (ctx.variant ??= {})[id] = label;
}

export const centralityStages: Partial<Record<StageId, Adapter>> = {
  degree: async (ctx) => () => {
    const g = ctx.personGraph!;
    ctx.degree = {
      degree: strength(g, { getEdgeWeight: null }),
      strength: strength(g, { getEdgeWeight: 'shared_events' }),
      newmanStrength: strength(g, { getEdgeWeight: 'newman' }),
    };
  },
  betweenness: async (ctx) => {
    const g = ctx.personGraph!;
    const { betweenness: mode, pivots } = ctx.options;
    // Passed through as given; the tie engine decides exact vs sampled (Brandes & Pich 2007 pivots) in `auto`.
    const passed: Record<string, unknown> = {};
    if (mode !== 'auto') passed.mode = mode;
    if (pivots !== null) passed.pivots = pivots;
    const detailed = (betweenness as unknown as { detailed?: (graph: PersonGraph, o: object) => { values?: NumberMap; exact?: boolean; pivots?: number } }).detailed;
    const n = g.order;
    if (!detailed && mode === 'auto' && n > 1000) {
      // This build of the tie engine only computes exact values: estimate first, skip beyond the budget.
      const perBfs = bfsPilot(compactGraph(g, null, 'bench'));
      const estimate = perBfs * BRANDES_OVER_BFS * n;
      ctx.notes.push(`betweenness pilot: ${(perBfs * 1000).toFixed(2)} ms per BFS × ${BRANDES_OVER_BFS} × ${n} sources ≈ ${estimate.toFixed(0)} s for the exact run.`);
      if (estimate > 1.5 * ctx.budget) return `skipped (est. ${Math.round(estimate).toLocaleString('en-US')} s > 1.5 × budget ${ctx.budget} s; the tie engine has no sampled mode yet)`;
    }
    if (!detailed && mode === 'sampled') return 'the tie engine has no sampled betweenness yet';
    return () => {
      if (detailed) {
        const r = detailed(g, passed);
        const exact = r.exact !== false;
        const k = r.pivots ?? n;
        ctx.betweenness = { exact, pivots: k, values: r.values ?? {} };
        setVariant(ctx, 'betweenness', exact ? 'exact' : `sampled k=${k}`);
      } else {
        ctx.betweenness = { exact: true, pivots: n, values: betweenness(g, passed as object) };
        setVariant(ctx, 'betweenness', 'exact');
      }
    };
  },
  constraint: async (ctx) => () => constraint(ctx.personGraph!),
  core: async (ctx) => () => coreNumber(ctx.personGraph!),
};

export const communityStages: Partial<Record<StageId, Adapter>> = {
  louvain: async (ctx) => () => {
    const r = communities.detailed(ctx.personGraph!, { getEdgeWeight: 'shared_events' });
    ctx.louvain = { communities: r.count, modularity: r.modularity };
  },
};

/** The organisation attention list with default options (as `mycorrhiza analyze` prints it). */
export const attentionStage: Adapter = async (ctx) => () => attention(ctx.model!);
