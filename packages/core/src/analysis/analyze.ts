/**
 * `analyze(model, options)`: the whole analysis an evaluator hands in, as plain tables and figures — people,
 * organisations, events, person and organisation ties, growth, partners needing attention, the before/after
 * comparison, "without the convenor", significance notes. The CLI writes it out; the viewer reuses it.
 * Deterministic: same model and options (seed included), same result.
 */
import { InvalidOptionError } from '../errors.js';
import { parseDuration } from '../model/dates.js';
import { organisationNetwork } from '../network/organisation-network.js';
import { NETWORK_DEFAULTS, resolveNetworkOptions } from '../network/options.js';
import { personNetwork } from '../network/person-network.js';
import type { NetworkOptions, OrganisationGraph, PersonGraph, TieAttributes } from '../network/types.js';
import { assertInteger, assertOneOf, resolveOptions } from '../options.js';
import { growthSeries } from '../time/growth.js';
import type { AttendanceModel } from '../types.js';
import { attentionEntries } from './attention-entries.js';
import { comparePeriodsOf, withoutConvenorOf } from './compare.js';
import { nodeMeasureRows } from './measures.js';
import { safeModel } from './safe.js';
import { eventRows, headlineOf, sectorShares, tieDateIndex } from './tables.js';
import {
  GROWTH_STEPS,
  type Analysis,
  type GrowthRow,
  type GrowthStep,
  type LocalText,
  type OrganisationRow,
  type OrganisationTieRow,
  type PersonRow,
  type PersonTieRow,
  type ResolvedAnalyzeOptions,
  type SignificanceNote,
  type TieCounts,
} from './types.js';

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
}

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
});

const STAGES = ['networks', 'measures', 'growth', 'attention', 'comparison'] as const;

function tieCounts(ties: readonly { class: string; state: string; significant: boolean }[]): TieCounts {
  const c: TieCounts = { total: 0, strong: 0, weak: 0, active: 0, fading: 0, strong_active: 0, strong_fading: 0, weak_active: 0, weak_fading: 0, significant: 0 };
  for (const t of ties) {
    c.total++;
    const k = `${t.class}_${t.state}` as 'strong_active';
    c[k]++;
    c[t.class as 'strong' | 'weak']++;
    c[t.state as 'active' | 'fading']++;
    if (t.significant) c.significant++;
  }
  return c;
}

function significanceNote(graph: PersonGraph | OrganisationGraph, ties: readonly { p_value: number | null; significant: boolean }[]): SignificanceNote {
  const attrs = graph.getAttributes() as { significance_warning?: string | null; significance_warning_nl?: string | null; tested?: number };
  let minP: number | null = null;
  for (const t of ties) if (t.p_value != null && (minP === null || t.p_value < minP)) minP = t.p_value;
  const warning: LocalText | null = attrs.significance_warning ? { en: attrs.significance_warning, nl: attrs.significance_warning_nl ?? attrs.significance_warning } : null;
  return { tested: attrs.tested ?? ties.length, significant: ties.filter((t) => t.significant).length, minP, warning };
}

function byIds(a: { source: string; target: string }, b: { source: string; target: string }): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
}

function tieBase(source: string, target: string, a: TieAttributes, names: (id: string) => string) {
  return {
    source,
    target,
    shared_events: a.shared_events,
    newman: a.newman,
    first_shared: a.first_shared,
    last_shared: a.last_shared,
    class: a.class,
    state: a.state,
    p_value: Number.isFinite(a.p_value) ? a.p_value : null,
    significant: a.significant,
    neighbourhood_overlap: a.neighbourhood_overlap,
    local_bridge: a.local_bridge,
    weighted: a.weighted,
    hours: a.hours,
    source_name: names(source),
    target_name: names(target),
  };
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
}

/** Run the whole analysis of a model. */
export function analyze(inputModel: AttendanceModel, options?: AnalyzeOptions): Analysis {
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

  progress('networks');
  const persons = personNetwork(model, net);
  const organisations = organisationNetwork(model, net);
  const personName = (id: string) => (persons.hasNode(id) ? persons.getNodeAttribute(id, 'name') : id);
  const orgName = (id: string) => (organisations.hasNode(id) ? organisations.getNodeAttribute(id, 'name') : id);
  const orgById = new Map(model.organisations.map((x) => [x.id, x]));

  progress('measures');
  const pm = nodeMeasureRows(persons, { seed: o.seed });
  const om = nodeMeasureRows(organisations, { seed: o.seed });

  const people: PersonRow[] = [];
  persons.forEachNode((id, a) => {
    const m = pm.get(id)!;
    people.push({
      id,
      name: a.name,
      organisation: a.organisation ? (orgById.get(a.organisation)?.name ?? a.organisation) : null,
      events: a.events,
      first_seen: a.first_seen,
      last_seen: a.last_seen,
      ...m,
      organisation_id: a.organisation,
    });
  });
  people.sort((a, b) => (a.id < b.id ? -1 : 1));

  const personTies: PersonTieRow[] = [];
  persons.forEachEdge((_key, a, s, t) => personTies.push({ ...tieBase(s, t, a, personName), jaccard: a.jaccard }));
  personTies.sort(byIds);
  const organisationTies: OrganisationTieRow[] = [];
  organisations.forEachEdge((_key, a, s, t) => organisationTies.push({ ...tieBase(s, t, a, orgName), person_pairs: a.person_pairs }));
  organisationTies.sort(byIds);

  progress('growth');
  let growth: GrowthRow[] = [];
  if (dated && asOf !== null) {
    const series = growthSeries(model, { ...net, every: o.every, window: o.window });
    growth = series.rows as unknown as GrowthRow[];
  }

  progress('attention');
  const attention = attentionEntries(model, { ...net, driftAfter: o.driftAfter, convenor: o.convenor });
  const scoreOf = new Map(attention.map((a) => [a.id, a]));

  const organisationRows: OrganisationRow[] = [];
  organisations.forEachNode((id, a) => {
    const m = om.get(id)!;
    const att = scoreOf.get(id);
    organisationRows.push({
      id,
      name: a.name,
      sector: a.sector,
      region: a.region,
      people: a.people,
      events: a.events,
      first_seen: a.first_seen,
      last_seen: a.last_seen,
      degree: m.degree,
      strong_ties: m.strong_ties,
      weak_ties: m.weak_ties,
      internal_ties: a.internal_ties,
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
  });
  organisationRows.sort((a, b) => (a.id < b.id ? -1 : 1));

  progress('comparison');
  const comparison = dated && firstDate !== null && asOf !== null ? comparePeriodsOf(model, net, firstDate, asOf, o.compareMonths) : null;
  const withoutConvenor = o.convenor ? withoutConvenorOf(model, net, o.convenor, organisations) : null;

  const events = eventRows(model, resolved);
  const personDates = dated ? tieDateIndex(model, resolved, 'person') : new Map<string, string[]>();
  const orgDates = dated ? tieDateIndex(model, resolved, 'organisation') : new Map<string, string[]>();

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
    ties: { person: tieCounts(personTies), organisation: tieCounts(organisationTies) },
    significance: { person: significanceNote(persons, personTies), organisation: significanceNote(organisations, organisationTies) },
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
    tieDates: {
      person: personTies.map((t) => personDates.get(`${t.source}--${t.target}`) ?? []),
      organisation: organisationTies.map((t) => orgDates.get(`${t.source}--${t.target}`) ?? []),
    },
  };
}
