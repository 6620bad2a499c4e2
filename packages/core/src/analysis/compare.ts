/**
 * Before/after comparison of two periods (default: the first and the last six months) and the network
 * "without the convenor". Both are built from the network builders with `from`/`to` windows and `exclude`,
 * so they follow the same tie rules as the rest of the analysis.
 */
import { countConnectedComponents } from 'graphology-components';
import { addMonths, dayToIso, isoToDay } from '../model/dates.js';
import { findOrganisation } from '../network/options.js';
import { organisationNetwork } from '../network/organisation-network.js';
import { personNetwork } from '../network/person-network.js';
import type { NetworkOptions, OrganisationGraph } from '../network/types.js';
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

/** Figures of one period and the organisation ties formed in it. */
function periodFigures(model: AttendanceModel, net: NetworkOptions, from: string, to: string) {
  const w: NetworkOptions = { ...net, from, to, asOf: to };
  const persons = personNetwork(model, w);
  const orgs = organisationNetwork(model, w);
  let events = 0;
  for (const e of model.events) if (e.date !== null && e.date >= from && e.date <= to) events++;
  let newPeople = 0, repeat = 0;
  persons.forEachNode((_n, a) => {
    if (a.events > 1) repeat++;
  });
  // New = first seen in the whole data inside this period.
  const firstSeen = (level: 'person' | 'organisation') => {
    const seen = new Map<number, string>();
    const a = model.attendance;
    for (let i = 0; i < a.length; i++) {
      const v = level === 'person' ? a.person[i]! : a.organisation[i]!;
      const d = model.events[a.event[i]!]!.date;
      if (v >= 0 && d !== null && !seen.has(v)) seen.set(v, d);
    }
    let n = 0;
    for (const d of seen.values()) if (d >= from && d <= to) n++;
    return n;
  };
  newPeople = firstSeen('person');
  let strong = 0;
  orgs.forEachEdge((_e, a) => {
    if (a.class === 'strong') strong++;
  });
  const figures: Record<string, number> = {
    events,
    people: persons.order,
    organisations: orgs.order,
    new_people: newPeople,
    new_organisations: firstSeen('organisation'),
    person_ties: persons.size,
    organisation_ties: orgs.size,
    strong_organisation_ties: strong,
    repeat_share: persons.order ? repeat / persons.order : 0,
  };
  return { figures, orgs };
}

function tieRefs(g: OrganisationGraph, keep: (key: string) => boolean): TieRef[] {
  const out: TieRef[] = [];
  g.forEachEdge((key, a, s, t) => {
    if (keep(key)) out.push({ source: s, target: t, source_name: g.getNodeAttribute(s, 'name'), target_name: g.getNodeAttribute(t, 'name'), shared_events: a.shared_events });
  });
  return out.sort((x, y) => y.shared_events - x.shared_events || (x.source_name + x.target_name).localeCompare(y.source_name + y.target_name, 'en') || (x.source < y.source ? -1 : 1));
}

/** Compare the first and the last `months` months up to `asOf`; null when the data span a day or two. */
export function comparePeriodsOf(model: AttendanceModel, net: NetworkOptions, first: string, asOf: string, months: number): Comparison | null {
  const periods = comparisonPeriods(first, asOf, months);
  if (!periods) return null;
  const before = periodFigures(model, net, periods.before.from, periods.before.to);
  const after = periodFigures(model, net, periods.after.from, periods.after.to);
  // Organisation ties existing by the end of the before period (cumulative): a tie of the after period that is
  // not among them is new; a tie of the before period absent from the after period was not renewed.
  const until = organisationNetwork(model, { ...net, from: null, to: periods.before.to, asOf: periods.before.to });
  const untilAfterStart = organisationNetwork(model, { ...net, from: null, to: dayToIso(isoToDay(periods.after.from) - 1), asOf: periods.after.from });
  const figures: ComparisonFigure[] = Object.keys(before.figures).map((key) => ({ key, before: before.figures[key]!, after: after.figures[key]! }));
  return {
    before: periods.before,
    after: periods.after,
    figures,
    newTies: tieRefs(after.orgs, (k) => !untilAfterStart.hasEdge(k) && !until.hasEdge(k)),
    lostTies: tieRefs(before.orgs, (k) => !after.orgs.hasEdge(k)),
  };
}

/** The organisation network with the convenor and its staff left out: who would be unconnected. */
export function withoutConvenorOf(model: AttendanceModel, net: NetworkOptions, convenor: string, withGraph: OrganisationGraph): WithoutConvenor {
  const index = findOrganisation(model, convenor, 'analyze --convenor');
  const info = model.organisations[index]!;
  const without = organisationNetwork(model, { ...net, exclude: info.id });
  const unconnected: { id: string; name: string }[] = [];
  withGraph.forEachNode((id, a) => {
    if (id === info.id) return;
    if (withGraph.degree(id) > 0 && (!without.hasNode(id) || without.degree(id) === 0)) unconnected.push({ id, name: a.name });
  });
  return {
    convenor: { id: info.id, name: info.name },
    unconnected: unconnected.sort((a, b) => (a.id < b.id ? -1 : 1)),
    ties: { with: withGraph.size, without: without.size },
    components: { with: countConnectedComponents(withGraph), without: countConnectedComponents(without) },
  };
}
