/**
 * `analyze(model, options)`: the whole analysis an evaluator hands in, as plain tables and figures — people,
 * organisations, events, person and organisation ties, growth, partners needing attention, the before/after
 * comparison, "without the convenor", significance notes. The CLI writes it out; the viewer reuses it.
 * Deterministic: same model and options (seed included), same result.
 */
import { InvalidOptionError } from '../errors.js';
import { parseDuration } from '../model/dates.js';
import { NETWORK_DEFAULTS, resolveNetworkOptions } from '../network/options.js';
import { projectOrganisations, projectPersons, type OrganisationProjection, type PersonProjection, type Projection } from '../network/project.js';
import { tieProfiles, type TieProfileColumns } from '../network/tie-profile.js';
import type { NetworkOptions } from '../network/types.js';
import { assertInteger, assertNumber, assertOneOf, resolveOptions } from '../options.js';
import { growthSeries } from '../time/growth.js';
import type { AttendanceModel } from '../types.js';
import { compactAttention } from './attention-compact.js';
import { betweennessValues, betweennessValuesAsync, BETWEENNESS_DEFAULTS, type BetweennessArrays, type BetweennessValuesOptions } from '../centrality/betweenness.js';
import type { BetweennessRunner } from '../centrality/betweenness-kernel.js';
import { compactNodeMeasures, csrFromAdjacency, entryWeights, triangleMeasures, type BetweennessRequest, type CompactMeasures } from './compact-measures.js';
import { buildAdjacency, type Adjacency } from '../network/adjacency.js';
import { comparePeriodsOf, withoutConvenorOf } from './compare.js';
import { safeModel } from './safe.js';
import { eventRows, headlineOf, sectorShares } from './tables.js';
import { tieAt, tieDatesOf, tieRows, tieTableCounts, tieTableOf, type TieTable } from './tie-table.js';
import {
  GROWTH_STEPS,
  type Analysis,
  type AnalysisScale,
  type GraphSelection,
  type GrowthRow,
  type GrowthStep,
  type LevelScale,
  type LocalText,
  type OrganisationRow,
  type OrganisationTieRow,
  type PersonRow,
  type PersonTieRow,
  type ResolvedAnalyzeOptions,
  type SignificanceNote,
} from './types.js';

/** Betweenness of `analyze`: exact below the limits, else sampled (auto); always exact; always sampled; never. */
export const ANALYZE_BETWEENNESS = ['auto', 'exact', 'sampled', 'skip'] as const;
export type AnalyzeBetweenness = (typeof ANALYZE_BETWEENNESS)[number];

/** Options of `analyze`: every network option plus time, attention and output choices. */
export interface AnalyzeOptions {
  /** Date of the analysis: everything up to it counts; recency is judged against it. Default: null (the last event's date). */
  asOf?: string | null;
  /** Rolling window for "active" people and organisations in growth.csv. Default: "12m". */
  window?: string;
  /** Strong when the strength basis reaches this. Default: 3. */
  strongMin?: number;
  /** What makes a tie strong. Default: "shared_events". */
  strengthBasis?: NetworkOptions['strengthBasis'];
  /** A tie is fading when its last shared event is older than this before the as-of date. Default: "9m". */
  fadeAfter?: string;
  /** An organisation is drifting after this long without attendance. Default: "6m". */
  driftAfter?: string;
  /** Events larger than this create no ties (they stay as attendance). Default: null (no limit). */
  maxEventSize?: number | null;
  /** The convenor (coordinating organisation), by id or name, for `convenor_dependent` and "without the convenor". Default: null. */
  convenor?: string | null;
  /** Significance level. Default: 0.05. */
  alpha?: number;
  /** Multiple-testing correction. Default: "none". */
  correction?: NetworkOptions['correction'];
  /** Null model behind p-values. Default: "hypergeometric". */
  backbone?: NetworkOptions['backbone'];
  /** Growth rows per event date, month or quarter. Default: "month". */
  every?: GrowthStep;
  /** Seed of every random choice (Louvain). Default: 1. */
  seed?: number;
  /** People become codes, roles are dropped, before anything is computed. Default: false. */
  safe?: boolean;
  /** Weight per event type for `weighted`. Default: {} (every event weighs 1). */
  eventTypeWeights?: Readonly<Record<string, number>>;
  /** Length in months of the two periods compared (first vs last). Default: 6. */
  compareMonths?: number;
  /** Called between stages (for progress display). Default: none. */
  onProgress?: ((stage: string, done: number, total: number) => void) | null;
  /**
   * Size threshold, in ties, of one network (people or organisations). Above it: ties are kept as columns only
   * (`tieTables`; `personTies` / `organisationTies` and `tieDates` are left empty), communities come from the
   * compact Louvain, and network.gexf / network.graphml hold no people (person level) or only the `graphLimit`
   * ties with most shared events (organisation level). Default: 25000.
   */
  graphLimit?: number;
  /**
   * Betweenness: "auto" (exact up to `betweennessMaxNodes` nodes and `betweennessLimit` adjacency visits, else
   * the Brandes & Pich 2007 pivot estimate with its standard error), "exact", "sampled" or "skip" (empty
   * columns). Default: "auto".
   */
  betweenness?: AnalyzeBetweenness;
  /**
   * Switch point of "auto", in adjacency visits of one exact pass (nodes × 2 × ties). Default:
   * `BETWEENNESS_EXACT_MAX_WORK` (2e10: the bench's M person network, 1.3e10, is exact; L is sampled).
   */
  betweennessLimit?: number;
  /** Switch point of "auto", in nodes. Default: `BETWEENNESS_EXACT_MAX_NODES` (20,000). */
  betweennessMaxNodes?: number;
  /**
   * Work budget of one sampled pass, in adjacency visits per thread (the threads of `betweennessRunner`, 1 in
   * `analyze`): pivots = ⌊budget × threads / (2 × ties)⌋, at least `BETWEENNESS_MIN_PIVOTS` (100), at most
   * the nodes. Default: `ANALYZE_BETWEENNESS_BUDGET` (1e9), a quarter of the library's `BETWEENNESS_SAMPLE_WORK`
   * because `analyze` runs four sampled passes (people and organisations, unweighted and weighted).
   */
  betweennessBudget?: number;
  /** Pivots of the sampled estimate, overriding `betweennessBudget` (e.g. to reproduce a run). Default: null. */
  betweennessPivots?: number | null;
  /** Runs the betweenness passes of `analyzeAsync` (e.g. worker threads); results are identical. Default: null (in thread). */
  betweennessRunner?: BetweennessRunner | null;
}

/**
 * Sampled betweenness work of `analyze` per pass and thread (adjacency visits). Its four passes at this budget
 * keep `mycorrhiza analyze` on the L bench file (96k people, 7.6M ties) under two minutes on two cores, with the
 * stated error in the report (people ±37%, organisations ±7% for the top value there); raise it for a sharper
 * estimate (`--betweenness-budget 4e9`: ±22% for people, four times the betweenness time).
 */
export const ANALYZE_BETWEENNESS_BUDGET = 1e9;

export const ANALYZE_DEFAULTS: Readonly<Required<AnalyzeOptions>> = Object.freeze({
  asOf: null,
  window: '12m',
  strongMin: NETWORK_DEFAULTS.strongMin,
  strengthBasis: NETWORK_DEFAULTS.strengthBasis,
  fadeAfter: NETWORK_DEFAULTS.fadeAfter,
  driftAfter: '6m',
  maxEventSize: null,
  convenor: null,
  alpha: NETWORK_DEFAULTS.alpha,
  correction: NETWORK_DEFAULTS.correction,
  backbone: NETWORK_DEFAULTS.backbone,
  every: 'month',
  seed: 1,
  safe: false,
  eventTypeWeights: Object.freeze({}) as Readonly<Record<string, number>>,
  compareMonths: 6,
  onProgress: null,
  graphLimit: 25_000,
  betweenness: 'auto',
  betweennessLimit: BETWEENNESS_DEFAULTS.exactMaxWork,
  betweennessMaxNodes: BETWEENNESS_DEFAULTS.exactMaxNodes,
  betweennessBudget: ANALYZE_BETWEENNESS_BUDGET,
  betweennessPivots: null,
  betweennessRunner: null,
});

const STAGES = ['growth', 'comparison', 'networks', 'organisations', 'attention'] as const;

function significanceNote(bb: TieProfileColumns['backbone'], table: TieTable): SignificanceNote {
  let minP: number | null = null;
  let significant = 0;
  for (let t = 0; t < table.length; t++) {
    const p = table.pValue[t]!;
    if (Number.isFinite(p) && (minP === null || p < minP)) minP = p;
    significant += table.significant[t]!;
  }
  const warning: LocalText | null = bb.warning?.message ? { en: bb.warning.message, nl: bb.warning.messageNl ?? bb.warning.message } : null;
  return { tested: bb.tested, significant, minP, warning };
}

/**
 * Ties for the network files: all of them up to `limit`, otherwise the `limit` ties with most shared events
 * (then highest Newman weight, then row order), listed in row order.
 */
function graphTieSelection(table: TieTable, limit: number): Int32Array {
  const m = table.length;
  if (m <= limit) return Int32Array.from({ length: m }, (_, k) => tieAt(table, k));
  // Row position of each tie (the tie number itself when rows are in tie order).
  let rank: Int32Array | null = null;
  if (table.order) {
    rank = new Int32Array(m);
    for (let k = 0; k < m; k++) rank[table.order[k]!] = k;
  }
  const rankOf = (t: number) => (rank ? rank[t]! : t);
  // The cut: the shared-event count s* such that fewer than `limit` ties have more and at least `limit` have
  // s* or more. Ties above it are all taken; those at it are ranked by Newman weight, then row order.
  let top = 0;
  for (let t = 0; t < m; t++) if (table.shared[t]! > top) top = table.shared[t]!;
  const count = new Float64Array(top + 2);
  for (let t = 0; t < m; t++) count[table.shared[t]!]!++;
  let cut = top, above = 0;
  while (cut > 0 && above + count[cut]! < limit) above += count[cut--]!;
  const chosen: number[] = [];
  const tied: number[] = [];
  for (let t = 0; t < m; t++) {
    const s = table.shared[t]!;
    if (s > cut) chosen.push(t);
    else if (s === cut) tied.push(t);
  }
  tied.sort((a, b) => table.newman[b]! - table.newman[a]! || rankOf(a) - rankOf(b));
  for (let k = 0; chosen.length < limit && k < tied.length; k++) chosen.push(tied[k]!);
  return Int32Array.from(chosen).sort((a, b) => rankOf(a) - rankOf(b));
}

/** Validate merged analyze options; throws InvalidOptionError on the first bad field. */
export function validateAnalyzeOptions(o: Required<AnalyzeOptions>): void {
  const who = 'analyze';
  parseDuration(o.window, who, 'window');
  parseDuration(o.driftAfter, who, 'driftAfter');
  assertOneOf(who, 'every', o.every, GROWTH_STEPS);
  assertInteger(who, 'seed', o.seed);
  assertInteger(who, 'compareMonths', o.compareMonths, 1);
  if (typeof o.safe !== 'boolean') throw new InvalidOptionError(who, 'safe', o.safe, 'a boolean');
  assertInteger(who, 'graphLimit', o.graphLimit, 0);
  assertOneOf(who, 'betweenness', o.betweenness, ANALYZE_BETWEENNESS);
  assertNumber(who, 'betweennessLimit', o.betweennessLimit, 0);
  assertInteger(who, 'betweennessMaxNodes', o.betweennessMaxNodes, 0);
  if (typeof o.betweennessBudget !== 'number' || !(o.betweennessBudget > 0) || o.betweennessBudget === Infinity)
    throw new InvalidOptionError(who, 'betweennessBudget', o.betweennessBudget, 'a finite number > 0 (adjacency visits per thread)');
  if (o.betweennessPivots !== null) assertInteger(who, 'betweennessPivots', o.betweennessPivots, 1);
  if (o.betweennessRunner !== null && typeof o.betweennessRunner !== 'function') throw new InvalidOptionError(who, 'betweennessRunner', o.betweennessRunner, 'a function or null');
}

/** Run the whole analysis of a model (betweenness in this thread). */
export function analyze(inputModel: AttendanceModel, options?: AnalyzeOptions): Analysis {
  const steps = analysisSteps(inputModel, options);
  let next = steps.next();
  while (!next.done) next = steps.next(betweennessValues(next.value.csr, next.value.options));
  return next.value;
}

/** `analyze` with the betweenness passes handed to `options.betweennessRunner` (e.g. worker threads); same result. */
export async function analyzeAsync(inputModel: AttendanceModel, options?: AnalyzeOptions): Promise<Analysis> {
  const runner = options?.betweennessRunner ?? null;
  const steps = analysisSteps(inputModel, options);
  let next = steps.next();
  while (!next.done) next = steps.next(await betweennessValuesAsync(next.value.csr, { ...next.value.options, runner }));
  return next.value;
}

/** What one level of the analysis keeps: its tie columns, node measures and significance note. */
interface LevelResult {
  table: TieTable;
  measures: CompactMeasures;
  significance: SignificanceNote;
  /** The level's adjacency when asked to keep it (attention reads the organisation network's), else null. */
  adjacency: Adjacency | null;
}

/**
 * Tie profile, tie columns and node measures of one projection. Large networks (more than `graphLimit` ties)
 * build one adjacency and one array of entry weights and share them between the tie profile, the pass over the
 * triangles (common neighbours of each tie and Burt's measures of each node, Σ over ties of the smaller degree
 * instead of Σ deg²), betweenness, core numbers and Louvain; neighbourhood overlap and jaccard are not stored
 * but derived per row. Everything but the kept columns is garbage when this returns.
 */
function* levelOf(
  model: AttendanceModel,
  proj: Projection & (PersonProjection | OrganisationProjection),
  plan: { louvain: 'graphology' | 'compact'; betweenness: BetweennessValuesOptions | null },
  o: Required<AnalyzeOptions>,
  keepAdjacency: boolean,
): Generator<BetweennessRequest, LevelResult, BetweennessArrays> {
  const ids = (proj.level === 'person' ? model.people : model.organisations).map((x) => x.id);
  if (proj.length <= o.graphLimit) {
    const prof = tieProfiles(model, proj, { dates: false, overlap: false });
    const table = tieTableOf(model, proj, prof);
    const measures = yield* compactNodeMeasures(proj, prof, ids, { seed: o.seed, louvain: plan.louvain, betweenness: plan.betweenness, holes: null });
    return { table, measures, significance: significanceNote(prof.backbone, table), adjacency: keepAdjacency ? prof.adjacency : null };
  }
  const large = largeLevel(model, proj, ids, keepAdjacency);
  const measures = yield* compactNodeMeasures(proj, large, ids, { seed: o.seed, louvain: plan.louvain, betweenness: plan.betweenness, holes: large.holes, csr: large.csr });
  return { table: large.table, measures, significance: large.significance, adjacency: large.adjacency };
}

/** The shared structures of a large level (a plain function, so that its scratch dies when it returns). */
function largeLevel(model: AttendanceModel, proj: PersonProjection | OrganisationProjection, ids: readonly string[], keepAdjacency: boolean) {
  const adjacency = buildAdjacency(proj.nodeCount, proj.src, proj.tgt, proj.length);
  const weight = entryWeights(adjacency, proj.shared);
  const holes = triangleMeasures(adjacency, proj.shared, weight);
  const prof = tieProfiles(model, proj, { adjacency, common: holes.common, dates: false, overlap: false });
  const table = tieTableOf(model, proj, prof);
  // The entry -> tie numbers (`adjacency.edge`) are garbage after this unless the caller keeps the adjacency.
  return {
    table,
    significance: significanceNote(prof.backbone, table),
    strong: prof.strong,
    holes,
    csr: csrFromAdjacency(proj, adjacency, weight, ids),
    adjacency: keepAdjacency ? adjacency : null,
  };
}

/** The analysis as steps: it yields each betweenness pass it needs and receives the values. */
function* analysisSteps(inputModel: AttendanceModel, options?: AnalyzeOptions): Generator<BetweennessRequest, Analysis, BetweennessArrays> {
  const o = resolveOptions(ANALYZE_DEFAULTS, options);
  validateAnalyzeOptions(o);
  const progress = (stage: (typeof STAGES)[number]) => o.onProgress?.(stage, STAGES.indexOf(stage), STAGES.length);
  const model = o.safe ? safeModel(inputModel) : inputModel;
  const dated = model.dated;

  const firstDate = model.events.find((e) => e.date !== null)?.date ?? null;
  let lastDate: string | null = null;
  for (const e of model.events) if (e.date !== null && (o.asOf === null || e.date <= o.asOf)) lastDate = e.date;
  const asOf = o.asOf ?? lastDate;
  const net: NetworkOptions = {
    to: dated ? asOf : null,
    asOf: dated ? asOf : null,
    maxEventSize: o.maxEventSize,
    eventTypeWeights: o.eventTypeWeights,
    strongMin: o.strongMin,
    strengthBasis: o.strengthBasis,
    fadeAfter: o.fadeAfter,
    alpha: o.alpha,
    correction: o.correction,
    backbone: o.backbone,
  };
  const resolved = resolveNetworkOptions(model, net, 'analyze');

  // Growth and the period comparison need only the model: done first, so that their scratch (a replay of every
  // event, the projections of two periods) is garbage before the whole networks are built.
  progress('growth');
  let growth: GrowthRow[] = [];
  if (dated && asOf !== null) {
    const series = growthSeries(model, { ...net, every: o.every, window: o.window });
    growth = series.rows;
  }
  progress('comparison');
  const comparison = dated && firstDate !== null && asOf !== null ? comparePeriodsOf(model, net, firstDate, asOf, o.compareMonths) : null;

  const levelPlan = (proj: Projection) => {
    let nodes = 0;
    for (let v = 0; v < proj.nodeCount; v++) nodes += proj.nodes.present[v]!;
    const small = proj.length <= o.graphLimit;
    // The switch point and the pivot budget are the betweenness defaults unless given; the pivot count is
    // chosen per pass from the budget and the runner's threads (`planBetweenness`).
    const betweenness: BetweennessValuesOptions | null =
      o.betweenness === 'skip'
        ? null
        : { mode: o.betweenness, exactMaxNodes: o.betweennessMaxNodes, exactMaxWork: o.betweennessLimit, pivots: o.betweennessPivots, sampleWork: o.betweennessBudget, seed: o.seed };
    return { rows: small, louvain: small ? ('graphology' as const) : ('compact' as const), betweenness, nodes };
  };
  // One level at a time, each freeing its scratch (adjacency, entry weights, triangles) before the next is built.
  progress('networks');
  const pproj = projectPersons(model, resolved);
  const pPlan = levelPlan(pproj);
  const { table: personTable, measures: pMeasures, significance: pSignificance } = yield* levelOf(model, pproj, pPlan, o, false);
  progress('organisations');
  const oproj = projectOrganisations(model, resolved);
  const oPlan = levelPlan(oproj);
  const { table: orgTable, measures: oMeasures, significance: oSignificance, adjacency: oAdjacency } = yield* levelOf(model, oproj, oPlan, o, true);
  const pm = pMeasures.rows, om = oMeasures.rows;

  const people: PersonRow[] = [];
  for (let v = 0; v < pproj.nodeCount; v++) {
    if (!pproj.nodes.present[v]) continue;
    const p = model.people[v]!;
    const org = pproj.organisation[v]!;
    people.push({
      id: p.id,
      name: p.name,
      organisation: org >= 0 ? model.organisations[org]!.name : null,
      events: pproj.nodes.events[v]!,
      first_seen: model.events[pproj.nodes.firstEvent[v]!]!.date,
      last_seen: model.events[pproj.nodes.lastEvent[v]!]!.date,
      ...pm[v]!,
      organisation_id: org >= 0 ? model.organisations[org]!.id : null,
    });
  }
  if (personTable.order) people.sort((a, b) => (a.id < b.id ? -1 : 1));

  const rowsOf = <T>(table: TieTable, keep: boolean): T[] => (keep ? (Array.from(tieRows(table)) as T[]) : []);
  const personTies = rowsOf<PersonTieRow>(personTable, pPlan.rows);
  const organisationTies = rowsOf<OrganisationTieRow>(orgTable, oPlan.rows);

  progress('attention');
  // Same entries as `attentionEntries(model, …)`, judged on the projection already built (no graph copy).
  const attention = compactAttention(model, oproj, oAdjacency!, orgTable.strong, { net, resolved, driftAfter: o.driftAfter, convenor: o.convenor });
  const scoreOf = new Map(attention.map((a) => [a.id, a]));

  const organisationRows: OrganisationRow[] = [];
  for (let v = 0; v < oproj.nodeCount; v++) {
    if (!oproj.nodes.present[v]) continue;
    const info = model.organisations[v]!;
    const m = om[v]!;
    const att = scoreOf.get(info.id);
    organisationRows.push({
      id: info.id,
      name: info.name,
      sector: info.sector,
      region: info.region,
      people: oproj.people[v]!,
      events: oproj.nodes.events[v]!,
      first_seen: model.events[oproj.nodes.firstEvent[v]!]!.date,
      last_seen: model.events[oproj.nodes.lastEvent[v]!]!.date,
      degree: m.degree,
      strong_ties: m.strong_ties,
      weak_ties: m.weak_ties,
      internal_ties: oproj.internalTies[v]!,
      betweenness: m.betweenness,
      constraint: m.constraint,
      core: m.core,
      community: m.community,
      attention_score: att?.score ?? 0,
      strength: m.strength,
      newman_strength: m.newman_strength,
      betweenness_weighted: m.betweenness_weighted,
      effective_size: m.effective_size,
      attention_reasons: att ? att.reasons.map((r) => r.code).join('; ') : '',
    });
  }
  if (orgTable.order) organisationRows.sort((a, b) => (a.id < b.id ? -1 : 1));

  const withoutConvenor = o.convenor ? withoutConvenorOf(model, net, o.convenor, oproj) : null;

  const events = eventRows(model, resolved);

  // Network files: organisations always, people only when their ties fit under the graph limit.
  const graphPeople = pproj.length <= o.graphLimit;
  const gPerson = graphPeople ? graphTieSelection(personTable, o.graphLimit) : new Int32Array(0);
  const gOrg = graphTieSelection(orgTable, o.graphLimit);
  const datesFor = (proj: PersonProjection | OrganisationProjection, table: TieTable, chosen: Int32Array): string[][] => {
    if (!dated || chosen.length === 0) return chosen.length ? Array.from(chosen, () => []) : [];
    const keep = new Uint8Array(table.length);
    for (const t of chosen) keep[t] = 1;
    const all = tieDatesOf(model, proj, keep);
    return Array.from(chosen, (t) => all[t] ?? []);
  };
  const personDates = datesFor(pproj, personTable, gPerson);
  const orgDates = datesFor(oproj, orgTable, gOrg);
  const graph: GraphSelection = { people: graphPeople, personTies: gPerson, organisationTies: gOrg, personDates, organisationDates: orgDates };
  // Row-aligned dates (small networks: the graph holds every tie, in row order).
  const tieDates = {
    person: pPlan.rows && graphPeople && gPerson.length === personTable.length ? personDates : pPlan.rows ? rowDates(model, pproj, personTable) : [],
    organisation: oPlan.rows && gOrg.length === orgTable.length ? orgDates : oPlan.rows ? rowDates(model, oproj, orgTable) : [],
  };
  const levelScale = (plan: ReturnType<typeof levelPlan>, m: CompactMeasures, table: TieTable, inGraph: Int32Array, shown: boolean): LevelScale => ({
    nodes: plan.nodes,
    ties: table.length,
    tieRows: plan.rows,
    communities: plan.louvain,
    betweenness: m.betweenness,
    graphTies: !shown ? 'none' : inGraph.length === table.length ? 'all' : 'strongest',
    graphTieCount: inGraph.length,
  });
  const scale: AnalysisScale = {
    graphLimit: o.graphLimit,
    betweennessLimit: o.betweennessLimit,
    betweennessMaxNodes: o.betweennessMaxNodes,
    betweennessMode: o.betweenness,
    person: levelScale(pPlan, pMeasures, personTable, gPerson, graphPeople),
    organisation: levelScale(oPlan, oMeasures, orgTable, gOrg, true),
    notes: [],
  };
  scale.notes = scaleNotes(scale);

  return {
    options: {
      asOf: o.asOf,
      window: o.window,
      strongMin: o.strongMin,
      strengthBasis: o.strengthBasis,
      fadeAfter: o.fadeAfter,
      driftAfter: o.driftAfter,
      maxEventSize: o.maxEventSize,
      convenor: o.convenor,
      alpha: o.alpha,
      correction: o.correction,
      backbone: o.backbone,
      every: o.every,
      seed: o.seed,
      safe: o.safe,
      eventTypeWeights: { ...o.eventTypeWeights },
      compareMonths: o.compareMonths,
    } satisfies ResolvedAnalyzeOptions,
    period: { first: firstDate, last: lastDate, asOf, dated },
    counts: {
      events: events.length,
      people: people.length,
      organisations: organisationRows.length,
      attendances: events.reduce((s, e) => s + e.people, 0),
    },
    headline: headlineOf(events, asOf),
    ties: { person: tieTableCounts(personTable), organisation: tieTableCounts(orgTable) },
    significance: { person: pSignificance, organisation: oSignificance },
    people,
    organisations: organisationRows,
    events,
    personTies,
    organisationTies,
    growth,
    attention,
    comparison,
    withoutConvenor,
    sectors: sectorShares(organisationRows),
    tieDates,
    tieTables: { person: personTable, organisation: orgTable },
    graph,
    scale,
  };
}

/** Dates of every tie in row order (used when the graph export holds a different set of ties). */
function rowDates(model: AttendanceModel, proj: PersonProjection | OrganisationProjection, table: TieTable): string[][] {
  if (!model.dated) return Array.from({ length: table.length }, () => []);
  const all = tieDatesOf(model, proj);
  return Array.from({ length: table.length }, (_, k) => all[tieAt(table, k)] ?? []);
}

const fmt = (n: number) => n.toLocaleString('en-US');
/** Dutch digit grouping (25.000), independent of the runtime's locale data. */
const fmtNl = (n: number) => fmt(n).replace(/,/g, '.');

/** Plain-language notes on what the size thresholds changed. */
export function scaleNotes(s: AnalysisScale): LocalText[] {
  const notes: LocalText[] = [];
  const levels = [['person', s.person, 'people', 'personen'], ['organisation', s.organisation, 'organisations', 'organisaties']] as const;
  for (const [, l, en, nl] of levels) {
    const b = l.betweenness;
    if (b.method === 'skipped')
      notes.push({ en: `Betweenness of ${en} was not computed (its columns are empty).`, nl: `Tussenpositie (betweenness) van ${nl} is niet berekend (die kolommen zijn leeg).` });
    else if (b.method === 'sampled') {
      const pct = (x: number, lang: 'en' | 'nl') => (lang === 'en' ? `${(100 * x).toFixed(1)}%` : `${(100 * x).toFixed(1).replace('.', ',')}%`);
      const stated = (lang: 'en' | 'nl'): string => {
        const parts: string[] = [];
        if (b.relativeError !== null)
          parts.push(lang === 'en' ? `${pct(b.relativeError, 'en')} for the highest value` : `${pct(b.relativeError, 'nl')} voor de hoogste waarde`);
        if (b.relativeErrorTop10 !== null)
          parts.push(lang === 'en' ? `${pct(b.relativeErrorTop10, 'en')} on average over the 10 highest` : `gemiddeld ${pct(b.relativeErrorTop10, 'nl')} over de 10 hoogste`);
        const w = b.weighted;
        if (w && w.relativeError !== null && w.relativeErrorTop10 !== null)
          parts.push(lang === 'en' ? `weighted: ${pct(w.relativeError, 'en')} and ${pct(w.relativeErrorTop10, 'en')}` : `gewogen: ${pct(w.relativeError, 'nl')} en ${pct(w.relativeErrorTop10, 'nl')}`);
        if (parts.length === 0) return '';
        // Coverage of ±2 standard errors as measured for the top 20 of the bench's M network (3 seeds each):
        // 80% with 100 sources, 90% with 300, 95% with 1,000 (few sources miss rare large contributions).
        const cover = b.pivots >= 1000 ? 95 : b.pivots >= 300 ? 90 : 80;
        return lang === 'en'
          ? ` Stated error (relative standard error of the estimate): ${parts.join('; ')}; with ${fmt(b.pivots)} sources a true value lies within two standard errors of its estimate in about ${cover}% of cases.`
          : ` Opgegeven fout (relatieve standaardfout van de schatting): ${parts.join('; ')}; met ${fmt(b.pivots).replace(/,/g, '.')} bronnen ligt een werkelijke waarde in ongeveer ${cover}% van de gevallen binnen twee standaardfouten van de schatting.`;
      };
      const seed = b.seed === null ? '' : `, seed ${b.seed}`;
      const asked = s.betweennessMode === 'sampled';
      const maxNodes = s.betweennessMaxNodes;
      const limitEn = maxNodes === undefined ? '' : ` (${fmt(maxNodes)} nodes or ${s.betweennessLimit.toExponential()} path-search steps)`;
      const limitNl = maxNodes === undefined ? '' : ` (${fmtNl(maxNodes)} knopen of ${s.betweennessLimit.toExponential()} zoekstappen)`;
      notes.push({
        en: `Betweenness of ${en} is an estimate, not exact: from ${fmt(b.pivots)} sampled sources (Brandes & Pich 2007${seed}), ${asked ? 'as asked (betweenness: sampled)' : `because ${fmt(l.nodes)} nodes and ${fmt(l.ties)} ties are above the limit for exact values${limitEn}`}.${stated('en')}`,
        nl: `Tussenpositie (betweenness) van ${nl} is een schatting, niet exact: uit ${fmtNl(b.pivots)} steekproefbronnen (Brandes & Pich 2007${seed.replace('seed', 'kiem')}), ${asked ? 'zoals gevraagd (betweenness: sampled)' : `omdat ${fmtNl(l.nodes)} knopen en ${fmtNl(l.ties)} banden boven de grens voor exacte waarden liggen${limitNl}`}.${stated('nl')}`,
      });
    }
    if (l.communities === 'compact')
      notes.push({
        en: `Communities of ${en} come from the compact Louvain implementation (more than ${fmt(s.graphLimit)} ties).`,
        nl: `Gemeenschappen van ${nl} komen uit de compacte Louvain-implementatie (meer dan ${fmtNl(s.graphLimit)} banden).`,
      });
    if (l.graphTies === 'none')
      notes.push({
        en: `network.gexf and network.graphml leave out ${en} and their ${fmt(l.ties)} ties (more than ${fmt(s.graphLimit)}); all ties are in the CSV tables.`,
        nl: `network.gexf en network.graphml laten ${nl} en hun ${fmtNl(l.ties)} banden weg (meer dan ${fmtNl(s.graphLimit)}); alle banden staan in de CSV-tabellen.`,
      });
    else if (l.graphTies === 'strongest')
      notes.push({
        en: `network.gexf and network.graphml hold the ${fmt(l.graphTieCount)} ${en === 'people' ? 'person' : 'organisation'} ties with most shared events out of ${fmt(l.ties)}; all ties are in the CSV tables.`,
        nl: `network.gexf en network.graphml bevatten de ${fmtNl(l.graphTieCount)} banden met de meeste gedeelde activiteiten van de ${fmtNl(l.ties)}; alle banden staan in de CSV-tabellen.`,
      });
  }
  return notes;
}
