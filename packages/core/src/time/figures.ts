/**
 * The figures of one growth row (PRODUCT.md §3 and the `growth.csv` columns of §5), and how to read them off
 * a snapshot's person and organisation graphs. The incremental growth series computes the same numbers
 * without building graphs; tests check that both agree at every date.
 */
import type { OrganisationGraph, PersonGraph } from '../network/types.js';

/** The `growth.csv` columns, in their contractual order. */
export const GROWTH_COLUMNS = [
  'date',
  'events',
  'people',
  'organisations',
  'new_people',
  'new_organisations',
  'person_ties',
  'strong_person_ties',
  'organisation_ties',
  'strong_organisation_ties',
  'weak_organisation_ties',
  'fading_organisation_ties',
  'person_density',
  'organisation_density',
  'person_components',
  'organisation_components',
  'largest_organisation_component_share',
  'repeat_share',
] as const;

/** Extra columns written after the contractual ones. */
export const GROWTH_EXTRA_COLUMNS = [
  'active_people',
  'active_organisations',
  'weak_person_ties',
  'fading_person_ties',
  'new_person_ties',
  'new_organisation_ties',
  'mean_person_degree',
  'mean_organisation_degree',
  'largest_person_component_share',
  'repeat_organisation_share',
] as const;

/** Every column of a growth row, contractual first. */
export const GROWTH_ALL_COLUMNS = [...GROWTH_COLUMNS, ...GROWTH_EXTRA_COLUMNS] as const;

/**
 * One row of the growth series: the cumulative network as of `date` (a type alias, so rows can be passed to
 * `toCsv` directly). "New" counts what was first seen (or first tied) after the previous row's date.
 */
export type GrowthRow = {
  /** As-of date of the row (ISO). */
  date: string;
  /** Events dated from the start of the series up to `date` (every event, also those above `maxEventSize`). */
  events: number;
  /** People seen so far (after leaving out an excluded organisation's staff). */
  people: number;
  organisations: number;
  /** People whose first attendance falls after the previous row's date. */
  new_people: number;
  new_organisations: number;
  person_ties: number;
  /** Person ties whose strength basis reaches `strongMin`. */
  strong_person_ties: number;
  organisation_ties: number;
  strong_organisation_ties: number;
  weak_organisation_ties: number;
  /** Organisation ties whose last shared event is more than `fadeAfter` before `date`. */
  fading_organisation_ties: number;
  /** 2·ties / (n·(n−1)), 0 below two people. */
  person_density: number;
  organisation_density: number;
  /** Connected components over everyone seen so far, isolated people included. */
  person_components: number;
  organisation_components: number;
  /** Organisations in the largest component / organisations seen (0 when none). */
  largest_organisation_component_share: number;
  /** Share of the people seen so far who came to more than one event (0 when none). */
  repeat_share: number;
  /** People who attended within the rolling window ending on `date` (option `window`, default 12 months). */
  active_people: number;
  active_organisations: number;
  weak_person_ties: number;
  fading_person_ties: number;
  /** Ties whose first shared event falls after the previous row's date. */
  new_person_ties: number;
  new_organisation_ties: number;
  /** 2·ties / n (0 when n = 0). */
  mean_person_degree: number;
  mean_organisation_degree: number;
  largest_person_component_share: number;
  /** Share of the organisations seen so far that came to more than one event. */
  repeat_organisation_share: number;
};

/** 2m / (n(n − 1)), 0 below two nodes. */
export function density(nodes: number, ties: number): number {
  return nodes < 2 ? 0 : (2 * ties) / (nodes * (nodes - 1));
}

/** a / b, 0 when b is 0. */
export function share(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Component count and largest component size of an undirected graph (isolated nodes count as components). */
export function componentSummary(graph: PersonGraph | OrganisationGraph): { count: number; largest: number } {
  const seen = new Set<string>();
  let count = 0, largest = 0;
  const stack: string[] = [];
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    count++;
    seen.add(start);
    stack.push(start);
    let size = 0;
    while (stack.length) {
      const v = stack.pop()!;
      size++;
      graph.forEachNeighbor(v, (w) => {
        if (!seen.has(w)) {
          seen.add(w);
          stack.push(w);
        }
      });
    }
    if (size > largest) largest = size;
  });
  return { count, largest };
}

/** What `rowFromGraphs` needs of a snapshot. */
export interface FigureSource {
  date: string;
  events: number;
  persons: PersonGraph;
  organisations: OrganisationGraph;
}

/**
 * Read a growth row off a snapshot's graphs.
 * @param previousDate Date of the previous row (null for the first): "new" means first seen after it.
 * @param activeFrom First day of the rolling window for the `active_*` columns.
 */
export function rowFromGraphs(s: FigureSource, previousDate: string | null, activeFrom: string): GrowthRow {
  const after = (d: string | null): boolean => d != null && (previousDate == null || d > previousDate);
  let newPeople = 0, repeatPeople = 0, activePeople = 0;
  s.persons.forEachNode((_, a) => {
    if (after(a.first_seen)) newPeople++;
    if (a.events > 1) repeatPeople++;
    if (a.last_seen != null && a.last_seen >= activeFrom) activePeople++;
  });
  let newOrgs = 0, repeatOrgs = 0, activeOrgs = 0;
  s.organisations.forEachNode((_, a) => {
    if (after(a.first_seen)) newOrgs++;
    if (a.events > 1) repeatOrgs++;
    if (a.last_seen != null && a.last_seen >= activeFrom) activeOrgs++;
  });
  let strongP = 0, fadingP = 0, newPT = 0;
  s.persons.forEachEdge((_, a) => {
    if (a.class === 'strong') strongP++;
    if (a.state === 'fading') fadingP++;
    if (after(a.first_shared)) newPT++;
  });
  let strongO = 0, fadingO = 0, newOT = 0;
  s.organisations.forEachEdge((_, a) => {
    if (a.class === 'strong') strongO++;
    if (a.state === 'fading') fadingO++;
    if (after(a.first_shared)) newOT++;
  });
  const nP = s.persons.order, nO = s.organisations.order, mP = s.persons.size, mO = s.organisations.size;
  const cP = componentSummary(s.persons), cO = componentSummary(s.organisations);
  return {
    date: s.date,
    events: s.events,
    people: nP,
    organisations: nO,
    new_people: newPeople,
    new_organisations: newOrgs,
    person_ties: mP,
    strong_person_ties: strongP,
    organisation_ties: mO,
    strong_organisation_ties: strongO,
    weak_organisation_ties: mO - strongO,
    fading_organisation_ties: fadingO,
    person_density: density(nP, mP),
    organisation_density: density(nO, mO),
    person_components: cP.count,
    organisation_components: cO.count,
    largest_organisation_component_share: share(cO.largest, nO),
    repeat_share: share(repeatPeople, nP),
    active_people: activePeople,
    active_organisations: activeOrgs,
    weak_person_ties: mP - strongP,
    fading_person_ties: fadingP,
    new_person_ties: newPT,
    new_organisation_ties: newOT,
    mean_person_degree: share(2 * mP, nP),
    mean_organisation_degree: share(2 * mO, nO),
    largest_person_component_share: share(cP.largest, nP),
    repeat_organisation_share: share(repeatOrgs, nO),
  };
}
