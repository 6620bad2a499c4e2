/**
 * Glue between the bench and the library's stage functions on graphology graphs (`--engine graph`: the
 * library API): the reader, centrality (degree/strength, betweenness, constraint, core numbers), components,
 * Louvain and attention. Each adapter returns the function to time, or a reason why the stage is skipped, and
 * keeps what the checksums need in the shared context. Betweenness options are passed through to the tie
 * engine, which runs on worker threads (both cores here). The compact engine's adapters (what
 * `mycorrhiza analyze` runs) are in compact-adapters.ts.
 */
import { availableParallelism } from 'node:os';
import { connectedComponents } from 'graphology-components';
import type { CompactLevel } from '../analysis/compact-level.js';
import { attention } from '../attention/index.js';
import { BETWEENNESS_DEFAULTS, betweennessAsync, compactGraph, constraint, coreNumber, planBetweenness, strength } from '../centrality/index.js';
import { parallelBetweennessRunner } from '../cli/parallel-betweenness.js';
import { resolveOptions } from '../options.js';
import { communities } from '../community/index.js';
import { readAttendance } from '../io/index.js';
import type { InputFile, ValidationReport } from '../io/types.js';
import { organisationNetwork } from '../network/organisation-network.js';
import { personNetwork } from '../network/person-network.js';
import type { OrganisationProjection, PersonProjection } from '../network/project.js';
import type { OrganisationGraph, PersonGraph } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import type { PipelineOptions } from './pipeline.js';
import type { StageId } from './report.js';

/** State shared by the stages of one run. */
export interface StageContext {
  file: InputFile;
  options: PipelineOptions;
  notes: string[];
  parsedRows?: number;
  model?: AttendanceModel;
  report?: ValidationReport;
  /** Number of near-duplicate name suggestions (the `suggestions` stage). */
  suggestions?: number;
  personGraph?: PersonGraph;
  orgGraph?: OrganisationGraph;
  /** Compact engine: both levels as `analyze` builds them (tie table, adjacency, CSR), with their projections. */
  compact?: { person: CompactLevel & { proj: PersonProjection }; organisation: CompactLevel & { proj: OrganisationProjection } };
  /** Per node: degree, strength (shared events) and Newman strength. */
  degree?: { degree: NodeValues; strength: NodeValues; newmanStrength: NodeValues };
  betweenness?: { exact: boolean; pivots: number; values: NodeValues };
  components?: { count: number; largest: number };
  louvain?: { communities: number; modularity: number };
  /** Variant labels shown in the table, per stage. */
  variant?: Partial<Record<StageId, string>>;
}

export type NumberMap = Readonly<Record<string, number>> | ReadonlyMap<string, number>;
/** Values per node: keyed by node id (graph engine), or per compact node v with its model index `actor[v]` (compact engine). */
export type NodeValues = NumberMap | { actor: Int32Array; values: ArrayLike<number> };
/** The function to time, or why the stage is skipped. */
export type Adapter = (ctx: StageContext) => Promise<(() => unknown) | string>;

/**
 * `readAttendance` on the file's bytes: parse, map headers, validate, dedupe and build the model. The near-duplicate
 * name suggestions (a fuzzy comparison of every distinct name, not reading) are the `suggestions` stage, so that
 * the read compares with the peers' parse.
 */
export async function readStage(ctx: StageContext): Promise<void> {
  const res = await readAttendance([ctx.file], { nearDuplicates: false });
  ctx.model = res.model;
  ctx.report = res.report;
  if (res.report.errors.length) ctx.notes.push(`reader: ${res.report.errors.length} row errors (first: ${res.report.errors[0]?.message ?? ''})`);
}

/**
 * The benchlib.py sample: the k people at positions floor(i·n/k) of the input person ids sorted as strings,
 * as our node ids, so a sampled estimate can be checked against networkx's on the same sources.
 */
export function strideSources(model: AttendanceModel, k: number): string[] {
  const byInputId = [...model.people].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const n = byInputId.length;
  const m = Math.min(k, n);
  return Array.from({ length: m }, (_, i) => byInputId[Math.floor((i * n) / m)]!.id);
}

export function setVariant(ctx: StageContext, id: StageId, label: string): void {
  (ctx.variant ??= {})[id] = label;
}

export const centralityStages: Partial<Record<StageId, Adapter>> = {
  'tie-profiles': async (ctx) => () => {
    // Both graphs with their full tie profiles, from the model (the builders project again).
    ctx.personGraph = personNetwork(ctx.model!);
    ctx.orgGraph = organisationNetwork(ctx.model!);
  },
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
    // The tie engine decides exact vs sampled (Brandes & Pich 2007 pivots) in `auto` (switch point
    // BETWEENNESS_EXACT_MAX_NODES / _WORK) and the pivot count from its work budget and the runner's threads;
    // mode and pivots are passed through. Planned here, untimed, only to give a sampled run the benchlib
    // sources (with `--pivots 500`, networkx's sample: comparable checksums).
    const runner = parallelBetweennessRunner();
    const o = resolveOptions(BETWEENNESS_DEFAULTS, { mode, ...(pivots !== null ? { pivots } : {}) });
    const plan = planBetweenness(compactGraph(g, null, 'bench'), o, 'bench', runner.threads ?? 1);
    const sources = plan.method === 'sampled' ? strideSources(ctx.model!, plan.sources!.length) : null;
    return async () => {
      const r = await betweennessAsync(g, { mode, ...(pivots !== null ? { pivots } : {}), ...(sources ? { sources } : {}), runner });
      const exact = r.method === 'exact';
      ctx.betweenness = { exact, pivots: r.pivots, values: r.values };
      setVariant(ctx, 'betweenness', `${exact ? 'exact' : `sampled k=${r.pivots}`}, ${availableParallelism()} threads`);
    };
  },
  constraint: async (ctx) => () => constraint(ctx.personGraph!),
  core: async (ctx) => () => coreNumber(ctx.personGraph!),
  components: async (ctx) => () => {
    const comps = connectedComponents(ctx.personGraph!);
    ctx.components = { count: comps.length, largest: comps.reduce((m, c) => Math.max(m, c.length), 0) };
  },
};

export const communityStages: Partial<Record<StageId, Adapter>> = {
  louvain: async (ctx) => () => {
    const r = communities.detailed(ctx.personGraph!, { getEdgeWeight: 'shared_events' });
    ctx.louvain = { communities: r.count, modularity: r.modularity };
  },
};

/** The organisation attention list with default options (as `mycorrhiza analyze` prints it). */
export const attentionStage: Adapter = async (ctx) => () => attention(ctx.model!);
