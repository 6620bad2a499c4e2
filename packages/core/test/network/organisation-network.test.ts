/**
 * A hand-made organisation-level fixture: 5 organisations (A–E), 7 people, 4 events, one person (p2) who
 * changes organisation (A at E1, B at E3), internal ties in A and D, and a row naming only an organisation (E at E3).
 * Every expected value is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, organisationNetwork, personNetwork, projectOrganisations, type AttendanceRecord } from '../../src/index.js';

//   E1 2023-01-10 training 2h   : p1@A, p2@A, p3@B, p4@C          orgs {A,B,C}   n_e = 3, newman 1/2
//   E2 2023-02-10 webinar  ?h   : p1@A, p3@B, p5@D                orgs {A,B,D}   n_e = 3, newman 1/2
//   E3 2023-03-10 training 3h   : p4@C, p6@D, p5@D, p2@B, (–)@E   orgs {B,C,D,E} n_e = 4, newman 1/3
//   E4 2023-04-10 intervisie 1.5h: p7@E, p6@D                     orgs {D,E}     n_e = 2, newman 1
const rows: [string, string, string, string | null, string, number | null][] = [
  ['E1', '2023-01-10', 'A', 'p1', 'training', 2],
  ['E1', '2023-01-10', 'A', 'p2', 'training', 2],
  ['E1', '2023-01-10', 'B', 'p3', 'training', 2],
  ['E1', '2023-01-10', 'C', 'p4', 'training', 2],
  ['E2', '2023-02-10', 'A', 'p1', 'webinar', null],
  ['E2', '2023-02-10', 'B', 'p3', 'webinar', null],
  ['E2', '2023-02-10', 'D', 'p5', 'webinar', null],
  ['E3', '2023-03-10', 'C', 'p4', 'training', 3],
  ['E3', '2023-03-10', 'D', 'p6', 'training', 3],
  ['E3', '2023-03-10', 'D', 'p5', 'training', 3],
  ['E3', '2023-03-10', 'B', 'p2', 'training', 3],
  ['E3', '2023-03-10', 'E', null, 'training', 3],
  ['E4', '2023-04-10', 'E', 'p7', 'intervisie', 1.5],
  ['E4', '2023-04-10', 'D', 'p6', 'intervisie', 1.5],
];
const records: AttendanceRecord[] = rows.map(([event, date, organisation, person, event_type, duration_hours]) => ({
  event,
  date,
  organisation,
  person,
  event_type,
  duration_hours,
}));
const model = buildModel(records);
const org = (name: string) => model.organisations.find((o) => o.name === name)!.id;
const person = (name: string) => model.people.find((p) => p.name === name)!.id;

describe('organisationNetwork(model) on the hand fixture', () => {
  const g = organisationNetwork(model, { eventTypeWeights: { webinar: 0.25 }, fadeAfter: '1m', strongMin: 2 });
  const tie = (a: string, b: string) => g.getEdgeAttributes(g.edge(org(a), org(b))!);

  it('has 5 organisations and the 9 ties AB AC AD BC BD BE CD CE DE', () => {
    expect(g.order).toBe(5);
    expect(g.size).toBe(9);
    expect(g.hasEdge(org('A'), org('E'))).toBe(false);
  });

  it('counts shared_events and newman with n_e in organisations', () => {
    // AB: E1 + E2 = 1/2 + 1/2 = 1. BC: E1 + E3 = 1/2 + 1/3 = 5/6. BD: E2 + E3 = 5/6. DE: E3 + E4 = 1/3 + 1 = 4/3.
    expect(tie('A', 'B')).toMatchObject({ shared_events: 2, first_shared: '2023-01-10', last_shared: '2023-02-10' });
    expect(tie('A', 'B').newman).toBeCloseTo(1, 12);
    expect(tie('B', 'C').newman).toBeCloseTo(5 / 6, 12);
    expect(tie('B', 'D').newman).toBeCloseTo(5 / 6, 12);
    expect(tie('D', 'E').newman).toBeCloseTo(4 / 3, 12);
    // Single shared events: AC, AD at n_e = 3 (1/2); BE, CD, CE at n_e = 4 (1/3).
    expect(tie('A', 'C')).toMatchObject({ shared_events: 1, newman: 0.5 });
    expect(tie('A', 'D')).toMatchObject({ shared_events: 1, newman: 0.5 });
    for (const [a, b] of [['B', 'E'], ['C', 'D'], ['C', 'E']] as const) {
      expect(tie(a, b).shared_events).toBe(1);
      expect(tie(a, b).newman).toBeCloseTo(1 / 3, 12);
    }
  });

  it('counts person_pairs with the affiliation of each row', () => {
    // AB: p1–p3, p2–p3 (E1; p1–p3 again at E2) = 2.   AC: p1–p4, p2–p4 = 2.
    // BC: p3–p4 (E1), p2–p4 (E3, p2 now for B) = 2.   AD: p1–p5 = 1.
    // BD: p3–p5 (E2), p2–p6, p2–p5 (E3) = 3.          CD: p4–p6, p4–p5 = 2.
    // BE, CE: E came without a person = 0.             DE: p6–p7 = 1.
    const expected: Record<string, number> = { AB: 2, AC: 2, BC: 2, AD: 1, BD: 3, CD: 2, BE: 0, CE: 0, DE: 1 };
    for (const [pair, n] of Object.entries(expected)) expect(tie(pair[0]!, pair[1]!).person_pairs, pair).toBe(n);
  });

  it('counts internal ties on nodes, not as edges', () => {
    // A: p1–p2 at E1. D: p5–p6 at E3. Others have no two members at one event.
    const internal = Object.fromEntries(['A', 'B', 'C', 'D', 'E'].map((n) => [n, g.getNodeAttribute(org(n), 'internal_ties')]));
    expect(internal).toEqual({ A: 1, B: 0, C: 0, D: 1, E: 0 });
  });

  it('writes node attributes people, events, first_seen, last_seen', () => {
    // A: p1, p2 at E1–E2. B: p3, p2 at E1–E3. C: p4 at E1, E3. D: p5, p6 at E2–E4. E: p7 (+ a row without person) at E3–E4.
    expect(g.getNodeAttributes(org('A'))).toMatchObject({ people: 2, events: 2, first_seen: '2023-01-10', last_seen: '2023-02-10' });
    expect(g.getNodeAttributes(org('B'))).toMatchObject({ people: 2, events: 3, first_seen: '2023-01-10', last_seen: '2023-03-10' });
    expect(g.getNodeAttributes(org('C'))).toMatchObject({ people: 1, events: 2 });
    expect(g.getNodeAttributes(org('D'))).toMatchObject({ people: 2, events: 3, first_seen: '2023-02-10', last_seen: '2023-04-10' });
    expect(g.getNodeAttributes(org('E'))).toMatchObject({ people: 1, events: 2, first_seen: '2023-03-10' });
  });

  it('sums weighted (webinar 0.25) and hours (unknown durations skipped, null when none known)', () => {
    // AB: training 1 + webinar 0.25 = 1.25; hours 2 + ? = 2. AD: webinar only: 0.25, hours null. DE: 1 + 1 = 2; 3 + 1.5 = 4.5.
    expect(tie('A', 'B')).toMatchObject({ weighted: 1.25, hours: 2 });
    expect(tie('A', 'D')).toMatchObject({ weighted: 0.25, hours: null });
    expect(tie('D', 'E')).toMatchObject({ weighted: 2, hours: 4.5 });
  });

  it('computes neighbourhood overlap and local bridges', () => {
    // N(A) = {B,C,D}, N(B) = {A,C,D,E}: common {C,D} = 2, overlap 2 / ((3−1) + (4−1) − 2) = 2/3.
    expect(tie('A', 'B').neighbourhood_overlap).toBeCloseTo(2 / 3, 12);
    // N(D) = {A,B,C,E}, N(E) = {B,C,D}: common {B,C} = 2, overlap 2 / (3 + 2 − 2) = 2/3.
    expect(tie('D', 'E').neighbourhood_overlap).toBeCloseTo(2 / 3, 12);
    g.forEachEdge((_e, attr) => expect(attr.local_bridge).toBe(false));
  });

  it('classifies strong (shared_events >= 2) and fading (last shared before 2023-03-10 = as-of 2023-04-10 minus 1m)', () => {
    expect(tie('A', 'B')).toMatchObject({ class: 'strong', state: 'fading' });
    expect(tie('A', 'C')).toMatchObject({ class: 'weak', state: 'fading' });
    // BC last shared 2023-03-10: exactly one month before the as-of date is not "more than" 1m: active.
    expect(tie('B', 'C')).toMatchObject({ class: 'strong', state: 'active' });
    expect(tie('D', 'E')).toMatchObject({ class: 'strong', state: 'active' });
    expect(tie('C', 'E')).toMatchObject({ class: 'weak', state: 'active' });
  });

  it('with exclude "D" leaves out D and its staff p5, p6', () => {
    // E2 {A,B}; E3 {B,C,E} (p2@B, p4@C, E); E4 {E}. Ties AB 2, AC 1, BC 2, BE 1, CE 1.
    const x = organisationNetwork(model, { exclude: 'D' });
    expect(x.hasNode(org('D'))).toBe(false);
    expect(x.size).toBe(5);
    expect(x.getEdgeAttribute(x.edge(org('B'), org('C'))!, 'shared_events')).toBe(2);
    expect(x.getEdgeAttribute(x.edge(org('B'), org('E'))!, 'newman')).toBeCloseTo(1 / 2, 12);
    const people = personNetwork(model, { exclude: org('D') });
    expect(people.hasNode(person('p5'))).toBe(false);
    expect(people.hasNode(person('p6'))).toBe(false);
    expect(people.order).toBe(5);
  });

  it('with maxEventSize 3 keeps E1 and E3 (4 people each) as attendance but not as ties', () => {
    // Ties only from E2 {A,B,D} and E4 {D,E}: AB, AD, BD, DE.
    const x = organisationNetwork(model, { maxEventSize: 3 });
    expect(x.size).toBe(4);
    expect(x.getNodeAttribute(org('A'), 'events')).toBe(2);
    expect(x.getNodeAttribute(org('A'), 'internal_ties')).toBe(0);
    expect(x.getEdgeAttribute(x.edge(org('A'), org('B'))!, 'person_pairs')).toBe(1);
  });

  it('sizes an event without people by its organisations for maxEventSize', () => {
    const m = buildModel([
      { event: 'Meeting', date: '2023-01-01', person: null, organisation: 'X' },
      { event: 'Meeting', date: '2023-01-01', person: null, organisation: 'Y' },
      { event: 'Meeting', date: '2023-01-01', person: null, organisation: 'Z' },
    ]);
    expect(organisationNetwork(m, { maxEventSize: 3 }).size).toBe(3);
    expect(organisationNetwork(m, { maxEventSize: 2 }).size).toBe(0);
    expect(organisationNetwork(m, { maxEventSize: 2 }).order).toBe(3);
  });

  it('restricts to a window (from/to inclusive)', () => {
    // E2..E3 only: {A,B,D} and {B,C,D,E}.
    const x = organisationNetwork(model, { from: '2023-02-10', to: '2023-03-10' });
    expect(x.getEdgeAttribute(x.edge(org('B'), org('D'))!, 'shared_events')).toBe(2);
    expect(x.hasEdge(org('A'), org('C'))).toBe(false);
    expect(x.getNodeAttribute(org('A'), 'events')).toBe(1);
    expect(projectOrganisations(model, { from: '2023-02-10', to: '2023-03-10' }).length).toBe(x.size);
  });
});

describe('personNetwork(model) on the hand fixture', () => {
  const g = personNetwork(model);
  it('gives p2 the organisation of the last attendance (B) and Jaccard over events', () => {
    expect(g.getNodeAttributes(person('p2'))).toMatchObject({ organisation: org('B'), events: 2, first_seen: '2023-01-10', last_seen: '2023-03-10' });
    // p1 {E1,E2}, p3 {E1,E2}: jaccard 2/2 = 1. p2 {E1,E3}, p4 {E1,E3}: 1. p1, p4: 1 / 3.
    expect(g.getEdgeAttribute(g.edge(person('p1'), person('p3'))!, 'jaccard')).toBe(1);
    expect(g.getEdgeAttribute(g.edge(person('p1'), person('p4'))!, 'jaccard')).toBeCloseTo(1 / 3, 12);
    // newman for p2–p4: E1 (4 people, 1/3) + E3 (4 people, 1/3) = 2/3.
    expect(g.getEdgeAttribute(g.edge(person('p2'), person('p4'))!, 'newman')).toBeCloseTo(2 / 3, 12);
  });
});
