/**
 * Before/after comparison of two periods (default: the first and the last six months) and the network
 * "without the convenor". Both are built from the same projections as the network builders (`from`/`to`
 * windows and `exclude`), so they follow the same tie rules as the rest of the analysis, without copying
 * millions of ties into graphs.
 */
import { addMonths, dayToIso, isoToDay } from '../model/dates.js';
import { findOrganisation } from '../network/options.js';
import { projectOrganisations, projectPersons, type OrganisationProjection, type Projection } from '../network/project.js';
import { tieProfiles } from '../network/tie-profile.js';
import { tieClass } from '../ties/classify.js';
import type { NetworkOptions } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import type { Comparison, ComparisonFigure, TieRef, WithoutConvenor } from './types.js';

/**
 * The two periods compared: the first `months` months from `first` and the last `months` months up to `asOf`.
 * When the data span less than two such periods, the span is cut in two halves instead.
 */
export function comparisonPeriods(first: string, asOf: string, months: number): { before: { from: string; to: string }; after: { from: string; to: string } } | null {
  const a = isoToDay(first), b = isoToDay(asOf);
  if (b - a < 2) return null;
  const beforeEnd = dayToIso(isoToDay(addMonths(first, months)) - 1);
  const afterStart = dayToIso(isoToDay(addMonths(asOf, -months)) + 1);
  if (beforeEnd < afterStart) return { before: { from: first, to: beforeEnd }, after: { from: afterStart, to: asOf } };
  const mid = a + Math.floor((b - a) / 2);
  return { before: { from: first, to: dayToIso(mid) }, after: { from: dayToIso(mid + 1), to: asOf } };
}

/** Day on which each person / organisation was first seen in the whole data (null: never on a dated event). */
function firstSeenDates(model: AttendanceModel, level: 'person' | 'organisation'): (string | null)[] {
  const a = model.attendance;
  const col = level === 'person' ? a.person : a.organisation;
  const out: (string | null)[] = new Array(level === 'person' ? model.people.length : model.organisations.length).fill(null);
  // Rows are in chronological event order: the first dated row of an actor is its first day.
  for (let i = 0; i < a.length; i++) {
    const v = col[i]!;
    if (v < 0 || out[v] !== null) continue;
    const d = model.events[a.event[i]!]!.date;
    if (d !== null) out[v] = d;
  }
  return out;
}

function countBetween(dates: readonly (string | null)[], from: string, to: string): number {
  let n = 0;
  for (const d of dates) if (d !== null && d >= from && d <= to) n++;
  return n;
}

function presentCount(p: Projection): number {
  let n = 0;
  for (let v = 0; v < p.nodeCount; v++) n += p.nodes.present[v]!;
  return n;
}

/** Figures of one period and the organisation ties formed in it (from the projections, no graph). */
function periodFigures(model: AttendanceModel, net: NetworkOptions, from: string, to: string, firstSeen: { person: (string | null)[]; organisation: (string | null)[] }) {
  const w: NetworkOptions = { ...net, from, to, asOf: to };
  const persons = projectPersons(model, w);
  const orgs = projectOrganisations(model, w, { personCounts: false });
  // Strong ties: the backbone (and so the whole tie profile) is needed only when strength means significance.
  const r = orgs.options;
  const significant = r.strengthBasis === 'significant' ? tieProfiles(model, orgs).backbone.significant : null;
  let events = 0;
  for (const e of model.events) if (e.date !== null && e.date >= from && e.date <= to) events++;
  let repeat = 0;
  for (let v = 0; v < persons.nodeCount; v++) if (persons.nodes.present[v] && persons.nodes.events[v]! > 1) repeat++;
  let strong = 0;
  const weighted = orgs.uniformWeight ? orgs.shared : orgs.weighted;
  for (let t = 0; t < orgs.length; t++) if (tieClass(r.strengthBasis, r.strongMin, orgs.shared[t]!, weighted[t]!, significant?.[t] === 1) === 'strong') strong++;
  const people = presentCount(persons);
  const figures: Record<string, number> = {
    events,
    people,
    organisations: presentCount(orgs),
    new_people: countBetween(firstSeen.person, from, to),
    new_organisations: countBetween(firstSeen.organisation, from, to),
    person_ties: persons.length,
    organisation_ties: orgs.length,
    strong_organisation_ties: strong,
    repeat_share: people ? repeat / people : 0,
  };
  return { figures, orgs };
}

/**
 * The first `limit` organisation ties of `p` that pass `keep`, ordered by shared events (descending), then names
 * ("en" collation), then source id, and how many pass in all. Only the kept ones become objects: a bounded
 * insertion keeps the best `limit` (a new or lost tie list can hold millions of ties on large inputs).
 */
function tieRefs(model: AttendanceModel, p: OrganisationProjection, keep: (i: number, j: number) => boolean, limit: number): { refs: TieRef[]; count: number } {
  const collate = new Intl.Collator('en').compare;
  const orgs = model.organisations;
  const before = (x: TieRef, y: TieRef): boolean =>
    y.shared_events !== x.shared_events ? x.shared_events > y.shared_events : (collate(x.source_name + x.target_name, y.source_name + y.target_name) || (x.source < y.source ? -1 : 1)) < 0;
  const best: TieRef[] = [];
  let count = 0;
  for (let t = 0; t < p.length; t++) {
    const i = p.src[t]!, j = p.tgt[t]!;
    if (!keep(i, j)) continue;
    count++;
    if (limit === 0) continue;
    const worst = best.length === limit ? best[limit - 1]! : null;
    if (worst !== null && p.shared[t]! < worst.shared_events) continue;
    const s = orgs[i]!, g = orgs[j]!;
    const ref: TieRef = { source: s.id, target: g.id, source_name: s.name, target_name: g.name, shared_events: p.shared[t]! };
    if (worst !== null && !before(ref, worst)) continue;
    let at = best.length < limit ? best.length : limit - 1;
    best[at] = ref;
    while (at > 0 && before(best[at]!, best[at - 1]!)) {
      const x = best[at - 1]!;
      best[at - 1] = best[at]!;
      best[at] = x;
      at--;
    }
  }
  return { refs: best, count };
}

/** Longest list of new / lost ties kept in a comparison (report.json stays bounded); the counts are complete. */
export const COMPARISON_LIST_MAX = 500;

/** Compare the first and the last `months` months up to `asOf`; null when the data span a day or two. */
export function comparePeriodsOf(model: AttendanceModel, net: NetworkOptions, first: string, asOf: string, months: number): Comparison | null {
  const periods = comparisonPeriods(first, asOf, months);
  if (!periods) return null;
  const firstSeen = { person: firstSeenDates(model, 'person'), organisation: firstSeenDates(model, 'organisation') };
  const before = periodFigures(model, net, periods.before.from, periods.before.to, firstSeen);
  const after = periodFigures(model, net, periods.after.from, periods.after.to, firstSeen);
  // Organisation ties existing by the end of the before period (cumulative): a tie of the after period that is
  // not among them is new; a tie of the before period absent from the after period was not renewed.
  const until = projectOrganisations(model, { ...net, from: null, to: periods.before.to, asOf: periods.before.to }, { personCounts: false });
  const untilAfterStart = projectOrganisations(model, { ...net, from: null, to: dayToIso(isoToDay(periods.after.from) - 1), asOf: periods.after.from }, { personCounts: false });
  const figures: ComparisonFigure[] = Object.keys(before.figures).map((key) => ({ key, before: before.figures[key]!, after: after.figures[key]! }));
  const newTies = tieRefs(model, after.orgs, (i, j) => untilAfterStart.find(i, j) < 0 && until.find(i, j) < 0, COMPARISON_LIST_MAX);
  const lostTies = tieRefs(model, before.orgs, (i, j) => after.orgs.find(i, j) < 0, COMPARISON_LIST_MAX);
  return {
    before: periods.before,
    after: periods.after,
    figures,
    newTies: newTies.refs,
    lostTies: lostTies.refs,
    newTieCount: newTies.count,
    lostTieCount: lostTies.count,
  };
}

/** Connected components over the nodes present in a projection (isolated nodes count one each). */
export function projectionComponents(p: Projection): number {
  const parent = Int32Array.from({ length: p.nodeCount }, (_, v) => v);
  const root = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  let components = presentCount(p);
  for (let t = 0; t < p.length; t++) {
    const a = root(p.src[t]!), b = root(p.tgt[t]!);
    if (a !== b) {
      parent[a] = b;
      components--;
    }
  }
  return components;
}

/** The organisation network with the convenor and its staff left out: who would be unconnected. */
export function withoutConvenorOf(model: AttendanceModel, net: NetworkOptions, convenor: string, withProjection: OrganisationProjection): WithoutConvenor {
  const index = findOrganisation(model, convenor, 'analyze --convenor');
  const info = model.organisations[index]!;
  const without = projectOrganisations(model, { ...net, exclude: info.id }, { personCounts: false });
  const degree = (p: Projection): Int32Array => {
    const d = new Int32Array(p.nodeCount);
    for (let t = 0; t < p.length; t++) (d[p.src[t]!]!++, d[p.tgt[t]!]!++);
    return d;
  };
  const dWith = degree(withProjection), dWithout = degree(without);
  const unconnected: { id: string; name: string }[] = [];
  for (let v = 0; v < withProjection.nodeCount; v++) {
    if (!withProjection.nodes.present[v] || v === index) continue;
    if (dWith[v]! > 0 && (!without.nodes.present[v] || dWithout[v] === 0)) unconnected.push({ id: model.organisations[v]!.id, name: model.organisations[v]!.name });
  }
  return {
    convenor: { id: info.id, name: info.name },
    unconnected: unconnected.sort((a, b) => (a.id < b.id ? -1 : 1)),
    ties: { with: withProjection.length, without: without.length },
    components: { with: projectionComponents(withProjection), without: projectionComponents(without) },
  };
}
