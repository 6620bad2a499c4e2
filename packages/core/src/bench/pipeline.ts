/**
 * Our pipeline, stage by stage, on one attendance file (Node only; runs in the bench child process): each
 * stage timed and its peak RSS measured (see measure.ts), then the checksums of `bench/peers/benchlib.py`
 * computed from the stages' own outputs (not timed). The network stages (tie profiles to Louvain) run on the
 * engine `options.engine` picks: the compact structures `mycorrhiza analyze` uses (compact-adapters.ts) or
 * graphology graphs through the library API (adapters.ts).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { projectOrganisations, projectPersons, type OrganisationProjection, type PersonProjection } from '../network/project.js';
import { nameSuggestions, parseTable } from '../io/index.js';
import { growthSeries, type GrowthSeries } from '../time/growth.js';
import type { AttendanceModel } from '../types.js';
import { top1, top5, type Checksums } from './checksum.js';
import { measureStage, readPeakRssMb } from './measure.js';
import { STAGES, type OurStage, type OursResult, type StageId } from './report.js';
import { attentionStage, centralityStages, communityStages, readStage, type Adapter, type NodeValues, type StageContext } from './adapters.js';
import { compactStages } from './compact-adapters.js';

/** Engines the network stages can run on: `compact` (typed arrays + CSR, what `mycorrhiza analyze` runs) or `graph` (graphology graphs, the library API). */
export const ENGINES = ['compact', 'graph'] as const;
export type Engine = (typeof ENGINES)[number];

/** Options of `runPipeline`. */
export interface PipelineOptions {
  /** Stages to run (their prerequisites are added); null = all. */
  stages: StageId[] | null;
  /**
   * What the network stages (tie profiles to Louvain) run on: `compact` (the typed arrays and CSR of
   * `mycorrhiza analyze`) or `graph` (graphology graphs from `personNetwork` / `organisationNetwork`).
   * Default: "compact".
   */
  engine?: Engine;
  /** Betweenness: `auto` lets the tie engine pick exact or sampled by size; passed through. */
  betweenness: 'auto' | 'exact' | 'sampled';
  /** Pivots of the sampled estimate, or null for the tie engine's default. */
  pivots: number | null;
  /** Seconds per step of the Python peers (kept for the record; our stages are bounded by the stage timeout). */
  budget: number;
  /** Stages measured by an earlier process of the same run: run only as prerequisites, not recorded. */
  done?: StageId[];
  /** Stages that did not finish in an earlier process: not run; their dependents are skipped. */
  dnf?: StageId[];
}

/** A partial result written while the pipeline runs, with the stage under way. */
export interface OursProgress extends OursResult {
  running?: { id: StageId; since: number };
}

/** What each stage needs first. */
export const STAGE_NEEDS: Readonly<Record<StageId, readonly StageId[]>> = Object.freeze({
  parse: [],
  model: [],
  suggestions: ['model'],
  'person-projection': ['model'],
  'organisation-projection': ['model'],
  'tie-profiles': ['model'],
  degree: ['tie-profiles'],
  betweenness: ['tie-profiles'],
  constraint: ['tie-profiles'],
  core: ['tie-profiles'],
  components: ['tie-profiles'],
  louvain: ['tie-profiles'],
  growth: ['model'],
  attention: ['model'],
});

/** The stages to run for a selection, prerequisites included, in pipeline order. */
export function selectStages(selected: readonly StageId[] | null): StageId[] {
  if (!selected) return [...STAGES];
  const want = new Set<StageId>();
  const add = (id: StageId): void => {
    if (want.has(id)) return;
    want.add(id);
    for (const n of STAGE_NEEDS[id]) add(n);
  };
  selected.forEach(add);
  return STAGES.filter((s) => want.has(s));
}

/** Neumaier-compensated sum (the checksum compares with Python's exact `math.fsum`). */
export function preciseSum(values: ArrayLike<number>, length = values.length): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < length; i++) {
    const x = values[i]!;
    const t = sum + x;
    c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + c;
}

/** Checksums of the attendance model and the two projections (benchlib definitions: a strong tie is weight >= 2). */
export function projectionChecksums(
  model: AttendanceModel,
  rows: number | null,
  person: PersonProjection | undefined,
  org: OrganisationProjection | undefined,
  withModel = true,
): Checksums {
  const ck: Checksums = {};
  if (rows !== null) ck.rows = rows;
  if (withModel) {
    const a = model.attendance;
    const pairs = new Set<number>();
    const np = model.people.length;
    for (let i = 0; i < a.length; i++) if (a.person[i]! >= 0) pairs.add(a.event[i]! * np + a.person[i]!);
    ck.attendances = pairs.size;
    ck.people = np;
    ck.events = model.events.length;
    ck.orgs = model.organisations.length;
  }
  if (person) {
    let total = 0, max = 0, strong = 0;
    for (let t = 0; t < person.length; t++) {
      const w = person.shared[t]!;
      total += w;
      if (w > max) max = w;
      if (w >= 2) strong++;
    }
    ck.person_edges = person.length;
    ck.total_weight = total;
    ck.max_weight = max;
    ck.strong_ties = strong;
    ck.weak_ties = person.length - strong;
    ck.newman_sum = Math.round(preciseSum(person.newman, person.length) * 1e6) / 1e6;
  }
  if (org) {
    let total = 0;
    for (let t = 0; t < org.length; t++) total += org.shared[t]!;
    ck.org_edges = org.length;
    ck.org_total_weight = total;
  }
  return ck;
}

/** Person ids as written in the input file (the peers' ids), per model index. */
function inputIds(model: AttendanceModel): string[] {
  return model.people.map((p) => p.name);
}

/** Values keyed by our node id (`P001`...), or per compact node with its model index → array over model indices. */
export function byModelIndex(model: AttendanceModel, values: NodeValues): Float64Array {
  const out = new Float64Array(model.people.length);
  if ('actor' in values && values.actor instanceof Int32Array) {
    const { actor, values: v } = values as { actor: Int32Array; values: ArrayLike<number> };
    for (let i = 0; i < actor.length; i++) out[actor[i]!] = v[i]!;
    return out;
  }
  const get = values instanceof Map ? (k: string) => values.get(k) : (k: string) => (values as Record<string, number>)[k];
  model.people.forEach((p, i) => (out[i] = get(p.id) ?? 0));
  return out;
}

/** Run the selected stages on `file` and return their measures and checksums. */
export async function runPipeline(
  file: string,
  options: PipelineOptions,
  log: (line: string) => void,
  progress?: (partial: OursProgress) => void,
): Promise<OursResult> {
  const stages: OurStage[] = [];
  const notes: string[] = [];
  const ctx: StageContext = { file: { name: basename(file), bytes: new Uint8Array(readFileSync(file)) }, options, notes };
  const engine: Engine = options.engine ?? 'compact';
  const networkStages: Partial<Record<StageId, Adapter>> = engine === 'graph' ? { ...centralityStages, ...communityStages } : compactStages;
  let perStagePeak = true;
  let person: PersonProjection | undefined;
  let org: OrganisationProjection | undefined;
  let growth: GrowthSeries | undefined;
  let modelChecksums: Checksums | undefined;

  function checksums(): Checksums {
    const model = ctx.model;
    let checksum: Checksums = {};
    if (model) {
      // The model part (a set over every attendance) once; the projection part is a cheap pass over columns.
      modelChecksums ??= projectionChecksums(model, ctx.report?.counts.rows ?? ctx.parsedRows ?? null, undefined, undefined);
      // Without the projection stages, the tie-profile stage's own projections (compact engine) give the edge checksums.
      const cp = ctx.compact;
      checksum = { ...modelChecksums, ...projectionChecksums(model, null, person ?? cp?.person.proj, org ?? cp?.organisation.proj, false) };
      const ids = inputIds(model);
      const personGraph = ctx.personGraph;
      if (personGraph && !person) {
        // Graph-based edge checksums when the compact projection stage was not selected.
        let total = 0, max = 0, strong = 0;
        const nw: number[] = [];
        personGraph.forEachEdge((_e, a) => {
          total += a.shared_events;
          max = Math.max(max, a.shared_events);
          if (a.shared_events >= 2) strong++;
          nw.push(a.newman);
        });
        Object.assign(checksum, { person_edges: personGraph.size, total_weight: total, max_weight: max, strong_ties: strong, weak_ties: personGraph.size - strong, newman_sum: Math.round(preciseSum(nw) * 1e6) / 1e6 });
      }
      const orgGraph = ctx.orgGraph;
      if (orgGraph && !org) {
        let total = 0;
        orgGraph.forEachEdge((_e, a) => (total += a.shared_events));
        Object.assign(checksum, { org_edges: orgGraph.size, org_total_weight: total });
      }
      if (ctx.degree) {
        const d = ctx.degree;
        const m1 = top1(ids, byModelIndex(model, d.degree));
        const m2 = top1(ids, byModelIndex(model, d.strength));
        const m3 = top1(ids, byModelIndex(model, d.newmanStrength));
        if (m1) checksum.max_degree = m1;
        if (m2) checksum.max_strength = m2;
        if (m3) checksum.max_newman_strength = m3;
      }
      if (ctx.betweenness) {
        const key = ctx.betweenness.exact ? 'betweenness_exact_top5' : `betweenness_sampled_k${ctx.betweenness.pivots}_top5`;
        checksum[key] = top5(ids, byModelIndex(model, ctx.betweenness.values));
      }
      if (ctx.components) {
        checksum.components = ctx.components.count;
        checksum.largest_component = ctx.components.largest;
      }
      if (ctx.louvain) {
        checksum.louvain_communities = ctx.louvain.communities;
        checksum.louvain_modularity = Math.round(ctx.louvain.modularity * 1e4) / 1e4;
      }
    }
    return checksum;
  }

  const done = new Set(options.done ?? []);
  const unavailable = new Set<StageId>(options.dnf ?? []);
  const snapshot = (running?: StageId): OursProgress => ({
    tool: 'mycorrhiza',
    node: process.version,
    engine,
    stages: [...stages],
    checksum: checksums(),
    notes: [...notes],
    processPeakMb: Math.max(readPeakRssMb() ?? 0, process.resourceUsage().maxRSS / 1024, ...stages.map((x) => x.peakMb ?? 0)),
    perStagePeak,
    ...(running ? { running: { id: running, since: Date.now() } } : {}),
  });

  const run = async (id: StageId, fn: () => unknown | Promise<unknown>, variant?: () => string | undefined): Promise<void> => {
    if (done.has(id)) {
      // A prerequisite already measured by an earlier process of this run: rebuild it, do not record it again.
      log(`stage ${id} (prerequisite, already measured) ...`);
      await fn();
      return;
    }
    log(`stage ${id} ...`);
    progress?.(snapshot(id));
    try {
      const { measure } = await measureStage(fn);
      perStagePeak &&= measure.perStagePeak;
      const v = variant?.();
      stages.push({ id, s: measure.s, peakMb: measure.peakMb, rssAfterMb: measure.rssAfterMb, heapDeltaMb: measure.heapDeltaMb, ...(v ? { variant: v } : {}) });
      log(`stage ${id}: ${measure.s.toFixed(3)} s, peak ${measure.peakMb.toFixed(0)} MiB${v ? ` (${v})` : ''}`);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      stages.push({ id, s: null, peakMb: null, failed: msg });
      unavailable.add(id);
      log(`stage ${id} FAILED: ${msg}`);
    }
    progress?.(snapshot());
  };

  const selected = selectStages(options.stages);
  // What is left to measure, and what it needs (done stages are rebuilt only when something left needs them).
  const todo = selectStages(selected.filter((id) => !done.has(id) && !unavailable.has(id)));
  for (const id of STAGES) {
    if (!todo.includes(id) || unavailable.has(id)) continue;
    const needs = STAGE_NEEDS[id].filter((n) => unavailable.has(n) || stages.some((x) => x.id === n && x.s == null));
    if (needs.length) {
      if (!done.has(id)) stages.push({ id, s: null, peakMb: null, skipped: `needs ${needs.join(', ')}` });
      unavailable.add(id);
      continue;
    }
    switch (id) {
      case 'parse':
        await run(id, async () => {
          // The reader's tokeniser alone, into column lists (what the peers' `parse` step does).
          const table = await parseTable(ctx.file);
          const cols: string[][] = table.headers.map(() => []);
          let n = 0;
          for (const row of table.rows) {
            for (let c = 0; c < cols.length; c++) cols[c]!.push(String(row.cells[c] ?? ''));
            n++;
          }
          ctx.parsedRows = n;
        });
        break;
      case 'model':
        await run(id, () => readStage(ctx));
        break;
      case 'suggestions':
        await run(id, () => {
          ctx.suggestions = nameSuggestions(ctx.model!).length;
        });
        break;
      case 'person-projection':
        await run(id, () => {
          person = projectPersons(ctx.model!);
        });
        break;
      case 'organisation-projection':
        await run(id, () => {
          org = projectOrganisations(ctx.model!);
        });
        break;
      case 'growth':
        await run(id, () => {
          growth = growthSeries(ctx.model!, { every: 'month' });
        });
        break;
      case 'tie-profiles':
      case 'degree':
      case 'betweenness':
      case 'constraint':
      case 'core':
      case 'components':
      case 'louvain':
        await runAdapter(id, networkStages, ctx, run, stages);
        break;
      case 'attention':
        await runAdapter(id, { attention: attentionStage }, ctx, run, stages);
        break;
    }
  }

  const checksum = checksums();
  if (growth) {
    const last = growth.rows[growth.rows.length - 1];
    if (last && ctx.components && last.person_components !== ctx.components.count) {
      notes.push(`growth series: last row has ${last.person_components} person components, the person network ${ctx.components.count} (they should agree).`);
    }
    notes.push(`growth series: ${growth.rows.length} rows (${growth.every}), ${growth.method}.`);
  }
  const processPeakMb = Math.max(readPeakRssMb() ?? 0, process.resourceUsage().maxRSS / 1024, ...stages.map((s) => s.peakMb ?? 0));
  if (!perStagePeak) notes.push('peak memory is cumulative for the process (the kernel peak mark could not be reset per stage).');
  return { tool: 'mycorrhiza', node: process.version, engine, stages, checksum, notes: [...notes], processPeakMb, perStagePeak };
}

type Runner = (id: StageId, fn: () => unknown | Promise<unknown>, variant?: () => string | undefined) => Promise<void>;

async function runAdapter(
  id: StageId,
  table: Partial<Record<StageId, Adapter>>,
  ctx: StageContext,
  run: Runner,
  stages: OurStage[],
): Promise<void> {
  const make = table[id];
  const fn = make ? await make(ctx) : 'no implementation';
  if (typeof fn === 'string') {
    stages.push({ id, s: null, peakMb: null, skipped: fn });
    return;
  }
  await run(id, fn, () => ctx.variant?.[id]);
}
