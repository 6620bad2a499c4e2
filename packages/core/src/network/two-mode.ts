/**
 * The two-mode (bipartite) network: people and/or organisations linked to the events they attended, plus
 * membership edges person–organisation (a person came for that organisation at least once in the window).
 * Same window, exclusion and `maxEventSize` rules as the projections (big events stay, flagged `creates_ties: false`).
 */
import Graph from 'graphology';
import { assertBoolean, assertOneOf, resolveOptions } from '../options.js';
import type { AttendanceModel } from '../types.js';
import { NETWORK_DEFAULTS, resolveNetworkOptions, type ResolvedNetworkOptions } from './options.js';
import { tieKey } from './person-network.js';
import { selectRows } from './selection.js';
import type { NetworkOptions } from './types.js';

export const TWO_MODE_ACTORS = ['people', 'organisations', 'both'] as const;
export type TwoModeActors = (typeof TWO_MODE_ACTORS)[number];

export interface TwoModeOptions extends NetworkOptions {
  /** Which actors join the events. Default: "both". */
  actors?: TwoModeActors;
  /** Add person–organisation membership edges (only when actors is "both"). Default: true. */
  membership?: boolean;
}

export const TWO_MODE_DEFAULTS: Readonly<Required<TwoModeOptions>> = Object.freeze({
  ...NETWORK_DEFAULTS,
  actors: 'both',
  membership: true,
});

export type TwoModeNodeKind = 'person' | 'organisation' | 'event';

/** Node attributes of the two-mode graph; fields not relevant to a kind are null. */
export interface TwoModeNodeAttributes {
  kind: TwoModeNodeKind;
  name: string;
  /** Person: organisation id at the last attendance naming one. */
  organisation: string | null;
  sector: string | null;
  region: string | null;
  /** Person / organisation: events attended in the window. Event: null. */
  events: number | null;
  first_seen: string | null;
  last_seen: string | null;
  /** Event: date, type, duration, distinct people and organisations present, and whether it creates ties. */
  date: string | null;
  event_type: string | null;
  duration_hours: number | null;
  people: number | null;
  organisations: number | null;
  creates_ties: boolean | null;
}

export interface TwoModeEdgeAttributes {
  kind: 'attendance' | 'membership';
  /** Membership: events at which the person came for the organisation. Attendance: 1. */
  events: number;
  first_seen: string | null;
  last_seen: string | null;
}

export type TwoModeGraph = Graph<TwoModeNodeAttributes, TwoModeEdgeAttributes>;

/** A person–organisation membership: the person came for the organisation at `events` events in the window. */
export interface Membership {
  person: string;
  organisation: string;
  events: number;
  first_seen: string | null;
  last_seen: string | null;
}

function kept(model: AttendanceModel, r: ResolvedNetworkOptions) {
  return selectRows(model, r);
}

/** Person–organisation memberships in the window (affiliation as on each row), ordered by person then organisation. */
export function membershipEdges(model: AttendanceModel, options?: NetworkOptions): Membership[] {
  const r = resolveNetworkOptions(model, options, 'membershipEdges');
  const s = kept(model, r);
  const a = model.attendance;
  const map = new Map<number, Membership>();
  const no = model.organisations.length;
  for (let i = s.rowFrom; i < s.rowTo; i++) {
    if (!s.rowKept[i - s.rowFrom]) continue;
    const p = a.person[i]!;
    const o = a.organisation[i]!;
    if (p < 0 || o < 0) continue;
    const date = model.events[a.event[i]!]!.date;
    const key = p * no + o;
    const m = map.get(key);
    if (m) {
      m.events++;
      m.last_seen = date;
    } else map.set(key, { person: model.people[p]!.id, organisation: model.organisations[o]!.id, events: 1, first_seen: date, last_seen: date });
  }
  return [...map.entries()].sort((x, y) => x[0] - y[0]).map((e) => e[1]);
}

const EMPTY: Omit<TwoModeNodeAttributes, 'kind' | 'name'> = {
  organisation: null,
  sector: null,
  region: null,
  events: null,
  first_seen: null,
  last_seen: null,
  date: null,
  event_type: null,
  duration_hours: null,
  people: null,
  organisations: null,
  creates_ties: null,
};

/** Build the two-mode graph: actor nodes, event nodes (kind "event"), attendance and membership edges. */
export function twoModeNetwork(model: AttendanceModel, options?: TwoModeOptions): TwoModeGraph {
  const o = resolveOptions(TWO_MODE_DEFAULTS, options);
  assertOneOf('twoModeNetwork', 'actors', o.actors, TWO_MODE_ACTORS);
  assertBoolean('twoModeNetwork', 'membership', o.membership);
  const { actors, membership, ...net } = o;
  const r = resolveNetworkOptions(model, net, 'twoModeNetwork');
  const s = kept(model, r);
  const a = model.attendance;
  const graph: TwoModeGraph = new Graph<TwoModeNodeAttributes, TwoModeEdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const withPeople = actors !== 'organisations';
  const withOrgs = actors !== 'people';
  const lastOrg = new Int32Array(model.people.length).fill(-1);
  for (let k = 0; k < s.eventCount; k++) {
    const e = s.eventFrom + k;
    const ev = model.events[e]!;
    if (s.eventPeople[k] === 0 && s.eventOrganisations[k] === 0) continue;
    graph.addNode(ev.id, {
      ...EMPTY,
      kind: 'event',
      name: ev.name,
      date: ev.date,
      event_type: ev.type,
      duration_hours: ev.durationHours,
      people: s.eventPeople[k]!,
      organisations: s.eventOrganisations[k]!,
      creates_ties: s.tieEvent[k] === 1,
    });
    for (let i = a.eventStart[e]!, end = a.eventStart[e + 1]!; i < end; i++) {
      if (!s.rowKept[i - s.rowFrom]) continue;
      const actorsHere: [number, 'person' | 'organisation'][] = [];
      if (withPeople && a.person[i]! >= 0) actorsHere.push([a.person[i]!, 'person']);
      if (withOrgs && a.organisation[i]! >= 0) actorsHere.push([a.organisation[i]!, 'organisation']);
      if (a.person[i]! >= 0 && a.organisation[i]! >= 0) lastOrg[a.person[i]!] = a.organisation[i]!;
      for (const [v, kind] of actorsHere) {
        const info = kind === 'person' ? model.people[v]! : model.organisations[v]!;
        if (!graph.hasNode(info.id)) {
          const org = kind === 'organisation' ? model.organisations[v]! : null;
          graph.addNode(info.id, {
            ...EMPTY,
            kind,
            name: info.name,
            sector: org?.sector ?? null,
            region: org?.region ?? null,
            events: 0,
            first_seen: ev.date,
          });
        }
        const key = tieKey(info.id, ev.id);
        if (graph.hasEdge(key)) continue;
        graph.addUndirectedEdgeWithKey(key, info.id, ev.id, { kind: 'attendance', events: 1, first_seen: ev.date, last_seen: ev.date });
        graph.updateNodeAttribute(info.id, 'events', (n) => (n ?? 0) + 1);
        graph.setNodeAttribute(info.id, 'last_seen', ev.date);
      }
    }
  }
  if (withPeople) {
    for (let p = 0; p < lastOrg.length; p++) {
      const id = model.people[p]!.id;
      if (lastOrg[p]! >= 0 && graph.hasNode(id)) graph.setNodeAttribute(id, 'organisation', model.organisations[lastOrg[p]!]!.id);
    }
  }
  if (actors === 'both' && membership) {
    for (const m of membershipEdges(model, net)) {
      graph.addUndirectedEdgeWithKey(tieKey(m.person, m.organisation), m.person, m.organisation, {
        kind: 'membership',
        events: m.events,
        first_seen: m.first_seen,
        last_seen: m.last_seen,
      });
    }
  }
  return graph;
}
